import Link from "next/link";
import { PageMessage } from "@/components/layout/page-message";
import { getDictionary } from "@/lib/i18n/server";

export default async function NotFound() {
  const { dict } = await getDictionary();
  return (
    <PageMessage code="404" title={dict.pages.notFoundTitle} body={dict.pages.notFoundBody}>
      <Link href="/reports" className="btn btn-primary">
        {dict.pages.toReport}
      </Link>
    </PageMessage>
  );
}
