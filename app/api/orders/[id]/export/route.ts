// GET /api/orders/{id}/export: every recipient of the order as CSV or XLSX (format, lang),
// streamed as the get-report pages are walked. Analysts and admins (numbers in full: admins,
// reveal=1); audited and counted against the hourly quotas; at most a few exports at once per
// user (lib/api/export-slots.ts).
import { checkQuota, recordAudit } from "@/lib/api/audit";
import { exportQuery, exportResponse } from "@/lib/api/export-response";
import { exportSlots } from "@/lib/api/export-slots";
import { withSession } from "@/lib/api/route";
import { parseOrderQuery } from "@/lib/reports/contract/order-query";
import { services } from "@/lib/server/services";

export const GET = withSession<{ id: string }>(
  async (request, { params, user }) => {
    const search = new URL(request.url).searchParams;
    const query = parseOrderQuery((await params).id, search);
    const file = exportQuery(request, search);
    await checkQuota(user, "export_recipients");
    if (query.reveal) await checkQuota(user, "reveal");
    const { engine } = await services();
    const filter = query.status.length ? ` status ${query.status.join(",")}` : "";
    const kind = file.format === "xlsx" ? "XLSX" : "CSV";
    // Recorded inside the slot: if the audit fails, the export's stream is dropped unread and
    // its slot given back (a stream opened and then abandoned would hold the slot for good).
    const body = await exportSlots().stream(user, async () => {
      const stream = await engine.exportOrder(query, file);
      await recordAudit(request, user, "export_recipients", `order ${query.id}${filter}`);
      if (query.reveal)
        await recordAudit(
          request,
          user,
          "reveal",
          `order ${query.id}, recipients ${kind}${filter}`,
        );
      return stream;
    });
    return exportResponse(body, file.format, `order-${query.id}-recipients`);
  },
  {
    needs: (url) => (url.searchParams.get("reveal") === "1" ? "reveal" : "export"),
    sideEffect: () => true,
  },
);
