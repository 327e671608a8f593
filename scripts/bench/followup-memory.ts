// What a follow-up list's de-duplication holds: `--numbers` distinct phone numbers seen `--orders`
// times each (as a list over that many orders would see them), in the NumberTable, against the
// same in a Map of strings to objects. Heap growth after a forced GC, per number; then the CSV of
// the table (masked) and its size. Run: npx tsx --conditions=react-server --expose-gc
// scripts/bench/followup-memory.ts --numbers 250000 --orders 4
import { parseArgs } from "node:util";
import { collect, followupStream } from "@/lib/reports/engine/followup-file";
import { NumberTable } from "@/lib/reports/engine/followup-table";
import { maskNumber } from "@/lib/reports/engine/recipients";

const { values } = parseArgs({
  options: {
    numbers: { type: "string", default: "250000" },
    orders: { type: "string", default: "4" },
  },
});
const numbers = Number(values.numbers);
const orders = Number(values.orders);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
};
const numberOf = (k: number) => `+90532${String((k * 7919) % 10_000_000).padStart(7, "0")}`;

function fill(add: (n: string, status: number, rank: number) => void) {
  for (let rank = 0; rank < orders; rank++)
    for (let k = 0; k < numbers; k++) add(numberOf(k), 110 + ((k + rank) % 3), rank);
}

let before = heap();
const table = new NumberTable();
let t = performance.now();
fill((n, s, r) => table.add(n, s, r));
const tableMs = performance.now() - t;
const tableBytes = heap() - before;

before = heap();
const map = new Map<string, { status: number; rank: number; orders: number }>();
fill((n, status, rank) => {
  const e = map.get(n);
  if (!e) map.set(n, { status, rank, orders: 1 });
  else {
    e.orders++;
    e.rank = rank;
    e.status = status;
  }
});
const mapBytes = heap() - before;

t = performance.now();
const csv = await collect(
  followupStream({
    table,
    orderIds: Array.from({ length: orders }, (_, i) => 312_000_000 + i),
    file: { format: "csv", lang: "tr" },
    sep: ";",
    show: maskNumber,
    modified: new Date(),
  }),
);
const csvMs = performance.now() - t;
t = performance.now();
const xlsx = await collect(
  followupStream({
    table,
    orderIds: Array.from({ length: orders }, (_, i) => 312_000_000 + i),
    file: { format: "xlsx", lang: "tr" },
    sep: ";",
    show: maskNumber,
    modified: new Date(),
  }),
);
const xlsxMs = performance.now() - t;
const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
console.log(
  JSON.stringify({
    numbers: table.size,
    added: table.added,
    table: {
      heap: mb(tableBytes),
      perNumber: Math.round(tableBytes / table.size),
      arrays: mb(table.bytes),
      addMs: Math.round(tableMs),
    },
    mapOfObjects: { heap: mb(mapBytes), perNumber: Math.round(mapBytes / map.size) },
    csv: { bytes: mb(csv.byteLength), ms: Math.round(csvMs) },
    xlsx: { bytes: mb(xlsx.byteLength), ms: Math.round(xlsxMs) },
  }),
);
