"use client";
// Typing a campaign label: suggestions from the labels in use (the datalist follows what is
// typed), the same rules as the API checked as you type, and Save / Remove.
import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useI18n } from "@/lib/i18n/context";
import { checkLabel } from "@/lib/labels/label-rules";
import { labelsQueryOptions } from "@/lib/client/label-queries";

export function LabelEditor({
  initial,
  onSave,
  onRemove,
  onCancel,
  pending,
  error,
  saveText,
  removeText,
  testId = "label-editor",
}: {
  initial: string | null;
  onSave: (label: string) => void;
  /** Offered when there is a label to remove. */
  onRemove?: () => void;
  onCancel?: () => void;
  pending: boolean;
  error: unknown;
  saveText?: string;
  removeText?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const words = t.labels;
  const listId = useId();
  const [text, setText] = useState(initial ?? "");
  const [touched, setTouched] = useState(false);
  const prefix = text.trim().slice(0, 40);
  const suggestions = useQuery({ ...labelsQueryOptions(prefix), placeholderData: (p) => p });
  const checked = checkLabel(text);
  const problem = touched && !checked.ok ? words.problems[checked.problem] : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (checked.ok) onSave(checked.label);
  };

  return (
    <form className="flex flex-col gap-2" onSubmit={submit} data-testid={testId}>
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor={`${listId}-input`}>
          {words.label}
        </label>
        <input
          id={`${listId}-input`}
          className="input min-w-0 flex-1 sm:w-64 sm:flex-none"
          list={listId}
          value={text}
          maxLength={320}
          placeholder={words.placeholder}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${listId}-problem` : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => setTouched(text !== "")}
          data-testid="label-input"
        />
        <datalist id={listId}>
          {(suggestions.data?.labels ?? []).map((l) => (
            <option key={l.label} value={l.label} />
          ))}
        </datalist>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={pending}
          data-testid="label-save"
        >
          {saveText ?? words.save}
        </button>
        {onRemove ? (
          <button
            type="button"
            className="btn"
            disabled={pending}
            onClick={onRemove}
            data-testid="label-remove"
          >
            {removeText ?? words.remove}
          </button>
        ) : null}
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            {words.cancel}
          </button>
        ) : null}
      </div>
      {problem ? (
        <p id={`${listId}-problem`} className="text-sm text-red-700 dark:text-red-300" role="alert">
          {problem}
        </p>
      ) : null}
      {error ? <ErrorBanner error={error} /> : null}
    </form>
  );
}

/** A label as a chip (or nothing). */
export function LabelChip({ label }: { label: string | null }) {
  if (!label) return null;
  return (
    <span
      className="inline-flex max-w-48 items-center truncate rounded-full bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-900 dark:bg-violet-500/15 dark:text-violet-100"
      title={label}
      data-testid="label-chip"
    >
      {label}
    </span>
  );
}
