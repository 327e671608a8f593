// The order page's URL state and the react-query options of GET /api/orders/{id}.
import { queryOptions } from "@tanstack/react-query";
import {
  createSerializer,
  parseAsArrayOf,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
} from "nuqs/server";
import { DEFAULT_RECIPIENT_PAGE_SIZE, type OrderQuery } from "@/lib/reports/order-query";
import { MESSAGE_STATUS_VALUES } from "@/lib/reports/search-params";
import type { OrderDetailResponse } from "@/lib/reports/types";
import { getJson } from "./api-error";

export const RECIPIENT_PAGE_SIZES = [50, 100, 250, 500] as const;

export const orderSearchParams = {
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsInteger.withDefault(DEFAULT_RECIPIENT_PAGE_SIZE),
  status: parseAsArrayOf(parseAsNumberLiteral(MESSAGE_STATUS_VALUES), ",").withDefault([]),
  /** The report URL the order was opened from, for "back to report". */
  from: parseAsString,
};
const serializeOrderParams = createSerializer(orderSearchParams, { clearOnDefault: true });

type OrderView = Omit<OrderQuery, "sep">;

/** Keeps page state within what the API accepts, so a hand-edited URL never errors. */
export function sanitizeOrderView(
  id: number,
  raw: { page: number; pageSize: number; status: readonly number[] },
  reveal: boolean,
): OrderView {
  const pageSize = (RECIPIENT_PAGE_SIZES as readonly number[]).includes(raw.pageSize)
    ? raw.pageSize
    : DEFAULT_RECIPIENT_PAGE_SIZE;
  const page = Number.isInteger(raw.page) && raw.page >= 1 && raw.page <= 1_000_000 ? raw.page : 1;
  return { id, page, pageSize, status: [...new Set(raw.status)].sort(), reveal };
}

function apiSearch(view: OrderView, withPage = true): string {
  const search = serializeOrderParams({
    page: withPage ? view.page : null,
    pageSize: withPage ? view.pageSize : null,
    status: view.status as (110 | 111 | 112)[],
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
