// GET /api/reports/export: CSV of every order matching the report's filters (not one page),
// streamed; at most a few exports at once per user (lib/api/export-slots.ts).
import { csvResponse } from "@/lib/api/csv-response";
import { exportSlots } from "@/lib/api/export-slots";
import { withSession } from "@/lib/api/route";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { services } from "@/lib/server/services";

export const GET = withSession(async (request, { user }) => {
  const { engine, rangeContext } = await services();
  const query = parseReportQuery(new URL(request.url).searchParams, rangeContext());
  const body = await exportSlots().stream(user, () => engine.exportReport(query));
  return csvResponse(body, `orders-${query.start}-${query.end}.csv`);
});
