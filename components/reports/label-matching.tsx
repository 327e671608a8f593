"use client";
// "Label these orders": one label on every order the page's range and filters match, on every
// page (POST /api/labels with the report's query), or taken off them; analysts and admins only.
import { useCallback, useRef, useState } from "react";
import { useCloseOnOutside } from "@/lib/client/use-close-on-outside";
import { LabelEditor } from "@/components/labels/label-editor";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import { useLabelMany, type LabelTarget } from "@/lib/client/label-queries";
import { useCan } from "@/lib/client/role-context";

/** The most orders one change may label (the API's MAX_LABEL_IDS). */
const MAX = 5000;

export function LabelMatching({
  target,
  count,
  text,
  testId = "label-matching",
}: {
  /** The orders to label: the report's query (every page), or chosen ids. */
  target: LabelTarget;
  count: number;
  text?: string;
  testId?: string;
}) {
  const { t, fmt, plural } = useI18n();
  const words = t.labels;
  const canLabel = useCan("label");
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const mutation = useLabelMany();
  const rootRef = useRef<HTMLDivElement>(null);

  useCloseOnOutside(
    open,
    rootRef,
    useCallback(() => setOpen(false), []),
  );

  if (!canLabel || count === 0) return null;
  const apply = (label: string | null) =>
    mutation.mutate(
      { label, target },
      {
        onSuccess: ({ labelled }) => {
          setDone(labelled);
          setOpen(false);
        },
      },
    );

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        onClick={() => {
          mutation.reset();
          setDone(null);
          setOpen((v) => !v);
        }}
        data-testid={testId}
      >
        {text ?? words.labelMatching}
      </button>
      {done !== null ? (
        <span className="muted ml-2 text-xs" role="status" data-testid={`${testId}-done`}>
          {interpolate(plural(words.labelled, done), { count: fmt.number(done) })}
        </span>
      ) : null}
      {open ? (
        <div
          className="card absolute top-full right-0 z-30 mt-1 w-[26rem] max-w-[calc(100vw-2rem)] p-3 shadow-xl"
          role="dialog"
          aria-label={words.labelMatchingTitle}
        >
          <p className="mb-2 text-sm font-medium">{words.labelMatchingTitle}</p>
          {count > MAX ? (
            <p className="text-sm text-amber-800 dark:text-amber-200" role="alert">
              {words.tooMany}
            </p>
          ) : (
            <>
              <p className="muted mb-2 text-xs">
                {interpolate(plural(words.labelMatchingHint, count), {
                  count: fmt.number(count),
                })}
              </p>
              <LabelEditor
                initial={null}
                onSave={apply}
                onRemove={() => apply(null)}
                pending={mutation.isPending}
                error={mutation.error}
                saveText={words.apply}
                removeText={words.removeAll}
                testId={`${testId}-editor`}
              />
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
