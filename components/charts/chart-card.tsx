import type { ReactNode } from "react";

/**
 * A chart with its text alternatives: a screen-reader summary, and the same data as a table behind
 * a disclosure. The drawing itself is hidden from assistive technology; the table offers its actions.
 */
export function ChartCard({
  title,
  hint,
  actions,
  summary,
  table,
  tableLabel,
  children,
  className = "",
  testId,
}: {
  title: string;
  hint?: string;
  /** Controls beside the title (outside the drawing, so assistive technology reaches them). */
  actions?: ReactNode;
  summary: string;
  table: ReactNode;
  tableLabel: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section
      className={`card flex min-w-0 flex-col p-4 ${className}`}
      aria-label={title}
      data-testid={testId}
    >
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 className="card-title">{title}</h2>
        {hint ? <p className="muted text-xs">{hint}</p> : null}
        {actions ? <div className="ml-auto">{actions}</div> : null}
      </div>
      <p className="sr-only" data-testid={testId ? `${testId}-summary` : undefined}>
        {summary}
      </p>
      <div aria-hidden="true" className="min-w-0">
        {children}
      </div>
      <details className="group mt-3 text-sm">
        <summary className="muted cursor-pointer rounded text-xs font-medium select-none hover:text-slate-900 dark:hover:text-white">
          {tableLabel}
        </summary>
        <div className="mt-2 max-h-80 overflow-auto">{table}</div>
      </details>
    </section>
  );
}

export function ChartSkeleton({
  height = 280,
  className = "",
}: {
  height?: number;
  className?: string;
}) {
  return (
    <div className={`card flex flex-col gap-3 p-4 ${className}`} aria-hidden="true">
      <div className="skeleton h-4 w-40" />
      <div className="skeleton w-full" style={{ height }} />
    </div>
  );
}

export const dataTableClass =
  "w-full text-xs tabular-nums [&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_th]:font-medium [&_tr]:border-b [&_tr]:border-slate-100 dark:[&_tr]:border-slate-800";
