"use client";
// When the root layout itself fails, this page replaces it: no providers, no dictionary and no
// cookies here, so it speaks both languages, Turkish first as the team does.
import { useEffect } from "react";
import { PageMessage } from "@/components/layout/page-message";
import "./globals.css";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return (
    <html lang="tr">
      <body className="min-h-dvh">
        <title>Hata · Error</title>
        <main id="main">
          <PageMessage
            code={digest ? `#${digest}` : undefined}
            title={
              <>
                Bu sayfa gösterilemedi{" "}
                <span lang="en" className="muted mt-1 block text-lg font-semibold">
                  This page could not be shown
                </span>
              </>
            }
            body={
              <>
                Beklenmeyen bir hata oluştu. Tekrar deneyin ya da rapora dönün.{" "}
                <span lang="en" className="mt-1 block">
                  An unexpected error occurred. Retry, or go back to the report.
                </span>
              </>
            }
          >
            <button type="button" className="btn btn-primary" onClick={() => retry()}>
              <span>
                Tekrar dene · <span lang="en">Retry</span>
              </span>
            </button>
            {/* A full page load: nothing of the failed layout is reused. */}
            <a href="/reports" className="btn">
              <span>
                Rapora git · <span lang="en">Go to the report</span>
              </span>
            </a>
          </PageMessage>
        </main>
      </body>
    </html>
  );
}
