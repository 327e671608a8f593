// Which file an export writes: CSV (export.ts) or XLSX (export-xlsx.ts), in the language asked
// for, phone numbers in one shape. A workbook with more rows than an Excel sheet holds is refused
// before its first byte (400), with what to do instead.
import "server-only";
import type { ExportQuery } from "@/lib/reports/contract/export-query";
import type { OrderQuery } from "@/lib/reports/contract/order-query";
import { InvalidQueryError, type Separator } from "@/lib/reports/contract/query-params";
import type { Order } from "@/lib/reports/contract/types";
import { ordersCsvStream, recipientsCsvStream, type RecipientPages } from "./export";
import { exportWords } from "./export-words";
import { ordersXlsxStream, recipientsXlsxStream } from "./export-xlsx";
import { e164 } from "./phone";
import type { View } from "./view";
import { XLSX_MAX_ROWS } from "./xlsx";

/** What an export is when a caller does not say (tests, the bench): CSV in Turkish. */
const DEFAULT_EXPORT: ExportQuery = { format: "csv", lang: "tr" };

const MAX_DATA_ROWS = XLSX_MAX_ROWS - 1;

function tooManyRows(rows: number, what: string, narrow: string): InvalidQueryError {
  const fmt = (n: number) => n.toLocaleString("en-US");
  return new InvalidQueryError(
    "format",
    `An Excel sheet holds at most ${fmt(MAX_DATA_ROWS)} rows and this export has ${fmt(rows)} ${what}. Download it as CSV (format=csv), or narrow it with ${narrow}.`,
  );
}

/** The orders file of the view's rows `rows`, in that order. */
export function exportOrders(
  view: View,
  rows: ArrayLike<number>,
  sep: Separator,
  file: ExportQuery = DEFAULT_EXPORT,
  modified: Date,
): ReadableStream<Uint8Array> {
  const words = exportWords(file.lang);
  if (file.format === "csv") return ordersCsvStream(view, rows, words, sep);
  if (rows.length > MAX_DATA_ROWS)
    throw tooManyRows(rows.length, "orders", "a shorter range or filters");
  return ordersXlsxStream(view, rows, words, modified);
}

/**
 * The recipients file of an order whose first page has been fetched. A workbook's rows are
 * counted from the order's counters first (the writer also stops at the limit, should they be off).
 */
export async function exportRecipients(
  query: OrderQuery,
  order: Pick<Order, "total" | "delivered" | "undelivered" | "waiting">,
  source: RecipientPages,
  file: ExportQuery = DEFAULT_EXPORT,
  modified: Date,
): Promise<ReadableStream<Uint8Array>> {
  const words = exportWords(file.lang);
  // One shape for every number, then masked (or not) in that shape: +90532*****67.
  const shaped: RecipientPages = {
    ...source,
    show: (r) => source.show({ number: e164(r.number), status: r.status }),
  };
  if (file.format === "csv") return recipientsCsvStream(shaped, words, query.sep);
  const counts: Record<number, number> = {
    110: order.waiting,
    111: order.delivered,
    112: order.undelivered,
  };
  const rows = query.status.length
    ? query.status.reduce((n, s) => n + (counts[s] ?? 0), 0)
    : order.total;
  if (rows > MAX_DATA_ROWS) {
    await source.pages.return?.();
    throw tooManyRows(rows, "recipients", "a status filter");
  }
  return recipientsXlsxStream(shaped, words, modified);
}
