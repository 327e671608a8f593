"use client";
// The order's campaign label on its page: shown to everyone, set, changed or removed by analysts
// and admins.
import { useState } from "react";
import { LabelChip, LabelEditor } from "@/components/labels/label-editor";
import { useI18n } from "@/lib/i18n/context";
import { useSetLabel } from "@/lib/client/label-queries";
import { useCan } from "@/lib/client/role-context";

export function OrderLabel({ id, label }: { id: number; label: string | null }) {
  const { t } = useI18n();
  const words = t.labels;
  const canEdit = useCan("label");
  const [editing, setEditing] = useState(false);
  const mutation = useSetLabel(id);
  const save = (next: string | null) =>
    mutation.mutate(next, { onSuccess: () => setEditing(false) });

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="order-label">
      <span className="muted">{words.campaign}:</span>
      {editing ? (
        <LabelEditor
          initial={label}
          onSave={save}
          onRemove={label ? () => save(null) : undefined}
          onCancel={() => setEditing(false)}
          pending={mutation.isPending}
          error={mutation.error}
        />
      ) : (
        <>
          {label ? <LabelChip label={label} /> : <span className="muted">{words.none}</span>}
          {canEdit ? (
            <button
              type="button"
              className="rounded text-sm font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
              onClick={() => {
                mutation.reset();
                setEditing(true);
              }}
              data-testid="label-edit"
            >
              {label ? words.change : words.add}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
