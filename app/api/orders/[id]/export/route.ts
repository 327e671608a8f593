// GET /api/orders/{id}/export: CSV of every recipient of the order, streamed as the get-report
// pages are walked; at most a few exports at once per user (lib/api/export-slots.ts).
import { csvResponse } from "@/lib/api/csv-response";
import { exportSlots } from "@/lib/api/export-slots";
import { withSession } from "@/lib/api/route";
import { parseOrderQuery } from "@/lib/reports/contract/order-query";
import { services } from "@/lib/server/services";

export const GET = withSession<{ id: string }>(async (request, { params, user }) => {
  const query = parseOrderQuery((await params).id, new URL(request.url).searchParams);
  const { engine } = await services();
  const body = await exportSlots().stream(user, () => engine.exportOrder(query));
  return csvResponse(body, `order-${query.id}-recipients.csv`);
});
