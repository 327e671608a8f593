// GET /api/health: liveness and mode; answers without a session.
import { withoutSession } from "@/lib/api/route";
import { env } from "@/lib/env";

export const GET = withoutSession(async () =>
  Response.json({ status: "ok", mode: env().mode }, { headers: { "cache-control": "no-store" } }),
);
