// POST /api/auth/logout: ends the session on every instance and clears its cookie → 204.
import { recordAudit } from "@/lib/api/audit";
import { assertSameOrigin } from "@/lib/api/request-guards";
import { withoutSession } from "@/lib/api/route";
import { endSession } from "@/lib/auth/session";

export const POST = withoutSession(async (request) => {
  assertSameOrigin(request);
  const { cookie, ended } = await endSession(request);
  if (ended) await recordAudit(request, ended.user, "logout", "");
  return new Response(null, { status: 204, headers: { "set-cookie": cookie } });
});
