// POST /api/auth/login: {"username", "password"} → 204 and the session cookie.
import { assertSameOrigin, clientAddress, readJsonBody } from "@/lib/api/request-guards";
import { withoutSession } from "@/lib/api/route";
import { checkLogin } from "@/lib/auth/login";
import { sessionCookie } from "@/lib/auth/session";
import { loginThrottle } from "@/lib/server/login-throttle";

export const POST = withoutSession(async (request) => {
  assertSameOrigin(request);
  const body = await readJsonBody(request);
  const user = await checkLogin(body, clientAddress(request), await loginThrottle());
  return new Response(null, {
    status: 204,
    headers: { "set-cookie": await sessionCookie(user, request), "cache-control": "no-store" },
  });
});
