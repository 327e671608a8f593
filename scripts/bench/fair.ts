// Item 9: fair, bounded upstream work against the running app. A cold 1-day report alone and while
// a cold year walks (the year's requester and the day's are the same bench user: its walks take
// turns); then the audit's case: one user opens 40 distinct 30-day ranges and closes them after
// 2 s. Upstream calls are the simulator's own count.
import { addDays, istanbulToday } from "@/lib/dates";
import type { App } from "./app";
import type { SimProcess } from "./sim";
import { median, round } from "./stats";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type FairResult = {
  soloDayMs: number[];
  duringYearDayMs: number[];
  ratio: number;
  yearCallsAfterCloseUntilStop: number;
  yearStoppedAfterCloseS: number;
  abandoned: {
    ranges: number;
    admitted: number;
    refused429: number;
    calls: number;
    stoppedAfterCloseS: number;
  };
};

async function timedReport(app: App, day: string): Promise<number> {
  const started = performance.now();
  const res = await app.fetch(`/api/reports?start=${day}&end=${day}`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`1-day report: HTTP ${res.status}`);
  return round(performance.now() - started, 0);
}

/** Seconds from `since` until the simulator's count stays put for `quietMs`, and the calls made. */
async function untilQuiet(sim: SimProcess, since: number, quietMs: number) {
  const before = (await sim.stats()).requests;
  let last = before;
  let lastChange = performance.now();
  for (;;) {
    await sleep(250);
    const now = (await sim.stats()).requests;
    if (now !== last) {
      last = now;
      lastChange = performance.now();
    } else if (performance.now() - lastChange >= quietMs) break;
  }
  return { calls: last - before, stoppedAfterS: round((lastChange - since) / 1000, 1) };
}

export async function fairBench(
  app: App,
  sim: SimProcess,
  say: (line: string) => void,
): Promise<FairResult> {
  const today = istanbulToday(new Date());
  const day = (i: number) => addDays(today, -3 - i);
  const soloDayMs: number[] = [];
  for (let i = 0; i < 3; i++) soloDayMs.push(await timedReport(app, day(i)));

  // A cold year that ends before those days, walked while the small reports are asked for.
  const yearEnd = addDays(today, -40);
  const year = new AbortController();
  const yearAsked = app
    .fetch(`/api/reports?start=${addDays(yearEnd, -365)}&end=${yearEnd}`, { signal: year.signal })
    .catch(() => null);
  await sleep(2000);
  const duringYearDayMs: number[] = [];
  for (let i = 3; i < 6; i++) duringYearDayMs.push(await timedReport(app, day(i)));
  const ratio = round(median(duringYearDayMs) / median(soloDayMs), 2);
  say(
    `  cold 1-day report: alone ${median(soloDayMs)} ms (${soloDayMs.join(", ")}), during a cold year ${median(duringYearDayMs)} ms (${duringYearDayMs.join(", ")}): ×${ratio}`,
  );
  const closed = performance.now();
  year.abort();
  await yearAsked;
  const yearStop = await untilQuiet(sim, closed, 3000);
  say(
    `  the year's tab closed: ${yearStop.calls} more calls, the last ${yearStop.stoppedAfterS} s after (the grace is 30 s without a request or a progress poll)`,
  );

  // The audit: 40 distinct 30-day ranges opened by one user and closed after 2 s.
  const tabs = Array.from({ length: 40 }, (_, i) => {
    const end = addDays(yearEnd, -400 - i * 31);
    const c = new AbortController();
    const asked = app
      .fetch(`/api/reports?start=${addDays(end, -29)}&end=${end}`, { signal: c.signal })
      .then((r) => r.status)
      .catch(() => 0);
    return { c, asked };
  });
  const startCalls = (await sim.stats()).requests;
  await sleep(2000);
  const closedAt = performance.now();
  for (const t of tabs) t.c.abort();
  const statuses = await Promise.all(tabs.map((t) => t.asked));
  const refused429 = statuses.filter((s) => s === 429).length;
  const stop = await untilQuiet(sim, closedAt, 3000);
  const calls = (await sim.stats()).requests - startCalls;
  const abandoned = {
    ranges: tabs.length,
    admitted: tabs.length - refused429,
    refused429,
    calls,
    stoppedAfterCloseS: stop.stoppedAfterS,
  };
  say(
    `  40 ranges opened and closed after 2 s: ${refused429} refused (429), ${abandoned.admitted} walked; ${calls} upstream calls in all, the last ${stop.stoppedAfterS} s after closing`,
  );
  return {
    soloDayMs,
    duringYearDayMs,
    ratio,
    yearCallsAfterCloseUntilStop: yearStop.calls,
    yearStoppedAfterCloseS: yearStop.stoppedAfterS,
    abandoned,
  };
}
