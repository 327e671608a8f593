"use client";
// The order table on a phone (under 640 px): one card per order with what a marketer reads there
// (sender, time, messages, outcomes, rate, status); each card is a link to the order. Rendered
// next to the table and shown by CSS, so the server's HTML is right at every width; once the
// browser knows its width, only the form it shows has rows.
import Link from "next/link";
import { OUTCOME_COLOR, OUTCOMES } from "@/components/charts/chart-config";
import { OrderStatusBadge } from "@/components/ui/status-badge";
import { RateBar } from "@/components/ui/rate-bar";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import type { Sort } from "@/lib/reports/contract/report-query";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import { orderHref } from "@/lib/client/order-queries";
import { LabelChip } from "@/components/labels/label-editor";
import { COLUMNS, useWideLayout, type OrdersListProps } from "./orders-table";

export function OrdersCards({ items, sort, onSort, reportHref, dimmed }: OrdersListProps) {
  const { t, fmt, plural } = useI18n();
  const cards = useWideLayout() !== true;
  return (
    <div className="sm:hidden" data-testid="order-cards">
      <label className="flex items-center gap-2 border-b border-slate-200 px-4 py-2 text-sm dark:border-slate-800">
        <span className="muted shrink-0">{t.table.sortLabel}</span>
        <select
          className="input min-w-0 flex-1 py-1"
          value={sort}
          onChange={(e) => onSort(e.target.value as Sort)}
          data-testid="cards-sort"
        >
          {COLUMNS.flatMap((col) =>
            (["-", ""] as const).map((dir) => (
              <option key={`${dir}${col.field}`} value={`${dir}${col.field}`}>
                {interpolate(dir ? t.table.descending : t.table.ascending, {
                  field: t.table[col.label],
                })}
              </option>
            )),
          )}
        </select>
      </label>
      <ul
        className={`divide-y divide-slate-100 transition-opacity dark:divide-slate-800/70 ${dimmed ? "opacity-60" : ""}`}
        aria-busy={dimmed}
      >
        {(cards ? items : []).map((order) => (
          <li key={order.id}>
            <Link
              href={orderHref(order.id, reportHref)}
              prefetch={false} // as in the order table
              className="block px-4 py-3 -outline-offset-2 hover:bg-slate-50 dark:hover:bg-slate-800/50"
              data-testid="order-card"
            >
              <span className="sr-only">{interpolate(t.order.title, { id: order.id })}: </span>
              <div className="flex items-start justify-between gap-2">
                <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="min-w-0 truncate font-semibold" data-testid="order-card-sender">
                    {order.sender}
                  </span>
                  <LabelChip label={order.label} />
                </span>
                <OrderStatusBadge status={order.status} />
              </div>
              <div className="muted mt-0.5 flex flex-wrap gap-x-2 text-xs tabular-nums">
                <span>{fmt.timestamp(order.submitAt)}</span>
                {order.sendAt && order.sendAt !== order.submitAt ? (
                  <span>{interpolate(t.table.sentAt, { time: fmt.timestamp(order.sendAt) })}</span>
                ) : null}
              </div>
              <div className="mt-2 flex items-center justify-between gap-3">
                <span className="text-sm font-medium tabular-nums">
                  {interpolate(plural(t.table.messagesCount, order.total), {
                    count: fmt.number(order.total),
                  })}
                </span>
                <div className="flex items-center gap-2">
                  <span className="muted text-xs">{t.table.rate}</span>
                  <RateBar
                    counts={order}
                    label={fmt.percent(deliveryRate(order.delivered, order.undelivered))}
                  />
                </div>
              </div>
              <div className="mt-2 grid grid-cols-3 gap-2 text-xs">
                {OUTCOMES.map((o) => (
                  <div key={o} className="flex flex-col">
                    <span className="muted flex items-center gap-1.5">
                      <span
                        aria-hidden="true"
                        className="size-2 shrink-0 rounded-full"
                        style={{ background: OUTCOME_COLOR[o] }}
                      />
                      {t.outcome[o]}
                    </span>
                    <span className="text-sm font-semibold tabular-nums">
                      {fmt.number(order[o])}
                    </span>
                  </div>
                ))}
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
