// Items 1 and 4: cold fetches against the simulator over real HTTP, in this process.
// The naive walk is what the provider's page suggests: windows one after another, pages one after
// another until an empty page, through the same client. The engine is the real one, cold each run.
import { addDays, istanbulToday, splitWindows, type DateRange } from "@/lib/dates";
import { createClient } from "@/lib/iletimerkezi/client";
import { accountFingerprint } from "@/lib/iletimerkezi/hash";
import { silent } from "@/lib/log";
import { buildServices } from "@/lib/server/services";
import { OrderStore } from "@/lib/reports/engine/order-store";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import type { SimProcess } from "./sim";
import { median, round } from "./stats";

type ColdRun = { wallMs: number; calls: number; orders: number };

function client(sim: SimProcess, concurrency: number, onCall: () => void) {
  return createClient({
    baseUrl: sim.url,
    key: sim.key,
    secret: sim.secret,
    timeoutMs: 15_000,
    concurrency,
    log: silent,
    onAttempt: onCall,
  });
}

/** Settled full days: the range ends the day before yesterday (Istanbul). */
export function benchRange(days: number): DateRange {
  const end = addDays(istanbulToday(new Date()), -2);
  return { start: addDays(end, -(days - 1)), end };
}

async function naiveWalk(sim: SimProcess, range: DateRange): Promise<ColdRun> {
  let calls = 0;
  const c = client(sim, 1, () => calls++);
  const started = performance.now();
  const ids = new Set<number>();
  for (const window of splitWindows(range, 10)) {
    for (let page = 1; ; page++) {
      const { orders } = await c.getReports({ start: window.start, end: window.end, page });
      if (orders.length === 0) break;
      for (const o of orders) ids.add(o.id);
    }
  }
  return { wallMs: performance.now() - started, calls, orders: ids.size };
}

function engineFor(sim: SimProcess, concurrency: number) {
  const counter = { calls: 0 };
  const deps = {
    client: client(sim, concurrency, () => counter.calls++),
    fingerprint: accountFingerprint(sim.key),
    concurrency,
    now: () => new Date(),
    log: silent,
    maxRangeDays: 366,
  };
  return { ...buildServices(deps), store: new OrderStore(deps), counter };
}

async function engineWalk(
  sim: SimProcess,
  range: DateRange,
  concurrency: number,
): Promise<ColdRun> {
  const { store, counter } = engineFor(sim, concurrency);
  const started = performance.now();
  const days = await store.loadDays(range);
  return {
    wallMs: performance.now() - started,
    calls: counter.calls,
    orders: days.reduce((n, d) => n + d.n, 0),
  };
}

/** The first numbers of a cold report: the range's own walk; the comparison comes after. */
async function firstNumbers(sim: SimProcess, range: DateRange, concurrency: number) {
  const { engine, counter, rangeContext } = engineFor(sim, concurrency);
  const qs = new URLSearchParams({ start: range.start, end: range.end });
  const started = performance.now();
  const report = await engine.report(parseReportQuery(qs, rangeContext()));
  const wallMs = performance.now() - started;
  const calls = counter.calls;
  if (!report.previous?.pending)
    throw new Error("the comparison was there before the range's own walk");
  await engine.whenIdle();
  return { wallMs, calls, withComparisonCalls: counter.calls };
}

/** Medians of runs, against the bound ⌈calls / concurrency⌉ × latency. */
function againstBound(
  runs: readonly { wallMs: number; calls: number }[],
  concurrency: number,
  latencyMs: number,
) {
  const wallMs = median(runs.map((r) => r.wallMs));
  const calls = median(runs.map((r) => r.calls));
  const boundMs = Math.ceil(calls / concurrency) * latencyMs;
  return {
    concurrency,
    wallMs: round(wallMs),
    calls,
    boundMs,
    ratioToBound: round(wallMs / boundMs, 3),
  };
}

export type ColdResult = {
  days: number;
  ordersPerDay: number;
  latencyMs: number;
  runs: number;
  orders: number;
  naive: { wallMs: number; calls: number };
  engine: Array<{
    concurrency: number;
    wallMs: number;
    calls: number;
    boundMs: number;
    ratioToBound: number;
    speedup: number;
    extraCallsPct: number;
  }>;
  /** engine.report on a cold range: when the first numbers are there, against the same bound. */
  firstNumbers: Array<{
    concurrency: number;
    wallMs: number;
    calls: number;
    boundMs: number;
    ratioToBound: number;
  }>;
};

export async function coldBench(
  sim: SimProcess,
  opts: {
    days: number;
    ordersPerDay: number;
    latencyMs: number;
    runs: number;
    concurrencies: number[];
  },
  say: (line: string) => void,
): Promise<ColdResult> {
  const range = benchRange(opts.days);
  const naive: ColdRun[] = [];
  const engine = new Map<number, ColdRun[]>(opts.concurrencies.map((c) => [c, []]));
  const first = new Map<number, { wallMs: number; calls: number }[]>(
    opts.concurrencies.map((c) => [c, []]),
  );
  // Interleave the contenders within each round, so a noisy neighbour hurts them alike.
  for (let run = 1; run <= opts.runs; run++) {
    const n = await naiveWalk(sim, range);
    naive.push(n);
    say(`  run ${run}: naive ${round(n.wallMs / 1000, 2)} s, ${n.calls} calls`);
    for (const c of opts.concurrencies) {
      const e = await engineWalk(sim, range, c);
      if (e.orders !== n.orders)
        throw new Error(`engine found ${e.orders} orders, naive walk ${n.orders}`);
      engine.get(c)?.push(e);
      say(`  run ${run}: engine@${c} ${round(e.wallMs / 1000, 2)} s, ${e.calls} calls`);
      const f = await firstNumbers(sim, range, c);
      first.get(c)?.push(f);
      say(
        `  run ${run}: report@${c} first numbers ${round(f.wallMs / 1000, 2)} s after ${f.calls} calls (${f.withComparisonCalls} with the comparison)`,
      );
    }
  }
  const naiveMs = median(naive.map((r) => r.wallMs));
  const naiveCalls = median(naive.map((r) => r.calls));
  return {
    days: opts.days,
    ordersPerDay: opts.ordersPerDay,
    latencyMs: opts.latencyMs,
    runs: opts.runs,
    orders: naive[0]?.orders ?? 0,
    naive: { wallMs: round(naiveMs), calls: naiveCalls },
    engine: opts.concurrencies.map((concurrency) => {
      const m = againstBound(engine.get(concurrency) ?? [], concurrency, opts.latencyMs);
      return {
        ...m,
        speedup: round(naiveMs / m.wallMs, 2),
        extraCallsPct: round(((m.calls - naiveCalls) / naiveCalls) * 100, 1),
      };
    }),
    firstNumbers: opts.concurrencies.map((concurrency) =>
      againstBound(first.get(concurrency) ?? [], concurrency, opts.latencyMs),
    ),
  };
}

export type SharedResult = {
  days: number;
  oneWalkCalls: number;
  tenConcurrentCalls: number;
  identicalReports: boolean;
};

/** Item 4: ten identical cold report requests at once against one walk, each on a fresh engine. */
export async function sharedBench(
  sim: SimProcess,
  days: number,
  concurrency: number,
): Promise<SharedResult> {
  const range = benchRange(days);
  const params = new URLSearchParams({ start: range.start, end: range.end });
  const one = engineFor(sim, concurrency);
  const context = one.rangeContext();
  await one.engine.report(parseReportQuery(params, context));
  await one.engine.whenIdle(); // the comparison, walked after the range
  const ten = engineFor(sim, concurrency);
  const q = parseReportQuery(params, context);
  const reports = await Promise.all(Array.from({ length: 10 }, () => ten.engine.report(q)));
  await ten.engine.whenIdle();
  const first = JSON.stringify(reports[0]?.totals);
  return {
    days,
    oneWalkCalls: one.counter.calls,
    tenConcurrentCalls: ten.counter.calls,
    identicalReports: reports.every((r) => JSON.stringify(r.totals) === first),
  };
}
