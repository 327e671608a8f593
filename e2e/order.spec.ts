// From a report row to the order, its recipients (filter, reveal, CSV), and back to the exact report.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { formatNumber, orderFor, waitForReport } from "./helpers";

test.beforeEach(async ({ context }) => {
  await context.addCookies([{ name: "locale", value: "en", url: "http://127.0.0.1" }]);
});

test("table row → order → recipients filter, reveal, CSV → back to the exact report", async ({
  page,
  request,
}) => {
  const reportPath = "/reports?sort=-undelivered&pageSize=25";
  await page.goto(reportPath);
  await waitForReport(page);
  const reportUrl = page.url();

  const row = page.getByTestId("order-row").first();
  const id = Number((await row.getByTestId("order-id").textContent())?.trim());
  // A click anywhere on the row opens the order.
  await row.locator("td").nth(3).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${id}\\?from=`));
  const order = await orderFor(request, id);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(String(id));
  await expect(page.getByTestId("order-total")).toContainText(
    formatNumber(order.order.total, "en"),
  );
  await expect(page.getByTestId("order-undelivered")).toContainText(
    formatNumber(order.order.undelivered, "en"),
  );
  const final = order.order.delivered + order.order.undelivered;
  await expect(page.getByTestId("order-settled")).toContainText(
    `${formatNumber(final, "en")} of ${formatNumber(order.order.total, "en")}`,
  );

  // Masked until revealed.
  await expect(page.getByTestId("recipient-number").first()).toContainText("*");

  await page.getByTestId("recipient-filter-112").click();
  await expect(page).toHaveURL(/status=112/);
  // The previous page's rows stay on screen until the filtered page arrives: wait for every row.
  await expect
    .poll(
      async () =>
        new Set(
          await page.getByTestId("recipient-row").locator("td:nth-child(3)").allTextContents(),
        ),
    )
    .toEqual(new Set(["Undelivered"]));

  await page.getByTestId("reveal-toggle").click();
  await expect(page.getByTestId("reveal-toggle")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("recipient-number").first()).not.toContainText("*");
  const shown = (await page.getByTestId("recipient-number").first().textContent())?.trim() ?? "";

  await page.getByTestId("recipients-export-toggle").click();
  await expect(page.getByTestId("recipients-export-xlsx")).toHaveText("Download as Excel");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("recipients-export-csv").click(),
  ]);
  expect(download.suggestedFilename()).toBe(`order-${id}-recipients.csv`);
  const csv = (await readFile((await download.path()) ?? "", "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe("Order no.;Phone number;Status");
  expect(lines).toHaveLength(order.order.undelivered + 1);
  expect(lines.slice(1).every((l) => l.startsWith(`${id};+90`) && l.endsWith(";Undelivered"))).toBe(
    true,
  );
  // The number shown, in the file's one shape (E.164).
  expect(csv).toContain(shown.startsWith("+") ? shown : `+90${shown}`);
  expect(csv).not.toContain("*");

  await page.getByTestId("back-to-report").click();
  await expect(page).toHaveURL(reportUrl);
  await waitForReport(page);
  await expect(page.getByTestId("order-row").first()).toContainText(String(id));
});

test("an unknown order shows the order's not-found page", async ({ page }) => {
  // Streamed behind the segment's loading skeleton, so the status may already be 200: check the content.
  await page.goto("/orders/999999999");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Order not found");
  await page.goto("/orders/not-a-number");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Order not found");
});

test("an unknown page shows the not-found page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
