// GET /api/reports/export: CSV of every order matching the report's filters (not one page).
import { csvResponse } from "@/lib/api/csv-response";
import { withSession } from "@/lib/api/route";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { services } from "@/lib/server/services";

export const GET = withSession(async (request) => {
  const { engine, rangeContext } = await services();
  const query = parseReportQuery(new URL(request.url).searchParams, rangeContext());
  return csvResponse(await engine.exportReport(query), `orders-${query.start}-${query.end}.csv`);
});
