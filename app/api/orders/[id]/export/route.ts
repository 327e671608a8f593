// GET /api/orders/{id}/export: CSV of every recipient of the order, streamed as the get-report
// pages are walked. Analysts and admins (numbers in full: admins, reveal=1); audited and counted
// against the hourly quotas; at most a few exports at once per user (lib/api/export-slots.ts).
import { checkQuota, recordAudit } from "@/lib/api/audit";
import { csvResponse } from "@/lib/api/csv-response";
import { exportSlots } from "@/lib/api/export-slots";
import { withSession } from "@/lib/api/route";
import { parseOrderQuery } from "@/lib/reports/contract/order-query";
import { services } from "@/lib/server/services";

export const GET = withSession<{ id: string }>(
  async (request, { params, user }) => {
    const query = parseOrderQuery((await params).id, new URL(request.url).searchParams);
    await checkQuota(user, "export_recipients");
    if (query.reveal) await checkQuota(user, "reveal");
    const { engine } = await services();
    const filter = query.status.length ? ` status ${query.status.join(",")}` : "";
    // Recorded inside the slot: if the audit fails, the export's stream is dropped unread and
    // its slot given back (a stream opened and then abandoned would hold the slot for good).
    const body = await exportSlots().stream(user, async () => {
      const csv = await engine.exportOrder(query);
      await recordAudit(request, user, "export_recipients", `order ${query.id}${filter}`);
      if (query.reveal)
        await recordAudit(request, user, "reveal", `order ${query.id}, recipients CSV${filter}`);
      return csv;
    });
    return csvResponse(body, `order-${query.id}-recipients.csv`);
  },
  {
    needs: (url) => (url.searchParams.get("reveal") === "1" ? "reveal" : "export"),
    sideEffect: () => true,
  },
);
