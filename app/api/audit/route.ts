// GET /api/audit?limit=100&before=<cursor>&user=&action= (admins): audit events, newest first.
import { ApiError } from "@/lib/api/api-error";
import { isAuditAction, type AuditEventView } from "@/lib/api/audit-actions";
import { withSession } from "@/lib/api/route";
import { withAudit } from "@/lib/server/access";

const MAX_LIMIT = 500;

function bad(message: string): never {
  throw new ApiError("invalid_query", message);
}

function parse(params: URLSearchParams) {
  for (const name of params.keys())
    if (!["limit", "before", "user", "action"].includes(name))
      bad(`Unknown parameter "${name.slice(0, 40)}": use limit, before, user and action.`);
  const limitText = params.get("limit") ?? "100";
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > MAX_LIMIT)
    bad(`limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  const beforeText = params.get("before");
  let before: { at: number; id: string } | null = null;
  if (beforeText !== null) {
    const match = /^(\d{1,15})\.([0-9a-z]{1,40})$/.exec(beforeText);
    if (!match) bad("before must be the `next` cursor of a previous answer.");
    before = { at: Number(match[1]), id: match[2] as string };
  }
  const user = params.get("user")?.trim() || undefined;
  if (user && user.length > 200) bad("user is too long.");
  const action = params.get("action") || undefined;
  if (action && !isAuditAction(action))
    bad(`action "${action.slice(0, 40)}" is not an audit action.`);
  return { limit, before, filter: { user, action } };
}

export const GET = withSession(
  async (request) => {
    const { limit, before, filter } = parse(new URL(request.url).searchParams);
    const page = await withAudit((log) => log.page(limit, before, filter));
    const events = page.events.map((e): AuditEventView => ({
      at: new Date(e.at).toISOString(),
      user: e.user,
      action: e.action as AuditEventView["action"],
      target: e.target,
      ip: e.ip,
    }));
    return Response.json({ events, next: page.next }, { headers: { "cache-control": "no-store" } });
  },
  { needs: () => "audit" },
);
