// GET /api/health: liveness and mode; public.
import { withSession } from "@/lib/api/with-session";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export const GET = withSession(
  async () => Response.json({ status: "ok", mode: env().mode }, { headers: { "cache-control": "no-store" } }),
  { public: true },
);
