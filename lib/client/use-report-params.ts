"use client";
// The report's URL state (nuqs) and the effective query it stands for.
import { useQueryStates } from "nuqs";
import { useMemo } from "react";
import {
  reportSearchParams,
  serializeReportParams,
  type RangeContext,
} from "@/lib/reports/contract/report-query";
import { resolveReportQuery } from "@/lib/reports/contract/resolve-report-query";

export type ReportContext = RangeContext;

export function useReportParams({ today, maxRangeDays }: ReportContext) {
  const [params, setParams] = useQueryStates(reportSearchParams, {
    history: "push",
    scroll: false,
  });
  const resolved = useMemo(
    () =>
      resolveReportQuery(new URLSearchParams(serializeReportParams(params)), {
        today,
        maxRangeDays,
      }),
    [params, today, maxRangeDays],
  );
  return { query: resolved.query, params, setParams };
}
