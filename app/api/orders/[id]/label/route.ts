// PUT /api/orders/{id}/label: {"label": "Bayram 2026"} sets or changes the order's campaign label,
// {"label": null} removes it; analysts and admins, audited in the change's own transaction. The id
// is not looked up upstream (a call per id; POST /api/labels would need 5000): a label on an id
// that is no order of the account is never met by a report, and the pages offer listed ids only.
import { ApiError } from "@/lib/api/api-error";
import { auditEvent } from "@/lib/api/audit";
import { assertSameOrigin, parseJsonBody } from "@/lib/api/request-guards";
import { withSession } from "@/lib/api/route";
import { setLabelBody, type SetLabelResponse } from "@/lib/labels/contract";
import { parseOrderId } from "@/lib/reports/contract/order-query";
import { labelAuditTarget, withLabels } from "@/lib/server/labels";

export const PUT = withSession<{ id: string }>(
  async (request, { params, user }) => {
    assertSameOrigin(request);
    const id = parseOrderId((await params).id);
    if (id === null)
      throw new ApiError(
        "invalid_query",
        "The order id must be a positive whole number, e.g. 312988299.",
      );
    const { label } = await parseJsonBody(request, setLabelBody);
    const at = Date.now();
    const audit = auditEvent(request, user, "label", labelAuditTarget([id], label), at);
    await withLabels((labels) => labels.set(id, label, { by: user, at, audit }));
    const body: SetLabelResponse = { id, label };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  },
  { needs: () => "label", sideEffect: () => true },
);
