"use client";
import { OUTCOME_COLOR, OUTCOME_TEXT, OUTCOMES } from "@/components/charts/chart-config";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import type { OrderDetailResponse } from "@/lib/reports/contract/types";

type OrderWithPrice = OrderDetailResponse["order"];

export function OrderSummary({ order }: { order: OrderWithPrice }) {
  const { t, fmt, plural } = useI18n();
  const final = order.delivered + order.undelivered;
  const settledShare = order.total > 0 ? final / order.total : 1;
  return (
    <section aria-label={t.order.summary} className="grid gap-4 lg:grid-cols-3">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:col-span-2">
        <Counter label={t.order.total} value={fmt.number(order.total)} testId="order-total" />
        {OUTCOMES.map((o) => (
          <Counter
            key={o}
            label={t.outcome[o]}
            value={fmt.number(order[o])}
            tone={OUTCOME_TEXT[o]}
            dot={OUTCOME_COLOR[o]}
            testId={`order-${o}`}
          />
        ))}
        <div className="card col-span-2 p-4 sm:col-span-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="card-title" id="settled-label">
              {t.order.settled}
            </h2>
            <p className="text-sm tabular-nums" data-testid="order-settled">
              {interpolate(plural(t.order.settledValue, order.total), {
                final: fmt.number(final),
                total: fmt.number(order.total),
              })}
              <span className="muted ml-2">{fmt.percent(settledShare)}</span>
            </p>
          </div>
          <div
            role="meter"
            aria-labelledby="settled-label"
            aria-valuemin={0}
            aria-valuemax={order.total}
            aria-valuenow={final}
            aria-valuetext={`${fmt.number(final)} / ${fmt.number(order.total)}`}
            className="mt-3 flex h-3 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
          >
            {order.total > 0
              ? OUTCOMES.map((o) => (
                  <span
                    key={o}
                    style={{
                      width: `${(order[o] / order.total) * 100}%`,
                      background: OUTCOME_COLOR[o],
                      opacity: o === "waiting" ? 0.45 : 1,
                    }}
                  />
                ))
              : null}
          </div>
        </div>
      </div>
      <dl className="card grid grid-cols-[auto_1fr] content-start gap-x-4 gap-y-3 p-4 text-sm">
        <dt className="muted">{t.order.sender}</dt>
        <dd className="font-medium break-words">{order.sender}</dd>
        <dt className="muted">{t.order.submitted}</dt>
        <dd className="tabular-nums">
          {fmt.timestamp(order.submitAt)} <span className="muted text-xs">({t.app.istanbul})</span>
        </dd>
        <dt className="muted">{t.order.sent}</dt>
        <dd className="tabular-nums">
          {order.sendAt ? fmt.timestamp(order.sendAt) : "—"}{" "}
          <span className="muted text-xs">({t.app.istanbul})</span>
        </dd>
        <dt className="muted">{t.order.price}</dt>
        <dd className="tabular-nums" title={t.order.priceHint} data-testid="order-price">
          {order.price == null ? "—" : fmt.decimal(order.price)}
        </dd>
      </dl>
    </section>
  );
}

function Counter({
  label,
  value,
  tone = "",
  dot,
  testId,
}: {
  label: string;
  value: string;
  tone?: string;
  dot?: string;
  testId: string;
}) {
  return (
    <div className="card p-4" data-testid={testId}>
      <p className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
        {dot ? (
          <span aria-hidden="true" className="size-2.5 rounded-full" style={{ background: dot }} />
        ) : null}
        {label}
      </p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${tone}`}>{value}</p>
    </div>
  );
}

export function OrderSummarySkeleton() {
  return (
    <div className="grid gap-4 lg:grid-cols-3" aria-hidden="true">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:col-span-2">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="card flex flex-col gap-3 p-4">
            <div className="skeleton h-4 w-16" />
            <div className="skeleton h-7 w-20" />
          </div>
        ))}
        <div className="card col-span-2 p-4 sm:col-span-4">
          <div className="skeleton h-4 w-full" />
        </div>
      </div>
      <div className="card flex flex-col gap-3 p-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="skeleton h-4 w-full" />
        ))}
      </div>
      <div className="card p-4 lg:col-span-3">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="skeleton mb-2 h-7 w-full" />
        ))}
      </div>
    </div>
  );
}
