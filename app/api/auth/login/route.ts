// POST /api/auth/login: {"username", "password"} → 204 and the session cookie. Sign-ins and
// failed sign-ins are audit events.
import { ApiError } from "@/lib/api/api-error";
import { recordAudit } from "@/lib/api/audit";
import { assertSameOrigin, clientAddress, readJsonBody } from "@/lib/api/request-guards";
import { withoutSession } from "@/lib/api/route";
import { checkLogin } from "@/lib/auth/login";
import { startSession } from "@/lib/auth/session";
import { loginThrottle } from "@/lib/server/login-throttle";

/** The name someone typed, for the audit log of a failure (never the password). */
function attempted(body: unknown): string {
  const name = (body as { username?: unknown } | null)?.username;
  return typeof name === "string" && name.trim() ? name.trim() : "(none)";
}

export const POST = withoutSession(async (request) => {
  assertSameOrigin(request);
  const body = await readJsonBody(request);
  let user: string;
  try {
    user = await checkLogin(body, clientAddress(request), await loginThrottle());
  } catch (error) {
    // Wrong password, throttled, or refused while the server's hashing queue is full.
    if (error instanceof ApiError && ["invalid_credentials", "rate_limited"].includes(error.code))
      await recordAudit(request, attempted(body), "login_failed", error.code);
    throw error;
  }
  const cookie = await startSession(user, request);
  await recordAudit(request, user, "login", "");
  return new Response(null, {
    status: 204,
    headers: { "set-cookie": cookie, "cache-control": "no-store" },
  });
});
