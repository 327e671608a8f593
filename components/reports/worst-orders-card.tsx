"use client";
// The orders that went worst: most undelivered messages, or lowest delivery rate, among orders of
// at least a size the user picks (a 1-message OTP at 0 % is not a campaign that failed). The same
// report API with the page's filters, a minimum size and a sort, five rows; it asks only once the
// report itself is in, so it never competes with the range's first load.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { parseAsInteger, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useState } from "react";
import { RateBar } from "@/components/ui/rate-bar";
import { Segmented } from "@/components/ui/segmented";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import { orderHref } from "@/lib/client/order-queries";
import { reportQueryOptions } from "@/lib/client/report-queries";
import type { ReportQuery, Sort } from "@/lib/reports/contract/report-query";
import { deliveryRate } from "@/lib/reports/contract/statuses";

const WORST_BY = ["undelivered", "rate"] as const;
type WorstBy = (typeof WORST_BY)[number];
const DEFAULT_WORST_MIN = 100;
const SHOWN = 5;
const SORT_OF: Record<WorstBy, Sort> = { undelivered: "-undelivered", rate: "deliveryRate" };

const worstParams = {
  worstMin: parseAsInteger.withDefault(DEFAULT_WORST_MIN),
  worstBy: parseAsStringLiteral(WORST_BY).withDefault("undelivered"),
};

/** The report query behind the card: the page's filters, at least `min` messages, five rows. */
function worstQuery(query: ReportQuery, min: number, by: WorstBy): ReportQuery {
  return {
    ...query,
    minMessages: Math.max(min, query.minMessages ?? 1),
    sort: SORT_OF[by],
    page: 1,
    pageSize: SHOWN,
    compare: "none",
    bucket: undefined,
    refresh: false,
  };
}

export function WorstOrdersCard({
  query,
  ready,
  reportHref,
  onShowAll,
}: {
  query: ReportQuery;
  /** The report itself is in: the card may ask now. */
  ready: boolean;
  reportHref: string;
  /** Shows the same selection in the order table. */
  onShowAll: (minMessages: number, sort: Sort) => void;
}) {
  const { t, fmt, plural } = useI18n();
  const words = t.worst;
  const [{ worstMin, worstBy }, setWorst] = useQueryStates(worstParams, {
    history: "replace",
    scroll: false,
  });
  const min = Math.min(Math.max(1, worstMin), 10_000_000);
  const q = worstQuery(query, min, worstBy);
  const result = useQuery({
    ...reportQueryOptions(q),
    enabled: ready,
    placeholderData: keepPreviousData,
  });
  const items = (result.data?.orders.items ?? []).filter((o) =>
    worstBy === "undelivered"
      ? o.undelivered > 0
      : deliveryRate(o.delivered, o.undelivered) !== null,
  );
  const effectiveMin = q.minMessages ?? min;

  return (
    <section className="card min-w-0 p-4" aria-labelledby="worst-title" data-testid="worst-orders">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-2">
        <h2 id="worst-title" className="card-title">
          {words.title}
        </h2>
        <Segmented
          label={words.by}
          options={WORST_BY.map((b) => ({ value: b, text: words.byNames[b] }))}
          value={worstBy}
          onChange={(b) => void setWorst({ worstBy: b === "undelivered" ? null : b })}
        />
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <MinSize
          value={min}
          onChange={(n) => void setWorst({ worstMin: n === DEFAULT_WORST_MIN ? null : n })}
        />
        {query.minMessages !== undefined && query.minMessages > min ? (
          <span className="muted text-xs">
            {interpolate(words.tableMinWins, { n: fmt.number(query.minMessages) })}
          </span>
        ) : null}
      </div>
      {result.error ? (
        <p className="mt-3 text-sm text-red-700 dark:text-red-300" role="alert">
          {words.failed}
        </p>
      ) : !result.data ? (
        <div className="mt-3 flex flex-col gap-2" aria-hidden="true">
          {Array.from({ length: 3 }, (_, i) => (
            <div key={i} className="skeleton h-9 w-full" />
          ))}
        </div>
      ) : items.length === 0 ? (
        <p className="muted mt-3 text-sm" data-testid="worst-empty">
          {interpolate(worstBy === "undelivered" ? words.emptyUndelivered : words.emptyRate, {
            n: fmt.number(effectiveMin),
          })}
        </p>
      ) : (
        <ol
          className={`mt-3 divide-y divide-slate-100 dark:divide-slate-800/70 ${result.isPlaceholderData ? "opacity-60" : ""}`}
        >
          {items.map((o) => (
            <li key={o.id} data-testid="worst-order">
              <Link
                href={orderHref(o.id, reportHref)}
                prefetch={false} // as in the order table
                className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 -outline-offset-2 hover:bg-slate-50 dark:hover:bg-slate-800/50"
              >
                <span className="min-w-0">
                  <span className="block truncate font-medium">
                    {o.sender} <span className="muted font-normal tabular-nums">#{o.id}</span>
                  </span>
                  <span className="muted block text-xs tabular-nums">
                    {fmt.timestamp(o.submitAt)} ·{" "}
                    {interpolate(plural(words.messages, o.total), { n: fmt.number(o.total) })}
                  </span>
                </span>
                <span className="flex items-center gap-3 text-sm tabular-nums">
                  <span className="text-undelivered dark:text-undelivered-dark font-semibold">
                    {interpolate(words.undelivered, { n: fmt.number(o.undelivered) })}
                  </span>
                  <RateBar
                    counts={o}
                    label={fmt.percent(deliveryRate(o.delivered, o.undelivered))}
                  />
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
      {result.data && result.data.orders.total > 0 ? (
        <button
          type="button"
          className="mt-2 text-sm font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
          onClick={() => onShowAll(effectiveMin, SORT_OF[worstBy])}
          data-testid="worst-show-all"
        >
          {interpolate(plural(words.showAll, result.data.orders.total), {
            n: fmt.number(result.data.orders.total),
          })}
        </button>
      ) : null}
    </section>
  );
}

/** The minimum size: applied on Enter or leaving the box, like the table's filter. */
function MinSize({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(String(value));
  const [synced, setSynced] = useState(value);
  if (value !== synced) {
    setSynced(value);
    setText(String(value));
  }
  const apply = () => {
    const n = Number(text.trim());
    if (Number.isInteger(n) && n >= 1 && n !== value) onChange(Math.min(n, 10_000_000));
    else setText(String(value));
  };
  return (
    <label className="flex items-center gap-2">
      <span className="muted">{t.worst.minSize}</span>
      <input
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        className="input w-24 py-1"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === "Enter") apply();
        }}
        data-testid="worst-min"
      />
    </label>
  );
}
