// CSV exports as streams: every order of a view in the report's sort, and every recipient of an
// order as its get-report pages arrive. Rows are written straight from the columns (each sender's
// cell escaped once), a batch per read, so an export holds one batch of text, never the file.
import "server-only";
import { wallTimestamp } from "@/lib/dates";
import type { Separator } from "@/lib/reports/contract/query-params";
import type { Recipient } from "@/lib/reports/contract/types";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import { ODD } from "./columns";
import { csvCell, csvStream } from "./csv";
import type { View } from "./view";

/** Orders per chunk of the orders CSV: ~75 kB of text, a few ms of work per read. */
const ORDERS_PER_CHUNK = 1000;

const ORDERS_HEADER = [
  "id",
  "status",
  "submitAt",
  "sendAt",
  "sender",
  "total",
  "delivered",
  "undelivered",
  "waiting",
  "deliveryRate",
];

/** The CSV line of a view's row. */
function orderLine(view: View, sep: Separator): (i: number) => string {
  const senders = view.dict.names.map((name) => csvCell(name));
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
      c.status[i],
      stamp(c.submit[i] as number, i, 0),
      stamp(c.send[i] as number, i, 1),
      senders[c.sender[i] as number],
      c.total[i],
      delivered,
      undelivered,
      c.waiting[i],
      rate === null ? "" : Number(rate.toFixed(4)),
    ].join(sep);
  };
}

/** The CSV of the view's rows `rows`, in that order, `perChunk` rows per read. */
export function ordersCsvStream(
  view: View,
  rows: ArrayLike<number>,
  sep: Separator,
  perChunk = ORDERS_PER_CHUNK,
): ReadableStream<Uint8Array> {
  const line = orderLine(view, sep);
  let next = 0;
  return csvStream(ORDERS_HEADER, sep, () => {
    if (next >= rows.length) return null;
    const end = Math.min(rows.length, next + perChunk);
    const lines = new Array<string>(end - next);
    for (let k = next; k < end; k++) lines[k - next] = line(rows[k] as number);
    next = end;
    return lines;
  });
}

/**
 * The CSV of an order's recipients, a page per read as `pages` gives them: those `keep` accepts,
 * as `show` writes them (masked or not). A page that fails errors the stream (its caller decides
 * what the client sees); a reader that cancels ends `pages`, so no further page is asked for.
 */
export function recipientsCsvStream(
  pages: AsyncIterator<readonly Recipient[], unknown, undefined>,
  keep: (r: Recipient) => boolean,
  show: (r: Recipient) => Recipient,
  sep: Separator,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  return csvStream(
    ["number", "status"],
    sep,
    async () => {
      let page: IteratorResult<readonly Recipient[], unknown>;
      try {
        page = await pages.next();
      } catch (error) {
        onError(error);
        throw error;
      }
      if (page.done) return null;
      const lines: string[] = [];
      for (const r of page.value) {
        if (!keep(r)) continue;
        const s = show(r);
        lines.push(`${csvCell(s.number)}${sep}${s.status}`);
      }
      return lines;
    },
    async () => {
      await pages.return?.();
    },
  );
}
