// Access: a shared link survives the login, logout ends the session, and the pages run under the
// Content-Security-Policy without a single violation.
import { expect, test, type Page } from "@playwright/test";
import { E2E_TODAY, E2E_USER } from "./env";
import { waitForReport } from "./helpers";

test.describe("without a session", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a shared report link leads through the login back to the exact view", async ({ page }) => {
    const shared = `/reports?start=${E2E_TODAY}&end=${E2E_TODAY}&sort=-total&status=114`;
    await page.goto(shared);
    await expect(page).toHaveURL(`/login?next=${encodeURIComponent(shared)}`);
    await page.getByLabel(/username/i).fill(E2E_USER.username);
    await page.getByLabel(/password/i).fill("not-the-password");
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page.locator("form [role=alert]")).toHaveText(/wrong username or password/i);
    await page.getByLabel(/password/i).fill(E2E_USER.password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page).toHaveURL(shared);
    await waitForReport(page);

    await page.getByRole("button", { name: /sign out/i }).click();
    await expect(page).toHaveURL("/login");
    await page.goto("/reports");
    await expect(page).toHaveURL(/\/login\?next=%2Freports$/);
    expect((await page.request.get("/api/reports")).status()).toBe(401);
  });

  test("an order link asks for a login too, and a hostile next goes nowhere else", async ({
    page,
  }) => {
    await page.goto("/orders/312000001?from=%2Freports");
    await expect(page).toHaveURL(/\/login\?next=%2Forders%2F312000001/);
    // The audit's form: it normalises to //evil.example/x (a host) after a check of the raw text.
    await page.goto(`/login?next=${encodeURIComponent("/..//evil.example/x")}`);
    await page.getByLabel(/username/i).fill(E2E_USER.username);
    await page.getByLabel(/password/i).fill(E2E_USER.password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page).toHaveURL("/reports");
    // Signed in, the login page redirects on the server at once: there too, nowhere else.
    for (const hostile of ["//evil.example/x", "/%2e%2e//evil.example/x", "/\\evil.example/x"]) {
      await page.goto(`/login?next=${encodeURIComponent(hostile)}`);
      await expect(page).toHaveURL("/reports");
    }
  });
});

async function collectViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  page.on("console", (m) => {
    if (/content security policy/i.test(m.text())) found.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return found;
}

test("every page runs under the CSP without a violation, with the security headers", async ({
  page,
}) => {
  const violations = await collectViolations(page);
  const response = await page.goto(`/reports?start=${E2E_TODAY}&end=${E2E_TODAY}`);
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  await waitForReport(page);
  // Exercise the client: charts, the picker, the table, then the order page.
  await page.getByTestId("order-row").first().locator("td").nth(3).click();
  await expect(page).toHaveURL(/\/orders\/\d+/);
  await page.waitForLoadState("networkidle");
  await page.goto("/no-such-page");
  await page.goto("/login");
  expect(violations).toEqual([]);
});
