import { OUTCOME_COLOR, OUTCOMES, type Outcome } from "@/components/charts/chart-config";

/** A proportional bar of delivered / undelivered / waiting with the delivery rate beside it. */
export function RateBar({ counts, label }: { counts: Record<Outcome, number>; label: string }) {
  const total = OUTCOMES.reduce((sum, o) => sum + counts[o], 0);
  return (
    <div className="flex min-w-28 items-center gap-2">
      <div
        className="flex h-2 w-16 shrink-0 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
        aria-hidden="true"
      >
        {total > 0
          ? OUTCOMES.map((o) =>
              counts[o] > 0 ? (
                <span
                  key={o}
                  style={{ width: `${(counts[o] / total) * 100}%`, background: OUTCOME_COLOR[o] }}
                />
              ) : null,
            )
          : null}
      </div>
      <span className="text-xs tabular-nums">{label}</span>
    </div>
  );
}
