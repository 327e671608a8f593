// GET /api/account: balance (TL and credits), approved senders and the last 30 days' sending pace.
import { withSession } from "@/lib/api/route";
import { services } from "@/lib/server/services";

export const GET = withSession(async (_request, { user }) => {
  const { account } = await services();
  return Response.json(await account.summary(user), { headers: { "cache-control": "no-store" } });
});
