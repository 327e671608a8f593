// The effective report query behind a URL, and the react-query options that fetch it. The same
// function runs on the server (raw search params) and in the browser (nuqs state), so both derive
// the same query key.
import { queryOptions } from "@tanstack/react-query";
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_RANGE_DAYS,
  DEFAULT_SORT,
  InvalidQueryError,
  parseReportQuery,
  serializeReportParams,
  type ReportQuery,
} from "@/lib/reports/search-params";
import type { ProgressResponse, ReportResponse } from "@/lib/reports/types";
import { addDays } from "@/lib/dates";
import { getJson } from "./api-error";

export type ResolvedReportQuery = {
  query: ReportQuery;
  /** URL parameters that were invalid and dropped, with the reason (English, from the parser). */
  invalid: { param: string; message: string }[];
  /** The parameters removed to get a valid query (a bad range removes both ends). */
  dropped: string[];
};

/** Parses like the API does; drops each invalid parameter (never throws). */
export function resolveReportQuery(
  input: URLSearchParams,
  today: string,
  maxRangeDays: number,
): ResolvedReportQuery {
  const params = new URLSearchParams(input);
  params.delete("refresh");
  const invalid: ResolvedReportQuery["invalid"] = [];
  const dropped = new Set<string>();
  for (let attempt = 0; attempt < 12; attempt++) {
    try {
      const { sep: _sep, ...query } = parseReportQuery(params, today, maxRangeDays);
      return { query: { ...query, refresh: false }, invalid, dropped: [...dropped] };
    } catch (error) {
      if (!InvalidQueryError.is(error)) throw error;
      invalid.push({ param: error.param, message: error.message });
      // A range that is wrong as a whole (end before start, too long) resets both ends.
      if (/before start|longest allowed/.test(error.message)) {
        params.delete("start");
        params.delete("end");
        dropped.add("start").add("end");
        continue;
      }
      if (!params.has(error.param)) break;
      params.delete(error.param);
      dropped.add(error.param);
    }
  }
  return {
    query: {
      start: addDays(today, -(DEFAULT_RANGE_DAYS - 1)),
      end: today,
      sender: [],
      status: [],
      q: "",
      sort: DEFAULT_SORT,
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
      refresh: false,
    },
    invalid,
    dropped: [...new Set([...dropped, ...params.keys()])],
  };
}

/** `?start=…&end=…&…` in the API's (and the page's) serialisation; defaults left out. */
export function reportSearch(
  query: ReportQuery,
  extra: { refresh?: boolean; page?: boolean } = {},
): string {
  return serializeReportParams({
    start: query.start,
    end: query.end,
    sender: query.sender,
    status: query.status as (113 | 114 | 115)[],
    q: query.q,
    sort: query.sort,
    page: extra.page === false ? null : query.page,
    pageSize: extra.page === false ? null : query.pageSize,
    refresh: extra.refresh ?? false,
  });
}

export type Fetcher = <T>(path: string) => Promise<T>;
const browserFetch: Fetcher = (path) => getJson(path);

export function reportKey(query: ReportQuery) {
  return ["report", reportSearch(query)] as const;
}

export function reportQueryOptions(query: ReportQuery, fetcher: Fetcher = browserFetch) {
  return queryOptions({
    queryKey: reportKey(query),
    queryFn: () => fetcher<ReportResponse>(`/api/reports${reportSearch(query)}`),
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
