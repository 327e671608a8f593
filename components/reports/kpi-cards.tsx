"use client";
import { memo } from "react";
import { OUTCOME_TEXT, type Outcome } from "@/components/charts/chart-config";
import { ArrowDownIcon, ArrowUpIcon } from "@/components/ui/icons";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import { COMPARES, type Compare } from "@/lib/dates";
import type { ReportResponse, Totals } from "@/lib/reports/contract/types";
import { comparisonPhrase } from "@/lib/ui/comparison";

type Metric = "orders" | "messages" | "delivered" | "undelivered" | "waiting";
const METRICS: Metric[] = ["orders", "messages", "delivered", "undelivered", "waiting"];
/** Whether a rise is good news; waiting is neither. */
const RISE_IS_GOOD: Record<Metric, boolean | null> = {
  orders: true,
  messages: true,
  delivered: true,
  undelivered: false,
  waiting: null,
};

function share(part: number, totals: Totals): number | null {
  const final = totals.delivered + totals.undelivered;
  return final > 0 ? part / final : null;
}

type CardsProps = { report: ReportResponse; today: string };

/**
 * The cards read the totals, the comparison and the range only: a sort or a page (new rows, the
 * same numbers, shared by lib/client/share-report.ts) leaves them as they are.
 */
export const KpiCards = memo(
  KpiCardsNow,
  (a, b) =>
    a.today === b.today &&
    a.report.totals === b.report.totals &&
    a.report.previous === b.report.previous &&
    a.report.range === b.report.range,
);

function KpiCardsNow({ report, today }: CardsProps) {
  const { t, fmt } = useI18n();
  const against = report.previous
    ? comparisonPhrase(t, fmt, report.range, report.previous, today)
    : "";
  return (
    <section
      aria-label={t.kpi.label}
      className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5"
    >
      {METRICS.map((metric) => (
        <KpiCard key={metric} metric={metric} report={report} against={against} />
      ))}
    </section>
  );
}

type CardProps = { metric: Metric; report: ReportResponse; against: string };

function KpiCard({ metric, report, against }: CardProps) {
  const { t, fmt } = useI18n();
  const value = report.totals[metric];
  const outcome = metric === "orders" || metric === "messages" ? null : (metric as Outcome);
  let detail: string | null = null;
  // Nothing final yet: a sentence, not "— of final messages".
  const final = report.totals.deliveryRate !== null;
  if (metric === "delivered")
    detail = final
      ? interpolate(t.kpi.deliveryRate, { rate: fmt.percent(report.totals.deliveryRate) })
      : t.kpi.noneFinal;
  if (metric === "undelivered")
    detail = final
      ? interpolate(t.kpi.undeliveredRate, { rate: fmt.percent(share(value, report.totals)) })
      : t.kpi.noneFinal;
  if (metric === "waiting") detail = t.kpi.waitingHint;
  return (
    <div
      className={`card flex flex-col gap-1 p-4 ${metric === "orders" ? "col-span-2 sm:col-span-1" : ""}`}
      data-testid={`kpi-${metric}`}
    >
      <h3 className="flex items-center gap-2 text-sm font-medium text-slate-600 dark:text-slate-300">
        {outcome ? (
          <span
            aria-hidden="true"
            className="size-2.5 rounded-full"
            style={{ background: `var(--c-${outcome})` }}
          />
        ) : null}
        {t.kpi[metric]}
      </h3>
      <p
        className={`text-2xl font-semibold tracking-tight tabular-nums sm:text-3xl ${outcome ? OUTCOME_TEXT[outcome] : ""}`}
        data-testid={`kpi-${metric}-value`}
      >
        {fmt.number(value)}
      </p>
      {detail ? (
        <p className="muted text-xs" data-testid={`kpi-${metric}-detail`}>
          {detail}
        </p>
      ) : null}
      {metric === "delivered" ? <RatePoints report={report} against={against} /> : null}
      <Change metric={metric} report={report} against={against} />
    </div>
  );
}

/** The delivery rate's change, in percentage points (a relative change of a rate misleads). */
function RatePoints({ report, against }: { report: ReportResponse; against: string }) {
  const { t, fmt } = useI18n();
  const now = report.totals.deliveryRate;
  const before = report.previous?.totals?.deliveryRate;
  if (now == null || before == null) return null;
  const diff = now - before;
  const tone =
    Math.abs(diff) < 0.0005
      ? "text-slate-600 dark:text-slate-300"
      : diff > 0
        ? "text-green-700 dark:text-green-300"
        : "text-red-700 dark:text-red-300";
  return (
    <p className={`text-xs font-medium ${tone}`} data-testid="kpi-rate-points">
      {interpolate(t.kpi.ratePoints, { points: fmt.points(diff), against })}
    </p>
  );
}

function Change({ metric, report, against }: CardProps) {
  const { t, fmt } = useI18n();
  const previous = report.previous;
  if (!previous)
    return (
      <p className="muted mt-auto pt-1 text-xs" data-testid={`kpi-${metric}-not-compared`}>
        {t.kpi.notCompared}
      </p>
    );
  if (!previous.totals)
    return (
      <p className="muted mt-auto pt-1 text-xs" data-testid={`kpi-${metric}-change-pending`}>
        {previous.pending ? t.kpi.comparing : t.kpi.comparisonUnavailable}
      </p>
    );
  const now = report.totals[metric];
  const before = previous.totals[metric];
  const previousText = interpolate(t.kpi.previous, {
    range: fmt.dateRange(previous.range),
    value: fmt.number(before),
  });
  const words = { against };
  const ratio = before === 0 ? (now === 0 ? 0 : null) : (now - before) / before;
  const direction = now > before ? "up" : now < before ? "down" : "flat";
  const good = RISE_IS_GOOD[metric];
  const tone =
    direction === "flat" || good === null
      ? "text-slate-600 dark:text-slate-300"
      : (direction === "up") === good
        ? "text-green-700 dark:text-green-300"
        : "text-red-700 dark:text-red-300";

  return (
    <p className="group relative mt-auto pt-1 text-xs" data-testid={`kpi-${metric}-change`}>
      <span
        tabIndex={0}
        className={`inline-flex items-start gap-1 rounded font-medium ${tone}`}
        aria-describedby={`prev-${metric}`}
      >
        {direction === "up" ? <ArrowUpIcon className="mt-px size-3.5 shrink-0" /> : null}
        {direction === "down" ? <ArrowDownIcon className="mt-px size-3.5 shrink-0" /> : null}
        {direction === "flat"
          ? interpolate(t.kpi.noChange, words)
          : ratio === null
            ? interpolate(t.kpi.fromZero, words)
            : interpolate(direction === "up" ? t.kpi.changeUp : t.kpi.changeDown, {
                change: fmt.change(ratio),
                against,
              })}
      </span>
      <span
        id={`prev-${metric}`}
        role="tooltip"
        className="pointer-events-none absolute bottom-full left-0 z-20 mb-1 hidden w-max max-w-56 rounded-md bg-slate-900 px-2 py-1 text-xs text-white shadow-lg group-focus-within:block group-hover:block dark:bg-slate-100 dark:text-slate-900"
      >
        {previousText}
      </span>
    </p>
  );
}

/** What the cards compare with: the previous period, the same days last year, or nothing. */
export function CompareSelect({
  compare,
  onChange,
}: {
  compare: Compare;
  onChange: (compare: Compare) => void;
}) {
  const { t } = useI18n();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="muted">{t.kpi.compareLabel}</span>
      <select
        className="input py-1"
        value={compare}
        onChange={(e) => onChange(e.target.value as Compare)}
        data-testid="compare-select"
      >
        {COMPARES.map((c) => (
          <option key={c} value={c}>
            {t.kpi.compareOptions[c]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function KpiSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-hidden="true">
      {METRICS.map((m) => (
        <div
          key={m}
          className={`card flex flex-col gap-3 p-4 ${m === "orders" ? "col-span-2 sm:col-span-1" : ""}`}
        >
          <div className="skeleton h-4 w-20" />
          <div className="skeleton h-8 w-28" />
          <div className="skeleton h-3 w-32" />
        </div>
      ))}
    </div>
  );
}
