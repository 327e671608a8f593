// GET /api/reports/export: every order matching the report's filters (not one page) as CSV or
// XLSX (format, lang), streamed; analysts and admins; audited and counted against the hourly
// quota; at most a few exports at once per user (lib/api/export-slots.ts).
import { checkQuota, recordAudit } from "@/lib/api/audit";
import { exportQuery, exportResponse } from "@/lib/api/export-response";
import { exportSlots } from "@/lib/api/export-slots";
import { withSession } from "@/lib/api/route";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { services } from "@/lib/server/services";

export const GET = withSession(
  async (request, { user }) => {
    const { engine, rangeContext } = await services();
    const url = new URL(request.url);
    const query = parseReportQuery(url.searchParams, rangeContext());
    const file = exportQuery(request, url.searchParams);
    await checkQuota(user, "export_orders");
    const filters = url.searchParams.toString();
    // Recorded inside the slot: if the audit fails, the export's stream is dropped unread and
    // its slot given back (a stream opened and then abandoned would hold the slot for good).
    const body = await exportSlots().stream(user, async () => {
      const stream = await engine.exportReport(query, { user, signal: request.signal }, file);
      await recordAudit(request, user, "export_orders", `${query.start}..${query.end} ${filters}`);
      return stream;
    });
    return exportResponse(body, file.format, `orders-${query.start}-${query.end}`);
  },
  // A download is not something a link on another site may start.
  { needs: () => "export", sideEffect: () => true },
);
