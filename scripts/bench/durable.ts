// Items 7 and 8: what the store buys. A restart with the year in the embedded store (upstream
// calls, time to the first report, RSS), and two instances on one Postgres answering ten
// identical cold requests together (upstream calls against one instance's single request).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ReportResponse } from "@/lib/reports/contract/types";
import { freshSchema } from "@/lib/testing/postgres";
import { ensureSession, startApp, type App } from "./app";
import { benchRange } from "./cold";
import type { SimProcess } from "./sim";
import { round } from "./stats";

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asks until the report carries its comparison; returns the first answer's time. */
async function fullReport(
  app: App,
  qs: string,
): Promise<{ firstMs: number; report: ReportResponse }> {
  const started = performance.now();
  let res = await app.fetch(`/api/reports?${qs}`);
  if (!res.ok) throw new Error(`report: HTTP ${res.status} ${await res.text()}`);
  let report = (await res.json()) as ReportResponse;
  const firstMs = performance.now() - started;
  while (report.previous?.pending) {
    await sleep(250);
    res = await app.fetch(`/api/reports?${qs}`);
    report = (await res.json()) as ReportResponse;
  }
  return { firstMs, report };
}

export type RestartResult = {
  days: number;
  coldCalls: number;
  restartCalls: number;
  restartFirstReportMs: number;
  rssSettledAfterRestartMb: number;
};

export async function restartBench(
  dir: string,
  sim: SimProcess,
  opts: { port: number; concurrency: number; days: number; settleSeconds: number },
  say: (line: string) => void,
): Promise<RestartResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "imr-bench-restart-"));
  const range = benchRange(opts.days);
  const qs = `start=${range.start}&end=${range.end}`;
  const upstream = sim;
  await sim.reset();
  const first = await startApp(dir, {
    port: opts.port,
    upstream,
    concurrency: opts.concurrency,
    dataDir,
  });
  await ensureSession(first);
  await fullReport(first, qs);
  const coldCalls = (await sim.stats()).requests;
  await first.stop();
  await sim.reset();
  const again = await startApp(dir, {
    port: opts.port,
    upstream,
    concurrency: opts.concurrency,
    dataDir,
  });
  await ensureSession(again);
  const { firstMs } = await fullReport(again, qs);
  const restartCalls = (await sim.stats()).requests;
  say(`  settling ${opts.settleSeconds} s…`);
  await sleep(opts.settleSeconds * 1000);
  const rss = again.rssBytes();
  await again.stop();
  return {
    days: opts.days,
    coldCalls,
    restartCalls,
    restartFirstReportMs: round(firstMs),
    rssSettledAfterRestartMb: mb(rss),
  };
}

export type InstancesResult = {
  days: number;
  oneInstanceCalls: number;
  twoInstancesTenRequestsCalls: number;
  identical: boolean;
};

export async function instancesBench(
  dir: string,
  sim: SimProcess,
  opts: { port: number; concurrency: number; days: number },
): Promise<InstancesResult> {
  const range = benchRange(opts.days);
  const qs = `start=${range.start}&end=${range.end}`;
  const upstream = sim;
  const schemas = [await freshSchema(), await freshSchema()];
  try {
    await sim.reset();
    const solo = await startApp(dir, {
      port: opts.port,
      upstream,
      concurrency: opts.concurrency,
      databaseUrl: schemas[0]!.url,
    });
    await ensureSession(solo);
    const one = await fullReport(solo, qs);
    const oneInstanceCalls = (await sim.stats()).requests;
    await solo.stop();

    await sim.reset();
    const pair = [
      await startApp(dir, {
        port: opts.port + 1,
        upstream,
        concurrency: opts.concurrency,
        databaseUrl: schemas[1]!.url,
      }),
      await startApp(dir, {
        port: opts.port + 2,
        upstream,
        concurrency: opts.concurrency,
        databaseUrl: schemas[1]!.url,
      }),
    ];
    for (const app of pair) await ensureSession(app);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => fullReport(pair[i % 2]!, qs)),
    );
    const twoInstancesTenRequestsCalls = (await sim.stats()).requests;
    for (const app of pair) await app.stop();
    const identical = answers.every(
      (a) => JSON.stringify(a.report.totals) === JSON.stringify(one.report.totals),
    );
    return { days: opts.days, oneInstanceCalls, twoInstancesTenRequestsCalls, identical };
  } finally {
    for (const s of schemas) await s.drop().catch(() => {});
  }
}
