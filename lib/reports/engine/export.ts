// CSV exports: every order of a view in the report's sort, and every recipient of an order.
// Rows are written straight from the columns, each sender's cell escaped once.
import "server-only";
import { wallTimestamp } from "@/lib/dates";
import type { Separator } from "@/lib/reports/contract/query-params";
import type { Recipient } from "@/lib/reports/contract/types";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import { ODD } from "./columns";
import { csvCell, csvFromLines, toCsv } from "./csv";
import type { View } from "./view";

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

/** The CSV of the view's rows `rows`, in that order. */
export function ordersCsv(view: View, rows: readonly number[], sep: Separator): string {
  const senders = view.dict.names.map((name) => csvCell(name, sep));
  const c = view.cols;
  const stamp = (v: number, i: number, which: 0 | 1) =>
    v === ODD ? csvCell(c.odd?.get(i)?.[which] ?? "", sep) : wallTimestamp(v);
  // Wall-clock timestamps are digits, "-", " " and ":": csvCell would return them as they are.
  const lines = rows.map((i) => {
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
  });
  return csvFromLines(ORDERS_HEADER, lines, sep);
}

/** The CSV of an order's recipients, numbers as given (the caller masks them or not). */
export function recipientsCsv(recipients: readonly Recipient[], sep: Separator): string {
  return toCsv(
    ["number", "status"],
    recipients.map((r) => [r.number, r.status]),
    sep,
  );
}
