// Shared steps of the e2e specs: wait for the report, ask the API what it should show, format like the UI.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import type { OrderDetailResponse, ReportResponse } from "@/lib/reports/contract/types";
import { E2E_USER } from "./env";

export const INTL = { en: "en-GB", tr: "tr-TR" } as const;

export function formatNumber(n: number, lang: keyof typeof INTL): string {
  return new Intl.NumberFormat(INTL[lang], { maximumFractionDigits: 0 }).format(n);
}

/** A rate as the page writes it ("92.8%"), or the dash for none. */
export function formatPercent(rate: number | null, lang: keyof typeof INTL): string {
  if (rate === null) return "—";
  return new Intl.NumberFormat(INTL[lang], {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rate);
}

/** Waits until the KPI cards show a settled report (no skeleton, no dimmed placeholder). */
export async function waitForReport(page: Page) {
  await expect(page.getByTestId("kpi-orders-value")).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId("report-screen")).not.toHaveAttribute("aria-busy", "true");
  await expect(page.getByTestId("orders-table")).not.toHaveAttribute("aria-busy", "true");
}

/** The search part of the page's current URL, as the API takes it. */
export function searchOf(page: Page): string {
  return new URL(page.url()).search;
}

export async function reportFor(
  request: APIRequestContext,
  search: string,
): Promise<ReportResponse> {
  const response = await request.get(`/api/reports${search}`);
  expect(response.ok(), await response.text()).toBeTruthy();
  return (await response.json()) as ReportResponse;
}

export async function orderFor(
  request: APIRequestContext,
  id: number,
  search = "",
): Promise<OrderDetailResponse> {
  const response = await request.get(`/api/orders/${id}${search}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as OrderDetailResponse;
}

export async function kpiValues(page: Page) {
  const metrics = ["orders", "messages", "delivered", "undelivered", "waiting"] as const;
  const out: Record<string, string> = {};
  for (const m of metrics) out[m] = (await page.getByTestId(`kpi-${m}-value`).textContent()) ?? "";
  return out;
}

/** Expects the KPI cards to show exactly the API's totals for the page's URL. */
export async function expectKpisMatchApi(
  page: Page,
  request: APIRequestContext,
  lang: keyof typeof INTL = "en",
) {
  const report = await reportFor(request, searchOf(page));
  for (const m of ["orders", "messages", "delivered", "undelivered", "waiting"] as const) {
    await expect(page.getByTestId(`kpi-${m}-value`)).toHaveText(
      formatNumber(report.totals[m], lang),
    );
  }
  return report;
}

/**
 * Signs the page's browser context in at another app instance. Sessions live in each instance's
 * own store, and cookies do not tell ports apart: this replaces the context's session cookie.
 */
export async function signInAt(page: Page, origin: string): Promise<void> {
  const res = await page.request.post(`${origin}/api/auth/login`, {
    data: E2E_USER,
    headers: { origin },
  });
  expect(res.status()).toBe(204);
}
