"use client";
// Banners above the report: the walk's progress, provisional numbers, a cleaned-up or adjusted link.
import { Banner } from "@/components/ui/banner";
import { PauseIcon, PlayIcon, XIcon } from "@/components/ui/icons";
import { rangeDays } from "@/lib/dates";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import type { LinkAdjustment } from "@/lib/reports/contract/link-adjustments";
import type { ProgressResponse } from "@/lib/reports/contract/types";

export function ProgressPanel({ progress }: { progress: ProgressResponse | undefined }) {
  const { t } = useI18n();
  const total = progress?.windows.total ?? 0;
  const done = Math.min(progress?.windows.done ?? 0, total);
  const known = total > 0;
  return (
    <section className="card p-4" aria-labelledby="progress-title" data-testid="progress">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="progress-title" className="text-sm font-semibold">
          {t.report.progressTitle}
        </h2>
        <p className="text-sm tabular-nums" aria-live="polite" data-testid="progress-text">
          {known
            ? interpolate(t.report.progressWindows, { done, total })
            : t.report.progressStarting}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label={t.report.progressTitle}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
        className="mt-3 h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div
          className={`h-full rounded-full bg-indigo-600 transition-[width] duration-500 dark:bg-indigo-400 ${known ? "" : "w-1/3 animate-pulse"}`}
          style={known ? { width: `${Math.max(2, (done / total) * 100)}%` } : undefined}
        />
      </div>
      <p className="muted mt-2 text-xs">{t.report.progressHint}</p>
    </section>
  );
}

export function ProvisionalBanner({ paused, onToggle }: { paused: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  return (
    <Banner
      tone="warning"
      role="region"
      title={t.report.provisionalTitle}
      testId="provisional-banner"
      actions={
        <button
          type="button"
          className="btn"
          onClick={onToggle}
          aria-pressed={paused}
          data-testid="auto-refresh-toggle"
        >
          {paused ? <PlayIcon /> : <PauseIcon />}
          {paused ? t.report.resume : t.report.pause}
        </button>
      }
    >
      {t.report.provisionalBody} {paused ? <strong>{t.report.provisionalPaused}</strong> : null}
    </Banner>
  );
}

export function InvalidUrlNotice({
  params,
  onDismiss,
}: {
  params: string[];
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  const labels: Record<string, string> = {
    start: t.range.start,
    end: t.range.end,
    sort: t.table.sortLabel,
    page: t.table.pageLabel,
    pageSize: t.table.pageSize,
    sender: t.table.senderFilter,
    status: t.table.statusFilter,
    q: t.table.search,
  };
  return (
    <Banner
      tone="info"
      role="alert"
      title={t.report.invalidUrlTitle}
      testId="invalid-url"
      actions={
        <button type="button" className="btn btn-ghost" onClick={onDismiss}>
          <XIcon />
          {t.report.dismiss}
        </button>
      }
    >
      {t.report.invalidUrlBody}{" "}
      <span className="font-medium">
        {[...new Set(params.map((p) => labels[p] ?? p))].join(", ")}
      </span>
    </Banner>
  );
}

/** What was changed to show a link that asked for more than can be shown. */
export function LinkAdjustedNotice({
  adjustments,
  onDismiss,
}: {
  adjustments: LinkAdjustment[];
  onDismiss: () => void;
}) {
  const { t, fmt, plural } = useI18n();
  const line = (a: LinkAdjustment) => {
    switch (a.kind) {
      case "endAfterToday":
        return interpolate(t.report.adjustedEnd, {
          requested: fmt.date(a.requested),
          shown: fmt.date(a.shown),
        });
      case "tooLong": {
        const shown = rangeDays(a.shown);
        return interpolate(plural(t.report.adjustedTooLong, shown), {
          requested: fmt.number(a.requestedDays),
          shown: fmt.number(shown),
          range: fmt.dateRange(a.shown),
        });
      }
      case "pastLastPage":
        return interpolate(t.report.adjustedPage, {
          requested: fmt.number(a.requested),
          shown: fmt.number(a.shown),
        });
    }
  };
  return (
    <Banner
      tone="info"
      role="status"
      title={t.report.adjustedTitle}
      testId="link-adjusted"
      actions={
        <button type="button" className="btn btn-ghost" onClick={onDismiss}>
          <XIcon />
          {t.report.dismiss}
        </button>
      }
    >
      {adjustments.map((a) => (
        <p key={a.kind}>{line(a)}</p>
      ))}
    </Banner>
  );
}
