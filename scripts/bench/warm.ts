// Items 2 and 3: warm GET /api/reports over a year through the real server, the full CSV export,
// and the server's RSS with that year (and the year before it, which `previous` needs) cached.
import type { ReportResponse } from "@/lib/reports/contract/types";
import type { App } from "./app";
import { SORT_FIELDS } from "@/lib/reports/contract/report-query";
import { ORDER_STATUS_KEYS } from "@/lib/reports/contract/statuses";
import { benchRange } from "./cold";
import { median, percentile, round } from "./stats";
// Seeded, so the request mix is the same in every run.
import { rng } from "@/lib/simulator/random";

/** 200 queries over the range: sender and status filters, searches, every sort, pages near and far. */
function requestMix(base: ReportResponse, count: number, seed = 7): string[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const senders = base.senders.map((s) => s.sender);
  const ids = base.orders.items.map((o) => o.id);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = new URLSearchParams({ start: base.range.start, end: base.range.end });
    const u = r();
    if (u < 0.3) p.set("sender", senders.filter(() => r() < 0.4).join(",") || pick(senders));
    if (r() < 0.3) p.set("status", ORDER_STATUS_KEYS.filter(() => r() < 0.5).join(",") || "114");
    const v = r();
    if (v < 0.1) p.set("q", pick(senders).slice(0, 3).toLowerCase());
    else if (v < 0.15) p.set("q", String(pick(ids)).slice(0, 6));
    else if (v < 0.18) p.set("q", String(pick(ids)));
    p.set("sort", `${r() < 0.5 ? "-" : ""}${pick(SORT_FIELDS)}`);
    p.set("pageSize", String(pick([25, 50, 50, 50, 100, 500])));
    const w = r();
    p.set(
      "page",
      String(
        w < 0.5
          ? 1
          : w < 0.8
            ? 2 + Math.floor(r() * 10)
            : w < 0.95
              ? 1 + Math.floor(r() * 300)
              : 100_000,
      ),
    );
    out.push(`/api/reports?${p}`);
  }
  return out;
}

export type WarmResult = {
  days: number;
  ordersPerDay: number;
  range: { start: string; end: string };
  ordersInRange: number;
  ordersCached: number;
  coldFirstReportMs: number;
  /** Until the comparison (the previous period) was there too. */
  coldComparisonMs: number;
  requests: number;
  rounds: number;
  /** Medians over the rounds; each round's figures in `perRound`. */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  perRound: Array<{ p50Ms: number; p95Ms: number; maxMs: number }>;
  errors: number;
  csv: { ms: number; runsMs: number[]; bytes: number; rows: number };
  /** RSS of the server: peak while loading and querying, after it, and after V8 has settled. */
  rssMb: {
    afterWarmUp: number;
    afterRequests: number;
    peak: number;
    settled: number;
    settleSamples: number[];
  };
};

async function timed(
  app: App,
  path: string,
): Promise<{ ms: number; status: number; bytes: number; body: Buffer }> {
  const started = performance.now();
  const res = await app.fetch(path);
  const body = Buffer.from(await res.arrayBuffer());
  return { ms: performance.now() - started, status: res.status, bytes: body.length, body };
}

export async function warmBench(
  app: App,
  opts: {
    days: number;
    ordersPerDay: number;
    requests: number;
    rounds: number;
    settleSeconds: number;
  },
  say: (line: string) => void,
): Promise<WarmResult> {
  const range = benchRange(opts.days);
  const first = `/api/reports?start=${range.start}&end=${range.end}&pageSize=500`;
  let peak = app.rssBytes();
  const sampler = setInterval(() => {
    peak = Math.max(peak, app.rssBytes());
  }, 100);
  try {
    say(
      `  cold first report over ${opts.days} days (and the ${opts.days} before, for "previous")…`,
    );
    const cold = await timed(app, first);
    if (cold.status !== 200)
      throw new Error(`first report: HTTP ${cold.status} ${cold.body.toString().slice(0, 200)}`);
    let base = JSON.parse(cold.body.toString()) as ReportResponse;
    // The first numbers do not wait for the comparison: ask again until it is there too.
    const asked = performance.now();
    while (base.previous?.pending) {
      await new Promise((r) => setTimeout(r, 250));
      base = JSON.parse((await timed(app, first)).body.toString()) as ReportResponse;
    }
    const comparisonMs = cold.ms + (performance.now() - asked);
    say(
      `  cold: first numbers ${round(cold.ms / 1000, 1)} s, ${base.totals.orders} orders; the comparison after ${round(comparisonMs / 1000, 1)} s, previous ${base.previous?.totals?.orders}`,
    );
    // A second pass so lazily built structures (if any) exist before timing starts.
    await timed(app, first);
    const afterWarmUp = app.rssBytes();
    const mix = requestMix(base, opts.requests);
    const perRound: WarmResult["perRound"] = [];
    let errors = 0;
    for (let round_ = 1; round_ <= opts.rounds; round_++) {
      const times: number[] = [];
      for (const path of mix) {
        const t = await timed(app, path);
        if (t.status !== 200) errors++;
        times.push(t.ms);
      }
      const r = {
        p50Ms: round(percentile(times, 50)),
        p95Ms: round(percentile(times, 95)),
        maxMs: round(Math.max(...times)),
      };
      perRound.push(r);
      say(
        `  round ${round_}: ${mix.length} warm requests, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, max ${r.maxMs} ms`,
      );
    }
    const csvRuns: number[] = [];
    let csvBytes = 0;
    let rows = -1; // the header
    for (let k = 0; k < opts.rounds; k++) {
      const csv = await timed(app, `/api/reports/export?start=${range.start}&end=${range.end}`);
      if (csv.status !== 200) throw new Error(`export: HTTP ${csv.status}`);
      csvRuns.push(round(csv.ms));
      if (k === 0) {
        csvBytes = csv.bytes;
        for (let i = csv.body.indexOf(10); i >= 0; i = csv.body.indexOf(10, i + 1)) rows++;
      }
    }
    say(
      `  CSV of all orders: ${csvRuns.join(", ")} ms, ${round(csvBytes / 1e6, 1)} MB, ${rows} rows`,
    );
    const afterRequests = app.rssBytes();
    clearInterval(sampler);
    // V8 hands freed heap back only after a quiet spell (its memory reducer): sample until then.
    const settleSamples: number[] = [];
    for (let waited = 0; waited < opts.settleSeconds; waited += 5) {
      await new Promise((r) => setTimeout(r, 5000));
      settleSamples.push(app.rssBytes());
    }
    const mb = (b: number) => round(b / 2 ** 20, 1);
    const settled = settleSamples.at(-1) ?? afterRequests;
    say(
      `  RSS: ${mb(afterWarmUp)} MB after warm-up, ${mb(afterRequests)} MB after the requests, ${mb(settled)} MB settled, peak ${mb(Math.max(peak, afterRequests))} MB`,
    );
    return {
      days: opts.days,
      ordersPerDay: opts.ordersPerDay,
      range,
      ordersInRange: base.totals.orders,
      ordersCached: base.totals.orders + (base.previous?.totals?.orders ?? 0),
      coldFirstReportMs: round(cold.ms),
      coldComparisonMs: round(comparisonMs),
      requests: mix.length,
      rounds: opts.rounds,
      p50Ms: median(perRound.map((r) => r.p50Ms)),
      p95Ms: median(perRound.map((r) => r.p95Ms)),
      maxMs: Math.max(...perRound.map((r) => r.maxMs)),
      perRound,
      errors,
      csv: { ms: median(csvRuns), runsMs: csvRuns, bytes: csvBytes, rows },
      rssMb: {
        afterWarmUp: mb(afterWarmUp),
        afterRequests: mb(afterRequests),
        peak: mb(Math.max(peak, afterRequests)),
        settled: mb(settled),
        settleSamples: settleSamples.map(mb),
      },
    };
  } finally {
    clearInterval(sampler);
  }
}
