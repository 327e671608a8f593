// GET /api/labels?prefix=…&limit=50: the campaign labels in use with their orders, most used first,
// for autocomplete (every role). POST /api/labels {"label", "ids": [...≤ 5000]}: labels (or, with
// null, unlabels) those orders at once, all or nothing; analysts and admins, audited.
import { auditEvent } from "@/lib/api/audit";
import { assertSameOrigin, parseJsonBody } from "@/lib/api/request-guards";
import { withSession } from "@/lib/api/route";
import {
  parseLabelsQuery,
  setLabelsBody,
  type LabelsResponse,
  type SetLabelsResponse,
} from "@/lib/labels/contract";
import { labelAuditTarget, withLabels } from "@/lib/server/labels";

/** 5000 ids of 15 digits with their commas, a label, and room for whitespace. */
const MAX_BULK_BODY_BYTES = 128 * 1024;

const NO_STORE = { "cache-control": "no-store" };

export const GET = withSession(async (request) => {
  const { prefix, limit } = parseLabelsQuery(new URL(request.url).searchParams);
  const body: LabelsResponse = { labels: await withLabels((l) => l.list(prefix, limit)) };
  return Response.json(body, { headers: NO_STORE });
});

export const POST = withSession(
  async (request, { user }) => {
    assertSameOrigin(request);
    const { label, ids } = await parseJsonBody(request, setLabelsBody, MAX_BULK_BODY_BYTES);
    const at = Date.now();
    const audit = auditEvent(request, user, "label", labelAuditTarget(ids, label), at);
    const labelled = await withLabels((l) => l.setMany(ids, label, { by: user, at, audit }));
    const body: SetLabelsResponse = { labelled };
    return Response.json(body, { headers: NO_STORE });
  },
  { needs: () => "label", sideEffect: () => true },
);
