// Item 5: first-load JavaScript of /reports (gzip, as the build serves it) and the time from
// navigation to the KPI cards showing numbers in headless Chromium (warm cache: the first visit
// fills it and is reported apart).
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import type { App } from "./app";
import { median, round } from "./stats";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type BrowserResult = {
  firstLoadJs: { files: number; rawKb: number; gzipKb: number };
  lazyJsGzipKb: number;
  kpiVisibleMs: Record<string, { coldMs: number; warmMedianMs: number; warmRunsMs: number[] }>;
};

/** Scripts the /reports HTML itself loads: the route's first-load JS. */
async function firstLoadJs(
  app: App,
  path: string,
): Promise<{ urls: string[]; files: number; rawKb: number; gzipKb: number }> {
  const html = await (await app.fetch(path)).text();
  const urls = [
    ...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1] as string)),
  ];
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const body = Buffer.from(await (await app.fetch(url)).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { urls, files: urls.length, rawKb: round(raw / 1024), gzipKb: round(gzip / 1024) };
}

// Records when the orders KPI first shows a number, on the page's own clock (0 = navigation start).
const KPI_PROBE = `
  (() => {
    const check = () => {
      const el = document.querySelector('[data-testid="kpi-orders-value"]');
      if (el && /\\d/.test(el.textContent || "") && el.getClientRects().length > 0) {
        window.__kpiAt ??= performance.now();
        return true;
      }
      return false;
    };
    const start = () => {
      if (check()) return;
      new MutationObserver((_, obs) => { if (check()) obs.disconnect(); })
        .observe(document, { subtree: true, childList: true, characterData: true });
    };
    if (document.documentElement) start(); else document.addEventListener("readystatechange", start, { once: true });
  })();
`;

export async function browserBench(
  app: App,
  pages: Record<string, string>,
  runs: number,
  say: (line: string) => void,
): Promise<BrowserResult> {
  const js = await firstLoadJs(app, Object.values(pages)[0] ?? "/reports");
  say(`  first-load JS of /reports: ${js.files} files, ${js.gzipKb} kB gzip (${js.rawKb} kB raw)`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const kpiVisibleMs: BrowserResult["kpiVisibleMs"] = {};
    let lazyJsGzipKb = 0;
    for (const [label, path] of Object.entries(pages)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      if (app.cookie) {
        await context.addCookies(
          app.cookie.split("; ").map((pair) => {
            const [name = "", ...rest] = pair.split("=");
            return { name, value: rest.join("="), url: app.origin };
          }),
        );
      }
      await context.addInitScript(KPI_PROBE);
      const page = await context.newPage();
      const times: number[] = [];
      for (let i = 0; i <= runs; i++) {
        await page.goto(`${app.origin}${path}`, { waitUntil: "commit" });
        await page.waitForFunction(
          () => (window as unknown as { __kpiAt?: number }).__kpiAt !== undefined,
          undefined,
          {
            timeout: 60_000,
          },
        );
        times.push(await page.evaluate(() => (window as unknown as { __kpiAt: number }).__kpiAt));
        if (i === 0) {
          // JS fetched after the HTML's own scripts (lazy chunks), as transferred (gzip).
          lazyJsGzipKb = await page.evaluate((known: string[]) => {
            const entries = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
            const lazy = entries.filter(
              (e) => e.name.endsWith(".js") && !known.some((u) => e.name.endsWith(u)),
            );
            return Math.round(lazy.reduce((n, e) => n + e.encodedBodySize, 0) / 102.4) / 10;
          }, js.urls);
        }
      }
      const [cold = Number.NaN, ...warm] = times;
      kpiVisibleMs[label] = {
        coldMs: round(cold),
        warmMedianMs: round(median(warm)),
        warmRunsMs: warm.map((t) => round(t)),
      };
      say(
        `  KPIs visible, ${label}: cold ${round(cold)} ms, warm median ${round(median(warm))} ms (${warm.map((t) => Math.round(t)).join(", ")})`,
      );
      await context.close();
    }
    return {
      firstLoadJs: { files: js.files, rawKb: js.rawKb, gzipKb: js.gzipKb },
      lazyJsGzipKb,
      kpiVisibleMs,
    };
  } finally {
    await browser.close();
  }
}
