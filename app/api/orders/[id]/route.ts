// GET /api/orders/{id}: one order's counters and a page of its recipients (masked unless reveal=1,
// which admins may ask for: audited, and counted against the hourly quota).
import { checkQuota, recordAudit } from "@/lib/api/audit";
import { withSession } from "@/lib/api/route";
import { parseOrderQuery } from "@/lib/reports/contract/order-query";
import { services } from "@/lib/server/services";

const reveals = (url: URL) => url.searchParams.get("reveal") === "1";

export const GET = withSession<{ id: string }>(
  async (request, { params, user }) => {
    const query = parseOrderQuery((await params).id, new URL(request.url).searchParams);
    if (query.reveal) await checkQuota(user, "reveal");
    const order = await (await services()).engine.order(query);
    if (query.reveal) {
      const n = order.messages.items.length;
      const numbers = `${n} number${n === 1 ? "" : "s"}`;
      await recordAudit(
        request,
        user,
        "reveal",
        `order ${query.id}, recipients page ${query.page} (${numbers})`,
      );
    }
    return Response.json(order, { headers: { "cache-control": "no-store" } });
  },
  { needs: (url) => (reveals(url) ? "reveal" : null), sideEffect: reveals },
);
