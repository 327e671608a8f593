// GET /api/orders/{id}: one order's counters and a page of its recipients (masked unless reveal=1).
import { withSession } from "@/lib/api/with-session";
import { parseOrderQuery } from "@/lib/reports/order-query";
import { engine } from "@/lib/reports/service";

export const dynamic = "force-dynamic";

export const GET = withSession<{ id: string }>(async (request, { params }) => {
  const query = parseOrderQuery((await params).id, new URL(request.url).searchParams);
  return Response.json(await engine().order(query), { headers: { "cache-control": "no-store" } });
});
