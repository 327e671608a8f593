"use client";
import type { ReactNode } from "react";

/** The tooltip box every chart uses: a title and label/value rows with colour keys. */
export function TooltipBox({
  title,
  rows,
  footer,
}: {
  title: string;
  rows: { key: string; label: string; value: string; color?: string }[];
  footer?: ReactNode;
}) {
  return (
    <div
      className="min-w-44 rounded-lg border border-slate-200 bg-white p-3 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900"
      data-testid="chart-tooltip"
    >
      <p className="mb-1.5 font-semibold">{title}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {rows.map((row) => (
          <div key={row.key} className="contents">
            <dt className="flex items-center gap-1.5 text-slate-600 dark:text-slate-300">
              {row.color ? (
                <span className="size-2 rounded-sm" style={{ background: row.color }} />
              ) : null}
              {row.label}
            </dt>
            <dd className="text-right font-medium tabular-nums">{row.value}</dd>
          </div>
        ))}
      </dl>
      {footer ? (
        <div className="mt-2 border-t border-slate-200 pt-1.5 dark:border-slate-700">{footer}</div>
      ) : null}
    </div>
  );
}
