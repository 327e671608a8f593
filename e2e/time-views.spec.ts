// Weeks and months on the chart, the weekday × hour heatmap as a filter, and the worst orders:
// what the screen says, read against the API, in both languages.
import { expect, test, type Page } from "@playwright/test";
import { addDays } from "@/lib/dates";
import type { ReportResponse } from "@/lib/reports/contract/types";
import { E2E_TODAY } from "./env";
import { formatNumber, reportFor, searchOf, waitForReport } from "./helpers";

// Cold ranges of several months on a shared 2-core machine: room for the first load.
test.describe.configure({ timeout: 150_000 });

const lang = (page: Page, locale: "en" | "tr") =>
  page.context().addCookies([{ name: "locale", value: locale, url: "http://127.0.0.1" }]);

const monthName = (date: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );

test("a long range is grouped by week, switches to months, and a month narrows the range (English)", async ({
  page,
}) => {
  // The 15th, about four months back: weekly by default (105–135 days), and its first month is
  // always a partial one (a start of today − 119 failed on days when that fell on a 1st).
  const start = `${addDays(E2E_TODAY, -119).slice(0, 8)}15`;
  await lang(page, "en");
  await page.goto(`/reports?start=${start}&end=${E2E_TODAY}`);
  await waitForReport(page);
  const chart = page.getByTestId("daily-chart");
  await expect(chart.getByRole("heading")).toHaveText("Messages per week");
  const weekly = await reportFor(page.request, searchOf(page));
  expect(weekly.bucket).toBe("week");
  await expect(chart.getByRole("button", { name: "Week" })).toHaveAttribute("aria-pressed", "true");

  await chart.getByRole("button", { name: "Month" }).click();
  await expect(page).toHaveURL(/bucket=month/);
  await expect(chart.getByRole("heading")).toHaveText("Messages per month");
  const monthly = await reportFor(page.request, searchOf(page));
  expect(monthly.series.length).toBeGreaterThanOrEqual(4);
  // The table behind the chart: one row per month, the API's numbers.
  await chart.getByText("Show data as a table").click();
  const rows = chart.locator("tbody tr");
  await expect(rows).toHaveCount(monthly.series.length);
  const second = monthly.series[1]!;
  await expect(rows.nth(1).locator("th")).toHaveText(monthName(second.date, "en-GB"));
  await expect(rows.nth(1).locator("td").first()).toHaveText(formatNumber(second.messages, "en"));
  // The first month is only partly in the range, and says so.
  await expect(rows.first().locator("th")).toContainText("of its");

  await rows.nth(1).getByRole("button").click();
  const monthEnd = addDays(`${addDays(second.date, 32).slice(0, 8)}01`, -1);
  await expect(page).toHaveURL(new RegExp(`start=${second.date}&end=${monthEnd}`));
  await expect(page).not.toHaveURL(/bucket=/);
  await waitForReport(page);
  await expect(chart.getByRole("heading")).toHaveText("Messages per day");
  await expect(page.getByTestId("kpi-messages-value")).toHaveText(
    formatNumber(second.messages, "en"),
  );
});

test("a heatmap cell filters the report to that weekday and hour, and the chip removes it (Turkish)", async ({
  page,
}) => {
  const qs = `start=${addDays(E2E_TODAY, -27)}&end=${E2E_TODAY}`;
  await lang(page, "tr");
  await page.goto(`/reports?${qs}`);
  await waitForReport(page);
  const heatmap = page.getByTestId("heatmap");
  await expect(heatmap.getByRole("heading")).toHaveText("Haftanın günü ve saatine göre mesajlar");
  const before = await reportFor(page.request, `?${qs}`);
  const cell = before.heatmap.find((c) => c.weekday === 1 && c.hour === 10)!;
  expect(cell.orders).toBeGreaterThan(0);

  await heatmap.getByRole("button", { name: /^Salı 10:00–11:00:/ }).click();
  await expect(page).toHaveURL(/weekday=1&hour=10/);
  await waitForReport(page);
  await expect(page.getByTestId("kpi-orders-value")).toHaveText(formatNumber(cell.orders, "tr"));
  await expect(page.getByTestId("kpi-messages-value")).toHaveText(
    formatNumber(cell.messages, "tr"),
  );
  await expect(page.getByTestId("time-filter")).toContainText("Zaman: Salı, 10:00–11:00");
  const filtered = (await reportFor(page.request, searchOf(page))) as ReportResponse;
  expect(filtered.totals.orders).toBe(cell.orders);
  // The heatmap keeps every cell: it is the same as before the filter.
  expect(filtered.heatmap).toEqual(before.heatmap);
  await page.screenshot({ path: "test-results/heatmap-tr.png", fullPage: true });

  // A whole weekday from its row header, then the chip's × clears it.
  await heatmap.getByRole("button", { name: "Yalnızca Cuma günlerini göster" }).click();
  await expect(page).toHaveURL(/weekday=4/);
  await expect(page).not.toHaveURL(/hour=/);
  await page.getByRole("button", { name: "Zaman filtresini kaldır" }).click();
  await expect(page).not.toHaveURL(/weekday=/);
  await expect(page.getByTestId("time-filter")).toHaveCount(0);

  // The delivery-rate view, from the switch; its summary names the weakest hour.
  await heatmap.getByRole("button", { name: "İletim oranı", exact: true }).click();
  await expect(page).toHaveURL(/heat=rate/);
  await expect(page.getByTestId("heatmap-summary")).toContainText("En düşük iletim oranı:");
});

test("the worst orders follow the size and the ranking the user picks, as the API ranks them (Turkish, then English)", async ({
  page,
}) => {
  const qs = `start=${addDays(E2E_TODAY, -27)}&end=${E2E_TODAY}`;
  await lang(page, "tr");
  await page.goto(`/reports?${qs}`);
  await waitForReport(page);
  const card = page.getByTestId("worst-orders");
  await expect(card.getByRole("heading")).toHaveText("En kötü sonuçlanan gönderimler");

  const ids = async () =>
    (await card
      .getByTestId("worst-order")
      .getByRole("link")
      .evaluateAll((links) =>
        links.map((a) => Number(new URL((a as HTMLAnchorElement).href).pathname.split("/").pop())),
      )) as number[];
  const apiIds = async (
    extra: string,
    keep: (o: ReportResponse["orders"]["items"][number]) => boolean,
  ) =>
    (await reportFor(page.request, `?${qs}&pageSize=5&compare=none&${extra}`)).orders.items
      .filter(keep)
      .map((o) => o.id);

  const byCount = await apiIds("minMessages=100&sort=-undelivered", (o) => o.undelivered > 0);
  expect(byCount.length).toBeGreaterThan(0);
  await expect.poll(ids).toEqual(byCount);

  await card.getByTestId("worst-min").fill("1000");
  await card.getByTestId("worst-min").press("Enter");
  await expect(page).toHaveURL(/worstMin=1000/);
  await card.getByRole("button", { name: "En düşük oran" }).click();
  await expect(page).toHaveURL(/worstBy=rate/);
  const byRate = await apiIds(
    "minMessages=1000&sort=deliveryRate",
    (o) => o.delivered + o.undelivered > 0,
  );
  await expect.poll(ids).toEqual(byRate);

  // "Show all in the table": the table takes the same minimum and ranking.
  await card.getByTestId("worst-show-all").click();
  await expect(page).toHaveURL(/minMessages=1000/);
  await expect(page).toHaveURL(/sort=deliveryRate/);
  await waitForReport(page);
  const table = await reportFor(page.request, searchOf(page));
  expect(table.orders.items[0]?.id).toBe(byRate[0]);

  await lang(page, "en");
  await page.reload();
  await waitForReport(page);
  await expect(card.getByRole("heading")).toHaveText("Worst orders");
  await expect(card.getByRole("button", { name: "Lowest rate" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByTestId("heatmap").getByRole("heading")).toHaveText(
    "Messages by weekday and hour",
  );
});
