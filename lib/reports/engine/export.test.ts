// The CSV exports as streams: the same bytes as the whole-string CSV, in chunks made only as they
// are read (a reader that stops, stops the work); headers and status words in the file's language.
import { describe, expect, it } from "vitest";
import type { UpstreamOrder } from "@/lib/iletimerkezi/types";
import type { Separator } from "@/lib/reports/contract/query-params";
import { SORTS } from "@/lib/reports/contract/report-query";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import type { Recipient } from "@/lib/reports/contract/types";
import { streamText } from "@/lib/testing/streams";
import { columnsOf, orderAt, SenderDictionary } from "./columns";
import { toCsv } from "./csv";
import { csvPercent, ordersCsvStream, recipientsCsvStream, type RecipientPages } from "./export";
import { exportWords } from "./export-words";
import { sortedRows } from "./ordering";
import { buildView, type View } from "./view";

// Quoting (";", quotes, a line break), formula escaping, Turkish letters.
const SENDERS = ["ACME;SHOP", '"Q" Ltd', "=cmd", "-minus", "Çiçek", "two\nlines", "Zeta", "a,b"];
const TR = exportWords("tr");
const EN = exportWords("en");
const HEADER = [
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
];
const STATUS_TR: Record<number, string> = {
  113: "Gönderiliyor",
  114: "Tamamlandı",
  115: "Başarısız / iptal",
};

function yearOfOrders(n: number): View {
  const orders: UpstreamOrder[] = Array.from({ length: n }, (_, k) => {
    const total = k % 7;
    const delivered = Math.floor(total / 2);
    const undelivered = k % 3 === 0 ? 0 : total - delivered;
    return {
      id: 312_000_000 + ((k * 7919) % 100_000),
      status: [113, 114, 115][k % 3] as number,
      total,
      delivered,
      undelivered,
      waiting: total - delivered - undelivered,
      // Every 97th row has a timestamp without wall-clock seconds: kept as text.
      submitAt:
        k % 97 === 0
          ? "2026-02-30 25:61:99"
          : `2026-04-${String(1 + (k % 28)).padStart(2, "0")} 10:${String(k % 60).padStart(2, "0")}:00`,
      sendAt: `2026-04-${String(1 + (k % 28)).padStart(2, "0")} 11:00:00`,
      sender: SENDERS[k % SENDERS.length] as string,
    };
  });
  const dict = new SenderDictionary();
  return buildView(
    { start: "2026-04-01", end: "2026-04-28" },
    ["2026-04-01"],
    [columnsOf(orders, dict)],
    dict,
  );
}

/** The whole-string CSV of those rows, built cell by cell from order objects (toCsv). */
function wholeCsv(view: View, rows: readonly number[], sep: Separator): string {
  const cells = rows.map((i) => {
    const o = orderAt(view.cols, i, view.dict);
    const rate = deliveryRate(o.delivered, o.undelivered);
    const { id, status, submitAt, sendAt, sender, total, delivered, undelivered, waiting } = o;
    const r = rate === null ? null : csvPercent(rate, sep);
    const word = STATUS_TR[status];
    const label = view.labels.book.names[view.labels.of[i] as number] ?? null;
    return [
      id,
      word ?? null,
      submitAt,
      sendAt,
      sender,
      total,
      delivered,
      undelivered,
      waiting,
      r,
      label,
    ];
  });
  return toCsv(HEADER, cells, sep);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** `rows` behind a proxy that counts which of them were read. */
function counted(rows: readonly number[]) {
  const read = new Set<number>();
  const proxy = new Proxy(rows, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) read.add(Number(key));
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { rows: proxy, read };
}

describe("the orders CSV as a stream", () => {
  const view = yearOfOrders(2500);
  const n = view.cols.n;
  const all = new Uint8Array(n).fill(1);
  const some = Uint8Array.from({ length: n }, (_, i) => (view.cols.status[i] === 114 ? 1 : 0));
  const chosen = some.reduce((a, b) => a + b, 0);

  it.each([1, 7, 1000, 2500, 100_000])(
    "equals the whole-string CSV byte for byte, %i rows a chunk",
    async (perChunk) => {
      for (const sep of [";", ","] as const)
        for (const sort of ["-submitAt", "sender", "-deliveryRate"] as const) {
          const rows = sortedRows(view, sort, all, n, 0, n);
          const got = await new Response(
            ordersCsvStream(view, rows, TR, sep, perChunk),
          ).arrayBuffer();
          const want = new TextEncoder().encode(wholeCsv(view, rows, sep));
          expect(Buffer.from(got).equals(Buffer.from(want)), `${sep} ${sort}`).toBe(true);
        }
    },
  );

  it("equals it for every sort of a filtered selection, and with no rows at all", async () => {
    for (const sort of SORTS) {
      const rows = sortedRows(view, sort, some, chosen, 0, chosen);
      expect(await streamText(ordersCsvStream(view, rows, TR, ";", 333)), sort).toBe(
        wholeCsv(view, rows, ";"),
      );
    }
    const empty = await streamText(ordersCsvStream(view, [], TR, ";"));
    expect(empty).toBe(wholeCsv(view, [], ";"));
    expect(empty).toBe(`\uFEFF${HEADER.join(";")}\r\n`);
  });

  it("makes a chunk only when it is read: a reader that stops, stops the work", async () => {
    const { rows, read } = counted(sortedRows(view, "id", all, n, 0, n));
    const stream = ordersCsvStream(view, rows, TR, ";", 100);
    await tick();
    expect(read.size).toBe(0); // nothing before the first read
    const reader = stream.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).split("\r\n")).toHaveLength(1 + 100 + 1);
    await tick();
    expect(read.size).toBe(100); // one chunk, none made ahead
    await reader.read();
    await tick();
    expect(read.size).toBe(200);
    await reader.cancel();
    await tick();
    expect(read.size).toBe(200);
  });
});

describe("the recipients CSV as a stream", () => {
  /** Pages of recipients from a generator that records how far it was asked and whether it ended. */
  function pagesOf(pages: Recipient[][], failAt?: number) {
    const seen = { asked: 0, finished: false };
    async function* gen(): AsyncGenerator<Recipient[], void, undefined> {
      try {
        for (const [k, page] of pages.entries()) {
          seen.asked = k + 1;
          if (k === failAt) throw new Error("upstream gave up");
          yield page;
        }
      } finally {
        seen.finished = true;
      }
    }
    return { pages: gen(), seen };
  }
  const page = (k: number, size = 3): Recipient[] =>
    Array.from({ length: size }, (_, i) => ({
      number: `+90532${String(k * 1000 + i).padStart(7, "0")}`,
      status: [110, 111, 112][i % 3] as number,
    }));

  const sourceOf = (
    pages: AsyncGenerator<Recipient[], void, undefined>,
    over: Partial<RecipientPages> = {},
  ): RecipientPages => ({
    orderId: 312_988_299,
    pages,
    keep: () => true,
    show: (r) => r,
    onError: () => {},
    ...over,
  });
  const WORD: Record<number, string> = { 110: "Beklemede", 111: "İletildi", 112: "İletilemedi" };

  it("writes the pages as toCsv would, with the order id and status words, filtered and shown as asked", async () => {
    const pages = [page(0), [], page(1), page(2, 1)];
    const keep = (r: Recipient) => r.status !== 110;
    const show = (r: Recipient) => ({ number: `${r.number.slice(0, 6)}***`, status: r.status });
    for (const sep of [";", ","] as const) {
      const got = await streamText(
        recipientsCsvStream(sourceOf(pagesOf(pages).pages, { keep, show }), TR, sep),
      );
      const want = toCsv(
        ["Gönderim no", "Telefon numarası", "Durum"],
        pages
          .flat()
          .filter(keep)
          .map(show)
          .map((r) => [312_988_299, r.number, WORD[r.status] ?? null]),
        sep,
      );
      expect(got).toBe(want);
      expect(got).toContain(`312988299${sep}'+90532***${sep}İletildi`); // a masked number is no formula
    }
    const none = pagesOf([]);
    expect(await streamText(recipientsCsvStream(sourceOf(none.pages), EN, ";"))).toBe(
      "\uFEFFOrder no.;Phone number;Status\r\n",
    );
    const en = await streamText(recipientsCsvStream(sourceOf(pagesOf([page(0)]).pages), EN, ","));
    expect(en.split("\r\n").slice(1, 4)).toEqual([
      "312988299,+905320000000,Waiting",
      "312988299,+905320000001,Delivered",
      "312988299,+905320000002,Undelivered",
    ]);
  });

  it("asks for a page only as the CSV is read, and ends the pages when the reader cancels", async () => {
    const { pages, seen } = pagesOf([page(0), page(1), page(2), page(3)]);
    const reader = recipientsCsvStream(sourceOf(pages), TR, ";").getReader();
    await tick();
    expect(seen.asked).toBe(0);
    await reader.read();
    await tick();
    expect(seen.asked).toBe(1);
    await reader.read();
    await tick();
    expect(seen.asked).toBe(2);
    await reader.cancel();
    expect(seen).toEqual({ asked: 2, finished: true });
  });

  it("fails the stream, and says so once, when a page fails", async () => {
    const { pages } = pagesOf([page(0), page(1), page(2)], 1);
    const errors: unknown[] = [];
    const reader = recipientsCsvStream(
      sourceOf(pages, { onError: (e) => errors.push(e) }),
      TR,
      ";",
    ).getReader();
    await reader.read();
    await expect(reader.read()).rejects.toThrow("upstream gave up");
    expect(errors).toHaveLength(1);
  });
});

describe("the orders CSV in English, and its rates", () => {
  it("has the English header and status words", async () => {
    const view = yearOfOrders(3);
    const text = await streamText(ordersCsvStream(view, [0, 1, 2], EN, ","));
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Order no.,Status,Created at,Sent at,Sender,Messages,Delivered,Undelivered,Waiting,Delivery rate,Campaign",
    );
    expect(lines.slice(1, 4).map((l) => l.split(",")[1])).toEqual([
      "In progress",
      "Completed",
      "Failed / cancelled",
    ]);
  });

  it("writes a rate as a percentage with the decimal mark that goes with the separator", () => {
    expect(csvPercent(35 / 43, ";")).toBe("81,40%");
    expect(csvPercent(35 / 43, ",")).toBe("81.40%");
    expect(csvPercent(1, ";")).toBe("100,00%");
    expect(csvPercent(0, ",")).toBe("0.00%");
    expect(csvPercent(0.00005, ",")).toBe("0.01%");
  });
});
