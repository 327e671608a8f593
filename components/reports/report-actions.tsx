"use client";
// Header actions of the report: copy link, download (Excel or CSV), last updated and refresh.
import { useEffect, useState } from "react";
import { ExportMenu } from "@/components/ui/export-menu";
import { FollowupButton } from "./followup-dialog";
import { CheckIcon, LinkIcon, RefreshIcon } from "@/components/ui/icons";
import { interpolate } from "@/lib/i18n/config";
import { useCan } from "@/lib/client/role-context";
import { useI18n } from "@/lib/i18n/context";

export function CopyLinkButton() {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      setState(legacyCopy(url) ? "copied" : "failed");
    }
  }

  return (
    <div className="relative">
      <button type="button" className="btn" onClick={copy} data-testid="copy-link">
        {state === "copied" ? (
          <CheckIcon className="size-4 text-green-600 dark:text-green-400" />
        ) : (
          <LinkIcon />
        )}
        <span>{state === "copied" ? t.report.copied : t.report.copyLink}</span>
      </button>
      <span role="status" className="sr-only">
        {state === "copied" ? t.report.copied : state === "failed" ? t.report.copyFailed : ""}
      </span>
      {state === "failed" ? (
        <p className="absolute top-full right-0 z-10 mt-1 w-56 rounded-md bg-slate-900 p-2 text-xs text-white shadow-lg">
          {t.report.copyFailed}
        </p>
      ) : null}
    </div>
  );
}

/** For browsers that refuse the async clipboard (plain http on a LAN address). */
function legacyCopy(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/**
 * The orders download (Excel or CSV) and the follow-up list, for roles that may export (viewers
 * see neither).
 */
export function ExportButton({ href }: { href: string }) {
  const mayExport = useCan("export");
  const { t } = useI18n();
  if (!mayExport) return null;
  return (
    <>
      <ExportMenu href={href} hint={t.export.ordersHint} testId="export" />
      <FollowupButton search={href.split("?")[1] ?? ""} />
    </>
  );
}

export function RefreshButton({
  onRefresh,
  refreshing,
  generatedAt,
}: {
  onRefresh: () => void;
  refreshing: boolean;
  generatedAt: string | undefined;
}) {
  const { t, fmt } = useI18n();
  return (
    <div className="flex items-center gap-2">
      {generatedAt ? (
        <p className="muted text-xs" data-testid="last-updated">
          {interpolate(t.report.lastUpdated, { time: fmt.time(generatedAt) })}{" "}
          <span className="whitespace-nowrap">({t.app.istanbul})</span>
        </p>
      ) : null}
      <button
        type="button"
        className="btn"
        onClick={onRefresh}
        disabled={refreshing}
        title={t.report.refreshHint}
        data-testid="refresh"
      >
        <RefreshIcon className={`size-4 ${refreshing ? "animate-spin" : ""}`} />
        {refreshing ? t.report.refreshing : t.report.refresh}
      </button>
    </div>
  );
}
