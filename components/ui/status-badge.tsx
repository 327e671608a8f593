"use client";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import { OUTCOME_BADGE } from "@/components/charts/chart-config";
import { isOrderStatus, messageOutcome, orderOutcome } from "@/lib/reports/contract/statuses";

export function OrderStatusBadge({ status }: { status: number }) {
  const { t } = useI18n();
  const label = isOrderStatus(status)
    ? t.orderStatus[status]
    : interpolate(t.orderStatus.unknown, { code: status });
  const outcome = orderOutcome(status);
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${outcome ? OUTCOME_BADGE[outcome] : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200"}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {label}
    </span>
  );
}

export function MessageStatusBadge({ status }: { status: number }) {
  const { t } = useI18n();
  const outcome = messageOutcome(status);
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${outcome ? OUTCOME_BADGE[outcome] : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200"}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {outcome ? t.outcome[outcome] : interpolate(t.orderStatus.unknown, { code: status })}
    </span>
  );
}
