// The report page: numbers equal the API, the range picker and charts drive the URL, the table's
// state lives in the URL, and links reproduce the view.
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { addDays, presetRange } from "@/lib/dates";
import { E2E_TODAY, STORAGE_STATE } from "./env";
import {
  expectKpisMatchApi,
  formatNumber,
  formatPercent,
  kpiValues,
  reportFor,
  searchOf,
  waitForReport,
} from "./helpers";

test.describe("reports", () => {
  test.beforeEach(async ({ context }) => {
    await context.addCookies([{ name: "locale", value: "en", url: "http://127.0.0.1" }]);
  });

  test("KPI numbers equal the API totals for the same URL", async ({ page, request }) => {
    await page.goto("/reports");
    await waitForReport(page);
    const report = await expectKpisMatchApi(page, request);
    expect(report.totals.orders).toBeGreaterThan(0);
    const rate = new Intl.NumberFormat("en-GB", {
      style: "percent",
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    await expect(page.getByTestId("kpi-delivered-detail")).toContainText(
      rate.format(report.totals.deliveryRate ?? 0),
    );
  });

  test("presets and the calendar change the URL and the numbers; back and forward restore", async ({
    page,
    request,
  }) => {
    await page.goto("/reports");
    await waitForReport(page);
    const first = await kpiValues(page);

    await page.getByTestId("range-button").click();
    await page.getByTestId("preset-last30").click();
    const last30 = presetRange("last30", E2E_TODAY);
    await expect(page).toHaveURL(new RegExp(`start=${last30.start}&end=${last30.end}`));
    await waitForReport(page);
    await expectKpisMatchApi(page, request);
    const thirty = await kpiValues(page);
    expect(thirty.messages).not.toBe(first.messages);

    // The calendar: pick the 1st and 2nd of the first month shown, then apply.
    await page.getByTestId("range-button").click();
    const month = page.locator(".rdp-month").first();
    await month.locator("button.rdp-day_button", { hasText: /^1$/ }).first().click();
    await month.locator("button.rdp-day_button", { hasText: /^2$/ }).first().click();
    await page.getByTestId("range-apply").click();
    await expect(page).toHaveURL(/start=\d{4}-\d{2}-01&end=\d{4}-\d{2}-02/);
    await waitForReport(page);
    await expectKpisMatchApi(page, request);

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`start=${last30.start}&end=${last30.end}`));
    await waitForReport(page);
    await expect.poll(() => kpiValues(page)).toEqual(thirty);
    await page.goBack();
    await expect(page).not.toHaveURL(/start=/);
    await waitForReport(page);
    await expect.poll(() => kpiValues(page)).toEqual(first);
    await page.goForward();
    await expect(page).toHaveURL(new RegExp(`start=${last30.start}`));
    await waitForReport(page);
    await expect.poll(() => kpiValues(page)).toEqual(thirty);
  });

  test("the picker refuses a range that is too long or backwards, and says why", async ({
    page,
  }) => {
    await page.goto("/reports");
    await waitForReport(page);
    await page.getByTestId("range-button").click();
    await page.getByTestId("range-start").fill(addDays(E2E_TODAY, -400));
    await page.getByTestId("range-end").fill(E2E_TODAY);
    await expect(page.getByTestId("range-message")).toContainText("at most 366 days");
    await expect(page.getByTestId("range-apply")).toBeDisabled();
    await page.getByTestId("range-start").fill(addDays(E2E_TODAY, -2));
    await page.getByTestId("range-end").fill(addDays(E2E_TODAY, -5));
    await expect(page.getByTestId("range-message")).toContainText(
      "end date is before the start date",
    );
    await expect(page.getByTestId("range-apply")).toBeDisabled();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("range-apply")).toBeHidden();
  });

  test("pointing at a day or a sender shows its numbers in a tooltip", async ({
    page,
    request,
  }) => {
    await page.goto("/reports");
    await waitForReport(page);
    const report = await reportFor(request, searchOf(page));
    const top = [...report.senders].sort(
      (a, b) => b.messages - a.messages || a.sender.localeCompare(b.sender),
    )[0]!;
    const senders = page.getByTestId("sender-chart");
    await senders.getByTestId("sender-bar").first().hover();
    const senderTip = senders.getByTestId("chart-tooltip");
    await expect(senderTip).toContainText(top.sender);
    await expect(senderTip).toContainText(formatNumber(top.messages, "en"));
    await expect(senderTip).toContainText(formatPercent(top.deliveryRate, "en"));

    const busiest = report.series.reduce((a, b) => (b.messages > a.messages ? b : a));
    const daily = page.getByTestId("daily-chart");
    await daily.locator(`[data-testid="daily-bar"][data-date="${busiest.date}"]`).hover();
    await expect(daily.getByTestId("chart-tooltip")).toContainText(
      formatNumber(busiest.messages, "en"),
    );
    await page.mouse.move(0, 0);
    await expect(page.getByTestId("chart-tooltip")).toHaveCount(0);
  });

  test("clicking a day bar narrows the range; clicking a sender filters", async ({
    page,
    request,
  }) => {
    await page.goto("/reports");
    await waitForReport(page);
    // Every sender row shows its delivery rate, with or without waiting messages.
    const week = await reportFor(request, searchOf(page));
    const top = [...week.senders]
      .sort((a, b) => b.messages - a.messages || a.sender.localeCompare(b.sender))
      .slice(0, 10);
    expect(top.some((s) => s.waiting === 0)).toBe(true);
    await expect(page.getByTestId("sender-rate")).toHaveText(
      top.map((s) => formatPercent(s.deliveryRate, "en")),
    );
    const bar = page.getByTestId("daily-chart").getByTestId("daily-bar").first();
    await bar.click();
    await expect(page).toHaveURL(/start=(\d{4}-\d{2}-\d{2})&end=\1/);
    await waitForReport(page);
    const day = new URL(page.url()).searchParams.get("start");
    const report = await expectKpisMatchApi(page, request);
    expect(report.range.start).toBe(day);

    const senderBar = page.getByTestId("sender-chart").getByTestId("sender-bar").first();
    await senderBar.click();
    await expect(page).toHaveURL(/sender=/);
    await waitForReport(page);
    const sender = new URL(page.url()).searchParams.get("sender") ?? "";
    const filtered = await expectKpisMatchApi(page, request);
    expect(filtered.totals.orders).toBeLessThanOrEqual(report.totals.orders);
    const senders = await page
      .getByTestId("order-row")
      .getByTestId("order-sender")
      .allTextContents();
    expect(senders.length).toBeGreaterThan(0);
    expect(new Set(senders)).toEqual(new Set([sender]));
  });

  test("sort, filters and pages show in the URL", async ({ page, request }) => {
    await page.goto("/reports");
    await waitForReport(page);

    await page.getByTestId("sort-total").click();
    await expect(page).toHaveURL(/sort=-total/);
    await waitForReport(page);
    const totals = await page.getByTestId("order-row").getByTestId("order-total").allTextContents();
    const numbers = totals.map((t) => Number(t.replace(/\D/g, "")));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await page.getByTestId("sort-total").click();
    await expect(page).toHaveURL(/sort=total(&|$)/);

    await page.getByTestId("status-filter-114").click();
    await expect(page).toHaveURL(/status=114/);
    await waitForReport(page);
    await expect(page.getByTestId("order-row").first()).toContainText("Completed");

    await page.getByTestId("search").fill("OTP");
    await expect(page).toHaveURL(/q=OTP/);
    await waitForReport(page);

    await page.getByTestId("pagination-next").click();
    await expect(page).toHaveURL(/page=2/);
    await waitForReport(page);
    await page.getByTestId("pagination-size").selectOption("25");
    await expect(page).toHaveURL(/pageSize=25/);
    await expect(page).not.toHaveURL(/page=2/);
    await waitForReport(page);

    const report = await reportFor(request, searchOf(page));
    await expect(page.getByTestId("order-row")).toHaveCount(Math.min(25, report.orders.total));
    const firstId = String(report.orders.items[0]?.id);
    await expect(page.getByTestId("order-row").first()).toContainText(firstId);
    await expect(page.getByTestId("pagination")).toContainText(
      formatNumber(report.orders.total, "en"),
    );
  });

  test("a copied link opened in a fresh browser context shows the identical view", async ({
    page,
    context,
    browser,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/reports?sort=-undelivered&pageSize=25&status=114,115");
    await waitForReport(page);
    await page.getByTestId("pagination-next").click();
    await expect(page).toHaveURL(/page=2/);
    await waitForReport(page);

    await page.getByTestId("copy-link").click();
    await expect(page.getByTestId("copy-link")).toContainText("Link copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());

    const fresh = await browser.newContext({
      locale: "en-GB",
      timezoneId: "Europe/Istanbul",
      storageState: STORAGE_STATE,
    });
    await fresh.addCookies([{ name: "locale", value: "en", url: "http://127.0.0.1" }]);
    const other = await fresh.newPage();
    await other.goto(copied);
    await waitForReport(other);
    expect(await kpiValues(other)).toEqual(await kpiValues(page));
    await expect(other.getByTestId("range-label")).toHaveText(
      (await page.getByTestId("range-label").textContent()) ?? "",
    );
    expect(await other.getByTestId("order-row").allTextContents()).toEqual(
      await page.getByTestId("order-row").allTextContents(),
    );
    await fresh.close();
  });

  test("a bad URL shows its message and falls back to defaults", async ({ page, request }) => {
    await page.goto("/reports?start=2026-02-30&sort=bogus&page=0");
    await expect(page.getByTestId("invalid-url")).toBeVisible();
    await expect(page.getByTestId("invalid-url")).toContainText("Start date");
    await expect(page.getByTestId("invalid-url")).toContainText("Sort order");
    await waitForReport(page);
    await expect(page).not.toHaveURL(/start=|sort=|page=/);
    await expectKpisMatchApi(page, request);
  });
});

test.describe("the Excel download", () => {
  test.beforeEach(async ({ context }) => {
    await context.addCookies([{ name: "locale", value: "tr", url: "http://127.0.0.1" }]);
  });

  test("offers Excel and CSV in Turkish, and the workbook's first row is in Turkish", async ({
    page,
  }) => {
    await page.goto("/reports?sort=-total");
    await waitForReport(page);
    await page.getByTestId("export-toggle").click();
    await expect(page.getByTestId("export-xlsx")).toHaveText("Excel olarak indir");
    await expect(page.getByTestId("export-csv")).toHaveText("CSV olarak indir");
    await expect(page.getByTestId("export-csv")).toHaveAttribute("href", /format=csv&lang=tr$/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-xlsx").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.xlsx$/);
    await expect(page.getByTestId("export")).not.toHaveAttribute("open");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Gönderimler");
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      "Gönderim no",
      "Durum",
      "Oluşturulma zamanı",
      "Gönderilme zamanı",
      "Gönderici",
      "Mesaj sayısı",
      "İletilen",
      "İletilemeyen",
      "Bekleyen",
      "İletim oranı",
      "Kampanya",
    ]);
    expect(sheet.rowCount).toBeGreaterThan(1);
    expect(sheet.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.Date);
  });
});
