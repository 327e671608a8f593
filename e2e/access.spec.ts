// Roles on screen: a viewer sees reports and masked numbers but no reveal toggle, no export and no
// audit log; an admin's reveal shows up in the audit log page. Sign-out ends the session server-side.
import { expect, test, type Browser } from "@playwright/test";
import { addDays } from "@/lib/dates";
import { APP_PORT, appUrl, E2E_TODAY, E2E_VIEWER } from "./env";
import { waitForReport } from "./helpers";

const ORIGIN = appUrl(APP_PORT);

/** A fresh browser context signed in as the viewer (not the saved admin session). */
async function viewerPage(browser: Browser) {
  const context = await browser.newContext({ storageState: undefined, locale: "tr-TR" });
  await context.addCookies([{ name: "locale", value: "tr", url: ORIGIN }]);
  const page = await context.newPage();
  const res = await page.request.post(`${ORIGIN}/api/auth/login`, {
    data: E2E_VIEWER,
    headers: { origin: ORIGIN },
  });
  expect(res.status()).toBe(204);
  return { context, page };
}

test("a viewer reads reports and masked numbers, without reveal, export or the audit log", async ({
  browser,
}) => {
  const { context, page } = await viewerPage(browser);
  const start = addDays(E2E_TODAY, -6);
  await page.goto(`${ORIGIN}/reports?start=${start}&end=${E2E_TODAY}`);
  await waitForReport(page);
  await expect(page.getByTestId("export")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Kayıt defteri" })).toHaveCount(0);

  await page.getByTestId("order-row").first().locator("td").nth(3).click();
  await expect(page.getByTestId("recipient-number").first()).toContainText("*");
  await expect(page.getByTestId("reveal-toggle")).toHaveCount(0);
  await expect(page.getByTestId("recipients-export")).toHaveCount(0);
  await page.screenshot({ path: "test-results/viewer-order.png" });

  // Asking the API directly does not help.
  const id = new URL(page.url()).pathname.split("/").pop();
  const reveal = await page.request.get(`${ORIGIN}/api/orders/${id}?reveal=1`);
  expect(reveal.status()).toBe(403);
  expect((await reveal.json()).error.code).toBe("forbidden");

  await page.goto(`${ORIGIN}/admin/audit`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Kayıt defterini yalnızca yöneticiler görebilir",
  );
  await expect(page.getByText("Rolünüz: izleyici.")).toBeVisible();
  await context.close();
});

test("an admin's reveal appears in the audit log, with who, what and from where", async ({
  page,
}) => {
  await page.context().addCookies([{ name: "locale", value: "en", url: ORIGIN }]);
  await page.goto(`${ORIGIN}/reports?start=${addDays(E2E_TODAY, -6)}&end=${E2E_TODAY}`);
  await waitForReport(page);
  await page.getByTestId("order-row").first().locator("td").nth(3).click();
  await expect(page).toHaveURL(/\/orders\/\d+/);
  const id = new URL(page.url()).pathname.split("/").pop();
  await page.getByTestId("reveal-toggle").click();
  await expect(page.getByTestId("recipient-number").first()).not.toContainText("*");

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await page.getByTestId("audit-action").selectOption("reveal");
  await expect(page).toHaveURL(/action=reveal/);
  const row = page
    .getByTestId("audit-row")
    .filter({ hasText: `order ${id}` })
    .first();
  await expect(row).toBeVisible();
  await expect(row).toContainText("e2e");
  await expect(row).toContainText("Revealed numbers");
  await expect(row).toContainText("127.0.0.1");
  await page.screenshot({ path: "test-results/audit-log.png", fullPage: true });
});

test("signing out ends the session on the server: the old cookie no longer opens the API", async ({
  browser,
}) => {
  const { context, page } = await viewerPage(browser);
  const cookie = (await context.cookies()).find((c) => c.name === "imr_session");
  expect(cookie).toBeTruthy();
  expect((await page.request.get(`${ORIGIN}/api/reports`)).status()).toBe(200);
  const out = await page.request.post(`${ORIGIN}/api/auth/logout`, { headers: { origin: ORIGIN } });
  expect(out.status()).toBe(204);
  // Replaying the copied cookie, as someone who took it would.
  const replay = await fetch(`${ORIGIN}/api/reports`, {
    headers: { cookie: `imr_session=${cookie!.value}` },
  });
  expect(replay.status).toBe(401);
  await context.close();
});
