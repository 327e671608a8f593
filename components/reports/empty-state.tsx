"use client";
import { CalendarIcon } from "@/components/ui/icons";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";

export function EmptyState({
  filtered,
  range,
  onClear,
}: {
  filtered: boolean;
  range: { start: string; end: string };
  onClear: () => void;
}) {
  const { t, fmt } = useI18n();
  return (
    <section
      className="card flex flex-col items-center px-6 py-14 text-center"
      data-testid="empty-state"
    >
      <span className="flex size-12 items-center justify-center rounded-full bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-300">
        <CalendarIcon className="size-6" />
      </span>
      <h2 className="mt-4 text-lg font-semibold">
        {filtered ? t.report.emptyFilteredTitle : t.report.emptyTitle}
      </h2>
      <p className="muted mt-1 max-w-md text-sm">
        {filtered
          ? t.report.emptyFilteredBody
          : interpolate(t.report.emptyBody, {
              start: fmt.date(range.start),
              end: fmt.date(range.end),
            })}
      </p>
      {filtered ? (
        <button type="button" className="btn btn-primary mt-5" onClick={onClear}>
          {t.report.clearFilters}
        </button>
      ) : null}
    </section>
  );
}
