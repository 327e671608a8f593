"use client";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import { ApiError } from "@/lib/api/api-error";
import { Banner } from "./banner";
import { RefreshIcon } from "./icons";

/** Explains an API failure and the action to take; offers a retry where retrying can help. */
export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const apiError = error instanceof ApiError ? error : new ApiError("internal", String(error));
  const text = t.errors[apiError.code];
  return (
    <Banner
      tone="error"
      title={text.title}
      testId={`error-${apiError.code}`}
      actions={
        onRetry ? (
          <button type="button" className="btn" onClick={onRetry}>
            <RefreshIcon />
            {t.errors.retry}
          </button>
        ) : null
      }
    >
      <p>{text.body}</p>
      {apiError.code === "invalid_query" || apiError.code === "upstream_rejected" ? (
        <p className="mt-1 font-mono text-xs break-words opacity-80">{apiError.message}</p>
      ) : null}
      <p className="mt-1 text-xs opacity-70">
        {interpolate(t.errors.code, { code: apiError.code })}
      </p>
    </Banner>
  );
}
