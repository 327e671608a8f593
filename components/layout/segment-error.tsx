"use client";
import Link from "next/link";
import { useEffect } from "react";
import { useI18n } from "@/lib/i18n/context";
import { PageMessage } from "./page-message";

/** The body of every error.tsx: says what happened and offers a retry. */
export function SegmentError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return (
    <PageMessage
      title={t.pages.errorTitle}
      body={t.pages.errorBody}
      code={digest ? `#${digest}` : undefined}
    >
      <button type="button" className="btn btn-primary" onClick={() => retry()}>
        {t.errors.retry}
      </button>
      <Link href="/reports" className="btn">
        {t.pages.toReport}
      </Link>
    </PageMessage>
  );
}
