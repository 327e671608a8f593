// What the KPI cards are compared with, on screen and in both languages: today against yesterday
// up to the same time, a whole month against the month before, the same days last year, none.
import { expect, test } from "@playwright/test";
import { addDays } from "@/lib/dates";
import type { ReportResponse } from "@/lib/reports/contract/types";
import { E2E_TODAY } from "./env";
import { waitForReport } from "./helpers";

const lang = (page: import("@playwright/test").Page, locale: "en" | "tr") =>
  page.context().addCookies([{ name: "locale", value: locale, url: "http://127.0.0.1" }]);

async function settledApi(page: import("@playwright/test").Page, qs: string) {
  for (let i = 0; i < 60; i++) {
    const res = await page.request.get(`/api/reports?${qs}`);
    const body = (await res.json()) as ReportResponse;
    if (!body.previous?.pending) return body;
    await page.waitForTimeout(500);
  }
  throw new Error("the comparison never arrived");
}

test("today is compared with yesterday until the same time, in both languages", async ({
  page,
}) => {
  const qs = `start=${E2E_TODAY}&end=${E2E_TODAY}`;
  const api = await settledApi(page, qs);
  expect(api.previous?.range.start).toBe(addDays(E2E_TODAY, -1));
  expect(api.previous?.until).toBeTruthy();
  await lang(page, "en");
  await page.goto(`/reports?${qs}`);
  await waitForReport(page);
  // The app's own clock: now, in Istanbul.
  await expect(page.getByTestId("kpi-orders-change")).toContainText(/vs yesterday until \d\d:\d\d/);
  await lang(page, "tr");
  await page.reload();
  await waitForReport(page);
  await expect(page.getByTestId("kpi-orders-change")).toContainText(
    /Düne göre \(aynı saate kadar: \d\d:\d\d\)/,
  );
  await page.screenshot({ path: "test-results/compare-today-tr.png" });
});

test("a whole month against the month before; the switch to last year and to none", async ({
  page,
}) => {
  const monthStart = `${addDays(`${E2E_TODAY.slice(0, 8)}01`, -1).slice(0, 8)}01`;
  const monthEnd = addDays(`${E2E_TODAY.slice(0, 8)}01`, -1);
  const qs = `start=${monthStart}&end=${monthEnd}`;
  const api = await settledApi(page, qs);
  expect(api.previous?.range.end).toBe(addDays(monthStart, -1));
  await lang(page, "en");
  await page.goto(`/reports?${qs}`);
  await waitForReport(page);
  const monthBefore = new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(
    new Date(`${addDays(monthStart, -1)}T00:00:00Z`),
  );
  await expect(page.getByTestId("kpi-orders-change")).toContainText(`vs ${monthBefore}`);
  await expect(page.getByTestId("kpi-rate-points")).toContainText(/pts vs/);

  await page.getByTestId("compare-select").selectOption("year");
  await expect(page).toHaveURL(/compare=year/);
  await expect(page.getByTestId("kpi-orders-change")).toContainText("vs the same days last year", {
    timeout: 30_000,
  });
  await page.getByTestId("compare-select").selectOption("none");
  await expect(page).toHaveURL(/compare=none/);
  await expect(page.getByTestId("kpi-orders-not-compared")).toHaveText("Not compared");
  await page.screenshot({ path: "test-results/compare-none-en.png" });
});

test("a minimum of messages filters the cards and the table as the API does (Turkish)", async ({
  page,
}) => {
  const qs = `start=${addDays(E2E_TODAY, -13)}&end=${addDays(E2E_TODAY, -7)}`;
  await lang(page, "tr");
  await page.goto(`/reports?${qs}`);
  await waitForReport(page);
  await page.getByTestId("min-messages").fill("100");
  await page.getByTestId("min-messages").press("Enter");
  await expect(page).toHaveURL(/minMessages=100/);
  const api = (await (
    await page.request.get(`/api/reports?${qs}&minMessages=100`)
  ).json()) as ReportResponse;
  expect(api.totals.orders).toBeGreaterThan(0);
  await expect(page.getByTestId("kpi-orders-value")).toHaveText(
    new Intl.NumberFormat("tr-TR").format(api.totals.orders),
  );
  await expect(page.getByText("En az mesaj").first()).toBeVisible();
  await page.screenshot({ path: "test-results/min-messages-tr.png" });
});
