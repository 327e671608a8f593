// The XLSX exports read back by another implementation (exceljs): typed cells (numbers, Istanbul
// wall-clock date-times, a rate as a percentage, phone numbers and big ids as text), the header in
// either language, the frozen header row and the autofilter; and streamed, a batch per read.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { UpstreamOrder } from "@/lib/iletimerkezi/types";
import type { Recipient } from "@/lib/reports/contract/types";
import { columnsOf, SenderDictionary } from "./columns";
import type { RecipientPages } from "./export";
import { exportWords } from "./export-words";
import { ordersXlsxStream, recipientsXlsxStream } from "./export-xlsx";
import { buildView, labelView } from "./view";

const MODIFIED = new Date("2026-04-29T09:00:00Z");

const ORDERS: UpstreamOrder[] = [
  {
    id: 312_988_299,
    status: 114,
    total: 43,
    delivered: 35,
    undelivered: 8,
    waiting: 0,
    submitAt: "2026-04-22 10:15:07",
    sendAt: "2026-04-22 10:20:00",
    sender: '=HYPERLINK("x")',
  },
  {
    id: 312_988_300,
    status: 113,
    total: 5,
    delivered: 0,
    undelivered: 0,
    waiting: 5,
    submitAt: "2026-04-23 23:59:59",
    sendAt: "2026-04-24 00:00:00",
    sender: "Çiçek & <Şule>",
  },
  {
    // More digits than Excel keeps exactly: text.
    id: 9_007_199_254_740_991,
    status: 115,
    total: 2,
    delivered: 0,
    undelivered: 2,
    waiting: 0,
    submitAt: "2026-04-24 08:00:00",
    sendAt: "2026-04-24 08:00:00",
    sender: " padded ",
  },
  {
    // A time with no wall-clock seconds (the schema rules it out; kept exact all the same): text.
    id: 312_988_301,
    status: 114,
    total: 1,
    delivered: 1,
    undelivered: 0,
    waiting: 0,
    submitAt: "2026-02-30 25:61:99",
    sendAt: "2026-04-24 09:00:00",
    sender: "BILGI",
  },
];

function view() {
  const dict = new SenderDictionary();
  return buildView(
    { start: "2026-04-22", end: "2026-04-24" },
    ["2026-04-22"],
    [columnsOf(ORDERS, dict)],
    dict,
  );
}

async function workbookOf(stream: ReadableStream<Uint8Array>): Promise<ExcelJS.Worksheet> {
  const bytes = Buffer.from(await new Response(stream).arrayBuffer());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

const rowValues = (sheet: ExcelJS.Worksheet, r: number) =>
  (sheet.getRow(r).values as unknown[]).slice(1);

describe("the orders workbook", () => {
  it("has the header in Turkish, status words, typed cells, a frozen header and an autofilter", async () => {
    const v = view();
    // The first order carries a campaign label that looks like a formula: text, never a formula.
    labelView(v, { revision: 1, byOrder: new Map([[312_988_299, "=Bayram & <2026>"]]) });
    const sheet = await workbookOf(ordersXlsxStream(v, [0, 1, 2], exportWords("tr"), MODIFIED));
    expect(sheet.name).toBe("Gönderimler");
    expect(rowValues(sheet, 1)).toEqual([
      "Gönderim no",
      "Durum",
      "Oluşturulma zamanı",
      "Gönderilme zamanı",
      "Gönderici",
      "Mesaj sayısı",
      "İletilen",
      "İletilemeyen",
      "Bekleyen",
      "İletim oranı",
      "Kampanya",
    ]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).getCell(10).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:K4");
    expect(sheet.rowCount).toBe(4);

    const first = sheet.getRow(2);
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(1).value).toBe(312_988_299);
    expect(first.getCell(1).numFmt).toBe("0");
    expect(first.getCell(2).value).toBe("Tamamlandı");
    // The Istanbul wall clock as a date (exceljs reads a serial as that time in UTC).
    expect(first.getCell(3).type).toBe(ExcelJS.ValueType.Date);
    expect((first.getCell(3).value as Date).toISOString()).toBe("2026-04-22T10:15:07.000Z");
    expect(first.getCell(3).numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    expect((first.getCell(4).value as Date).toISOString()).toBe("2026-04-22T10:20:00.000Z");
    // A sender that looks like a formula is a string, never a formula.
    expect(first.getCell(5).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(5).value).toBe('=HYPERLINK("x")');
    expect([6, 7, 8, 9].map((c) => first.getCell(c).value)).toEqual([43, 35, 8, 0]);
    expect(first.getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(10).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(10).value).toBeCloseTo(35 / 43, 12);
    expect(first.getCell(10).numFmt).toBe("0.00%");
    expect(first.getCell(11).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(11).value).toBe("=Bayram & <2026>");
    expect(sheet.getRow(3).getCell(11).value).toBeNull();

    const second = sheet.getRow(3);
    expect(second.getCell(2).value).toBe("Gönderiliyor");
    expect(second.getCell(5).value).toBe("Çiçek & <Şule>");
    expect((second.getCell(3).value as Date).toISOString()).toBe("2026-04-23T23:59:59.000Z");
    // Nothing final yet: no rate at all, rather than 0 %.
    expect(second.getCell(10).value).toBeNull();

    const third = sheet.getRow(4);
    expect(third.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(third.getCell(1).value).toBe("9007199254740991");
    expect(third.getCell(2).value).toBe("Başarısız / iptal");
    expect(third.getCell(5).value).toBe(" padded ");
    expect(third.getCell(10).value).toBe(0);
  });

  it("keeps a time that is no real date-time as the text it came as", async () => {
    const sheet = await workbookOf(ordersXlsxStream(view(), [3], exportWords("tr"), MODIFIED));
    const row = sheet.getRow(2);
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(3).value).toBe("2026-02-30 25:61:99");
    expect(row.getCell(4).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(10).value).toBe(1);
  });

  it("has the header and status words in English with lang en, and a header only with no rows", async () => {
    const v = view();
    const sheet = await workbookOf(ordersXlsxStream(v, [1, 0], exportWords("en"), MODIFIED));
    expect(sheet.name).toBe("Orders");
    expect(rowValues(sheet, 1)).toEqual([
      "Order no.",
      "Status",
      "Created at",
      "Sent at",
      "Sender",
      "Messages",
      "Delivered",
      "Undelivered",
      "Waiting",
      "Delivery rate",
      "Campaign",
    ]);
    expect(sheet.getRow(2).getCell(2).value).toBe("In progress");
    expect(sheet.getRow(3).getCell(2).value).toBe("Completed");
    const empty = await workbookOf(ordersXlsxStream(v, [], exportWords("en"), MODIFIED));
    expect(empty.rowCount).toBe(1);
    expect(empty.autoFilter).toBe("A1:K1");
  });

  it("is a ZIP that unzip tests clean, with every part a spreadsheet needs", async () => {
    const bytes = Buffer.from(
      await new Response(
        ordersXlsxStream(view(), [0, 1, 2], exportWords("tr"), MODIFIED),
      ).arrayBuffer(),
    );
    const file = join(mkdtempSync(join(tmpdir(), "xlsx-")), "orders.xlsx");
    writeFileSync(file, bytes);
    let listing: string;
    try {
      listing = execFileSync("unzip", ["-t", file], { encoding: "utf8" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // no unzip here: exceljs read it above
      throw error;
    }
    expect(listing).toContain("No errors detected");
    for (const part of [
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
    ])
      expect(listing).toContain(part);
  });

  it("makes a batch only when it is read", async () => {
    const dict = new SenderDictionary();
    const many: UpstreamOrder[] = Array.from({ length: 5000 }, (_, k) => ({
      ...(ORDERS[0] as UpstreamOrder),
      id: 312_000_000 + k,
    }));
    const v = buildView(
      { start: "2026-04-22", end: "2026-04-22" },
      ["2026-04-22"],
      [columnsOf(many, dict)],
      dict,
    );
    const read = new Set<number>();
    const rows = new Proxy(
      Array.from({ length: 5000 }, (_, i) => i),
      {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) read.add(Number(key));
          return Reflect.get(target, key, receiver) as unknown;
        },
      },
    );
    const reader = ordersXlsxStream(v, rows, exportWords("tr"), MODIFIED, 100).getReader();
    await new Promise((r) => setTimeout(r, 20));
    expect(read.size).toBe(0);
    await reader.read();
    const afterFirst = read.size;
    await new Promise((r) => setTimeout(r, 20));
    expect(read.size).toBe(afterFirst); // nothing made ahead of the reader
    expect(afterFirst).toBeLessThan(5000);
    await reader.cancel();
  });
});

describe("the recipients workbook", () => {
  const source = (pages: Recipient[][], show = (r: Recipient) => r): RecipientPages => ({
    orderId: 312_988_299,
    pages: (async function* () {
      yield* pages;
    })(),
    keep: (r) => r.status !== 110,
    show,
    onError: () => {},
  });

  it("writes the order id as a number, phone numbers as text, status words, in either language", async () => {
    const pages = [
      [
        { number: "+905321234567", status: 111 },
        { number: "+905301112233", status: 110 },
      ],
      [],
      [{ number: "+90532*****67", status: 112 }],
    ];
    const sheet = await workbookOf(
      recipientsXlsxStream(source(pages), exportWords("tr"), MODIFIED),
    );
    expect(sheet.name).toBe("Alıcılar");
    expect(rowValues(sheet, 1)).toEqual(["Gönderim no", "Telefon numarası", "Durum"]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:C3");
    expect(rowValues(sheet, 2)).toEqual([312_988_299, "+905321234567", "İletildi"]);
    expect(rowValues(sheet, 3)).toEqual([312_988_299, "+90532*****67", "İletilemedi"]);
    const phone = sheet.getRow(2).getCell(2);
    expect(phone.type).toBe(ExcelJS.ValueType.String);
    expect(phone.numFmt).toBe("@");
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.Number);

    const en = await workbookOf(recipientsXlsxStream(source(pages), exportWords("en"), MODIFIED));
    expect(rowValues(en, 1)).toEqual(["Order no.", "Phone number", "Status"]);
    expect(rowValues(en, 2)).toEqual([312_988_299, "+905321234567", "Delivered"]);
    expect(rowValues(en, 3)).toEqual([312_988_299, "+90532*****67", "Undelivered"]);
  });

  it("fails the download, rather than ending it as if complete, when a page fails", async () => {
    const errors: unknown[] = [];
    const failing: RecipientPages = {
      ...source([]),
      pages: (async function* () {
        yield [{ number: "+905321234567", status: 111 }];
        throw new Error("upstream gave up");
      })(),
      onError: (e) => errors.push(e),
    };
    await expect(
      new Response(recipientsXlsxStream(failing, exportWords("tr"), MODIFIED)).arrayBuffer(),
    ).rejects.toThrow();
    expect(errors).toHaveLength(1);
  });
});
