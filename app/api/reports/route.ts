// GET /api/reports: totals, series, senders, statuses and one page of orders for a date range.
import { withSession } from "@/lib/api/with-session";
import { engine } from "@/lib/reports/service";

export const dynamic = "force-dynamic";

export const GET = withSession(async (request) => {
  const reports = engine();
  const query = reports.parseReportQuery(new URL(request.url).searchParams);
  return Response.json(await reports.report(query), { headers: { "cache-control": "no-store" } });
});
