import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvStream, toCsv } from "./csv";

/** RFC 4180 as a spreadsheet reads it: quoted fields may hold the separator, quotes, newlines. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === sep) (row.push(cell), (cell = ""));
    else if (ch === "\r" && text[i + 1] === "\n")
      (row.push(cell), rows.push(row), (row = []), (cell = ""), i++);
    else cell += ch;
  }
  if (cell || row.length) (row.push(cell), rows.push(row));
  return rows;
}

const HOSTILE = [
  "plain",
  "a;b",
  "a,b",
  'say "hi"',
  "two\nlines",
  "cr\rinside",
  '=HYPERLINK("http://evil")',
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1)",
  "\t=1",
  'x,=HYPERLINK("http://evil")',
  "x;=1+1",
  'Kampanya; İndirim "%50", bugün',
  "",
  "+905321234567",
  "Şişli'de İĞÜÇÖ ığüşöç",
  "\uFEFFstarts with a BOM",
  'ends with a quote"',
  " spaced ",
  "a\r\nb",
  "+90532*****67",
];

/** What a spreadsheet should show for a cell: itself, or with the formula guard in front. */
const expected = (cell: string) =>
  /^[=+\-@\t\r]/.test(cell) && !/^\+?\d+$/.test(cell) ? `'${cell}` : cell;

describe("CSV cells", () => {
  it.each([";", ","] as const)(
    "round-trip through a CSV parser with every hostile cell (separator %s)",
    (sep) => {
      const csv = toCsv(
        ["cell", "n"],
        HOSTILE.map((c, i) => [c, i]),
        sep,
      ).slice(1); // BOM
      const rows = parseCsv(csv, sep);
      expect(rows).toHaveLength(HOSTILE.length + 1);
      rows.slice(1).forEach((row, i) => {
        expect(row).toHaveLength(2);
        const original = HOSTILE[i]!;
        // What a spreadsheet gets: the text itself, or with the formula guard in front of it.
        expect([original, `'${original}`]).toContain(row[0]);
        expect(row[1]).toBe(String(i));
      });
    },
  );

  it("quotes a cell holding either separator, whichever one the file uses", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("guards what a spreadsheet would run as a formula, and leaves phone numbers and numbers alone", () => {
    for (const f of ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
      expect(csvCell(f).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("+905321234567")).toBe("+905321234567");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(0.8139)).toBe("0.8139");
    expect(csvCell(null)).toBe("");
  });

  it("leaves no cell a spreadsheet splitting on the other separator would run as a formula", () => {
    for (const sep of [";", ","] as const) {
      const other = sep === ";" ? "," : ";";
      const csv = toCsv(
        ["h"],
        HOSTILE.map((c) => [c]),
        sep,
      ).slice(1);
      const cells = parseCsv(csv, other).flat();
      const formulas = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^\+?\d+$/.test(c));
      expect(formulas).toEqual([]);
    }
  });
});

describe("CSV through a real CSV parser (csv-parse)", () => {
  it.each([";", ","] as const)(
    "gives back every hostile cell, guarded where it would be a formula (separator %s)",
    async (sep) => {
      const rows = HOSTILE.map((c, i) => [c, i, "Gönderici"]);
      const whole = toCsv(["hücre", "n", "ğ"], rows, sep);
      // The same bytes as a stream, a few rows per read.
      let next = 0;
      const stream = csvStream(["hücre", "n", "ğ"], sep, () => {
        if (next >= rows.length) return null;
        const batch = rows.slice(next, (next += 4));
        return batch.map((r) => r.map((v) => csvCell(v)).join(sep));
      });
      const streamed = Buffer.from(await new Response(stream).arrayBuffer());
      expect(streamed.equals(Buffer.from(whole, "utf8"))).toBe(true);
      const parsed = parse(streamed, {
        bom: true,
        delimiter: sep,
        relax_quotes: false,
      }) as string[][];
      expect(parsed[0]).toEqual(["hücre", "n", "ğ"]);
      expect(parsed.slice(1)).toEqual(HOSTILE.map((c, i) => [expected(c), String(i), "Gönderici"]));
    },
  );
});
