// The same two exports as Excel workbooks (xlsx.ts): typed cells instead of text. Order ids and
// counters are numbers, times are date-time serials of the Istanbul wall clock, the delivery rate
// is a fraction shown as a percentage, phone numbers are text (Excel would show +905321234567 as
// 9,05E+11), senders and status words are inline strings, so nothing in a cell runs as a formula.
import "server-only";
import { ODD } from "./columns";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import { nextPage, type RecipientPages } from "./export";
import type { ExportWords } from "./export-words";
import type { View } from "./view";
import {
  inlineText,
  numberCell,
  serialOfWallSeconds,
  STYLE,
  textCell,
  xlsxStream,
  type XlsxColumn,
} from "./xlsx";

/** Orders per batch: ~400 kB of XML before deflating. */
const ORDERS_PER_BATCH = 1000;
/** Above this Excel keeps 15 significant digits only: such an id is written as text. */
const EXACT_IN_EXCEL = 999_999_999_999_999;

const columns = (header: string[], widths: number[]): XlsxColumn[] =>
  header.map((h, i) => ({ header: h, width: Math.max(widths[i] ?? 10, h.length + 3) }));

const idCell = (ref: string, id: number) =>
  id <= EXACT_IN_EXCEL
    ? numberCell(ref, id, STYLE.integer)
    : textCell(ref, inlineText(String(id)), STYLE.text);

/** A word per status code as an inline string, escaped once. */
function statusTexts(word: (code: number) => string): (code: number) => string {
  const texts = new Map<number, string>();
  return (code) => {
    let text = texts.get(code);
    if (text === undefined) texts.set(code, (text = inlineText(word(code))));
    return text;
  };
}

/** The `<row>` of a view's row. */
function orderRow(view: View, words: ExportWords): (i: number, r: number) => string {
  const senders = view.dict.names.map((name) => inlineText(name));
  const labels = view.labels.book.names.map((name) => (name === null ? null : inlineText(name)));
  const status = statusTexts(words.orderStatus);
  const c = view.cols;
  const stamp = (ref: string, v: number, i: number, which: 0 | 1) =>
    v === ODD
      ? textCell(ref, inlineText(c.odd?.get(i)?.[which] ?? ""))
      : numberCell(ref, serialOfWallSeconds(v), STYLE.dateTime);
  return (i, r) => {
    const delivered = c.delivered[i] as number;
    const undelivered = c.undelivered[i] as number;
    const rate = deliveryRate(delivered, undelivered);
    const label = labels[view.labels.of[i] as number] ?? null;
    return (
      `<row r="${r}">` +
      idCell(`A${r}`, c.id[i] as number) +
      textCell(`B${r}`, status(c.status[i] as number)) +
      stamp(`C${r}`, c.submit[i] as number, i, 0) +
      stamp(`D${r}`, c.send[i] as number, i, 1) +
      textCell(`E${r}`, senders[c.sender[i] as number] as string) +
      numberCell(`F${r}`, c.total[i] as number) +
      numberCell(`G${r}`, delivered) +
      numberCell(`H${r}`, undelivered) +
      numberCell(`I${r}`, c.waiting[i] as number) +
      (rate === null ? "" : numberCell(`J${r}`, rate, STYLE.percent)) +
      (label === null ? "" : textCell(`K${r}`, label)) +
      "</row>"
    );
  };
}

/** The workbook of the view's rows `rows`, in that order, `perBatch` rows per read. */
export function ordersXlsxStream(
  view: View,
  rows: ArrayLike<number>,
  words: ExportWords,
  modified: Date,
  perBatch = ORDERS_PER_BATCH,
): ReadableStream<Uint8Array> {
  const row = orderRow(view, words);
  let next = 0;
  return xlsxStream(
    {
      name: words.ordersSheet,
      columns: columns(words.ordersHeader, [13, 18, 20, 20, 16, 10, 10, 12, 10, 12, 20]),
      nextRows: (first) => {
        if (next >= rows.length) return null;
        const end = Math.min(rows.length, next + perBatch);
        const xml = new Array<string>(end - next);
        for (let k = next; k < end; k++) xml[k - next] = row(rows[k] as number, first + k - next);
        next = end;
        return xml;
      },
    },
    modified,
  );
}

/** The workbook of an order's recipients, a page per read (as recipientsCsvStream). */
export function recipientsXlsxStream(
  source: RecipientPages,
  words: ExportWords,
  modified: Date,
): ReadableStream<Uint8Array> {
  const status = statusTexts(words.messageStatus);
  const id = (r: number) => idCell(`A${r}`, source.orderId);
  return xlsxStream(
    {
      name: words.recipientsSheet,
      columns: columns(words.recipientsHeader, [13, 18, 14]),
      nextRows: async (first) => {
        const page = await nextPage(source);
        if (page === null) return null;
        const xml: string[] = [];
        for (const m of page) {
          if (!source.keep(m)) continue;
          const s = source.show(m);
          const r = first + xml.length;
          xml.push(
            `<row r="${r}">${id(r)}${textCell(`B${r}`, inlineText(s.number), STYLE.text)}${textCell(`C${r}`, status(s.status))}</row>`,
          );
        }
        return xml;
      },
      onCancel: async () => {
        await source.pages.return?.();
      },
    },
    modified,
  );
}
