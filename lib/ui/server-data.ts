// Server-side prefetch for pages. It asks the dashboard's own API over loopback, with the visitor's
// cookies, so the page sees exactly what the browser would (same query, same errors, same session
// check), and a time budget keeps a long cold range from holding the page: the browser then shows
// the walk's progress instead.
import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { headers } from "next/headers";
import { istanbulToday } from "@/lib/dates";
import { env } from "@/lib/env";
import type { OrderQuery } from "@/lib/reports/order-query";
import type { ReportQuery } from "@/lib/reports/search-params";
import type { OrderDetailResponse, ReportResponse } from "@/lib/reports/types";
import { ApiError, getJson } from "./api-error";
import { orderKey, orderQueryOptions } from "./order-query";
import { reportKey, reportSearch } from "./report-query";

const PREFETCH_BUDGET_MS = 1500;

/** "demo" shows the demo badge; read from the validated environment. */
export function appMode(): "live" | "demo" {
  return env().mode;
}

export function serverContext() {
  return { today: istanbulToday(new Date()), maxRangeDays: env().maxRangeDays };
}

async function selfGet<T>(path: string): Promise<T> {
  const cookie = (await headers()).get("cookie");
  return getJson<T>(`http://127.0.0.1:${env().port}${path}`, {
    headers: cookie ? { cookie } : {},
    cache: "no-store",
  });
}

/** Resolves with the data, or with undefined once the budget is spent; rejects with an ApiError. */
async function withinBudget<T>(work: Promise<T>): Promise<T | undefined> {
  work.catch(() => undefined); // a late failure is the browser's to show
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), PREFETCH_BUDGET_MS);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Seeds the cache with the report when it is ready within the budget; errors are left to the browser. */
export async function prefetchReport(client: QueryClient, query: ReportQuery): Promise<void> {
  try {
    const data = await withinBudget(selfGet<ReportResponse>(`/api/reports${reportSearch(query)}`));
    if (data) client.setQueryData(reportKey(query), data);
  } catch {
    // The browser asks again and shows the error with its action.
  }
}

/** Like prefetchReport, but returns the API's error so the page can answer "not found" itself. */
export async function prefetchOrder(
  client: QueryClient,
  view: Omit<OrderQuery, "sep">,
): Promise<ApiError | null> {
  const path = orderQueryOptions(view).queryKey;
  try {
    const data = await withinBudget(
      selfGet<OrderDetailResponse>(`/api/orders/${view.id}${path[2]}`),
    );
    if (data) client.setQueryData(orderKey(view), data);
    return null;
  } catch (error) {
    return error instanceof ApiError ? error : null;
  }
}
