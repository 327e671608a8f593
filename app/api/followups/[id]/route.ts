// GET /api/followups/{id}: a follow-up list's state, progress and file (when done), on any
// instance; only for the user who started it, and admins.
import { withSession } from "@/lib/api/route";
import { followupId } from "@/lib/reports/contract/followup-query";
import { followupStatus } from "@/lib/server/followups";

export const GET = withSession<{ id: string }>(
  async (_request, { params, user, session }) => {
    const id = followupId((await params).id);
    return Response.json(await followupStatus(id, user, session.role), {
      headers: { "cache-control": "no-store" },
    });
  },
  { needs: () => "export" },
);
