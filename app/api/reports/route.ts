// GET /api/reports: totals, series, senders, statuses and one page of orders for a date range.
import { withSession } from "@/lib/api/route";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { services } from "@/lib/server/services";

export const GET = withSession(
  async (request, { user }) => {
    const { engine, rangeContext } = await services();
    const query = parseReportQuery(new URL(request.url).searchParams, rangeContext());
    const report = await engine.report(query, { user, signal: request.signal });
    return Response.json(report, { headers: { "cache-control": "no-store" } });
  },
  // refresh=1 walks the upstream again: not something a link on another site may start.
  { sideEffect: (url) => url.searchParams.get("refresh") === "1" },
);
