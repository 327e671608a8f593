// The balance card in the report header shows what GET /api/account says (which is the
// simulator's balance), formatted for each language, with the days the credits last.
import { expect, test, type Page } from "@playwright/test";
import type { AccountResponse } from "@/lib/account/contract";
import { createHmac } from "node:crypto";
import { appUrl, BAD_AUTH_PORT, SIM_PORT } from "./env";
import { formatNumber, INTL, signInAt } from "./helpers";

async function settledAccount(page: Page): Promise<AccountResponse> {
  let body: AccountResponse | null = null;
  // The pace's 30 days may still be loading on a cold server: ask until they are in.
  await expect
    .poll(
      async () => {
        const response = await page.request.get("/api/account");
        expect(response.ok(), await response.text()).toBeTruthy();
        body = (await response.json()) as AccountResponse;
        return body.pace.pending;
      },
      { timeout: 45_000, intervals: [500, 1000, 2000] },
    )
    .toBe(false);
  return body!;
}

/** What the simulator itself answers to get-balance (the app's credentials, as in playwright.config). */
async function simulatorBalance(page: Page): Promise<{ amount: number; sms: number }> {
  const key = "demo-key";
  const hash = createHmac("sha256", "demo-secret").update(key).digest("hex");
  const response = await page.request.post(`http://127.0.0.1:${SIM_PORT}/v1/get-balance/json`, {
    data: { request: { authentication: { key, hash } } },
  });
  const body = (await response.json()) as {
    response: { balance: { amount: string; sms: string } };
  };
  // The simulator's default dialect: strings with a decimal point ("414010.08", "2300056").
  return { amount: Number(body.response.balance.amount), sms: Number(body.response.balance.sms) };
}

const lira = (amount: number, lang: keyof typeof INTL) =>
  new Intl.NumberFormat(INTL[lang], { style: "currency", currency: "TRY" }).format(amount);

for (const view of [
  { lang: "en", theme: "light", width: 1280 },
  { lang: "tr", theme: "dark", width: 375 },
] as const) {
  test(`the balance card shows the simulator's balance and days left (${view.lang}, ${view.theme}, ${view.width} px)`, async ({
    page,
    context,
  }) => {
    await context.addCookies([
      { name: "locale", value: view.lang, url: "http://127.0.0.1" },
      { name: "theme", value: view.theme, url: "http://127.0.0.1" },
    ]);
    await page.setViewportSize({ width: view.width, height: 800 });
    const account = await settledAccount(page);
    const { amount, sms } = account.balance;
    const { daysLeft } = account.pace;
    expect(amount).toBeGreaterThan(0);
    expect(sms).toBeGreaterThan(0);
    expect(daysLeft).toBeGreaterThan(0);
    expect({ amount, sms }).toEqual(await simulatorBalance(page));

    await page.goto("/reports");
    const card = page.getByRole("region", {
      name: view.lang === "en" ? "Account balance" : "Hesap bakiyesi",
    });
    await expect(card).toBeVisible({ timeout: 30_000 });
    await expect(card.getByTestId("account-amount")).toHaveText(lira(amount!, view.lang));
    const credits = formatNumber(sms!, view.lang);
    const days = formatNumber(daysLeft!, view.lang);
    if (view.lang === "en") {
      expect(lira(amount!, "en")).toMatch(/^TRY\s[\d,]+\.\d\d$/);
      await expect(card.getByTestId("account-credits")).toHaveText(`${credits} credits`);
      await expect(card.getByTestId("account-pace")).toHaveText(
        `At the last 30 days' pace, about ${days} days left`,
      );
    } else {
      expect(lira(amount!, "tr")).toMatch(/^₺[\d.]+,\d\d$/);
      await expect(card.getByTestId("account-credits")).toHaveText(`${credits} kredi`);
      await expect(card.getByTestId("account-pace")).toHaveText(
        `Son 30 günün hızıyla yaklaşık ${days} gün yeter`,
      );
    }
    // Nothing runs off a phone's screen.
    const box = await card.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(view.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      view.width,
    );
    await page.screenshot({ path: `test-results/account-card-${view.lang}-${view.theme}.png` });
  });
}

test("when iletiMerkezi refuses the credentials, the card says so quietly and the page stays up", async ({
  page,
  context,
}) => {
  await context.addCookies([{ name: "locale", value: "en", url: "http://127.0.0.1" }]);
  await signInAt(page, appUrl(BAD_AUTH_PORT));
  const api = await page.request.get(`${appUrl(BAD_AUTH_PORT)}/api/account`);
  expect(api.status()).toBe(502);
  await page.goto(`${appUrl(BAD_AUTH_PORT)}/reports`);
  const quiet = page.getByTestId("account-error");
  await expect(quiet).toHaveText(/Balance unavailable right now/, { timeout: 30_000 });
  await expect(page.getByTestId("account-card")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "SMS delivery report" })).toBeVisible();
  await quiet.getByRole("button", { name: "Try again" }).click();
  await expect(quiet).toBeVisible();
});
