// GET /api/labels?prefix=…&limit=50: the campaign labels in use with their orders, most used first,
// for autocomplete (every role). POST /api/labels {"label", "ids": [...≤ 5000]}: labels (or, with
// null, unlabels) those orders at once, all or nothing; analysts and admins, audited. Instead of
// ids, {"label", "query": "<report query>"} labels every order the report's filters match.
import { auditEvent } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/api-error";
import { assertSameOrigin, checkBody, readJsonBody } from "@/lib/api/request-guards";
import { withSession } from "@/lib/api/route";
import {
  labelMatchingBody,
  parseLabelsQuery,
  setLabelsBody,
  type LabelsResponse,
  type SetLabelsResponse,
} from "@/lib/labels/contract";
import { MAX_LABEL_IDS } from "@/lib/labels/label-rules";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { labelAuditTarget, withLabels } from "@/lib/server/labels";
import { services } from "@/lib/server/services";

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
    const raw = await readJsonBody(request, MAX_BULK_BODY_BYTES);
    const byQuery = typeof raw === "object" && raw !== null && "query" in raw;
    const { label, ids } = byQuery
      ? await matching(checkBody(labelMatchingBody, raw), user, request.signal)
      : checkBody(setLabelsBody, raw);
    const at = Date.now();
    const audit = auditEvent(request, user, "label", labelAuditTarget(ids, label), at);
    const labelled = await withLabels((l) => l.setMany(ids, label, { by: user, at, audit }));
    const body: SetLabelsResponse = { labelled };
    return Response.json(body, { headers: NO_STORE });
  },
  { needs: () => "label", sideEffect: () => true },
);

/** The ids of every order a report query matches; 400 past MAX_LABEL_IDS, saying how many. */
async function matching(
  { label, query }: { label: string | null; query: string },
  user: string,
  signal: AbortSignal,
): Promise<{ label: string | null; ids: number[] }> {
  const { engine, rangeContext } = await services();
  const report = parseReportQuery(new URLSearchParams(query.replace(/^\?/, "")), rangeContext());
  const { ids, total } = await engine.matchingIds(report, MAX_LABEL_IDS + 1, { user, signal });
  if (total > MAX_LABEL_IDS)
    throw new ApiError(
      "invalid_query",
      `The filters match ${total} orders; label at most ${MAX_LABEL_IDS} at once. Narrow the range or the filters and label the rest in another step.`,
    );
  if (total === 0)
    throw new ApiError("invalid_query", "The filters match no order: there is nothing to label.");
  return { label, ids };
}
