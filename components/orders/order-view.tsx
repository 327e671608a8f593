"use client";
// /orders/{id}: the order's counters, settled meter and details, and its recipients.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { Banner } from "@/components/ui/banner";
import { OrderStatusBadge } from "@/components/ui/status-badge";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import { ApiError } from "@/lib/api/api-error";
import { orderQueryOptions, safeReportHref } from "@/lib/client/order-queries";
import { orderSearchParams, sanitizeOrderView } from "@/lib/reports/contract/order-query";
import { OrderLabel } from "./order-label";
import { OrderSummary, OrderSummarySkeleton } from "./order-summary";
import { RecipientsPanel } from "./recipients-panel";

export function OrderView({ id }: { id: number }) {
  const { t } = useI18n();
  const [params, setParams] = useQueryStates(orderSearchParams, { history: "push", scroll: false });
  const [reveal, setReveal] = useState(false);
  const view = sanitizeOrderView(id, params, reveal);
  const detail = useQuery({
    ...orderQueryOptions(view),
    // Another page, filter or the reveal toggle keeps the order on screen while recipients load.
    placeholderData: (previous) => previous,
  });
  const backHref = safeReportHref(params.from);
  const error = detail.error instanceof ApiError ? detail.error : null;

  return (
    <>
      <div>
        <Link
          href={backHref}
          className="inline-flex items-center gap-1.5 rounded text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
          data-testid="back-to-report"
        >
          <ArrowLeftIcon />
          {t.order.back}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight">
            {interpolate(t.order.title, { id })}
          </h1>
          {detail.data ? <OrderStatusBadge status={detail.data.order.status} /> : null}
        </div>
        {detail.data ? (
          <div className="mt-2">
            <OrderLabel id={id} label={detail.data.order.label} />
          </div>
        ) : null}
      </div>

      {error?.code === "order_not_found" ? (
        <Banner tone="error" title={t.order.notFoundTitle} testId="order-not-found">
          {interpolate(t.order.notFoundBody, { id })}
        </Banner>
      ) : error?.code === "order_not_due" ? (
        <Banner tone="info" title={t.order.notDueTitle} testId="order-not-due">
          {t.order.notDueBody}
        </Banner>
      ) : detail.error && !detail.isFetching ? (
        <ErrorBanner error={detail.error} onRetry={() => void detail.refetch()} />
      ) : null}

      {detail.data ? (
        <>
          <OrderSummary order={detail.data.order} />
          <RecipientsPanel
            view={view}
            messages={detail.data.messages}
            loading={detail.isPlaceholderData}
            onReveal={setReveal}
            onParams={(next) => void setParams(next)}
          />
        </>
      ) : detail.isPending && !detail.error ? (
        <OrderSummarySkeleton />
      ) : null}
    </>
  );
}
