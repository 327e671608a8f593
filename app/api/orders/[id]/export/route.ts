// GET /api/orders/{id}/export: CSV of every recipient of the order, walking all get-report pages.
import { csvResponse } from "@/lib/api/csv-response";
import { withSession } from "@/lib/api/route";
import { parseOrderQuery } from "@/lib/reports/contract/order-query";
import { services } from "@/lib/server/services";

export const GET = withSession<{ id: string }>(async (request, { params }) => {
  const query = parseOrderQuery((await params).id, new URL(request.url).searchParams);
  return csvResponse(
    await (await services()).engine.exportOrder(query),
    `order-${query.id}-recipients.csv`,
  );
});
