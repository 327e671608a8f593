// A day of orders as bytes, for the store: the columns as they are in memory (little-endian), the
// day's own sender names in place of the process-wide dictionary's indices, and the rare odd
// timestamps as text. ~36 bytes an order plus the names; decoding copies into fresh arrays.
import "server-only";
import { NUMBER_FIELDS, type Columns, type SenderDictionary } from "./columns";

const MAGIC = 0x31444d49; // "IMD1": the layout below, version 1
const HEADER_WORDS = 4; // magic, n, wide-field mask, length of the JSON tail in bytes

type Tail = { senders: string[]; odd: [row: number, submitAt: string, sendAt: string][] };

export function encodeDay(cols: Columns, dict: SenderDictionary): Uint8Array {
  const { n } = cols;
  const local = new Map<number, number>();
  const senders: string[] = [];
  const sender = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const global = cols.sender[i] as number;
    let id = local.get(global);
    if (id === undefined) {
      id = senders.length;
      local.set(global, id);
      senders.push(dict.names[global] as string);
    }
    sender[i] = id;
  }
  const tail: Tail = {
    senders,
    odd: cols.odd ? [...cols.odd].map(([i, [a, b]]) => [i, a, b]) : [],
  };
  const json = new TextEncoder().encode(JSON.stringify(tail));
  let wide = 0;
  const parts: ArrayBufferView[] = [];
  NUMBER_FIELDS.forEach((f, k) => {
    if (cols[f] instanceof Float64Array) wide |= 1 << k;
    parts.push(cols[f]);
  });
  parts.push(cols.submit, cols.send, sender, json);
  const size = HEADER_WORDS * 4 + parts.reduce((s, p) => s + p.byteLength, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  [MAGIC, n, wide, json.byteLength].forEach((v, k) => view.setUint32(k * 4, v, true));
  let at = HEADER_WORDS * 4;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += p.byteLength;
  }
  return out;
}

/** The day's columns, its senders interned in `dict`; throws on bytes that are not a day. */
export function decodeDay(stored: Uint8Array, dict: SenderDictionary): Columns {
  // A plain Uint8Array over the same memory: a Buffer's slice() would be a view, not a copy.
  const bytes = new Uint8Array(stored.buffer, stored.byteOffset, stored.byteLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER_WORDS * 4 || view.getUint32(0, true) !== MAGIC)
    throw new Error("stored day: unknown format");
  const n = view.getUint32(4, true);
  const wide = view.getUint32(8, true);
  const jsonBytes = view.getUint32(12, true);
  let at = HEADER_WORDS * 4;
  // Copies (slice) so every array starts aligned and owns its memory.
  const take = <T extends Uint32Array | Float64Array>(
    Type: new (b: ArrayBuffer) => T,
    width: number,
  ): T => {
    const end = at + n * width;
    if (end > bytes.byteLength) throw new Error("stored day: truncated");
    const copy = bytes.slice(at, end);
    at = end;
    return new Type(copy.buffer);
  };
  const cols = { n, odd: null } as Columns;
  NUMBER_FIELDS.forEach((f, k) => {
    cols[f] = wide & (1 << k) ? take(Float64Array, 8) : take(Uint32Array, 4);
  });
  cols.submit = take(Uint32Array, 4);
  cols.send = take(Uint32Array, 4);
  const local = take(Uint32Array, 4);
  if (at + jsonBytes !== bytes.byteLength) throw new Error("stored day: truncated");
  const tail = JSON.parse(new TextDecoder().decode(bytes.subarray(at))) as Tail;
  const ids = tail.senders.map((name) => dict.idOf(name));
  cols.sender = local.map((s) => {
    const id = ids[s];
    if (id === undefined) throw new Error("stored day: sender out of range");
    return id;
  });
  if (tail.odd.length) cols.odd = new Map(tail.odd.map(([i, a, b]) => [i, [a, b]]));
  return cols;
}
