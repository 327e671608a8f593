// Regenerates docs/screenshot-*.png (both themes, both languages) when UPDATE_SCREENSHOTS=1.
import { expect, test } from "@playwright/test";
import { waitForReport } from "./helpers";

test.skip(
  !process.env.UPDATE_SCREENSHOTS,
  "set UPDATE_SCREENSHOTS=1 to regenerate docs/screenshot-*.png",
);

const VIEWS = [
  { name: "reports-en-light", locale: "en", theme: "light", width: 1440 },
  { name: "reports-tr-dark", locale: "tr", theme: "dark", width: 1440 },
  { name: "reports-tr-375", locale: "tr", theme: "light", width: 375 },
] as const;

for (const view of VIEWS) {
  test(`screenshot ${view.name}`, async ({ page, context }) => {
    await context.addCookies([
      { name: "theme", value: view.theme, url: "http://127.0.0.1" },
      { name: "locale", value: view.locale, url: "http://127.0.0.1" },
    ]);
    await page.setViewportSize({ width: view.width, height: 900 });
    await page.goto("/reports?pageSize=25");
    await waitForReport(page);
    // The charts load in their own chunk after the KPIs; wait for all three, and their animation.
    await expect(page.getByTestId("daily-plot")).toBeVisible({ timeout: 20_000 });
    await expect(page.locator(".recharts-wrapper")).toHaveCount(1, { timeout: 20_000 });
    await expect(page.getByTestId("sender-bar").first()).toBeVisible();
    await page.waitForTimeout(1600);
    await page.screenshot({ path: `docs/screenshot-${view.name}.png`, fullPage: true });
  });
}

for (const theme of ["light", "dark"] as const) {
  test(`screenshot order-${theme}`, async ({ page, context }) => {
    await context.addCookies([
      { name: "theme", value: theme, url: "http://127.0.0.1" },
      { name: "locale", value: theme === "light" ? "en" : "tr", url: "http://127.0.0.1" },
    ]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/reports?sort=-undelivered");
    await waitForReport(page);
    await page.getByTestId("order-row").first().locator("a").click();
    await expect(page.getByTestId("recipient-row").first()).toBeVisible();
    await page.screenshot({ path: `docs/screenshot-order-${theme}.png` });
  });
}
