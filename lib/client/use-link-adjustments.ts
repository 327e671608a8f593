"use client";
// A link that could not be shown as it was: the address bar is rewritten (replace, not push) to
// exactly what the page shows, and the page keeps a notice of what changed. The range was
// adjusted on the server (resolveReportQuery); a page past the last one is known only once the
// report says how many orders there are.
import { useEffect, useState } from "react";
import { pageAdjustment, type LinkAdjustment } from "@/lib/reports/contract/link-adjustments";
import type { ReportQuery } from "@/lib/reports/contract/report-query";
import type { ReportResponse } from "@/lib/reports/contract/types";
import type { SetReportParams } from "./use-report-params";

export function useLinkAdjustments({
  query,
  setParams,
  dropped,
  adjusted,
  data,
}: {
  query: ReportQuery;
  setParams: SetReportParams;
  /** Parameters the server dropped as invalid. */
  dropped: string[];
  /** What the server changed to show the link's range. */
  adjusted: LinkAdjustment[];
  /** The report for `query` itself (not a placeholder of another page). */
  data: ReportResponse | undefined;
}) {
  const [dismissed, setDismissed] = useState(false);
  const [pageNotice, setPageNotice] = useState<LinkAdjustment | null>(null);

  useEffect(() => {
    if (dropped.length === 0 && adjusted.length === 0) return;
    const range = adjusted.length > 0 ? { start: query.start, end: query.end } : {};
    void setParams(
      { ...Object.fromEntries(dropped.map((p) => [p, null])), ...range },
      {
        history: "replace",
      },
    );
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const clamp = data ? pageAdjustment(query.page, data.orders.total, query.pageSize) : null;
  if (clamp && JSON.stringify(clamp) !== JSON.stringify(pageNotice)) {
    setPageNotice(clamp);
    setDismissed(false);
  }
  const shown = clamp?.shown;
  useEffect(() => {
    if (shown === undefined) return;
    void setParams({ page: shown === 1 ? null : shown }, { history: "replace" });
  }, [shown, setParams]);

  return {
    notices: dismissed ? [] : pageNotice ? [...adjusted, pageNotice] : adjusted,
    dismiss: () => setDismissed(true),
    /** The URL's page is past the last one: it is being moved there, show no empty table. */
    pastLastPage: clamp !== null,
  };
}
