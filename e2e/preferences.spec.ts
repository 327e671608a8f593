// Preferences on the report page: the language (switched, or from Accept-Language) with its number
// formats, and the theme, remembered without a flash.
import { expect, test } from "@playwright/test";
import { STORAGE_STATE } from "./env";
import { expectKpisMatchApi, formatNumber, waitForReport } from "./helpers";

test.describe("preferences", () => {
  test.beforeEach(async ({ context }) => {
    await context.addCookies([{ name: "locale", value: "en", url: "http://127.0.0.1" }]);
  });

  test("language switch changes the text and the number formats", async ({ page, request }) => {
    await page.goto("/reports");
    await waitForReport(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("SMS delivery report");
    const report = await expectKpisMatchApi(page, request, "en");

    await page.getByRole("button", { name: "Türkçe" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("SMS iletim raporu");
    await expect(page.locator("html")).toHaveAttribute("lang", "tr");
    await expect(page.getByTestId("kpi-messages-value")).toHaveText(
      formatNumber(report.totals.messages, "tr"),
    );
    if (report.totals.messages >= 1000)
      expect(formatNumber(report.totals.messages, "tr")).toContain(".");
    await expect(page.getByTestId("copy-link")).toHaveText("Bağlantıyı kopyala");

    // Remembered: a reload keeps Turkish even though the browser asks for English.
    await page.reload();
    await waitForReport(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("SMS iletim raporu");
  });

  test("the language follows Accept-Language when nothing is remembered", async ({ browser }) => {
    const context = await browser.newContext({ locale: "tr-TR", storageState: STORAGE_STATE });
    const page = await context.newPage();
    await page.goto("/reports");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("SMS iletim raporu");
    await context.close();
  });

  test("the theme switch is remembered without a flash", async ({ page }) => {
    await page.goto("/reports");
    await waitForReport(page);
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.reload();
    // Server-rendered: the class is in the HTML before any script runs.
    const html = await (await page.request.get("/reports")).text();
    expect(html).toMatch(/<html[^>]*class="dark"/);
    await expect(page.locator("html")).toHaveClass(/dark/);
  });
});
