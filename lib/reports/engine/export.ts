// CSV exports as streams: every order of a view in the report's sort, and every recipient of an
// order as its get-report pages arrive. Rows are written straight from the columns (each sender's
// and status word's cell escaped once), a batch per read, so an export holds one batch of text,
// never the file. Headers and status words in the file's language (export-words.ts).
import "server-only";
import { wallTimestamp } from "@/lib/dates";
import type { Separator } from "@/lib/reports/contract/query-params";
import type { Recipient } from "@/lib/reports/contract/types";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import { ODD } from "./columns";
import { csvCell, csvStream } from "./csv";
import type { ExportWords } from "./export-words";
import type { View } from "./view";

/** Orders per chunk of the orders CSV: ~75 kB of text, a few ms of work per read. */
const ORDERS_PER_CHUNK = 1000;

/**
 * A delivery rate as a percentage a spreadsheet reads back as the number: `81,39%` in a `;` file
 * (the separator of Excel set to Turkish and other decimal-comma locales), `81.39%` in a `,` file.
 * Two decimals of a percent: the fraction to four places, as before.
 */
export function csvPercent(rate: number, sep: Separator): string {
  const text = `${(rate * 100).toFixed(2)}%`;
  return sep === ";" ? text.replace(".", ",") : text;
}

/** A word per status code, escaped once. */
function statusCells(word: (code: number) => string): (code: number) => string {
  const cells = new Map<number, string>();
  return (code) => {
    let cell = cells.get(code);
    if (cell === undefined) cells.set(code, (cell = csvCell(word(code))));
    return cell;
  };
}

/** The CSV line of a view's row. */
function orderLine(view: View, words: ExportWords, sep: Separator): (i: number) => string {
  const senders = view.dict.names.map((name) => csvCell(name));
  const labels = view.labels.book.names.map((name) => csvCell(name));
  const status = statusCells(words.orderStatus);
  const c = view.cols;
  const stamp = (v: number, i: number, which: 0 | 1) =>
    v === ODD ? csvCell(c.odd?.get(i)?.[which] ?? "") : wallTimestamp(v);
  // Wall-clock timestamps are digits, "-", " " and ":": csvCell would return them as they are.
  return (i) => {
    const delivered = c.delivered[i] as number;
    const undelivered = c.undelivered[i] as number;
    const rate = deliveryRate(delivered, undelivered);
    return [
      c.id[i],
      status(c.status[i] as number),
      stamp(c.submit[i] as number, i, 0),
      stamp(c.send[i] as number, i, 1),
      senders[c.sender[i] as number],
      c.total[i],
      delivered,
      undelivered,
      c.waiting[i],
      rate === null ? "" : csvCell(csvPercent(rate, sep)),
      labels[view.labels.of[i] as number],
    ].join(sep);
  };
}

/** The CSV of the view's rows `rows`, in that order, `perChunk` rows per read. */
export function ordersCsvStream(
  view: View,
  rows: ArrayLike<number>,
  words: ExportWords,
  sep: Separator,
  perChunk = ORDERS_PER_CHUNK,
): ReadableStream<Uint8Array> {
  const line = orderLine(view, words, sep);
  let next = 0;
  return csvStream(words.ordersHeader, sep, () => {
    if (next >= rows.length) return null;
    const end = Math.min(rows.length, next + perChunk);
    const lines = new Array<string>(end - next);
    for (let k = next; k < end; k++) lines[k - next] = line(rows[k] as number);
    next = end;
    return lines;
  });
}

/** What both recipients exports are given: the order, its pages, which to keep and how to show. */
export type RecipientPages = {
  orderId: number;
  pages: AsyncIterator<readonly Recipient[], unknown, undefined>;
  keep: (r: Recipient) => boolean;
  /** The number as the file shows it (E.164, masked or not). */
  show: (r: Recipient) => Recipient;
  onError: (error: unknown) => void;
};

/** The next page of `source`, or null after the last; a failure is reported, then thrown. */
export async function nextPage(source: RecipientPages): Promise<readonly Recipient[] | null> {
  let page: IteratorResult<readonly Recipient[], unknown>;
  try {
    page = await source.pages.next();
  } catch (error) {
    source.onError(error);
    throw error;
  }
  return page.done ? null : page.value;
}

/**
 * The CSV of an order's recipients, a page per read as the pages come: those `keep` accepts, as
 * `show` writes them, each with the order's id. A page that fails errors the stream (its caller
 * decides what the client sees); a reader that cancels ends the pages, so no further page is asked.
 */
export function recipientsCsvStream(
  source: RecipientPages,
  words: ExportWords,
  sep: Separator,
): ReadableStream<Uint8Array> {
  const status = statusCells(words.messageStatus);
  const id = String(source.orderId);
  return csvStream(
    words.recipientsHeader,
    sep,
    async () => {
      const page = await nextPage(source);
      if (page === null) return null;
      const lines: string[] = [];
      for (const r of page) {
        if (!source.keep(r)) continue;
        const s = source.show(r);
        lines.push(`${id}${sep}${csvCell(s.number)}${sep}${status(s.status)}`);
      }
      return lines;
    },
    async () => {
      await source.pages.return?.();
    },
  );
}
