"use client";
// The report's URL state (nuqs) and the effective query it stands for.
import { useQueryStates } from "nuqs";
import { useMemo } from "react";
import { reportSearchParams, serializeReportParams } from "@/lib/reports/search-params";
import { resolveReportQuery } from "@/lib/ui/report-query";

export type ReportContext = { today: string; maxRangeDays: number };

export function useReportParams({ today, maxRangeDays }: ReportContext) {
  const [params, setParams] = useQueryStates(reportSearchParams, {
    history: "push",
    scroll: false,
  });
  const resolved = useMemo(
    () =>
      resolveReportQuery(new URLSearchParams(serializeReportParams(params)), today, maxRangeDays),
    [params, today, maxRangeDays],
  );
  return { query: resolved.query, params, setParams };
}

export type SetReportParams = ReturnType<typeof useReportParams>["setParams"];
