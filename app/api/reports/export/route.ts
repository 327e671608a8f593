// GET /api/reports/export: CSV of every order matching the report's filters (not one page).
import { withSession } from "@/lib/api/with-session";
import { csvResponse } from "@/lib/reports/csv";
import { engine } from "@/lib/reports/service";

export const dynamic = "force-dynamic";

export const GET = withSession(async (request) => {
  const reports = engine();
  const query = reports.parseReportQuery(new URL(request.url).searchParams);
  return csvResponse(await reports.exportReport(query), `orders-${query.start}-${query.end}.csv`);
});
