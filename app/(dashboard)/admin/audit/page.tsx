import type { Metadata } from "next";
import { AuditView } from "@/components/admin/audit-view";
import { PageMessage } from "@/components/layout/page-message";
import { requireSession } from "@/lib/auth/dal";
import { can } from "@/lib/auth/roles";
import { interpolate } from "@/lib/i18n/config";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { dict } = await getDictionary();
  return { title: dict.audit.title };
}

/** /admin/audit: the audit log, for admins; others are told why they cannot see it. */
export default async function AuditPage() {
  const session = await requireSession();
  const { dict } = await getDictionary();
  if (!can(session.role, "audit"))
    return (
      <PageMessage
        code="403"
        title={dict.audit.forbiddenTitle}
        body={interpolate(dict.audit.forbiddenBody, { role: dict.audit.roles[session.role] })}
      />
    );
  return <AuditView />;
}
