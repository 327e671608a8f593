"use client";
// "Follow-up list" / "Takip listesi": a dialog that starts a follow-up list of the report's
// current selection (POST /api/followups), shows "N / M gönderim tarandı" while the orders are
// walked (polling GET /api/followups/{id} every second), then a download link; the server's
// message when anything fails. Statuses (default undelivered), Excel or CSV, and for admins the
// full numbers.
import { useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/api/api-error";
import { getJson } from "@/lib/client/fetch-json";
import { useCan } from "@/lib/client/role-context";
import { interpolate, pluralForm } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import type { ExportFormat } from "@/lib/reports/contract/export-query";
import {
  DEFAULT_FOLLOWUP_STATUSES,
  FOLLOWUP_MAX_ORDERS,
  type FollowupResponse,
} from "@/lib/reports/contract/followup-query";
import { MESSAGE_STATUSES, messageOutcome } from "@/lib/reports/contract/statuses";

const POLL_MS = 1000;

type State =
  | { step: "form" }
  | { step: "starting" }
  | { step: "job"; job: FollowupResponse }
  | { step: "error"; message: string };

const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : error instanceof Error ? error.message : "";

/** `search`: the report's query string (its filters), without a leading "?". */
export function FollowupButton({ search }: { search: string }) {
  const { t, locale, fmt } = useI18n();
  const mayReveal = useCan("reveal");
  const dialog = useRef<HTMLDialogElement>(null);
  const [statuses, setStatuses] = useState<number[]>([...DEFAULT_FOLLOWUP_STATUSES]);
  const [format, setFormat] = useState<ExportFormat>("xlsx");
  const [reveal, setReveal] = useState(false);
  const [state, setState] = useState<State>({ step: "form" });
  const f = t.followup;

  const jobId = state.step === "job" && state.job.status === "running" ? state.job.id : null;
  useEffect(() => {
    if (!jobId) return;
    const timer = setInterval(() => {
      getJson<FollowupResponse>(`/api/followups/${jobId}`)
        .then((job) => setState((s) => (s.step === "job" ? { step: "job", job } : s)))
        .catch((error: unknown) => setState({ step: "error", message: messageOf(error) }));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [jobId]);

  async function start() {
    setState({ step: "starting" });
    const params = new URLSearchParams(search);
    for (const key of ["page", "pageSize", "format", "lang", "messageStatus", "reveal"])
      params.delete(key);
    params.set("messageStatus", statuses.join(","));
    params.set("format", format);
    params.set("lang", locale);
    if (reveal && mayReveal) params.set("reveal", "1");
    try {
      const job = await getJson<FollowupResponse>(`/api/followups?${params}`, { method: "POST" });
      setState({ step: "job", job });
    } catch (error) {
      setState({ step: "error", message: messageOf(error) });
    }
  }

  const toggle = (code: number) =>
    setStatuses((s) =>
      s.includes(code) ? s.filter((c) => c !== code) : [...s, code].sort((a, b) => a - b),
    );
  const running =
    state.step === "starting" || (state.step === "job" && state.job.status === "running");

  return (
    <>
      <button
        type="button"
        className="btn"
        title={f.hint}
        onClick={() => {
          if (!running) setState({ step: "form" });
          dialog.current?.showModal();
        }}
        data-testid="followup-open"
      >
        {f.open}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="followup-title"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-5 text-slate-800 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        data-testid="followup-dialog"
      >
        <h2 id="followup-title" className="text-base font-semibold">
          {f.title}
        </h2>
        <p className="muted mt-1 text-sm">{interpolate(f.intro, { max: FOLLOWUP_MAX_ORDERS })}</p>
        <fieldset className="mt-4" disabled={running}>
          <legend className="text-sm font-medium">{f.statuses}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {[...MESSAGE_STATUSES].reverse().map((code) => (
              <label key={code} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={statuses.includes(code)}
                  onChange={() => toggle(code)}
                  data-testid={`followup-status-${code}`}
                />
                {t.outcome[messageOutcome(code) ?? "waiting"]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="mt-3" disabled={running}>
          <legend className="text-sm font-medium">{f.format}</legend>
          <div className="mt-1 flex gap-3">
            {(["xlsx", "csv"] as const).map((value) => (
              <label key={value} className="flex items-center gap-1.5 text-sm">
                <input
                  type="radio"
                  name="followup-format"
                  checked={format === value}
                  onChange={() => setFormat(value)}
                  data-testid={`followup-format-${value}`}
                />
                {value === "xlsx" ? "Excel" : "CSV"}
              </label>
            ))}
          </div>
        </fieldset>
        {mayReveal ? (
          <label className="mt-3 flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={reveal}
              disabled={running}
              onChange={(e) => setReveal(e.target.checked)}
              data-testid="followup-reveal"
            />
            {f.reveal}
          </label>
        ) : null}
        <div className="mt-4 min-h-16" aria-live="polite" data-testid="followup-state">
          {state.step === "starting" ? <p className="text-sm">{f.starting}</p> : null}
          {state.step === "job" ? jobState(state.job) : null}
          {state.step === "error" ? (
            <p
              role="alert"
              className="text-sm text-red-700 dark:text-red-400"
              data-testid="followup-error"
            >
              {interpolate(f.failed, { message: state.message })}
            </p>
          ) : null}
          {statuses.length === 0 ? <p className="text-sm">{f.noStatus}</p> : null}
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            {f.close}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={running || statuses.length === 0}
            onClick={start}
            data-testid="followup-start"
          >
            {f.start}
          </button>
        </div>
      </dialog>
    </>
  );

  function jobState(job: FollowupResponse) {
    const { total, done } = job.orders;
    const count = job.recipients;
    if (job.status === "failed")
      return (
        <p
          role="alert"
          className="text-sm text-red-700 dark:text-red-400"
          data-testid="followup-error"
        >
          {interpolate(f.failed, { message: job.error?.message ?? "" })}
        </p>
      );
    return (
      <div>
        <div
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-label={f.title}
          className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
        >
          <div
            className="h-full bg-green-600 transition-all"
            style={{ width: `${total ? (100 * done) / total : 100}%` }}
          />
        </div>
        <p className="mt-1 text-sm" data-testid="followup-progress">
          {interpolate(pluralForm(locale, f.progress, total), {
            done: fmt.number(done),
            total: fmt.number(total),
          })}
          {" · "}
          {interpolate(pluralForm(locale, job.status === "done" ? f.done : f.recipients, count), {
            count: fmt.number(count),
          })}
        </p>
        {job.status === "done" && job.file ? (
          <a
            className="btn mt-2"
            href={`/api/followups/${job.id}/file`}
            download={job.file.name}
            data-testid="followup-download"
          >
            {f.download}
          </a>
        ) : null}
      </div>
    );
  }
}
