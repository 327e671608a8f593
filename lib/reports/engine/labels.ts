// Campaign labels as the engine uses them: a snapshot's labels numbered once (0: no label), and a
// block of columns' label numbers, one per row, so filters and per-label totals run over a typed
// array like the sender's. Both are derived from the snapshot and cached with it.
import "server-only";
import type { Columns } from "./columns";

/** Every labelled order id of the account and its label, at a revision (label-cache.ts). */
export type Labels = { revision: number; byOrder: ReadonlyMap<number, string> };

export const NO_LABELS: Labels = { revision: 0, byOrder: new Map() };

/** A snapshot's labels by number (names[0] is null: no label), and each labelled order's number. */
export type LabelBook = {
  names: (string | null)[];
  numberOf: ReadonlyMap<number, number>;
};

const books = new WeakMap<ReadonlyMap<number, string>, LabelBook>();

/** The snapshot's book, built once per snapshot (the cache hands out the same map while it holds). */
export function labelBook(labels: Labels): LabelBook {
  const hit = books.get(labels.byOrder);
  if (hit) return hit;
  const names: (string | null)[] = [null];
  const numbers = new Map<string, number>();
  const numberOf = new Map<number, number>();
  for (const [id, label] of labels.byOrder) {
    let k = numbers.get(label);
    if (k === undefined) {
      k = names.length;
      names.push(label);
      numbers.set(label, k);
    }
    numberOf.set(id, k);
  }
  const book = { names, numberOf };
  books.set(labels.byOrder, book);
  return book;
}

/** The label number of each row of `cols` (0: none). */
export function labelColumn(cols: Columns, book: LabelBook): Uint32Array {
  const out = new Uint32Array(cols.n);
  if (book.numberOf.size === 0) return out;
  for (let i = 0; i < cols.n; i++) out[i] = book.numberOf.get(cols.id[i] as number) ?? 0;
  return out;
}
