// format and lang on both export routes: XLSX and CSV, headers and status words in the language
// asked for (or the user's interface language), 400 invalid_query with a sentence for anything
// else, and the same role rules and audit events whatever the format.
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { env, setEnvForTesting } from "@/lib/env";
import { PEER_HEADER } from "@/lib/security/forwarded";
import { sessionCookieFor } from "@/lib/testing/session";
import { errorOf, noParams, orderCtx, use } from "@/lib/testing/routes";
import { GET as audit } from "./audit/route";
import { GET as orderExport } from "./orders/[id]/export/route";
import { GET as reportsExport } from "./reports/export/route";

const ORIGIN = "http://127.0.0.1:3000";
const RANGE = "start=2026-04-20&end=2026-04-21";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TR_ORDERS =
  "Gönderim no;Durum;Oluşturulma zamanı;Gönderilme zamanı;Gönderici;Mesaj sayısı;İletilen;İletilemeyen;Bekleyen;İletim oranı;Kampanya";
const EN_ORDERS =
  "Order no.;Status;Created at;Sent at;Sender;Messages;Delivered;Undelivered;Waiting;Delivery rate;Campaign";
const base = env();
let users = "";

beforeAll(() => {
  const hash = hashPassword("pw");
  users = ["vera:viewer", "ali:analyst", "ayse:admin"].map((u) => `${u}:${hash}`).join(",");
});
afterEach(() => setEnvForTesting(undefined));

function useExports() {
  setEnvForTesting({ ...base, users });
  const h = use();
  const o = h.sim.orders("2026-04-01", "2026-04-20").find((x) => x.total > 3 && x.undelivered > 0);
  if (!o) throw new Error("no order");
  return { h, o };
}

const request = (path: string, cookie: string, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}${path}`, {
    headers: { cookie, [PEER_HEADER]: "198.51.100.4", ...headers },
  });

const orders = async (qs: string, cookie: string, headers?: Record<string, string>) =>
  reportsExport(request(`/api/reports/export?${qs}`, cookie, headers), noParams);
const recipients = async (id: number, qs: string, cookie: string) =>
  orderExport(request(`/api/orders/${id}/export?${qs}`, cookie), orderCtx(String(id)));

const firstLine = async (res: Response) =>
  (await res.text()).replace(/^\uFEFF/, "").split("\r\n")[0];

async function sheetOf(res: Response): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe("format and lang", () => {
  it("answers XLSX with its type and file name, headers in the language asked for", async () => {
    useExports();
    const ali = await sessionCookieFor("ali");
    const res = await orders(`${RANGE}&format=xlsx&lang=tr`, ali);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX);
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="orders-2026-04-20-2026-04-21.xlsx"',
    );
    const sheet = await sheetOf(res);
    expect(sheet.getRow(1).getCell(1).value).toBe("Gönderim no");
    expect(sheet.getRow(1).getCell(10).value).toBe("İletim oranı");
    expect(sheet.rowCount).toBeGreaterThan(1);
    expect(sheet.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.Date);

    const en = await sheetOf(await orders(`${RANGE}&format=xlsx&lang=en`, ali));
    expect(en.getRow(1).getCell(1).value).toBe("Order no.");
    expect(en.name).toBe("Orders");
  });

  it("writes the recipients workbook with the order id, E.164 numbers as text and status words", async () => {
    const { h, o } = useExports();
    const ayse = await sessionCookieFor("ayse");
    const res = await recipients(o.id, "format=xlsx&lang=en&reveal=1&status=112", ayse);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="order-${o.id}-recipients.xlsx"`,
    );
    const sheet = await sheetOf(res);
    const truth = h.sim.recipients(o.id).filter((m) => m.status === 112);
    expect(sheet.rowCount).toBe(1 + truth.length);
    const e164 = (n: string) => (n.startsWith("+") ? n : `+90${n}`);
    for (const [k, m] of truth.entries()) {
      const row = sheet.getRow(k + 2);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value]).toEqual([
        o.id,
        e164(m.number),
        "Undelivered",
      ]);
      expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
    }
  });

  it("takes the user's interface language when lang is not given: the locale cookie, then Accept-Language, else Turkish", async () => {
    useExports();
    const ali = await sessionCookieFor("ali");
    expect(await firstLine(await orders(RANGE, `${ali}; locale=en`))).toBe(EN_ORDERS);
    expect(await firstLine(await orders(RANGE, ali, { "accept-language": "en-GB,en;q=0.9" }))).toBe(
      EN_ORDERS,
    );
    expect(
      await firstLine(await orders(RANGE, `locale=tr; ${ali}`, { "accept-language": "en" })),
    ).toBe(TR_ORDERS);
    expect(await firstLine(await orders(RANGE, ali))).toBe(TR_ORDERS);
    // An explicit lang wins over the cookie.
    expect(await firstLine(await orders(`${RANGE}&lang=tr`, `${ali}; locale=en`))).toBe(TR_ORDERS);
    const res = await orders(`${RANGE}&format=csv`, ali);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="orders-2026-04-20-2026-04-21.csv"',
    );
    await res.arrayBuffer();
  });

  it.each([
    ["format=pdf", "format", /format must be csv or xlsx/],
    ["format=XLSX", "format", /format must be csv or xlsx/],
    ["format=csv&format=xlsx", "format", /format is given more than once/],
    ["lang=de", "lang", /lang must be tr \(Turkish\) or en \(English\)/],
    ["lang=tr&lang=en", "lang", /lang is given more than once/],
  ])("answers 400 invalid_query for %s, on both routes", async (qs, param, message) => {
    const { o } = useExports();
    const ali = await sessionCookieFor("ali");
    for (const res of [await orders(`${RANGE}&${qs}`, ali), await recipients(o.id, qs, ali)]) {
      const error = await errorOf(res);
      expect(error).toMatchObject({ status: 400, code: "invalid_query" });
      expect(error.message).toMatch(message);
      expect(error.message.startsWith(param)).toBe(true);
    }
  });
});

describe("roles and the audit log, whatever the format", () => {
  it("refuses viewers an export in either format (403), and an analyst a revealed workbook", async () => {
    const { o } = useExports();
    const vera = await sessionCookieFor("vera");
    for (const format of ["xlsx", "csv"]) {
      expect((await errorOf(await orders(`${RANGE}&format=${format}`, vera))).status).toBe(403);
      expect((await errorOf(await recipients(o.id, `format=${format}`, vera))).status).toBe(403);
    }
    const ali = await sessionCookieFor("ali");
    expect((await errorOf(await recipients(o.id, "format=xlsx&reveal=1", ali))).status).toBe(403);
  });

  it("audits every export, the format in the orders' target and 'recipients XLSX' in a reveal's", async () => {
    const { o } = useExports();
    const ayse = await sessionCookieFor("ayse");
    await (await orders(`${RANGE}&sender=BILGI&format=xlsx&lang=en`, ayse)).arrayBuffer();
    await (await recipients(o.id, "format=xlsx&reveal=1&status=112", ayse)).arrayBuffer();
    const res = await audit(request("/api/audit?user=ayse", ayse), noParams);
    const { events } = (await res.json()) as { events: { action: string; target: string }[] };
    expect(events.slice(0, 3).map((e) => [e.action, e.target])).toEqual([
      ["reveal", `order ${o.id}, recipients XLSX status 112`],
      ["export_recipients", `order ${o.id} status 112`],
      [
        "export_orders",
        expect.stringMatching(/^2026-04-20\.\.2026-04-21 .*sender=BILGI.*format=xlsx/),
      ],
    ]);
  });
});
