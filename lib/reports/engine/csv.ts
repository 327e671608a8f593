// CSV for Excel in Turkish settings: UTF-8 with BOM, `;` separators (or `,` on request).
import "server-only";
import type { Separator } from "@/lib/reports/contract/query-params";

type Cell = string | number | null;

const BOM = "\uFEFF";
const encoder = new TextEncoder();

export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  // A leading =, +, - or @ would make a spreadsheet run the text as a formula; a phone number
  // such as +905321234567 is only digits and stays as it is.
  const text = /^[=+\-@\t\r]/.test(value) && !/^\+?\d+$/.test(value) ? `'${value}` : value;
  // Quoted when it holds either separator, not only the one in use: a spreadsheet set to split on
  // the other would otherwise cut the cell there, and what follows could start with a formula.
  return /[;,"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole CSV as one string (the definition the streams below are checked against). */
export function toCsv(header: string[], rows: Iterable<Cell[]>, sep: Separator): string {
  const lines = [header.map((h) => csvCell(h)).join(sep)];
  for (const row of rows) lines.push(row.map((v) => csvCell(v)).join(sep));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/**
 * toCsv's bytes as a pull-based stream: the BOM and header, then whatever `nextLines` gives (lines
 * already made of csvCell values joined by the separator) until it gives null. Nothing is made
 * ahead of the reader (highWaterMark 0): `nextLines` runs once per read, so a client that stops
 * reading stops the work, and memory holds one batch of lines, not the file.
 */
export function csvStream(
  header: string[],
  sep: Separator,
  nextLines: () => readonly string[] | null | Promise<readonly string[] | null>,
  onCancel?: () => void | Promise<void>,
): ReadableStream<Uint8Array> {
  let head: string | null = `${BOM}${header.map((h) => csvCell(h)).join(sep)}\r\n`;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          const lines = await nextLines();
          if (lines === null) {
            if (head !== null) controller.enqueue(encoder.encode(head));
            controller.close();
            return;
          }
          // A batch that a filter emptied: read the next one, unless the header is still due.
          if (lines.length === 0 && head === null) continue;
          const body = lines.length === 0 ? "" : `${lines.join("\r\n")}\r\n`;
          controller.enqueue(encoder.encode(head === null ? body : head + body));
          head = null;
          return;
        }
      },
      cancel: onCancel && (() => onCancel()),
    },
    { highWaterMark: 0 },
  );
}
