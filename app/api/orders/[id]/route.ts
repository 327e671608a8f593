// GET /api/orders/{id}: one order's counters and a page of its recipients (masked unless reveal=1).
import { withSession } from "@/lib/api/route";
import { parseOrderQuery } from "@/lib/reports/contract/order-query";
import { services } from "@/lib/server/services";

export const GET = withSession<{ id: string }>(async (request, { params }) => {
  const query = parseOrderQuery((await params).id, new URL(request.url).searchParams);
  return Response.json(await (await services()).engine.order(query), {
    headers: { "cache-control": "no-store" },
  });
});
