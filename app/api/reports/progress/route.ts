// GET /api/reports/progress: windows fetched so far by the walk behind a report's range.
import { withSession } from "@/lib/api/route";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { services } from "@/lib/server/services";

export const GET = withSession(async (request) => {
  const { engine, rangeContext } = await services();
  const query = parseReportQuery(new URL(request.url).searchParams, rangeContext());
  return Response.json(await engine.progress(query), { headers: { "cache-control": "no-store" } });
});
