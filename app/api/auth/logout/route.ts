// POST /api/auth/logout: clears the session cookie → 204.
import { assertSameOrigin } from "@/lib/api/request-guards";
import { withoutSession } from "@/lib/api/route";
import { clearedSessionCookie } from "@/lib/auth/session";

export const POST = withoutSession(async (request) => {
  assertSameOrigin(request);
  return new Response(null, {
    status: 204,
    headers: { "set-cookie": clearedSessionCookie(request) },
  });
});
