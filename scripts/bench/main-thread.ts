// Item 11: the main thread on the warm year. Headless Chromium records every long task
// (PerformanceObserver "longtask", buffered, installed before any script) while the report over the
// last 365 days (today included) is opened, sorted by another column, filtered by an order status
// and paged; per action: the longest task, the tasks over 50 ms and the total blocking time (the sum
// of each task's time beyond 50 ms), and what the longest task was (the Long Animation Frame
// holding it names its scripts, or its style, layout and paint as "render"). One CPU profile (CDP
// Profiler) per action on one more run attributes the time to functions.
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { chromium, type CDPSession, type Page } from "playwright-core";
import { addDays, istanbulToday } from "@/lib/dates";
import type { App } from "./app";
import { CHROMIUM_ARGS } from "./browser";
import { median, round } from "./stats";

const MAIN_THREAD_ACTIONS = ["open", "sort", "filter", "page"] as const;
/** Issue 13's budget: no long task over this on the warm year. */
const BUDGET_MS = 100;
type Action = (typeof MAIN_THREAD_ACTIONS)[number];

type Sample = {
  longestMs: number;
  /**
   * What the longest task was, from the Long Animation Frame that holds it: its scripts (who
   * called them and where) and its style, layout and paint. "?" when no frame matched.
   */
  longestWas?: string;
  over50: number;
  tbtMs: number;
  tasksMs: number[];
  /**
   * CPU time of the page's main thread during the action (Chromium's ThreadTime metric; not for
   * "open", whose navigation may change the renderer). Less sensitive to a loaded machine than
   * the long tasks' wall time.
   */
  cpuMs?: number;
  /**
   * CPU time the app server spent during the action (it shares the machine's 2 cores with the
   * browser: a busy server lengthens the page's tasks).
   */
  serverCpuMs?: number;
};

export type MainThreadResult = {
  path: string;
  runs: number;
  /** 1-minute load average when measuring began and ended (the machine's 2 cores are shared). */
  loadAverage: [number, number];
  perAction: Record<
    Action,
    {
      longestMedianMs: number;
      /** The longest task of any run, and how many runs had one over the budget. */
      longestMaxMs: number;
      runsOverBudget: number;
      over50Median: number;
      tbtMedianMs: number;
      cpuMedianMs?: number;
      runs: Sample[];
    }
  >;
  profile?: Record<Action, ProfileLine[]>;
};

type ProfileLine = { selfMs: number; fn: string; where: string };

const LONG_TASKS = `
  (() => {
    window.__longTasks = [];
    window.__frames = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask", buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          window.__frames.push({
            start: e.startTime,
            end: e.startTime + e.duration,
            render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
            scripts: e.scripts.map((s) => ({
              start: s.startTime,
              ms: s.duration,
              what: [s.invokerType === "classic-script" ? "script" : s.invoker, (s.sourceURL || "").split("/").pop(), s.sourceFunctionName]
                .filter(Boolean).join(" "),
            })),
          });
      }).observe({ type: "long-animation-frame", buffered: true });
    } catch {}
  })();
`;

// Page-side code is passed as text: tsx would wrap named inner functions in a helper the page lacks.

/** Waits until no long task has ended for `quietMs` (at most `maxMs`), then returns those since `from`. */
async function settleAndCollect(page: Page, from: number): Promise<Sample> {
  const collected = (await page.evaluate(`
    (async () => {
      const from = ${from}, quietMs = 600, maxMs = 8000;
      const began = performance.now();
      const lastEnd = () =>
        window.__longTasks.reduce((end, t) => Math.max(end, t.start + t.duration), began);
      await new Promise((resolve) => {
        const tick = () => {
          const now = performance.now();
          if (now - lastEnd() >= quietMs || now - began > maxMs) resolve();
          else setTimeout(tick, 50);
        };
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(tick, 50)));
      });
      const tasks = window.__longTasks.filter((t) => t.start >= from);
      const longest = tasks.reduce((a, t) => (a && a.duration >= t.duration ? a : t), null);
      let was;
      if (longest) {
        const end = longest.start + longest.duration;
        const overlap = (f) => Math.min(f.end, end) - Math.max(f.start, longest.start);
        const frame = window.__frames.filter((f) => overlap(f) > 0).sort((a, b) => overlap(b) - overlap(a))[0];
        if (!frame) was = "?";
        else {
          const inTask = frame.scripts.filter((s) => s.start >= longest.start - 1 && s.start < end);
          was = [
            ...inTask.sort((a, b) => b.ms - a.ms).slice(0, 2).map((s) => s.what + " " + Math.round(s.ms)),
            ...(frame.render >= 5 && frame.end <= end + 1 ? ["render " + Math.round(frame.render)] : []),
          ].join(", ") || "?";
        }
      }
      return { durations: tasks.map((t) => t.duration), was };
    })()
  `)) as { durations: number[]; was?: string };
  const tasks = collected.durations;
  return {
    longestWas: collected.was,
    longestMs: round(Math.max(0, ...tasks)),
    over50: tasks.filter((d) => d > 50).length,
    tbtMs: round(tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0)),
    tasksMs: tasks.map((d) => round(d)),
  };
}

/** Nothing dimmed or loading: the table shows the rows of the URL's query. */
const SETTLED = `document.querySelector('[aria-busy="true"]') === null`;

/** The report on screen in full: KPI numbers, the three charts drawn, order rows, nothing dimmed. */
const FULLY_RENDERED = `
  /[0-9]/.test(document.querySelector('[data-testid="kpi-orders-value"]')?.textContent ?? "") &&
  document.querySelector('[data-testid="daily-plot"] [data-testid="daily-bar"]') !== null &&
  document.querySelector('[data-testid="status-chart"] .recharts-surface') !== null &&
  document.querySelector('[data-testid="sender-chart"] [data-testid="sender-bar"]') !== null &&
  document.querySelector('[data-testid="order-row"], [data-testid="order-card"]') !== null &&
  ${SETTLED}
`;

async function until(page: Page, condition: string): Promise<void> {
  try {
    await page.waitForFunction(condition, undefined, { timeout: 120_000, polling: "raf" });
  } catch (error) {
    const file = `/tmp/main-thread-timeout-${Date.now()}.png`;
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    throw new Error(`waited 120 s for ${condition.trim()} at ${page.url()} (screenshot ${file})`, {
      cause: error,
    });
  }
}

const now = (page: Page) => page.evaluate("performance.now()") as Promise<number>;

/** The report's previous numbers are in (the server has the year and its comparison cached). */
async function warmServer(app: App, search: string): Promise<void> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const res = await app.fetch(`/api/reports${search}`);
    const body = (await res.json()) as { previous?: { pending?: boolean } | null };
    if (res.ok && !body.previous?.pending) return;
    if (Date.now() > deadline) throw new Error("the year did not warm within 10 minutes");
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** The renderer main thread's CPU time so far, in ms. */
async function threadTime(cdp: CDPSession): Promise<number> {
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  return (metrics.find((m) => m.name === "ThreadTime")?.value ?? Number.NaN) * 1000;
}

async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
}

/** Self time per function (name, chunk file and position), the largest first. */
async function stopProfile(cdp: CDPSession, top: number, rawFile?: string): Promise<ProfileLine[]> {
  const { profile } = await cdp.send("Profiler.stop");
  if (rawFile) writeFileSync(rawFile, JSON.stringify(profile));
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  const byFn = new Map<string, ProfileLine>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (["(idle)", "(program)", "(root)"].includes(functionName)) continue;
    const file = url.split("/").pop() ?? url;
    const where = file ? `${file}:${lineNumber + 1}:${columnNumber + 1}` : "(native)";
    const key = `${functionName}@${where}`;
    const line = byFn.get(key) ?? { selfMs: 0, fn: functionName || "(anonymous)", where };
    line.selfMs += ms;
    byFn.set(key, line);
  }
  return [...byFn.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top)
    .map((l) => ({ ...l, selfMs: round(l.selfMs) }));
}

export async function mainThreadBench(
  app: App,
  opts: { runs: number; profileFile?: string },
  say: (line: string) => void,
): Promise<MainThreadResult> {
  const today = istanbulToday(new Date());
  const search = `?start=${addDays(today, -364)}&end=${today}`;
  const path = `/reports${search}`;
  say(`  warming ${path} on the server…`);
  await warmServer(app, search);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const samples: Record<Action, Sample[]> = { open: [], sort: [], filter: [], page: [] };
  const loadBefore = round(loadavg()[0] ?? 0, 2);
  let profile: Record<Action, ProfileLine[]> | undefined;
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "en-GB",
      timezoneId: "Europe/Istanbul",
      // The page's CSP forbids eval, which Playwright's text predicates need.
      bypassCSP: true,
    });
    if (app.cookie) {
      await context.addCookies(
        app.cookie.split("; ").map((pair) => {
          const [name = "", ...rest] = pair.split("=");
          return { name, value: rest.join("="), url: app.origin };
        }),
      );
    }
    await context.addInitScript(LONG_TASKS);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // Run 0 fills the browser's cache (scripts) and is not counted; run 1 is also profiled.
    for (let run = 0; run <= opts.runs + 1; run++) {
      const counted = run >= 1 && run <= opts.runs;
      const profiled = run === opts.runs + 1;
      if (!counted && !profiled && run !== 0) continue;
      const lines: Partial<Record<Action, ProfileLine[]>> = {};
      const measure = async (action: Action, act: () => Promise<void>, from?: number) => {
        if (profiled) await startProfile(cdp);
        const start = from ?? (await now(page));
        const cpuBefore = action === "open" ? undefined : await threadTime(cdp);
        const serverBefore = app.cpuMs();
        await act();
        const sample = await settleAndCollect(page, start);
        sample.serverCpuMs = app.cpuMs() - serverBefore;
        if (cpuBefore !== undefined) sample.cpuMs = round((await threadTime(cdp)) - cpuBefore);
        if (profiled)
          lines[action] = await stopProfile(
            cdp,
            15,
            opts.profileFile && `${opts.profileFile.replace(/\.json$/, "")}-${action}.cpuprofile`,
          );
        if (counted) samples[action].push(sample);
      };

      await measure(
        "open",
        async () => {
          await page.goto(`${app.origin}${path}`, { waitUntil: "commit" });
          await until(page, FULLY_RENDERED);
        },
        0,
      );
      await measure("sort", async () => {
        await page.getByTestId("sort-sender").click();
        await until(
          page,
          `document.querySelector('[data-testid="sort-sender"]')?.closest("th")?.getAttribute("aria-sort") === "ascending" && ${SETTLED}`,
        );
      });
      await measure("filter", async () => {
        await page.getByTestId("status-filter-114").click();
        await until(
          page,
          `document.querySelector('[data-testid="status-filter-114"]')?.getAttribute("aria-pressed") === "true" && new URL(location.href).searchParams.get("status") === "114" && ${SETTLED}`,
        );
      });
      await measure("page", async () => {
        await page.getByTestId("pagination-next").click();
        await until(page, `new URL(location.href).searchParams.get("page") === "2" && ${SETTLED}`);
      });
      if (profiled) profile = lines as Record<Action, ProfileLine[]>;
      if (counted) {
        const last = (a: Action) => samples[a][samples[a].length - 1] as Sample;
        say(
          `  run ${run}: ${MAIN_THREAD_ACTIONS.map((a) => `${a} ${last(a).longestMs} ms (${last(a).tasksMs.join(", ") || "none"}${last(a).cpuMs === undefined ? "" : `; cpu ${last(a).cpuMs}`}; server ${last(a).serverCpuMs})`).join("; ")}`,
        );
        say(
          `         longest was: ${
            MAIN_THREAD_ACTIONS.filter((a) => last(a).longestWas)
              .map((a) => `${a}: ${last(a).longestWas}`)
              .join("; ") || "—"
          }`,
        );
      }
    }
    await context.close();
  } finally {
    await browser.close();
  }

  const perAction = Object.fromEntries(
    MAIN_THREAD_ACTIONS.map((a) => {
      const runs = samples[a];
      return [
        a,
        {
          longestMedianMs: round(median(runs.map((s) => s.longestMs))),
          longestMaxMs: round(Math.max(0, ...runs.map((s) => s.longestMs))),
          runsOverBudget: runs.filter((s) => s.longestMs > BUDGET_MS).length,
          over50Median: median(runs.map((s) => s.over50)),
          ...(a === "open" ? {} : { cpuMedianMs: round(median(runs.map((s) => s.cpuMs ?? 0))) }),
          tbtMedianMs: round(median(runs.map((s) => s.tbtMs))),
          runs,
        },
      ];
    }),
  ) as MainThreadResult["perAction"];

  const loadAverage: [number, number] = [loadBefore, round(loadavg()[0] ?? 0, 2)];
  say(
    `\n  medians of ${opts.runs} runs, ${path} (load average ${loadAverage[0]} → ${loadAverage[1]})`,
  );
  say(
    `  action  | longest task | longest of all | runs over ${BUDGET_MS} ms | tasks > 50 ms | total blocking time | main-thread CPU`,
  );
  for (const a of MAIN_THREAD_ACTIONS) {
    const r = perAction[a];
    say(
      `  ${a.padEnd(7)} | ${`${r.longestMedianMs} ms`.padStart(12)} | ${`${r.longestMaxMs} ms`.padStart(15)} | ${`${r.runsOverBudget} of ${r.runs.length}`.padStart(18)} | ${String(r.over50Median).padStart(13)} | ${`${r.tbtMedianMs} ms`.padStart(19)} | ${r.cpuMedianMs === undefined ? "—" : `${r.cpuMedianMs} ms`}`,
    );
  }
  if (profile) {
    say("\n  CPU profile of one more run (self time, top functions per action):");
    for (const a of MAIN_THREAD_ACTIONS) {
      say(`  ${a}:`);
      for (const l of (profile[a] ?? []).slice(0, 10))
        say(`    ${String(l.selfMs).padStart(7)} ms  ${l.fn}  ${l.where}`);
    }
    if (opts.profileFile) writeFileSync(opts.profileFile, `${JSON.stringify(profile, null, 2)}\n`);
  }
  return { path, runs: opts.runs, loadAverage, perAction, profile };
}
