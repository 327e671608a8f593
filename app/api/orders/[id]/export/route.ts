// GET /api/orders/{id}/export: CSV of every recipient of the order, walking all get-report pages.
import { withSession } from "@/lib/api/with-session";
import { csvResponse } from "@/lib/reports/csv";
import { parseOrderQuery } from "@/lib/reports/order-query";
import { engine } from "@/lib/reports/service";

export const dynamic = "force-dynamic";

export const GET = withSession<{ id: string }>(async (request, { params }) => {
  const query = parseOrderQuery((await params).id, new URL(request.url).searchParams);
  return csvResponse(await engine().exportOrder(query), `order-${query.id}-recipients.csv`);
});
