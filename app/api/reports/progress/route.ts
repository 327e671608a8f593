// GET /api/reports/progress: windows fetched so far by the walk behind a report's range.
import { withSession } from "@/lib/api/with-session";
import { engine } from "@/lib/reports/service";

export const dynamic = "force-dynamic";

export const GET = withSession(async (request) => {
  const reports = engine();
  const query = reports.parseReportQuery(new URL(request.url).searchParams);
  return Response.json(reports.progress(query), { headers: { "cache-control": "no-store" } });
});
