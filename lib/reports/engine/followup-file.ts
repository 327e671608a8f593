// A follow-up list's file, CSV or XLSX, from its NumberTable: one row per phone number (E.164,
// masked unless revealed) with the status it had in the latest order of the selection that held
// it with a chosen status, that order's id, and in how many of the selection's orders it had one.
// Written with the exports' own writers (csv.ts, xlsx.ts) and words (export-words.ts), then read
// into one buffer: the job keeps the finished file in the store.
import "server-only";
import { dictionaries } from "@/lib/i18n/dictionaries";
import type { ExportQuery } from "@/lib/reports/contract/export-query";
import type { Separator } from "@/lib/reports/contract/query-params";
import { csvCell, csvStream } from "./csv";
import { exportWords } from "./export-words";
import type { NumberTable } from "./followup-table";
import { inlineText, numberCell, STYLE, textCell, xlsxStream } from "./xlsx";

/** Rows per batch: ~200 kB of text. */
const ROWS_PER_BATCH = 5000;
/** Above this Excel keeps 15 significant digits only: such an id is written as text. */
const EXACT_IN_EXCEL = 999_999_999_999_999;

type FileOptions = {
  table: NumberTable;
  /** Order id by rank. */
  orderIds: readonly number[];
  file: ExportQuery;
  sep: Separator;
  /** The number as the file shows it (masked or not). */
  show: (e164: string) => string;
  modified: Date;
};

/** The header row in the file's language. */
function followupHeader(lang: ExportQuery["lang"]): string[] {
  const e = dictionaries[lang].export;
  return [e.number, e.status, e.latestOrderId, e.orderCount];
}

export function followupStream(opts: FileOptions): ReadableStream<Uint8Array> {
  const { table, orderIds, file, sep, show } = opts;
  const words = exportWords(file.lang);
  const header = followupHeader(file.lang);
  let next = 0;
  const batch = <T>(row: (i: number, k: number) => T): T[] | null => {
    if (next >= table.size) return null;
    const end = Math.min(table.size, next + ROWS_PER_BATCH);
    const out = new Array<T>(end - next);
    for (let i = next; i < end; i++) out[i - next] = row(i, i - next);
    next = end;
    return out;
  };
  if (file.format === "csv") {
    const status = new Map<number, string>();
    const statusCell = (code: number) => {
      let cell = status.get(code);
      if (cell === undefined) status.set(code, (cell = csvCell(words.messageStatus(code))));
      return cell;
    };
    return csvStream(header, sep, () =>
      batch((i) => {
        const e = table.entry(i);
        return [csvCell(show(e.number)), statusCell(e.status), orderIds[e.rank], e.orders].join(
          sep,
        );
      }),
    );
  }
  const status = new Map<number, string>();
  const statusText = (code: number) => {
    let text = status.get(code);
    if (text === undefined) status.set(code, (text = inlineText(words.messageStatus(code))));
    return text;
  };
  return xlsxStream(
    {
      name: dictionaries[file.lang].export.followupSheet,
      columns: header.map((h, i) => ({
        header: h,
        width: Math.max([18, 14, 16, 12][i] ?? 10, h.length + 3),
      })),
      nextRows: (first) =>
        batch((i, k) => {
          const r = first + k;
          const e = table.entry(i);
          const id = orderIds[e.rank] as number;
          return (
            `<row r="${r}">` +
            textCell(`A${r}`, inlineText(show(e.number)), STYLE.text) +
            textCell(`B${r}`, statusText(e.status)) +
            (id <= EXACT_IN_EXCEL
              ? numberCell(`C${r}`, id, STYLE.integer)
              : textCell(`C${r}`, inlineText(String(id)), STYLE.text)) +
            numberCell(`D${r}`, e.orders) +
            "</row>"
          );
        }),
    },
    opts.modified,
  );
}

/** The whole stream as one buffer. */
export async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let bytes = 0;
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    parts.push(read.value);
    bytes += read.value.byteLength;
  }
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
