// Orders as columns: one typed array per field instead of an object with three strings. Counters
// and ids take 32 bits while every value of a block fits (64-bit floats otherwise, per block and
// field), timestamps are 32-bit wall-clock seconds (dates.ts), senders an index into a dictionary.
// An order then takes 36 bytes (9 × 4) instead of ~1 kB as an object, and the report's filters,
// aggregates and sorts run over typed arrays.
import "server-only";
import { wallSeconds, wallTimestamp } from "@/lib/dates";
import type { UpstreamOrder } from "@/lib/iletimerkezi/types";
import type { BareOrder } from "@/lib/reports/contract/types";

/** The integer fields of an order, each a column. */
export const NUMBER_FIELDS = [
  "id",
  "status",
  "total",
  "delivered",
  "undelivered",
  "waiting",
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

/** 32-bit while every value fits, else 64-bit floats (the schema allows any safe integer). */
type NumberColumn = Uint32Array | Float64Array;

/** A timestamp with no wall-clock seconds: the row's text is kept in `odd`. */
export const ODD = 0xffffffff;

export type Columns = { [F in NumberField]: NumberColumn } & {
  n: number;
  /** Wall-clock seconds of submitAt and sendAt, or ODD. */
  submit: Uint32Array;
  send: Uint32Array;
  sender: Uint32Array;
  /** Timestamps that have no wall-clock seconds (the schema rules them out; kept exact all the same). */
  odd: Map<number, [submitAt: string, sendAt: string]> | null;
};

const U32_MAX = 0xffffffff;
const fits = (v: number) => v <= U32_MAX; // the schema's integers are ≥ 0

/** Sender names interned once per store; per-name derived values are cached by index. */
export class SenderDictionary {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private collation: { size: number; ranks: Uint32Array } | null = null;

  idOf(name: string): number {
    let id = this.index.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.index.set(name, id);
    }
    return id;
  }

  /** Rank of each name under localeCompare(…, "tr"); names that compare equal share a rank. */
  trRanks(): Uint32Array {
    if (this.collation?.size === this.names.length) return this.collation.ranks;
    const compare = new Intl.Collator("tr").compare;
    const order = this.names
      .map((_, i) => i)
      .sort((a, b) => compare(this.names[a] as string, this.names[b] as string));
    const ranks = new Uint32Array(this.names.length);
    let rank = 0;
    order.forEach((id, k) => {
      const prev = order[k - 1];
      if (prev !== undefined && compare(this.names[prev] as string, this.names[id] as string) !== 0)
        rank++;
      ranks[id] = rank;
    });
    this.collation = { size: this.names.length, ranks };
    return ranks;
  }
}

type Wide = Partial<Record<NumberField, boolean>>;

function allocate(n: number, wide: Wide): Columns {
  const cols = {
    n,
    submit: new Uint32Array(n),
    send: new Uint32Array(n),
    sender: new Uint32Array(n),
    odd: null,
  } as Columns;
  for (const f of NUMBER_FIELDS) cols[f] = wide[f] ? new Float64Array(n) : new Uint32Array(n);
  return cols;
}

const wideOf = (parts: readonly Columns[]): Wide =>
  Object.fromEntries(
    NUMBER_FIELDS.map((f) => [f, parts.some((p) => p[f] instanceof Float64Array)]),
  );

/** Writes order `o` as row `i` of `c`, widening a column whose value does not fit 32 bits. */
function writeRow(c: Columns, i: number, o: UpstreamOrder, dict: SenderDictionary): void {
  for (const f of NUMBER_FIELDS) {
    const v = o[f];
    let col = c[f];
    if (!fits(v) && col instanceof Uint32Array) c[f] = col = Float64Array.from(col);
    col[i] = v;
  }
  const submit = wallSeconds(o.submitAt);
  const send = wallSeconds(o.sendAt);
  c.submit[i] = submit < 0 ? ODD : submit;
  c.send[i] = send < 0 ? ODD : send;
  if (submit < 0 || send < 0) (c.odd ??= new Map()).set(i, [o.submitAt, o.sendAt]);
  else c.odd?.delete(i);
  c.sender[i] = dict.idOf(o.sender);
}

export function columnsOf(orders: readonly UpstreamOrder[], dict: SenderDictionary): Columns {
  const c = allocate(orders.length, {});
  orders.forEach((o, i) => writeRow(c, i, o, dict));
  return c;
}

/** Every column of `c` passed through `map` (same types), with `odd` re-keyed by `index`. */
function mapColumns(
  c: Columns,
  n: number,
  map: <A extends NumberColumn>(col: A) => A,
  oddIndex: (i: number) => number | undefined,
): Columns {
  const out = {
    n,
    submit: map(c.submit),
    send: map(c.send),
    sender: map(c.sender),
    odd: null,
  } as Columns;
  for (const f of NUMBER_FIELDS) out[f] = map(c[f]);
  if (c.odd)
    for (const [i, v] of c.odd) {
      const k = oddIndex(i);
      if (k !== undefined) (out.odd ??= new Map()).set(k, v);
    }
  return out;
}

/** Rows start..end-1 of `c`, sharing its arrays. */
export function sliceColumns(c: Columns, start: number, end: number): Columns {
  return mapColumns(
    c,
    end - start,
    (col) => col.subarray(start, end) as typeof col,
    (i) => (i >= start && i < end ? i - start : undefined),
  );
}

export function concatColumns(parts: readonly Columns[]): Columns {
  let n = 0;
  for (const p of parts) n += p.n;
  const out = allocate(n, wideOf(parts));
  let offset = 0;
  for (const p of parts) {
    for (const f of NUMBER_FIELDS) out[f].set(p[f], offset);
    out.submit.set(p.submit, offset);
    out.send.set(p.send, offset);
    out.sender.set(p.sender, offset);
    if (p.odd) for (const [i, v] of p.odd) (out.odd ??= new Map()).set(offset + i, v);
    offset += p.n;
  }
  return out;
}

/** The rows at `indices`, in that order, in new arrays. */
export function selectRows(c: Columns, indices: readonly number[]): Columns {
  const position = c.odd ? new Map(indices.map((i, k) => [i, k])) : null;
  return mapColumns(
    c,
    indices.length,
    (col) => {
      const out = new (col.constructor as new (n: number) => typeof col)(indices.length);
      indices.forEach((i, k) => (out[k] = col[i] as number));
      return out;
    },
    (i) => position?.get(i),
  );
}

export function submitAtOf(c: Columns, i: number): string {
  const v = c.submit[i] as number;
  return v === ODD ? (c.odd?.get(i)?.[0] ?? "") : wallTimestamp(v);
}

export function sendAtOf(c: Columns, i: number): string {
  const v = c.send[i] as number;
  return v === ODD ? (c.odd?.get(i)?.[1] ?? "") : wallTimestamp(v);
}

/** The order at row i, with the API's field order (its label is the view's: view.ts ordersAt). */
export function orderAt(c: Columns, i: number, dict: SenderDictionary): BareOrder {
  return {
    id: c.id[i] as number,
    status: c.status[i] as number,
    total: c.total[i] as number,
    delivered: c.delivered[i] as number,
    undelivered: c.undelivered[i] as number,
    waiting: c.waiting[i] as number,
    submitAt: submitAtOf(c, i),
    sendAt: sendAtOf(c, i),
    sender: dict.names[c.sender[i] as number] as string,
  };
}

/** Packs a window's pages as they arrive, de-duplicated by id: the last copy wins, the first keeps its place. */
export class ColumnBuilder {
  private cols = allocate(64, {});
  private n = 0;
  private readonly byId = new Map<number, number>();

  constructor(private readonly dict: SenderDictionary) {}

  add(orders: readonly UpstreamOrder[]): void {
    for (const o of orders) {
      let i = this.byId.get(o.id);
      if (i === undefined) {
        i = this.n++;
        this.byId.set(o.id, i);
        if (i === this.cols.n) this.cols = concatColumns([this.cols, allocate(this.cols.n, {})]);
      }
      writeRow(this.cols, i, o, this.dict);
    }
  }

  done(): Columns {
    const n = this.n;
    return mapColumns(
      this.cols,
      n,
      (col) => col.slice(0, n) as typeof col,
      (i) => (i < n ? i : undefined),
    );
  }
}
