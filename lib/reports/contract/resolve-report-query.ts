// The effective report query behind a page URL: parsed like the API does, but never failing. Each
// invalid parameter is dropped (a wrong range drops both ends) and reported, so the page shows the
// view that is closest to the link. The same function runs on the server (raw search params) and
// in the browser (nuqs state), so both derive the same query key. Before that, a range that cannot
// be shown whole is adjusted to what can be (link-adjustments.ts).
import { addDays } from "@/lib/dates";
import { adjustLinkRange, type LinkAdjustment } from "./link-adjustments";
import { InvalidQueryError } from "./query-params";
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_RANGE_DAYS,
  DEFAULT_SORT,
  parseReportQuery,
  type RangeContext,
  type ReportQuery,
} from "./report-query";

export type ResolvedReportQuery = {
  query: ReportQuery;
  /** URL parameters that were invalid and dropped, with the reason (English, from the parser). */
  invalid: { param: string; message: string }[];
  /** The parameters removed to get a valid query (a bad range removes both ends). */
  dropped: string[];
  /** What was changed to show the link's range (an end after today, a range too long). */
  adjusted: LinkAdjustment[];
};

/** Parses like the API does; drops each invalid parameter (never throws). */
export function resolveReportQuery(
  input: URLSearchParams,
  context: RangeContext,
): ResolvedReportQuery {
  const { params, adjustments: adjusted } = adjustLinkRange(input, context);
  params.delete("refresh");
  const invalid: ResolvedReportQuery["invalid"] = [];
  const dropped = new Set<string>();
  for (let attempt = 0; attempt < 12; attempt++) {
    try {
      const query = parseReportQuery(params, context);
      return { query, invalid, dropped: [...dropped], adjusted };
    } catch (error) {
      if (!InvalidQueryError.is(error)) throw error;
      invalid.push({ param: error.param, message: error.message });
      if (!error.resets.some((p) => params.has(p))) break;
      for (const p of error.resets) {
        params.delete(p);
        dropped.add(p);
      }
    }
  }
  const { today } = context;
  return {
    query: {
      start: addDays(today, -(DEFAULT_RANGE_DAYS - 1)),
      end: today,
      sender: [],
      status: [],
      weekday: [],
      hour: [],
      label: [],
      q: "",
      sort: DEFAULT_SORT,
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
      refresh: false,
      sep: ";",
      compare: "previous",
    },
    invalid,
    dropped: [...new Set([...dropped, ...params.keys()])],
    adjusted: [],
  };
}
