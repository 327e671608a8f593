// The order page's react-query options and links.
import { queryOptions } from "@tanstack/react-query";
import { serializeOrderParams, type OrderView } from "@/lib/reports/contract/order-query";
import type { OrderDetailResponse } from "@/lib/reports/contract/types";
import { getJson } from "./fetch-json";

function apiSearch(view: OrderView, withPage = true): string {
  const search = serializeOrderParams({
    page: withPage ? view.page : null,
    pageSize: withPage ? view.pageSize : null,
    status: view.status,
  });
  const sep = search ? "&" : "?";
  return view.reveal ? `${search}${sep}reveal=1` : search;
}

export function orderKey(view: OrderView) {
  return ["order", view.id, apiSearch(view)] as const;
}

export function orderQueryOptions(view: OrderView) {
  return queryOptions({
    queryKey: orderKey(view),
    queryFn: () => getJson<OrderDetailResponse>(`/api/orders/${view.id}${apiSearch(view)}`),
  });
}

export function orderExportHref(view: OrderView): string {
  return `/api/orders/${view.id}/export${apiSearch(view, false)}`;
}

/** Only a report URL on this site may be the target of "back to report". */
export function safeReportHref(from: string | null | undefined): string {
  if (from && /^\/reports(?:[?#]|$)/.test(from)) return from;
  return "/reports";
}

export function orderHref(id: number, reportHref: string): string {
  return `/orders/${id}?from=${encodeURIComponent(reportHref)}`;
}
