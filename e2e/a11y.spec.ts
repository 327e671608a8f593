// Accessibility (axe) on every page, both themes; and the phone layout without sideways scrolling.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { waitForReport } from "./helpers";

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" | ")})`,
    ),
  ).toEqual([]);
}

for (const theme of ["light", "dark"] as const) {
  for (const locale of ["en", "tr"] as const) {
    test(`axe: every page, ${theme} theme, ${locale}`, async ({ page, context }) => {
      await context.addCookies([
        { name: "theme", value: theme, url: "http://127.0.0.1" },
        { name: "locale", value: locale, url: "http://127.0.0.1" },
      ]);
      await page.goto("/reports");
      await waitForReport(page);
      await expectNoSeriousViolations(page);

      // The picker open, and the charts' data tables shown.
      await page.getByTestId("range-button").click();
      await expectNoSeriousViolations(page);
      await page.keyboard.press("Escape");
      for (const summary of await page.locator("details > summary").all()) await summary.click();
      await expectNoSeriousViolations(page);

      await page.getByTestId("order-row").first().locator("a").click();
      await expect(page.getByTestId("recipient-row").first()).toBeVisible();
      await expectNoSeriousViolations(page);

      await page.goto("/no-such-page");
      await expectNoSeriousViolations(page);
    });
  }
}

test("375 px wide: /reports has no page-level horizontal overflow", async ({
  page,
  context,
}, testInfo) => {
  await context.addCookies([{ name: "locale", value: "tr", url: "http://127.0.0.1" }]);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/reports");
  await waitForReport(page);
  const [scrollWidth, clientWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await testInfo.attach("reports-375", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
});

test("keyboard alone: change the range with a preset and open an order", async ({
  page,
  context,
}) => {
  await context.addCookies([{ name: "locale", value: "en", url: "http://127.0.0.1" }]);
  await page.goto("/reports");
  await waitForReport(page);
  await page.getByTestId("range-button").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("preset-today")).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/start=.*&end=/);
  await expect(page.getByTestId("range-button")).toBeFocused();
  await waitForReport(page);
  await page.getByTestId("order-row").first().locator("a").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/orders\/\d+/);
});
