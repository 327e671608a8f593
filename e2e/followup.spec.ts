// The follow-up list in Turkish: started from /reports over two days, its progress shown while
// the orders are walked, the CSV downloaded; its header, its rows and the orders walked checked
// against the API (the job's state, and the report's orders that can hold an undelivered message).
// Then a campaign: three orders labelled, the report filtered by the label, its list taken.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { addDays } from "@/lib/dates";
import type { FollowupResponse } from "@/lib/reports/contract/followup-query";
import { E2E_TODAY } from "./env";
import { reportFor, waitForReport } from "./helpers";

const START = addDays(E2E_TODAY, -2);
const END = addDays(E2E_TODAY, -1);

test.beforeEach(async ({ context }) => {
  await context.addCookies([{ name: "locale", value: "tr", url: "http://127.0.0.1" }]);
});

test("takip listesi: başlatılır, ilerlemesi görünür, CSV indirilir ve API ile aynıdır", async ({
  page,
  request,
}) => {
  await page.goto(`/reports?start=${START}&end=${END}`);
  await waitForReport(page);
  const open = page.getByTestId("followup-open");
  await expect(open).toHaveText("Takip listesi");
  await open.click();
  const dialog = page.getByTestId("followup-dialog");
  await expect(dialog.getByRole("heading", { name: "Takip listesi" })).toBeVisible();
  await expect(dialog.getByLabel("İletilemedi")).toBeChecked();
  await expect(dialog.getByLabel("İletildi")).not.toBeChecked();
  await dialog.getByLabel("CSV").check();
  await dialog.getByRole("button", { name: "Başlat" }).click();

  await expect(page.getByTestId("followup-progress")).toContainText(/\d+ \/ \d+ gönderim tarandı/);
  const link = page.getByRole("link", { name: "Listeyi indir" });
  await expect(link).toBeVisible({ timeout: 60_000 });

  // The orders walked: every order of the selection that is not final or has undelivered messages.
  const report = await reportFor(request, `?start=${START}&end=${END}&pageSize=500`);
  const walked = report.orders.items.filter(
    (o) => o.undelivered > 0 || o.waiting > 0 || o.status === 113,
  ).length;
  expect(walked).toBeGreaterThan(0);
  await expect(page.getByTestId("followup-progress")).toContainText(
    `${walked} / ${walked} gönderim tarandı`,
  );

  const id = /\/api\/followups\/([0-9a-f]{32})\/file$/.exec(
    (await link.getAttribute("href")) ?? "",
  )?.[1];
  expect(id).toBeTruthy();
  const job = (await (await request.get(`/api/followups/${id}`)).json()) as FollowupResponse;
  expect(job).toMatchObject({ status: "done", orders: { total: walked, done: walked } });
  await expect(page.getByTestId("followup-progress")).toContainText(
    `Liste hazır: ${new Intl.NumberFormat("tr-TR").format(job.recipients)} numara.`,
  );

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`followup-${START}-${END}.csv`);
  const text = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
  const lines = text.split("\r\n").filter(Boolean);
  expect(lines[0]).toBe("Telefon numarası;Durum;Son gönderim no;Gönderim sayısı");
  expect(lines.length - 1).toBe(job.recipients);
  expect(job.recipients).toBeGreaterThan(0);
  // Masked unless revealed, in E.164 (a spreadsheet keeps the quoted cell as text).
  // One assertion over every row: Playwright's expect costs milliseconds a call.
  const odd = lines
    .slice(1)
    .map((l) => l.split(";"))
    .filter(([n, status]) => !/^'\+90\d{3}\*{5}\d{2}$/.test(n!) || status !== "İletilemedi");
  expect(odd).toEqual([]);
});

test("etiketli gönderimler: etiketle, etikete göre süz, takip listesini al", async ({
  page,
  request,
  baseURL,
}) => {
  const label = `E2E Takip ${Date.now()}`;
  const report = await reportFor(request, `?start=${START}&end=${END}&pageSize=500`);
  const ids = report.orders.items
    .filter((o) => o.undelivered > 0)
    .slice(0, 3)
    .map((o) => o.id);
  expect(ids.length).toBe(3);
  const labelled = await request.post("/api/labels", {
    data: { label, ids },
    headers: { origin: baseURL! },
  });
  expect(labelled.ok(), await labelled.text()).toBeTruthy();

  await page.goto(`/reports?start=${START}&end=${END}&label=${encodeURIComponent(label)}`);
  await waitForReport(page);
  await page.getByTestId("followup-open").click();
  await page.getByTestId("followup-dialog").getByLabel("CSV").check();
  await page.getByTestId("followup-dialog").getByRole("button", { name: "Başlat" }).click();
  const link = page.getByRole("link", { name: "Listeyi indir" });
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("followup-progress")).toContainText("3 / 3 gönderim tarandı");
  const id = /\/api\/followups\/([0-9a-f]{32})\/file$/.exec(
    (await link.getAttribute("href")) ?? "",
  )?.[1];
  const job = (await (await request.get(`/api/followups/${id}`)).json()) as FollowupResponse;
  // Each labelled order's undelivered recipients, fewer once numbers repeat across them.
  const undelivered = report.orders.items
    .filter((o) => ids.includes(o.id))
    .reduce((n, o) => n + o.undelivered, 0);
  expect(job.recipients).toBeGreaterThan(0);
  expect(job.recipients).toBeLessThanOrEqual(undelivered);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const lines = (await readFile(await download.path(), "utf8")).split("\r\n").filter(Boolean);
  expect(lines.length - 1).toBe(job.recipients);
  const orders = new Set(lines.slice(1).map((l) => Number(l.split(";")[2])));
  expect([...orders].every((o) => ids.includes(o))).toBe(true);
  // The app and its store serve the other specs too: the label goes again.
  const removed = await request.post("/api/labels", {
    data: { label: null, ids },
    headers: { origin: baseURL! },
  });
  expect(removed.ok()).toBeTruthy();
});
