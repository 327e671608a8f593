// GET /api/followups/{id}/file: a finished follow-up list's file (CSV or XLSX), from the store,
// on any instance; only for the user who started it, and admins.
import { withSession } from "@/lib/api/route";
import { followupId } from "@/lib/reports/contract/followup-query";
import { followupFile } from "@/lib/server/followups";

const CONTENT_TYPE: Record<string, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export const GET = withSession<{ id: string }>(
  async (_request, { params, user, session }) => {
    const id = followupId((await params).id);
    const { name, data } = await followupFile(id, user, session.role);
    return new Response(new Blob([data as Uint8Array<ArrayBuffer>]), {
      headers: {
        "content-type": CONTENT_TYPE[name.split(".").pop() ?? ""] ?? "application/octet-stream",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  },
  { needs: () => "export", sideEffect: () => true },
);
