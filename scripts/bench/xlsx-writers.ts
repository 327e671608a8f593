// The XLSX writer comparison behind lib/reports/engine/xlsx.ts: the same 300,000-order workbook
// (typed cells, status words, frozen header, autofilter) written by our streaming writer and by
// exceljs' streaming WorkbookWriter, with the CSV for scale, each in a fresh process, the bytes read
// as they come and thrown away. Reports time and peak RSS (VmHWM) beside the RSS before writing.
//   npx tsx --conditions=react-server scripts/bench/xlsx-writers.ts [--rows 300000] [--runs 3]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import type { UpstreamOrder } from "@/lib/iletimerkezi/types";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import { columnsOf, orderAt, SenderDictionary } from "@/lib/reports/engine/columns";
import { exportOrders } from "@/lib/reports/engine/export-file";
import { exportWords } from "@/lib/reports/engine/export-words";
import { buildView, type View } from "@/lib/reports/engine/view";

const WRITERS = ["ours", "exceljs", "csv"] as const;
type Writer = (typeof WRITERS)[number];
type Result = {
  writer: Writer;
  rows: number;
  ms: number;
  bytes: number;
  rssBeforeMb: number;
  peakRssMb: number;
};

const SENDERS = ["OTP-SMS", "eMarka Test", "BILGI", "ACME SHOP", "KAMPANYA", "Çiçekçi Şule"];

function yearOfOrders(n: number): View {
  const start = Date.UTC(2025, 10, 27) / 1000;
  const pad = (v: number) => String(v).padStart(2, "0");
  const stamp = (s: number) => {
    const d = new Date(s * 1000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  };
  const order = (k: number): UpstreamOrder => {
    const total = 1 + ((k * 7919) % 500);
    const delivered = Math.floor(total * 0.9);
    const undelivered = k % 3 === 0 ? 0 : total - delivered;
    const submit = start + Math.floor((k * 365 * 86400) / n);
    return {
      id: 312_000_000 + k,
      status: [113, 114, 115][k % 3] as number,
      total,
      delivered,
      undelivered,
      waiting: total - delivered - undelivered,
      submitAt: stamp(submit),
      sendAt: stamp(submit + 60),
      sender: SENDERS[k % SENDERS.length] as string,
    };
  };
  // In blocks of 10,000, as the store keeps days: the orders as objects never all at once.
  const dict = new SenderDictionary();
  const blocks = [];
  for (let at = 0; at < n; at += 10_000)
    blocks.push(
      columnsOf(
        Array.from({ length: Math.min(10_000, n - at) }, (_, k) => order(at + k)),
        dict,
      ),
    );
  return buildView({ start: "2025-11-27", end: "2026-11-26" }, ["2025-11-27"], blocks, dict);
}

const rssMb = (field: "VmRSS" | "VmHWM") =>
  Number(
    new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync("/proc/self/status", "utf8"))?.[1],
  ) / 1024;

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.length;
  return bytes;
}

/** exceljs, set up to write what ours writes: typed cells, styles, frozen header, autofilter. */
async function exceljs(view: View, rows: number[]): Promise<number> {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done();
    },
  });
  const words = exportWords("tr");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = wb.addWorksheet(words.ordersSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  const widths = [13, 18, 20, 20, 16, 10, 10, 12, 10, 12];
  sheet.columns = words.ordersHeader.map((header, i) => ({ header, width: widths[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = "A1:J1";
  const asUtc = (t: string) => new Date(`${t.replace(" ", "T")}Z`);
  for (const i of rows) {
    const o = orderAt(view.cols, i, view.dict);
    const rate = deliveryRate(o.delivered, o.undelivered);
    const row = sheet.addRow([
      o.id,
      words.orderStatus(o.status),
      asUtc(o.submitAt),
      asUtc(o.sendAt),
      o.sender,
      o.total,
      o.delivered,
      o.undelivered,
      o.waiting,
      rate,
    ]);
    row.getCell(1).numFmt = "0";
    row.getCell(3).numFmt = "yyyy-mm-dd hh:mm:ss";
    row.getCell(4).numFmt = "yyyy-mm-dd hh:mm:ss";
    row.getCell(10).numFmt = "0.00%";
    row.commit();
  }
  sheet.commit();
  await wb.commit();
  return bytes;
}

async function child(writer: Writer, n: number): Promise<Result> {
  const view = yearOfOrders(n);
  const rows = Array.from({ length: n }, (_, i) => i);
  global.gc?.();
  // Peak RSS from here on: writing 5 to clear_refs resets VmHWM to the current RSS (Linux).
  writeFileSync("/proc/self/clear_refs", "5");
  const before = rssMb("VmRSS");
  const started = performance.now();
  const file = { format: writer === "csv" ? "csv" : "xlsx", lang: "tr" } as const;
  const bytes =
    writer === "exceljs"
      ? await exceljs(view, rows)
      : await drain(exportOrders(view, rows, ";", file, new Date()));
  const ms = performance.now() - started;
  return {
    writer,
    rows: n,
    ms: Math.round(ms),
    bytes,
    rssBeforeMb: Math.round(before),
    peakRssMb: Math.round(rssMb("VmHWM")),
  };
}

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "300000" },
    runs: { type: "string", default: "3" },
    child: { type: "string" },
  },
});
const n = Number(values.rows);
if (values.child) {
  console.log(JSON.stringify(await child(values.child as Writer, n)));
} else {
  const results: Result[] = [];
  for (let run = 1; run <= Number(values.runs); run++)
    for (const writer of WRITERS) {
      const out = execFileSync(
        process.execPath,
        [
          ...process.execArgv,
          "--expose-gc",
          process.argv[1] as string,
          "--child",
          writer,
          "--rows",
          String(n),
        ],
        { encoding: "utf8" },
      );
      const r = JSON.parse(out.trim().split("\n").at(-1) as string) as Result;
      results.push(r);
      console.log(
        `run ${run} ${writer.padEnd(7)} ${r.rows} rows: ${(r.ms / 1000).toFixed(2)} s, ${(r.bytes / 2 ** 20).toFixed(1)} MB, RSS ${r.rssBeforeMb} MB before, peak ${r.peakRssMb} MB`,
      );
    }
  const median = (xs: number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  for (const writer of WRITERS) {
    const mine = results.filter((r) => r.writer === writer);
    console.log(
      `${writer.padEnd(7)} median: ${(median(mine.map((r) => r.ms)) / 1000).toFixed(2)} s, peak RSS ${median(mine.map((r) => r.peakRssMb))} MB (before ${median(mine.map((r) => r.rssBeforeMb))} MB), ${(median(mine.map((r) => r.bytes)) / 2 ** 20).toFixed(1)} MB`,
    );
  }
}
