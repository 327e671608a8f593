// Server-side prefetch for pages: the same engine the API routes call, after the page checked
// the session, with a time budget so a long cold range never holds the page: the browser then
// shows the walk's progress instead.
import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api/api-error";
import { toApiError } from "@/lib/api/errors";
import { orderKey } from "@/lib/client/order-queries";
import { reportKey } from "@/lib/client/report-queries";
import { env } from "@/lib/env";
import type { OrderView } from "@/lib/reports/contract/order-query";
import type { RangeContext, ReportQuery } from "@/lib/reports/contract/report-query";
import { services } from "./services";

const PREFETCH_BUDGET_MS = 1500;

/** "demo" shows the demo badge; read from the validated environment. */
export function appMode(): "live" | "demo" {
  return env().mode;
}

/** Today in Istanbul and the longest range, as the API resolves report queries. */
export async function rangeContext(): Promise<RangeContext> {
  return (await services()).rangeContext();
}

/** Resolves with the data, or with undefined once the budget is spent; rejects with an ApiError. */
async function withinBudget<T>(started: Promise<T>): Promise<T | undefined> {
  const work = started.catch((error: unknown) => Promise.reject(toApiError(error)));
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

/**
 * Seeds the cache with the report when it is ready within the budget; errors are left to the
 * browser. The walk's interest ends with the budget: the browser's own request takes it over.
 */
export async function prefetchReport(
  client: QueryClient,
  query: ReportQuery,
  user: string,
): Promise<void> {
  try {
    const signal = AbortSignal.timeout(PREFETCH_BUDGET_MS);
    const data = await withinBudget((await services()).engine.report(query, { user, signal }));
    if (data) client.setQueryData(reportKey(query), data);
  } catch {
    // The browser asks again and shows the error with its action.
  }
}

/** Like prefetchReport, but returns the API's error so the page can answer "not found" itself. */
export async function prefetchOrder(
  client: QueryClient,
  view: OrderView,
): Promise<ApiError | null> {
  try {
    const data = await withinBudget((await services()).engine.order({ ...view, sep: ";" }));
    if (data) client.setQueryData(orderKey(view), data);
    return null;
  } catch (error) {
    return toApiError(error);
  }
}
