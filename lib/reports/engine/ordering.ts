// Sorting a view: one ascending row order per field, built on first use and kept on the view;
// descending is read backwards with the reference's ties. Pages are cut from it without sorting.
import "server-only";
import { parseSort, type Sort, type SortField } from "@/lib/reports/contract/report-query";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import { sendAtOf, submitAtOf } from "./columns";
import type { Ordering, View } from "./view";

function ordering(view: View, field: SortField): Ordering {
  const cached = view.orderings.get(field);
  if (cached) return cached;
  const { cols } = view;
  const { id, n } = cols;
  let primary: (a: number, b: number) => number;
  let nullStart = n;
  if (field === "deliveryRate") {
    const rate = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      rate[i] =
        deliveryRate(cols.delivered[i] as number, cols.undelivered[i] as number) ?? Number.NaN;
      if (Number.isNaN(rate[i])) nullStart--;
    }
    primary = (a, b) => {
      const ra = rate[a] as number;
      const rb = rate[b] as number;
      const na = Number.isNaN(ra);
      const nb = Number.isNaN(rb);
      if (na || nb) return na === nb ? (id[a] as number) - (id[b] as number) : na ? 1 : -1;
      return ra - rb || (id[a] as number) - (id[b] as number);
    };
  } else {
    // Some timestamp has no wall-clock seconds: compare the strings themselves, as the reference does.
    const key: ArrayLike<number | string> =
      (field === "submitAt" || field === "sendAt") && cols.odd
        ? Array.from({ length: n }, (_, i) =>
            field === "submitAt" ? submitAtOf(cols, i) : sendAtOf(cols, i),
          )
        : sortKey(view, field);
    primary = (a, b) => {
      const x = key[a] as number | string;
      const y = key[b] as number | string;
      return x < y ? -1 : x > y ? 1 : (id[a] as number) - (id[b] as number);
    };
  }
  const idx: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => primary(a, b) || a - b);
  let ties: Set<number> | null = null;
  for (let k = 1; k < n; k++)
    if (primary(idx[k - 1] as number, idx[k] as number) === 0) (ties ??= new Set()).add(k);
  const result = { perm: Uint32Array.from(idx), ties, nullStart };
  view.orderings.set(field, result);
  return result;
}

/** Calls visit(row) in the sort's order until it returns false. */
function eachInOrder(view: View, sort: Sort, visit: (row: number) => boolean): void {
  const { desc, field } = parseSort(sort);
  const { perm, ties, nullStart } = ordering(view, field);
  if (!desc) {
    for (let k = 0; k < perm.length; k++) if (!visit(perm[k] as number)) return;
    return;
  }
  for (const [lo, hi] of [
    [0, nullStart],
    [nullStart, perm.length],
  ] as const) {
    for (let k = hi - 1; k >= lo;) {
      let s = k;
      while (s > lo && ties?.has(s)) s--;
      for (let j = s; j <= k; j++) if (!visit(perm[j] as number)) return;
      k = s - 1;
    }
  }
}

/** The numbers a field sorts by: the column itself, or the sender's collation rank. */
function sortKey(view: View, field: Exclude<SortField, "deliveryRate">): ArrayLike<number> {
  const { cols } = view;
  if (field === "sender") {
    const ranks = view.dict.trRanks();
    return Uint32Array.from(cols.sender, (s) => ranks[s] as number);
  }
  if (field === "submitAt") return cols.submit;
  if (field === "sendAt") return cols.send;
  return cols[field];
}

/** Rows that pass the filters, in sort order, from `offset` on (at most `limit`). */
export function sortedRows(
  view: View,
  sort: Sort,
  selected: Uint8Array,
  count: number,
  offset: number,
  limit: number,
): number[] {
  const out: number[] = [];
  if (offset >= count || limit <= 0) return out;
  const all = count === view.cols.n;
  const { desc, field } = parseSort(sort);
  const { perm, ties, nullStart } = ordering(view, field);
  if (all && !desc) return Array.from(perm.subarray(offset, Math.min(count, offset + limit)));
  if (all && !ties) {
    // Descending without ties: position k is perm[nullStart − 1 − k], then the rows without a rate.
    const n = perm.length;
    for (let k = offset; k < Math.min(n, offset + limit); k++)
      out.push(perm[k < nullStart ? nullStart - 1 - k : n - 1 - (k - nullStart)] as number);
    return out;
  }
  let skip = offset;
  eachInOrder(view, sort, (i) => {
    if (!all && !selected[i]) return true;
    if (skip > 0) skip--;
    else out.push(i);
    return out.length < limit;
  });
  return out;
}
