"use client";
// The report's URL state (nuqs) and the effective query it stands for.
import { useQueryStates } from "nuqs";
import { startTransition, useCallback, useMemo } from "react";
import {
  reportSearchParams,
  serializeReportParams,
  type RangeContext,
  type ReportQuery,
} from "@/lib/reports/contract/report-query";
import { resolveReportQuery } from "@/lib/reports/contract/resolve-report-query";

export type ReportContext = RangeContext & {
  /**
   * The query the server resolved for the page's URL, with that URL's parameters as this hook
   * serialises them: opening a link then runs no zod schema in the browser (bench item 11).
   */
  resolved: ResolvedParams;
};

type ResolvedParams = { search: string; query: ReportQuery };

type ReportParamsState = ReturnType<typeof useQueryStates<typeof reportSearchParams>>;
export type ReportParams = ReportParamsState[0];
export type SetReportParams = ReportParamsState[1];

export function useReportParams({ today, maxRangeDays, resolved }: ReportContext) {
  const [params, setNow] = useQueryStates(reportSearchParams, {
    history: "push",
    scroll: false,
  });
  // A new sort, filter or page redraws the whole report view: in a transition, which React renders
  // in slices that yield to the browser, instead of in the click's task (bench item 11).
  const setParams = useCallback<SetReportParams>(
    (values, options) => {
      let done: ReturnType<SetReportParams> | undefined;
      startTransition(() => {
        done = setNow(values, options);
      });
      return done as ReturnType<SetReportParams>;
    },
    [setNow],
  );
  const search = serializeReportParams(params);
  const query = useMemo(
    () =>
      search === resolved.search
        ? resolved.query
        : resolveReportQuery(new URLSearchParams(search), { today, maxRangeDays }).query,
    [search, resolved, today, maxRangeDays],
  );
  return { query, params, setParams };
}
