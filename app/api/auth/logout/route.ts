// POST /api/auth/logout: clears the session cookie → 204.
import { assertSameOrigin } from "@/lib/api/request-guards";
import { withSession } from "@/lib/api/with-session";
import { clearedSessionCookie } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export const POST = withSession(
  async (request) => {
    assertSameOrigin(request);
    return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookie(request) } });
  },
  { public: true },
);
