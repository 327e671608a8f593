// CSV for Excel in Turkish settings: UTF-8 with BOM, `;` separators (or `,` on request).
import "server-only";
import type { Separator } from "@/lib/reports/contract/query-params";

type Cell = string | number | null;

const BOM = "\uFEFF";

export function csvCell(value: Cell, sep: Separator): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  // A leading =, +, - or @ would make a spreadsheet run the text as a formula; a phone number
  // such as +905321234567 is only digits and stays as it is.
  const text = /^[=+\-@\t\r]/.test(value) && !/^\+?\d+$/.test(value) ? `'${value}` : value;
  return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Iterable<Cell[]>, sep: Separator): string {
  const lines = [header.map((h) => csvCell(h, sep)).join(sep)];
  for (const row of rows) lines.push(row.map((v) => csvCell(v, sep)).join(sep));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/** toCsv's text, from lines already made of csvCell values joined by the separator. */
export function csvFromLines(header: string[], lines: readonly string[], sep: Separator): string {
  const head = header.map((h) => csvCell(h, sep)).join(sep);
  return lines.length === 0 ? `${BOM}${head}\r\n` : `${BOM}${head}\r\n${lines.join("\r\n")}\r\n`;
}
