// A one-sheet XLSX as a pull-based stream: the OOXML parts a spreadsheet needs (content types,
// relationships, styles, the sheet, the workbook) in a ZIP written as it goes (zip.ts). The sheet's
// rows come in batches from the caller, each batch deflated and handed on before the next is made
// (high-water mark 0), so memory holds one batch, never the file. Strings are inline (no shared
// string table to keep), the header row is frozen and has an autofilter over every row.
import "server-only";
import { ZipWriter } from "./zip";

/**
 * zlib level 1: the sheet XML of 300,000 orders (~120 MB) deflates in ~0.3 s at level 1 and ~2 s
 * at the default 6, for a file ~25 % larger (scripts/bench/xlsx-writers.ts, docs/performance.md).
 */
const DEFLATE_LEVEL = 1;

/** Rows a sheet holds in Excel, the header included. */
export const XLSX_MAX_ROWS = 1_048_576;

/** Cell styles (indexes into cellXfs of STYLES below). */
export const STYLE = {
  header: 1,
  /** A date-time serial shown as 2026-04-22 10:15:00. */
  dateTime: 2,
  /** A fraction shown as 81.39 % (the separators of the reader's Excel). */
  percent: 3,
  /** A whole number shown in full, never as 3,13E+08. */
  integer: 4,
  /** Text that stays text when edited (phone numbers). */
  text: 5,
} as const;

/** Excel's serial for 1970-01-01 00:00 (its day 0 is 1899-12-30). */
const EPOCH_SERIAL = 25569;

/** The serial of wall-clock seconds since 1970-01-01 00:00 (dates.ts wallSeconds). */
export const serialOfWallSeconds = (seconds: number): number => seconds / 86400 + EPOCH_SERIAL;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

const INVALID_XML =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data: escaped, with what XML cannot hold dropped. */
function xmlText(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Column letters A…Z (an export has fewer than 27 columns). */
const COLUMN = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));

/** A number cell at `ref` (e.g. "C2"). */
export const numberCell = (ref: string, value: number, style = 0): string =>
  `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${value}</v></c>`;

/** The inner part of an inline string cell: escape once, reuse for every row (sender names). */
export const inlineText = (text: string): string => {
  const t = xmlText(text);
  return /^\s|\s$/.test(t) ? `<is><t xml:space="preserve">${t}</t></is>` : `<is><t>${t}</t></is>`;
};

/** An inline string cell at `ref`, from inlineText(). Never a formula, whatever it starts with. */
export const textCell = (ref: string, inline: string, style = 0): string =>
  `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ""}>${inline}</c>`;

export type XlsxColumn = { header: string; width: number };

export type XlsxSheet = {
  /** At most 31 characters, none of []:*?/\ (Excel's rule). */
  name: string;
  columns: readonly XlsxColumn[];
  /**
   * The next batch of rows as `<row>` XML, numbered from `firstRow` (the header is row 1), or null
   * when there are no more. Called only when the reader wants more.
   */
  nextRows: (firstRow: number) => readonly string[] | null | Promise<readonly string[] | null>;
  onCancel?: () => void | Promise<void>;
};

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;

// numFmt 164 is ours; 10 (0.00%), 1 (0) and 49 (@) are built in, shown in the reader's locale.
const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function sheetHead(columns: readonly XlsxColumn[]): string {
  const cols = columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join("");
  const header = columns
    .map((c, i) => textCell(`${COLUMN[i]}1`, inlineText(c.header), STYLE.header))
    .join("");
  return `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`;
}

const filterRange = (columns: number, lastRow: number) =>
  `A1:${COLUMN[columns - 1]}${Math.max(1, lastRow)}`;

function workbook(name: string, range: string): string {
  const quoted = `'${xmlText(name).replace(/'/g, "''")}'`;
  const absolute = range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="${xmlText(name)}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${quoted}!${absolute}</definedName></definedNames></workbook>`;
}

const encoder = new TextEncoder();

/** The workbook as a stream of bytes, a batch of rows deflated per read. */
export function xlsxStream(sheet: XlsxSheet, modified: Date): ReadableStream<Uint8Array> {
  const zip = new ZipWriter(modified, DEFLATE_LEVEL);
  const n = sheet.columns.length;
  let next = 2; // the row after the header
  let stage: "start" | "rows" | "done" = "start";

  async function part(name: string, text: string): Promise<Uint8Array[]> {
    return [...zip.begin(name), ...(await zip.write(encoder.encode(text))), ...(await zip.end())];
  }

  /** The next bytes of the archive; empty while zlib is still filling its window. */
  async function produce(): Promise<Uint8Array[] | null> {
    if (stage === "done") return null;
    if (stage === "start") {
      stage = "rows";
      return [
        ...(await part("[Content_Types].xml", CONTENT_TYPES)),
        ...(await part("_rels/.rels", ROOT_RELS)),
        ...(await part("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)),
        ...(await part("xl/styles.xml", STYLES)),
        ...zip.begin("xl/worksheets/sheet1.xml"),
        ...(await zip.write(encoder.encode(sheetHead(sheet.columns)))),
      ];
    }
    const rows = await sheet.nextRows(next);
    if (rows === null) {
      stage = "done";
      const range = filterRange(n, next - 1);
      const tail = `</sheetData><autoFilter ref="${range}"/></worksheet>`;
      return [
        ...(await zip.write(encoder.encode(tail))),
        ...(await zip.end()),
        ...(await part("xl/workbook.xml", workbook(sheet.name, range))),
        ...zip.finish(),
      ];
    }
    next += rows.length;
    if (next - 1 > XLSX_MAX_ROWS)
      throw new Error(`xlsx: more than ${XLSX_MAX_ROWS} rows, which Excel would cut off`);
    return rows.length ? zip.write(encoder.encode(rows.join(""))) : [];
  }

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          let chunks: Uint8Array[] | null;
          try {
            chunks = await produce();
          } catch (error) {
            zip.abort();
            throw error;
          }
          if (chunks === null) {
            controller.close();
            return;
          }
          if (chunks.length === 0) continue;
          controller.enqueue(
            chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks),
          );
          return;
        }
      },
      async cancel() {
        zip.abort();
        await sheet.onCancel?.();
      },
    },
    { highWaterMark: 0 },
  );
}
