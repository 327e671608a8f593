// POST /api/followups?<the report's filters>&messageStatus=112&format&lang&reveal=1: starts a
// follow-up list of the selection (202 with the job's state; poll GET /api/followups/{id}).
// Analysts and admins (numbers in full: admins, reveal=1); the caps and limits answer 400/429
// before any get-report call; audited and counted against the hourly quotas.
import { checkQuota, recordAudit } from "@/lib/api/audit";
import { exportQuery } from "@/lib/api/export-response";
import { withSession } from "@/lib/api/route";
import { followupTarget, parseFollowupOptions } from "@/lib/reports/contract/followup-query";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { launchFollowup, planFollowup } from "@/lib/server/followups";
import { services } from "@/lib/server/services";

export const POST = withSession(
  async (request, { user }) => {
    const { rangeContext } = await services();
    const params = new URL(request.url).searchParams;
    const query = parseReportQuery(params, rangeContext());
    const options = parseFollowupOptions(params);
    const file = exportQuery(request, params);
    await checkQuota(user, "export_recipients");
    if (options.reveal) await checkQuota(user, "reveal");
    const plan = await planFollowup(user, query, options, request.signal);
    const target = followupTarget(query, params, options);
    await recordAudit(request, user, "export_recipients", target);
    if (options.reveal) await recordAudit(request, user, "reveal", `${target}, numbers in full`);
    const job = await launchFollowup(plan, target, file);
    return Response.json(job, {
      status: 202,
      headers: { "cache-control": "no-store", location: `/api/followups/${job.id}` },
    });
  },
  {
    needs: (url) => (url.searchParams.get("reveal") === "1" ? "reveal" : "export"),
    sideEffect: () => true,
  },
);
