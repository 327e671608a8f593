import Link from "next/link";
import { PageMessage } from "@/components/layout/page-message";
import { getDictionary } from "@/lib/i18n/server";

export default async function OrderNotFound() {
  const { dict } = await getDictionary();
  return (
    <PageMessage code="404" title={dict.order.notFoundTitle} body={dict.order.notFoundGeneric}>
      <Link href="/reports" className="btn btn-primary">
        {dict.pages.toReport}
      </Link>
    </PageMessage>
  );
}
