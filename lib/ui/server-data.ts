// Server-side prefetch for pages: the same engine the API routes call, after the page checked
// the session, with a time budget so a long cold range never holds the page: the browser then
// shows the walk's progress instead.
import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { toApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import type { OrderQuery } from "@/lib/reports/order-query";
import type { ReportQuery } from "@/lib/reports/search-params";
import { engine } from "@/lib/reports/service";
import { ApiError } from "./api-error";
import { orderKey } from "./order-query";
import { reportKey } from "./report-query";

const PREFETCH_BUDGET_MS = 1500;

/** "demo" shows the demo badge; read from the validated environment. */
export function appMode(): "live" | "demo" {
  return env().mode;
}

export function serverContext() {
  return { today: engine().today(), maxRangeDays: env().maxRangeDays };
}

/** The engine's failure as the browser's ApiError, with the API's code and message. */
function asClientError(error: unknown): ApiError {
  const e = toApiError(error);
  return new ApiError(e.status, e.code, e.message);
}

/** Resolves with the data, or with undefined once the budget is spent; rejects with an ApiError. */
async function withinBudget<T>(started: Promise<T>): Promise<T | undefined> {
  const work = started.catch((error: unknown) => Promise.reject(asClientError(error)));
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
    const data = await withinBudget(engine().report(query));
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
  try {
    const data = await withinBudget(engine().order({ ...view, sep: ";" }));
    if (data) client.setQueryData(orderKey(view), data);
    return null;
  } catch (error) {
    return error instanceof ApiError ? error : null;
  }
}
