// Provisional numbers, upstream failures and the progress of a long cold range.
import { expect, test } from "@playwright/test";
import { addDays } from "@/lib/dates";
import { APP_PORT, appUrl, BAD_AUTH_PORT, E2E_TODAY, SLOW_APP_PORT } from "./env";
import type { ReportResponse } from "@/lib/reports/contract/types";
import { reportFor, signInAt, waitForReport } from "./helpers";

test.beforeEach(async ({ context }) => {
  await context.addCookies([{ name: "locale", value: "en", url: "http://127.0.0.1" }]);
});

test("with the simulator's clock inside a busy hour, the provisional banner shows and auto-refresh can pause", async ({
  page,
  request,
}) => {
  await page.goto(`${appUrl(APP_PORT)}/reports?start=${E2E_TODAY}&end=${E2E_TODAY}`);
  await waitForReport(page);
  const report = await reportFor(request, `?start=${E2E_TODAY}&end=${E2E_TODAY}`);
  expect(report.provisional).toBe(true);
  expect(report.totals.waiting).toBeGreaterThan(0);
  const banner = page.getByTestId("provisional-banner");
  await expect(banner).toContainText("may still change");
  await banner.getByTestId("auto-refresh-toggle").click();
  await expect(banner.getByTestId("auto-refresh-toggle")).toHaveAttribute("aria-pressed", "true");
  await expect(banner).toContainText("paused");
});

test("a range that is all settled shows no provisional banner", async ({ page }) => {
  const day = addDays(E2E_TODAY, -20);
  await page.goto(`${appUrl(APP_PORT)}/reports?start=${day}&end=${day}`);
  await waitForReport(page);
  await expect(page.getByTestId("provisional-banner")).toHaveCount(0);
});

test("wrong upstream credentials show the 401 banner with what to check", async ({ page }) => {
  await signInAt(page, appUrl(BAD_AUTH_PORT));
  await page.goto(`${appUrl(BAD_AUTH_PORT)}/reports`);
  const banner = page.getByTestId("error-upstream_auth");
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(banner).toContainText("rejected the API credentials");
  await expect(banner).toContainText("Allow API access");
  await expect(banner).toContainText("IP allowlist");
  await expect(page.getByTestId("kpi-orders-value")).toHaveCount(0);
});

test("a year-long cold range shows progress advancing before the report appears", async ({
  page,
}) => {
  const start = addDays(E2E_TODAY, -364);
  await signInAt(page, appUrl(SLOW_APP_PORT));
  await page.goto(`${appUrl(SLOW_APP_PORT)}/reports?start=${start}&end=${E2E_TODAY}`, {
    waitUntil: "commit",
  });
  const text = page.getByTestId("progress-text");
  const seen = new Set<string>();
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (await page.getByTestId("kpi-orders-value").isVisible()) break;
    const value = await text.textContent({ timeout: 1000 }).catch(() => null);
    const match = value?.match(/(\d+) \/ (\d+)/);
    if (match) seen.add(`${match[1]}/${match[2]}`);
    await page.waitForTimeout(250);
  }
  await waitForReport(page);
  const counts = [...seen].map((s) => Number(s.split("/")[0]));
  const totals = new Set([...seen].map((s) => Number(s.split("/")[1])));
  expect(counts.length, `progress values seen: ${[...seen].join(", ")}`).toBeGreaterThanOrEqual(3);
  expect(Math.max(...counts)).toBeGreaterThan(Math.min(...counts));
  // The year's own 37 windows (its comparison is walked after it), less the few the page's
  // server-side prefetch finished before the browser asked.
  expect(Math.max(...totals)).toBeLessThanOrEqual(37);
  expect(Math.max(...totals)).toBeGreaterThanOrEqual(20);
});

test("no matching orders shows the empty state, and clearing the filters brings the report back", async ({
  page,
}) => {
  await page.goto(`${appUrl(APP_PORT)}/reports?q=no-such-order-xyz`);
  await expect(page.getByTestId("empty-state")).toContainText("No orders match these filters");
  await expect(page.getByTestId("kpi-orders-value")).toHaveText("0");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/q=/);
  await waitForReport(page);
  await expect(page.getByTestId("empty-state")).toHaveCount(0);
  await expect(page.getByTestId("order-row").first()).toBeVisible();
});

test("the first numbers come before the comparison, which fills in on its own", async ({
  page,
}) => {
  // A range no other test touched, on the slow upstream: its previous period takes seconds.
  const start = addDays(E2E_TODAY, -800);
  const end = addDays(E2E_TODAY, -771);
  await signInAt(page, appUrl(SLOW_APP_PORT));
  await page.goto(`${appUrl(SLOW_APP_PORT)}/reports?start=${start}&end=${end}`);
  await expect(page.getByTestId("kpi-orders-change-pending")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("kpi-orders-change-pending")).toHaveText(
    "Loading the previous period…",
  );
  await page.screenshot({ path: "test-results/comparison-pending.png" });
  await expect(page.getByTestId("kpi-orders-change")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("kpi-orders-change-pending")).toHaveCount(0);
  const response = await page.request.get(
    `${appUrl(SLOW_APP_PORT)}/api/reports?start=${start}&end=${end}`,
  );
  const api = (await response.json()) as ReportResponse;
  expect(api.previous?.pending).toBe(false);
  await page.getByTestId("kpi-orders-change").locator("span").first().hover();
  await expect(page.locator("#prev-orders")).toContainText(
    new Intl.NumberFormat("en").format(api.previous!.totals!.orders),
  );
});
