"use client";
// The report query for the current URL, its manual and automatic refresh, and the walk's progress.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ReportQuery } from "@/lib/reports/contract/report-query";
import type { ReportResponse } from "@/lib/reports/contract/types";
import {
  fetchFreshReport,
  progressQueryOptions,
  reportKey,
  reportQueryOptions,
} from "@/lib/client/report-queries";
import { shareReport } from "@/lib/client/share-report";

const AUTO_REFRESH_MS = 60_000;
const COMPARISON_POLL_MS = 1000;

export function useReport(query: ReportQuery) {
  const queryClient = useQueryClient();
  const key = reportKey(query);
  const report = useQuery({
    ...reportQueryOptions(query),
    // The first numbers come before the comparison: ask again until the previous period is in.
    refetchInterval: (q) => (q.state.data?.previous?.pending ? COMPARISON_POLL_MS : false),
    // Parts equal to the last answer shown keep their identity (memoised charts skip them).
    select: shareReport,
    // Paging, sorting and filtering keep the rows on screen; a new range shows skeletons and progress.
    placeholderData: (previous: ReportResponse | undefined) =>
      previous && previous.range.start === query.start && previous.range.end === query.end
        ? previous
        : undefined,
  });

  const refresh = useMutation({
    mutationFn: () => fetchFreshReport(query),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      // Other pages and sorts of the same view are now older than this one.
      void queryClient.invalidateQueries({
        queryKey: ["report"],
        predicate: (q) => q.queryKey[1] !== key[1],
        refetchType: "none",
      });
    },
  });

  // A failed refresh belongs to the view it was asked for.
  const { reset } = refresh;
  useEffect(() => reset(), [reset, key[1]]); // eslint-disable-line react-hooks/exhaustive-deps

  const [paused, setPaused] = useState(false);
  const provisional = report.data?.provisional === true && !report.isPlaceholderData;
  const autoRefresh = provisional && !paused;
  const { mutate } = refresh;
  useEffect(() => {
    if (!autoRefresh) return;
    const timer = setInterval(() => mutate(), AUTO_REFRESH_MS);
    return () => clearInterval(timer);
  }, [autoRefresh, mutate, key[1]]); // eslint-disable-line react-hooks/exhaustive-deps

  // Without data for this range the walk may be long: poll how far it has come.
  const loadingRange = report.data === undefined && report.isFetching;
  const progress = useQuery({
    ...progressQueryOptions(query),
    enabled: loadingRange,
    refetchInterval: 500,
  });

  return { report, refresh, paused, setPaused, provisional, loadingRange, progress: progress.data };
}
