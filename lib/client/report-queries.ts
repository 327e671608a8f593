// The report's react-query options and links: the query key is the API's own serialisation of
// the query, so the server's prefetch and the browser's fetch meet in one cache entry.
import { queryOptions } from "@tanstack/react-query";
import { serializeReportParams, type ReportQuery } from "@/lib/reports/contract/report-query";
import type { ProgressResponse, ReportResponse } from "@/lib/reports/contract/types";
import { getJson } from "./fetch-json";

/** `?start=…&end=…&…` in the API's (and the page's) serialisation; defaults left out. */
export function reportSearch(
  query: ReportQuery,
  extra: { refresh?: boolean; page?: boolean } = {},
): string {
  return serializeReportParams({
    start: query.start,
    end: query.end,
    sender: query.sender,
    status: query.status,
    q: query.q,
    sort: query.sort,
    page: extra.page === false ? null : query.page,
    pageSize: extra.page === false ? null : query.pageSize,
    refresh: extra.refresh ?? false,
    compare: query.compare,
    minMessages: query.minMessages ?? null,
    weekday: query.weekday,
    hour: query.hour,
    bucket: query.bucket ?? null,
    label: query.label,
  });
}

export function reportKey(query: ReportQuery) {
  return ["report", reportSearch(query)] as const;
}

export function reportQueryOptions(query: ReportQuery) {
  return queryOptions({
    queryKey: reportKey(query),
    queryFn: () => getJson<ReportResponse>(`/api/reports${reportSearch(query)}`),
  });
}

export function fetchFreshReport(query: ReportQuery): Promise<ReportResponse> {
  return getJson<ReportResponse>(`/api/reports${reportSearch(query, { refresh: true })}`);
}

export function progressQueryOptions(range: { start: string; end: string }) {
  return queryOptions({
    queryKey: ["report-progress", range.start, range.end] as const,
    queryFn: () =>
      getJson<ProgressResponse>(
        `/api/reports/progress?start=${encodeURIComponent(range.start)}&end=${encodeURIComponent(range.end)}`,
      ),
    staleTime: 0,
    retry: false,
  });
}

export function exportHref(query: ReportQuery): string {
  return `/api/reports/export${reportSearch(query, { page: false })}`;
}
