// The year presets in both languages, links that ask for more than can be shown (rewritten in
// place, with a notice), a page past the last one, and the order cards on a 375 px phone.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { addDays, presetRange } from "@/lib/dates";
import { E2E_TODAY } from "./env";
import {
  expectKpisMatchApi,
  formatNumber,
  INTL,
  reportFor,
  searchOf,
  waitForReport,
} from "./helpers";

const MAX = 366;
const setLocale = (page: Page, locale: "en" | "tr") =>
  page.context().addCookies([{ name: "locale", value: locale, url: "http://127.0.0.1" }]);

/** "1 Jan – 27 Nov 2026" as the range button writes it. */
function rangeText(range: { start: string; end: string }, lang: "en" | "tr") {
  const day = (d: string, year: boolean) =>
    new Intl.DateTimeFormat(INTL[lang], {
      timeZone: "UTC",
      day: "numeric",
      month: "short",
      ...(year ? { year: "numeric" } : {}),
    }).format(new Date(`${d}T00:00:00Z`));
  if (range.start === range.end) return day(range.start, true);
  const sameYear = range.start.slice(0, 4) === range.end.slice(0, 4);
  return `${day(range.start, !sameYear)} – ${day(range.end, true)}`;
}

const PRESET_LABELS = {
  en: { thisYear: "This year", lastYear: "Last year", last12Months: "Last 12 months" },
  tr: { thisYear: "Bu yıl", lastYear: "Geçen yıl", last12Months: "Son 12 ay" },
} as const;

for (const lang of ["en", "tr"] as const) {
  test(`presets this year, last year, last 12 months (${lang})`, async ({ page, request }) => {
    test.setTimeout(180_000);
    await setLocale(page, lang);
    await page.goto("/reports");
    await waitForReport(page);
    for (const preset of ["thisYear", "lastYear", "last12Months"] as const) {
      const range = presetRange(preset, E2E_TODAY, MAX);
      await page.getByTestId("range-button").click();
      await expect(page.getByTestId(`preset-${preset}`)).toHaveText(PRESET_LABELS[lang][preset]);
      await page.getByTestId(`preset-${preset}`).click();
      await expect(page).toHaveURL(new RegExp(`start=${range.start}&end=${range.end}(&|$)`));
      await expect(page.getByTestId("range-label")).toHaveText(rangeText(range, lang));
      await waitForReport(page);
      const report = await expectKpisMatchApi(page, request, lang);
      expect(report.range).toMatchObject(range);
      // Open again: the preset shows as the current one.
      await page.getByTestId("range-button").click();
      await expect(page.getByTestId(`preset-${preset}`)).toHaveAttribute("aria-pressed", "true");
      await page.keyboard.press("Escape");
    }
  });
}

test("an over-long link keeps its last 366 days, says so, and is rewritten in place", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await setLocale(page, "en");
  const start = addDays(E2E_TODAY, -399);
  await page.goto(`/reports?start=${start}&end=${E2E_TODAY}&sort=-total`);
  const shown = { start: addDays(E2E_TODAY, -365), end: E2E_TODAY };
  const notice = page.getByTestId("link-adjusted");
  await expect(notice).toContainText("The link asked for 400 days; showing the last 366 of them");
  await expect(notice).toContainText(rangeText(shown, "en"));
  await expect(page).toHaveURL(new RegExp(`\\?start=${shown.start}&end=${shown.end}&sort=-total$`));
  // Replaced, not pushed: the over-long link is not a step back.
  expect(await page.evaluate(() => history.length)).toBe(2);
  await expect(page.getByTestId("range-label")).toHaveText(rangeText(shown, "en"));
  await waitForReport(page);
  await expectKpisMatchApi(page, request);
  await page.screenshot({ path: "test-results/link-adjusted-en.png" });
  // The API itself still refuses the link as it was.
  const refused = await request.get(`/api/reports?start=${start}&end=${E2E_TODAY}`);
  expect(refused.status()).toBe(400);

  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toBeHidden();
});

test("a link ending after today shows up to today, in Turkish, and rewrites the end", async ({
  page,
  request,
}) => {
  await setLocale(page, "tr");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.context().addCookies([{ name: "theme", value: "dark", url: "http://127.0.0.1" }]);
  const start = addDays(E2E_TODAY, -9);
  await page.goto(`/reports?start=${start}&end=2030-01-31`);
  const notice = page.getByTestId("link-adjusted");
  await expect(notice).toContainText("Bağlantı, gösterilebilecek görünüme uyarlandı");
  await expect(notice).toContainText("31 Oca 2030 tarihinde bitiyor");
  await expect(notice).toContainText("bugüne");
  await expect(page).toHaveURL(new RegExp(`\\?start=${start}&end=${E2E_TODAY}$`));
  await waitForReport(page);
  await expectKpisMatchApi(page, request, "tr");
  await page.screenshot({ path: "test-results/link-adjusted-tr-dark.png" });
});

test("page=9999 clamps to the last page, in the URL too, and never shows an empty table", async ({
  page,
  request,
}) => {
  await setLocale(page, "en");
  const base = `start=${addDays(E2E_TODAY, -2)}&end=${E2E_TODAY}&pageSize=25`;
  const total = (await reportFor(request, `?${base}`)).orders.total;
  const last = Math.ceil(total / 25);
  expect(last).toBeGreaterThan(1);
  // The server's HTML already holds no empty table for it.
  const html = await (await request.get(`/reports?${base}&page=9999`)).text();
  expect(html).not.toContain("No orders on this page.");

  await page.goto(`/reports?${base}&page=9999`);
  await expect(page).toHaveURL(new RegExp(`&page=${last}$`));
  expect(await page.evaluate(() => history.length)).toBe(2);
  await waitForReport(page);
  await expect(page.getByTestId("link-adjusted")).toContainText(
    `The link asked for page ${formatNumber(9999, "en")}, but there are only ${last}`,
  );
  const report = await reportFor(request, searchOf(page));
  expect(report.orders.items.length).toBe(total - (last - 1) * 25);
  await expect(page.getByTestId("order-row")).toHaveCount(report.orders.items.length);
  await expect(page.getByTestId("pagination")).toContainText(`Page ${last} of ${last}`);
  await expect(page.getByText("No orders on this page.")).toHaveCount(0);
});

async function expectNoPageOverflow(page: Page) {
  const [scrollWidth, clientWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

for (const theme of ["light", "dark"] as const) {
  test(`375 px: orders as cards (${theme}), sortable, each opens its order`, async ({
    page,
    request,
  }) => {
    await setLocale(page, "tr");
    await page.context().addCookies([{ name: "theme", value: theme, url: "http://127.0.0.1" }]);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/reports?pageSize=25");
    await waitForReport(page);
    await expect(page.getByTestId("orders-table-wrap")).toBeHidden();
    const cards = page.getByTestId("order-card");
    const report = await reportFor(request, searchOf(page));
    await expect(cards).toHaveCount(report.orders.items.length);
    const first = report.orders.items[0];
    if (!first) throw new Error("no orders");
    await expect(cards.first().getByTestId("order-card-sender")).toHaveText(first.sender);
    await expect(cards.first()).toContainText(`${formatNumber(first.total, "tr")} mesaj`);
    await expect(cards.first()).toContainText(formatNumber(first.delivered, "tr"));
    await expectNoPageOverflow(page);
    const axe = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`),
    ).toEqual([]);
    await page.getByTestId("order-cards").evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `test-results/cards-375-${theme}.png` });
    await page.screenshot({ path: `test-results/reports-375-${theme}.png`, fullPage: true });

    // The same sort as the table's headers, from a menu.
    await page.getByTestId("cards-sort").selectOption("-total");
    await expect(page).toHaveURL(/sort=-total/);
    await waitForReport(page);
    const sorted = await reportFor(request, searchOf(page));
    await expect(cards.first().getByTestId("order-card-sender")).toHaveText(
      sorted.orders.items[0]?.sender ?? "",
    );

    // Keyboard: a card is one link; Enter opens its order.
    const id = sorted.orders.items[0]?.id;
    await cards.first().focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/orders/${id}\\?from=`));
    await expectNoPageOverflow(page);
  });
}

test("640 px and up: the table, not the cards", async ({ page }) => {
  await setLocale(page, "en");
  await page.setViewportSize({ width: 640, height: 800 });
  await page.goto("/reports");
  await waitForReport(page);
  await expect(page.getByTestId("orders-table-wrap")).toBeVisible();
  await expect(page.getByTestId("order-cards")).toBeHidden();
  await page.setViewportSize({ width: 639, height: 800 });
  await expect(page.getByTestId("orders-table-wrap")).toBeHidden();
  await expect(page.getByTestId("order-cards")).toBeVisible();
});
