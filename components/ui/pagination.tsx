"use client";
import { ChevronLeftIcon, ChevronRightIcon } from "./icons";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";

/** "1–50 of 1,234", page size and previous/next; pages count from 1. */
export function Pagination({
  page,
  pageSize,
  total,
  pageSizes,
  onPage,
  onPageSize,
  showing,
  testId = "pagination",
}: {
  page: number;
  pageSize: number;
  total: number;
  pageSizes: readonly number[];
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
  /** "{from}–{to} of {total}" in the words of what is paged (default: orders). */
  showing?: string;
  testId?: string;
}) {
  const { t, fmt } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : Math.min((page - 1) * pageSize + 1, total);
  const to = Math.min(page * pageSize, total);
  return (
    <nav
      aria-label={interpolate(t.table.pageOf, { page: fmt.number(page), pages: fmt.number(pages) })}
      className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm"
      data-testid={testId}
    >
      <p className="muted tabular-nums" aria-live="polite">
        {interpolate(showing ?? t.table.showing, {
          from: fmt.number(from),
          to: fmt.number(to),
          total: fmt.number(total),
        })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2">
          <span className="muted">{t.table.pageSize}</span>
          <select
            className="input py-1"
            value={pageSize}
            onChange={(e) => onPageSize(Number(e.target.value))}
            data-testid={`${testId}-size`}
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <span className="tabular-nums">
          {interpolate(t.table.pageOf, { page: fmt.number(page), pages: fmt.number(pages) })}
        </span>
        <div className="flex gap-1">
          <button
            type="button"
            className="icon-button"
            onClick={() => onPage(page - 1)}
            disabled={page <= 1}
            aria-label={t.table.previous}
            data-testid={`${testId}-prev`}
          >
            <ChevronLeftIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={() => onPage(page + 1)}
            disabled={page >= pages}
            aria-label={t.table.next}
            data-testid={`${testId}-next`}
          >
            <ChevronRightIcon />
          </button>
        </div>
      </div>
    </nav>
  );
}
