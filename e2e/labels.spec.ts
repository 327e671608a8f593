// Campaign labels on screen: label every order the filters match, see the campaign, filter by it;
// label one order on its page and find it by searching the label; a viewer sees labels only.
import { expect, test } from "@playwright/test";
import { addDays } from "@/lib/dates";
import type { OrderDetailResponse } from "@/lib/reports/contract/types";
import { APP_PORT, appUrl, E2E_TODAY, E2E_VIEWER } from "./env";
import { formatNumber, reportFor, searchOf, waitForReport } from "./helpers";

const ORIGIN = appUrl(APP_PORT);
const lang = (page: import("@playwright/test").Page, locale: "en" | "tr") =>
  page.context().addCookies([{ name: "locale", value: locale, url: "http://127.0.0.1" }]);

test.describe.configure({ timeout: 120_000 });

test("label every order the filters match, then the campaign shows and filters (Turkish)", async ({
  page,
}) => {
  const day = addDays(E2E_TODAY, -3);
  const qs = `start=${day}&end=${day}&sender=KAMPANYA`;
  await lang(page, "tr");
  await page.goto(`/reports?${qs}`);
  await waitForReport(page);
  const want = await reportFor(page.request, searchOf(page));
  expect(want.orders.total).toBeGreaterThan(0);

  await page.getByTestId("label-matching").click();
  await expect(page.getByRole("dialog")).toContainText(
    `${formatNumber(want.orders.total, "tr")} gönderimin tümüne`,
  );
  // The rules as you type: a comma is refused before anything is sent.
  await page.getByTestId("label-input").fill("Black, Friday");
  await page.getByTestId("label-save").click();
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText("virgül");
  await page.getByTestId("label-input").fill("Black Friday SMS");
  await page.getByTestId("label-save").click();
  await expect(page.getByTestId("label-matching-done")).toHaveText(
    `${formatNumber(want.orders.total, "tr")} gönderim etiketlendi.`,
  );

  // The campaign, its numbers from the API, and a click that filters by it.
  const row = page.getByTestId("campaign-row").filter({ hasText: "Black Friday SMS" });
  await expect(row).toBeVisible();
  await expect(row.locator("td").first()).toHaveText(formatNumber(want.orders.total, "tr"));
  await page.goto(`/reports?start=${day}&end=${day}`);
  await waitForReport(page);
  await page
    .getByTestId("campaign-row")
    .filter({ hasText: "Black Friday SMS" })
    .getByRole("button")
    .click();
  await expect(page).toHaveURL(/label=Black(\+|%20)Friday(\+|%20)SMS/);
  await waitForReport(page);
  await expect(page.getByTestId("kpi-orders-value")).toHaveText(
    formatNumber(want.orders.total, "tr"),
  );
  const filtered = await reportFor(page.request, searchOf(page));
  expect(filtered.totals).toEqual(want.totals);
  await expect(page.getByTestId("label-filter")).toContainText("Black Friday SMS");
  await page.screenshot({ path: "test-results/labels-campaigns-tr.png", fullPage: true });
});

test("label one order on its page, find it by the label, and a viewer only sees it (English)", async ({
  page,
  browser,
}) => {
  const start = addDays(E2E_TODAY, -6);
  const end = addDays(E2E_TODAY, -5);
  const report = await reportFor(page.request, `?start=${start}&end=${end}&status=114`);
  const id = report.orders.items[0]!.id;
  await lang(page, "en");
  await page.goto(`/orders/${id}`);
  await expect(page.getByTestId("order-label")).toContainText("no label");
  await page.getByTestId("label-edit").click();
  await page.getByTestId("label-input").fill("  Bayram   2026 ");
  await page.getByTestId("label-save").click();
  await expect(page.getByTestId("order-label").getByTestId("label-chip")).toHaveText("Bayram 2026");
  const detail = (await (
    await page.request.get(`/api/orders/${id}`)
  ).json()) as OrderDetailResponse;
  expect(detail.order.label).toBe("Bayram 2026");

  // Search finds it by its label, folded (case).
  await page.goto(`/reports?start=${start}&end=${end}&q=BAYRAM`);
  await waitForReport(page);
  const found = await reportFor(page.request, searchOf(page));
  expect(found.orders.items.map((o) => o.id)).toContain(id);

  // A viewer sees the label, but no way to change it.
  const context = await browser.newContext({ storageState: undefined, locale: "en-GB" });
  const viewer = await context.newPage();
  const res = await viewer.request.post(`${ORIGIN}/api/auth/login`, {
    data: E2E_VIEWER,
    headers: { origin: ORIGIN },
  });
  expect(res.status()).toBe(204);
  await viewer.goto(`${ORIGIN}/orders/${id}`);
  await expect(viewer.getByTestId("order-label").getByTestId("label-chip")).toHaveText(
    "Bayram 2026",
  );
  await expect(viewer.getByTestId("label-edit")).toHaveCount(0);
  await viewer.goto(`${ORIGIN}/reports?start=${start}&end=${end}`);
  await waitForReport(viewer);
  await expect(viewer.getByTestId("label-matching")).toHaveCount(0);
  const put = await viewer.request.put(`${ORIGIN}/api/orders/${id}/label`, {
    data: { label: "x" },
    headers: { origin: ORIGIN },
  });
  expect(put.status()).toBe(403);
  await context.close();
});

test("pick rows of the table and label them together; the rows show the label (English)", async ({
  page,
}) => {
  const day = addDays(E2E_TODAY, -4);
  await lang(page, "en");
  await page.goto(`/reports?start=${day}&end=${day}&sender=BILGI`);
  await waitForReport(page);
  const rows = page.getByTestId("order-row");
  const ids = [
    Number(await rows.nth(0).getByTestId("order-id").innerText()),
    Number(await rows.nth(2).getByTestId("order-id").innerText()),
  ];
  await rows.nth(0).getByTestId("select-row").check();
  await rows.nth(2).getByTestId("select-row").check();
  await expect(page.getByTestId("selection-bar")).toContainText("2 orders selected");
  await page.getByTestId("label-selected").click();
  await page.getByTestId("label-input").fill("Spring Sale");
  await page.getByTestId("label-save").click();
  await expect(page.getByTestId("label-selected-done")).toHaveText("2 orders labelled.");
  await expect(rows.nth(0).getByTestId("label-chip")).toHaveText("Spring Sale");
  await expect(rows.nth(2).getByTestId("label-chip")).toHaveText("Spring Sale");
  await expect(rows.nth(1).getByTestId("label-chip")).toHaveCount(0);
  const labelled = await reportFor(page.request, `?start=${day}&end=${day}&label=Spring%20Sale`);
  expect(labelled.orders.items.map((o) => o.id).sort()).toEqual(ids.sort());
});
