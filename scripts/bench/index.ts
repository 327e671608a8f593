// `npm run bench`: the report engine's benchmark (docs/performance.md). A benchmark, not a test:
// it prints what it measures and writes bench-results/bench-<time>.json; it does not gate CI.
//   npm run bench -- [--only cold,shared,warm,browser,load,restart,instances,fair,exports,main-thread] [--runs 3] [--latency 50] [--jitter 10]
//                    [--app-dir /tmp/benchapp] [--rebuild] [--port 3917] [--settle 90] [--bare]
//                    [--warm-orders-per-day 604] [--data-dir /tmp/store]
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { addDays, istanbulToday } from "@/lib/dates";
import { buildApp, ensureSession, startApp, type App } from "./app";
import { browserBench } from "./browser";
import { instancesBench, restartBench } from "./durable";
import { benchRange, coldBench, sharedBench } from "./cold";
import { EXPORT_USERS, exportsBench } from "./exports";
import { fairBench } from "./fair";
import { loadBench } from "./load";
import { mainThreadBench } from "./main-thread";
import { startSim, type SimProcess } from "./sim";
import { warmBench } from "./warm";

const ITEMS = [
  "cold",
  "shared",
  "warm",
  "browser",
  "load",
  "restart",
  "instances",
  "fair",
  "exports",
  "main-thread",
] as const;

const USAGE = `usage: npm run bench -- [--only ${ITEMS.join(",")}] [--runs 3] [--latency 50] [--jitter 10]
  [--app-dir /tmp/benchapp] [--rebuild] [--port 3917] [--settle 90] [--bare] [--warm-orders-per-day 604] [--data-dir /tmp/store]`;

function fail(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

function flags() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      options: {
        only: { type: "string", default: ITEMS.join(",") },
        runs: { type: "string", default: "3" },
        latency: { type: "string", default: "50" },
        jitter: { type: "string", default: "10" },
        "app-dir": { type: "string", default: "/tmp/benchapp" },
        rebuild: { type: "boolean", default: false },
        port: { type: "string", default: "3917" },
        settle: { type: "string", default: "90" },
        bare: { type: "boolean", default: false },
        // The simulator dips at weekends (×0.4): 604 a day gives the ~183,000 orders that "500 a day
        // for 366 days" means; --warm-orders-per-day 500 gives the dipped 151,000.
        "warm-orders-per-day": { type: "string", default: "604" },
        // The app's embedded store (default: a new one per start, so the first report is cold).
        "data-dir": { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /^Unknown option '([^']*)'/.exec(message);
    fail(unknown ? `unknown flag ${unknown[1]}` : message);
  }
}
const args = flags();

type NumberFlag = "runs" | "latency" | "jitter" | "port" | "settle" | "warm-orders-per-day";
function num(name: NumberFlag): number {
  const raw = args[name];
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n)) fail(`--${name} takes a number, not "${raw}"`);
  return n;
}

const only = new Set(args.only.split(","));
for (const item of only)
  if (!(ITEMS as readonly string[]).includes(item)) fail(`--only: unknown item "${item}"`);
const runs = num("runs");
const latencyMs = num("latency");
const jitterMs = num("jitter");
const appDir = args["app-dir"];
const port = num("port");
const warmOrdersPerDay = num("warm-orders-per-day");
const settleSeconds = num("settle");

const say = (line: string) => console.log(line);
const cleanups: Array<() => Promise<void>> = [];
async function cleanup() {
  for (const stop of cleanups.splice(0).reverse()) await stop().catch(() => {});
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });

async function sim(ordersPerDay: number): Promise<SimProcess> {
  const s = await startSim({ ordersPerDay, latencyMs, jitterMs });
  cleanups.push(() => s.stop());
  return s;
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    settings: { runs, latencyMs, jitterMs, warmOrdersPerDay },
  };
  say(
    `bench: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}; simulator latency ${latencyMs} ± ${jitterMs} ms`,
  );

  if (only.has("cold") || only.has("shared")) {
    const s = await sim(300);
    if (only.has("cold")) {
      say(`\n1. cold fetch, 90 days at 300 orders/day: naive walk vs engine (median of ${runs})`);
      const cold = await coldBench(
        s,
        { days: 90, ordersPerDay: 300, latencyMs, runs, concurrencies: [4, 8] },
        say,
      );
      results.cold = cold;
      say(`  naive: ${cold.naive.wallMs} ms, ${cold.naive.calls} calls (${cold.orders} orders)`);
      for (const e of cold.engine)
        say(
          `  engine@${e.concurrency}: ${e.wallMs} ms, ${e.calls} calls (+${e.extraCallsPct}%), bound ${e.boundMs} ms, ×${e.ratioToBound} of bound, ${e.speedup}× faster than naive`,
        );
      for (const f of cold.firstNumbers)
        say(
          `  report@${f.concurrency}: first numbers ${f.wallMs} ms after ${f.calls} calls, bound ${f.boundMs} ms, ×${f.ratioToBound} of bound`,
        );
    }
    if (only.has("shared")) {
      say(
        "\n4. ten identical cold report requests at once vs one (30 days and its previous 30, concurrency 4)",
      );
      const shared = [];
      for (let k = 0; k < runs; k++) shared.push(await sharedBench(s, 30, 4));
      results.shared = shared;
      for (const r of shared)
        say(
          `  one walk: ${r.oneWalkCalls} calls; ten at once: ${r.tenConcurrentCalls} calls; identical answers: ${r.identicalReports}`,
        );
    }
    await s.stop();
  }

  const needApp = ["warm", "browser", "load", "exports", "main-thread"].some((item) =>
    only.has(item),
  );
  if (needApp) {
    if (args.rebuild) results.build = buildApp(process.cwd(), appDir, say);
    const s = await sim(warmOrdersPerDay);
    const bare = args.bare;
    const users = only.has("exports") ? EXPORT_USERS : [];
    const app: App = await startApp(appDir, {
      port,
      upstream: s,
      concurrency: 8,
      bare,
      users,
      dataDir: args["data-dir"],
    });
    cleanups.push(() => app.stop());
    const loggedIn = await ensureSession(app);
    results.server = bare ? "scripts/server.mjs (--bare)" : "scripts/start.sh (npm start)";
    say(
      `\nserver: ${results.server}, pid ${app.pid}, at ${app.origin}, UPSTREAM_CONCURRENCY 8${loggedIn ? ", logged in as bench" : ""}`,
    );
    const year = benchRange(366);
    const yearQuery = `start=${year.start}&end=${year.end}`;
    if (only.has("warm")) {
      say(`\n2–3. warm /api/reports over 366 days at ${warmOrdersPerDay} orders/day; CSV; RSS`);
      results.warm = await warmBench(
        app,
        { days: 366, ordersPerDay: warmOrdersPerDay, requests: 200, rounds: runs, settleSeconds },
        say,
      );
    } else if (only.has("browser") || only.has("load") || only.has("exports")) {
      await (await app.fetch(`/api/reports?${yearQuery}`)).arrayBuffer();
    }
    if (only.has("browser")) {
      say("\n5. the browser: /reports");
      const today = istanbulToday(new Date());
      results.browser = await browserBench(
        app,
        {
          "default (last 7 days)": "/reports",
          "366 days": `/reports?${yearQuery}`,
          "30 days": `/reports?start=${addDays(today, -29)}&end=${today}`,
        },
        5,
        say,
      );
    }
    if (only.has("load")) {
      say("\n6. load: 50 connections for 20 s on warm /api/reports (366 days)");
      const load = await loadBench(app, `/api/reports?${yearQuery}`, 50, 20);
      results.load = load;
      say(
        `  ${load.requestsPerSec} req/s, p50 ${load.latencyMs.p50} ms, p99 ${load.latencyMs.p99} ms, errors ${load.errors}, timeouts ${load.timeouts}, non-2xx ${load.non2xx}`,
      );
    }
    if (only.has("main-thread")) {
      say(
        `\n11. the main thread on the warm year (open, sort, filter, page): long tasks, median of ${Math.max(runs, 5)}`,
      );
      mkdirSync(join(process.cwd(), "bench-results"), { recursive: true });
      results.mainThread = await mainThreadBench(
        app,
        {
          runs: Math.max(runs, 5),
          profileFile: join(process.cwd(), "bench-results", "main-thread-profile.json"),
        },
        say,
      );
    }
    if (only.has("exports")) {
      say(
        `\n10. exports at once: ${EXPORT_USERS.length} users each download the year's orders CSV`,
      );
      results.exports = await exportsBench(app, { days: 366, runs, settleSeconds }, say);
    }
  }

  if (only.has("restart") || only.has("instances")) {
    if (args.rebuild && !needApp) results.build = buildApp(process.cwd(), appDir, say);
    if (only.has("restart")) {
      const s = await sim(warmOrdersPerDay);
      say(`\n7. restart with the year in the embedded store (366 days at ${warmOrdersPerDay}/day)`);
      const r = await restartBench(
        appDir,
        s,
        { port: port + 10, concurrency: 8, days: 366, settleSeconds },
        say,
      );
      results.restart = r;
      say(
        `  cold: ${r.coldCalls} upstream calls; after the restart: ${r.restartCalls} calls, first report ${r.restartFirstReportMs} ms; RSS settled ${r.rssSettledAfterRestartMb} MB`,
      );
    }
    if (only.has("instances")) {
      const s = await sim(300);
      say(
        "\n8. two instances on one Postgres: ten identical cold requests (30 days) vs one instance's one",
      );
      const r = await instancesBench(appDir, s, { port: port + 20, concurrency: 4, days: 30 });
      results.instances = r;
      say(
        `  one instance, one request: ${r.oneInstanceCalls} calls; two instances, ten requests: ${r.twoInstancesTenRequestsCalls} calls; identical answers: ${r.identical}`,
      );
    }
  }

  if (only.has("fair")) {
    if (args.rebuild && !needApp && !only.has("restart") && !only.has("instances"))
      results.build = buildApp(process.cwd(), appDir, say);
    const s = await sim(300);
    const app = await startApp(appDir, { port: port + 30, upstream: s, concurrency: 4 });
    cleanups.push(() => app.stop());
    await ensureSession(app);
    say("\n9. fair upstream work (UPSTREAM_CONCURRENCY 4, 300 orders/day)");
    results.fair = await fairBench(app, s, say);
    await app.stop();
    await s.stop();
  }

  const dir = join(process.cwd(), "bench-results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  say(`\nwritten: ${file}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
