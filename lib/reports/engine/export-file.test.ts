// A workbook with more rows than an Excel sheet holds is refused before its first byte, with what
// to do instead; CSV has no such limit. Phone numbers reach the file in one shape, then masked.
import { describe, expect, it } from "vitest";
import type { Recipient } from "@/lib/reports/contract/types";
import { streamText } from "@/lib/testing/streams";
import { SenderDictionary } from "./columns";
import { exportOrders, exportRecipients } from "./export-file";
import type { RecipientPages } from "./export";
import { maskNumber } from "./recipients";
import { buildView } from "./view";

const NOW = new Date("2026-04-29T09:00:00Z");
const emptyView = () =>
  buildView({ start: "2026-04-01", end: "2026-04-01" }, [], [], new SenderDictionary());

function source(numbers: string[], show = (r: Recipient) => r) {
  const pages = (async function* () {
    yield numbers.map((number) => ({ number, status: 111 }));
  })();
  const s: RecipientPages = { orderId: 7, pages, keep: () => true, show, onError: () => {} };
  return { s };
}

const query = (status: (110 | 111 | 112)[] = []) =>
  ({ id: 7, page: 1, pageSize: 100, status, reveal: false, sep: ";" }) as const;

describe("export files", () => {
  it("refuses an orders workbook past 1,048,575 rows (400 invalid_query on format), not a CSV", () => {
    const rows = { length: 1_048_576 } as ArrayLike<number>;
    expect(() => exportOrders(emptyView(), rows, ";", { format: "xlsx", lang: "en" }, NOW)).toThrow(
      /An Excel sheet holds at most 1,048,575 rows and this export has 1,048,576 orders\. Download it as CSV/,
    );
    const csv = exportOrders(emptyView(), rows, ";", { format: "csv", lang: "en" }, NOW);
    expect(csv).toBeInstanceOf(ReadableStream);
    void csv.cancel();
    const fits = exportOrders(emptyView(), [], ";", { format: "xlsx", lang: "en" }, NOW);
    void fits.cancel();
  });

  it("counts a recipients workbook from the counters of the statuses asked for, and ends the pages when refusing", async () => {
    const order = {
      total: 1_500_000,
      delivered: 1_000_000,
      undelivered: 400_000,
      waiting: 100_000,
    };
    const all = source([]);
    await expect(
      exportRecipients(query(), order, all.s, { format: "xlsx", lang: "tr" }, NOW),
    ).rejects.toMatchObject({ name: "InvalidQueryError", param: "format" });
    // The pages are closed: nothing more is fetched for a refused export.
    expect(await all.s.pages.next()).toEqual({ done: true, value: undefined });
    // Undelivered and waiting: 500,000 rows, which fit.
    const some = source(["+905321234567"]);
    const ok = await exportRecipients(
      query([110, 112]),
      order,
      some.s,
      { format: "xlsx", lang: "tr" },
      NOW,
    );
    await ok.cancel();
    const delivered = source([]);
    await expect(
      exportRecipients(query([111, 112]), order, delivered.s, { format: "xlsx", lang: "tr" }, NOW),
    ).rejects.toThrow(/this export has 1,400,000 recipients.*a status filter/);
  });

  it("writes every number as E.164 and masks it in that shape", async () => {
    const raw = [
      "+905321234567",
      "905331234567",
      "05341234567",
      "5351234567",
      "00905361234567",
      "+1 415 555 0100",
      "12345",
    ];
    const shown = source(raw, (r) => ({ ...r, number: maskNumber(r.number) }));
    const csv = await streamText(
      await exportRecipients(
        query(),
        { total: 7, delivered: 7, undelivered: 0, waiting: 0 },
        shown.s,
        { format: "csv", lang: "en" },
        NOW,
      ),
    );
    expect(
      csv
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n")
        .slice(1),
    ).toEqual([
      "7;'+90532*****67;Delivered",
      "7;'+90533*****67;Delivered",
      "7;'+90534*****67;Delivered",
      "7;'+90535*****67;Delivered",
      "7;'+90536*****67;Delivered",
      "7;'+14155****00;Delivered",
      "7;*****;Delivered", // a shape it does not know: as it came, masked
    ]);
  });
});
