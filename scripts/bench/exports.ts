// Item 10: exports at once. Twenty signed-in users each download the orders file of the warm year
// at the same moment, as CSV and then as XLSX, while the server's RSS is sampled from /proc every
// 100 ms: before, the peak during, right after and once settled, with each export's bytes and time.
// Then one user asks for twenty at once, to show the per-user limit (lib/api/export-slots.ts)
// through the real server.
import type { ReportResponse } from "@/lib/reports/contract/types";
import { login, type App } from "./app";
import { benchRange } from "./cold";
import { median, round } from "./stats";

/** Exports started at once, one per user. */
const EXPORTS_AT_ONCE = 20;
/** The users beside the bench user that startApp must know for this item. */
export const EXPORT_USERS = Array.from({ length: EXPORTS_AT_ONCE }, (_, k) => `exporter-${k + 1}`);

/** Idle sampling after each run ("settled"). */
const AFTER_RUN_SECONDS = 30;

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Download = { status: number; bytes: number; ms: number };

/** One export, read as it arrives and thrown away (the bench holds no copy). */
async function download(app: App, path: string, cookie: string): Promise<Download> {
  const started = performance.now();
  const res = await fetch(`${app.origin}${path}`, { headers: { cookie } });
  let bytes = 0;
  const reader = res.body?.getReader();
  for (let r = await reader?.read(); r && !r.done; r = await reader?.read())
    bytes += r.value.length;
  return { status: res.status, bytes, ms: performance.now() - started };
}

type ExportsRun = {
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  rssSettledMb: number;
  wallMs: number;
  exportMs: { median: number; max: number };
  bytesPerExport: number;
  statuses: Record<string, number>;
};

type FormatResult = {
  /** One export alone, before the runs. */
  aloneMs: number;
  bytes: number;
  runs: ExportsRun[];
  /** Medians over the runs. */
  rssPeakMb: number;
  rssBeforeMb: number;
  rssSettledMb: number;
  exportMs: number;
  wallMs: number;
};

export type ExportsResult = {
  /** The same figures for format=xlsx (the fields beside it are the CSV's). */
  xlsx: FormatResult;
  days: number;
  orders: number;
  exportsAtOnce: number;
  /** RSS with the year cached, settled, before any export. */
  rssIdleMb: number;
  runs: ExportsRun[];
  /** Medians over the runs. */
  rssPeakMb: number;
  rssBeforeMb: number;
  rssSettledMb: number;
  exportMs: number;
  wallMs: number;
  /** EXPORTS_AT_ONCE exports asked for at once by one user: HTTP status → count. */
  oneUserStatuses: Record<string, number>;
};

const countStatuses = (downloads: Download[]) =>
  downloads.reduce<Record<string, number>>((acc, d) => {
    acc[d.status] = (acc[d.status] ?? 0) + 1;
    return acc;
  }, {});

export async function exportsBench(
  app: App,
  /** settleSeconds: idle time after the cold walks, before the first export. */
  opts: { days: number; runs: number; settleSeconds: number },
  say: (line: string) => void,
): Promise<ExportsResult> {
  const range = benchRange(opts.days);
  const qs = `start=${range.start}&end=${range.end}`;
  const path = `/api/reports/export?${qs}`;
  // The year and its comparison walked and cached first: the item measures exports, not walks.
  let report = (await (await app.fetch(`/api/reports?${qs}`)).json()) as ReportResponse;
  while (report.previous?.pending) {
    await sleep(500);
    report = (await (await app.fetch(`/api/reports?${qs}`)).json()) as ReportResponse;
  }
  // V8 hands back the walks' garbage only after a quiet spell (its memory reducer), and only if
  // nothing allocates meanwhile: wait for it before the first export, or "before" is the walk's.
  await sleep(opts.settleSeconds * 1000);
  const idle = app.rssBytes();
  // One at a time: the server checks at most a few password hashes at once (503 beyond).
  const cookies: string[] = [];
  for (const user of EXPORT_USERS) cookies.push(await login(app, user));
  say(
    `  ${report.totals?.orders} orders in ${opts.days} days; RSS ${mb(idle)} MB settled before any export; ${EXPORTS_AT_ONCE} users signed in`,
  );
  const csv = await formatRuns(app, `${path}&format=csv`, "CSV", cookies, opts.runs, say);
  const xlsx = await formatRuns(app, `${path}&format=xlsx`, "XLSX", cookies, opts.runs, say);

  const oneUser = await Promise.all(cookies.map(() => download(app, path, cookies[0] as string)));
  const oneUserStatuses = countStatuses(oneUser);
  say(`  one user, ${EXPORTS_AT_ONCE} at once: HTTP ${JSON.stringify(oneUserStatuses)}`);

  const { runs, rssPeakMb, rssBeforeMb, rssSettledMb, exportMs, wallMs } = csv;
  return {
    xlsx,
    days: opts.days,
    orders: report.totals?.orders ?? 0,
    exportsAtOnce: EXPORTS_AT_ONCE,
    rssIdleMb: mb(idle),
    runs,
    rssPeakMb,
    rssBeforeMb,
    rssSettledMb,
    exportMs,
    wallMs,
    oneUserStatuses,
  };
}

/** One export alone, then `runs` rounds of EXPORTS_AT_ONCE at once, of the file at `path`. */
async function formatRuns(
  app: App,
  path: string,
  name: string,
  cookies: string[],
  runCount: number,
  say: (line: string) => void,
): Promise<FormatResult> {
  await sleep(5000);
  const warm = await download(app, path, app.cookie);
  if (warm.status !== 200) throw new Error(`export ${name}: HTTP ${warm.status}`);
  say(`  ${name}: ${mb(warm.bytes)} MB a file, ${round(warm.ms)} ms alone`);
  const runs: ExportsRun[] = [];
  for (let k = 1; k <= runCount; k++) {
    await sleep(5000); // a quiet spell before "before"
    const before = app.rssBytes();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, app.rssBytes());
    }, 100);
    const started = performance.now();
    const downloads = await Promise.all(cookies.map((cookie) => download(app, path, cookie)));
    const wallMs = performance.now() - started;
    const after = app.rssBytes();
    clearInterval(sampler);
    peak = Math.max(peak, after);
    let settled = after;
    for (let waited = 0; waited < AFTER_RUN_SECONDS; waited += 5) {
      await sleep(5000);
      settled = app.rssBytes();
    }
    const times = downloads.map((d) => d.ms);
    const run: ExportsRun = {
      rssBeforeMb: mb(before),
      rssPeakMb: mb(peak),
      rssAfterMb: mb(after),
      rssSettledMb: mb(settled),
      wallMs: round(wallMs),
      exportMs: { median: round(median(times)), max: round(Math.max(...times)) },
      bytesPerExport: median(downloads.map((d) => d.bytes)),
      statuses: countStatuses(downloads),
    };
    runs.push(run);
    say(
      `  ${name} run ${k}: RSS ${run.rssBeforeMb} MB before, peak ${run.rssPeakMb} MB, ${run.rssAfterMb} MB right after, ${run.rssSettledMb} MB after ${AFTER_RUN_SECONDS} s; all ${EXPORTS_AT_ONCE} in ${run.wallMs} ms (each: median ${run.exportMs.median} ms, max ${run.exportMs.max} ms, ${mb(run.bytesPerExport)} MB); HTTP ${JSON.stringify(run.statuses)}`,
    );
  }

  return {
    aloneMs: round(warm.ms),
    bytes: warm.bytes,
    runs,
    rssPeakMb: median(runs.map((r) => r.rssPeakMb)),
    rssBeforeMb: median(runs.map((r) => r.rssBeforeMb)),
    rssSettledMb: median(runs.map((r) => r.rssSettledMb)),
    exportMs: median(runs.map((r) => r.exportMs.median)),
    wallMs: median(runs.map((r) => r.wallMs)),
  };
}
