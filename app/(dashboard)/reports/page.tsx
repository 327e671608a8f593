import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ReportView } from "@/components/reports/report-view";
import { requireSession } from "@/lib/auth/dal";
import { getDictionary } from "@/lib/i18n/server";
import { makeQueryClient } from "@/lib/client/query-client";
import { reportKey } from "@/lib/client/report-queries";
import { pageAdjustment } from "@/lib/reports/contract/link-adjustments";
import { loadReportParams, serializeReportParams } from "@/lib/reports/contract/report-query";
import { resolveReportQuery } from "@/lib/reports/contract/resolve-report-query";
import type { ReportResponse } from "@/lib/reports/contract/types";
import { prefetchReport, rangeContext } from "@/lib/server/prefetch";

export async function generateMetadata(): Promise<Metadata> {
  const { dict } = await getDictionary();
  return { title: dict.report.title };
}

function toSearchParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
      params.append(key, v);
  }
  return params;
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReportsPage({ searchParams }: Props) {
  const { user } = await requireSession();
  const context = await rangeContext();
  const { today, maxRangeDays } = context;
  const raw = await searchParams;
  const { query, dropped, adjusted } = resolveReportQuery(toSearchParams(raw), context);
  // The same URL as the browser's nuqs state serialises it, and its query: the browser takes this
  // one instead of resolving it again (equal to `query` unless the link had parameters to drop).
  const search = serializeReportParams(loadReportParams(raw));
  const resolved = {
    search,
    query: resolveReportQuery(new URLSearchParams(search), context).query,
  };
  const queryClient = makeQueryClient();
  await prefetchReport(queryClient, query, user);
  // A page past the last: the browser moves to the last page at once; have it ready.
  const total = queryClient.getQueryData<ReportResponse>(reportKey(query))?.orders.total;
  const clamp = total === undefined ? null : pageAdjustment(query.page, total, query.pageSize);
  if (clamp) await prefetchReport(queryClient, { ...query, page: clamp.shown }, user);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ReportView
        today={today}
        maxRangeDays={maxRangeDays}
        resolved={resolved}
        dropped={dropped}
        adjusted={adjusted}
      />
    </HydrationBoundary>
  );
}
