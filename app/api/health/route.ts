// GET /api/health: liveness, mode and store; 503 when the store does not answer. No session needed.
import { ApiError } from "@/lib/api/api-error";
import { withoutSession } from "@/lib/api/route";
import { env } from "@/lib/env";
import { store } from "@/lib/server/store";

export const GET = withoutSession(async () => {
  const { mode } = env();
  const opened = await store();
  try {
    await opened.ping();
  } catch {
    const where = opened.kind === "postgres" ? "Postgres at DATABASE_URL" : "the embedded store";
    throw new ApiError("store_unavailable", `The dashboard's store (${where}) is not answering.`);
  }
  return Response.json(
    { status: "ok", mode, store: opened.kind },
    { headers: { "cache-control": "no-store" } },
  );
});
