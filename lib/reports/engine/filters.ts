// The report's filters compiled once per view into lookups by sender index, then applied a row
// at a time: the same matches as the reference (lib/testing/reference-report.ts).
import "server-only";
import type { ReportQuery } from "@/lib/reports/contract/report-query";
import { fold } from "@/lib/reports/contract/search-text";
import type { Columns, SenderDictionary } from "./columns";

export type Filters = Pick<ReportQuery, "sender" | "status" | "q" | "minMessages">;

export const filtersKey = (f: Filters) =>
  JSON.stringify([f.sender, f.status, f.q, f.minMessages ?? 0]);

export type Compiled = {
  statuses: Set<number> | null;
  /** By sender index: 1 if the sender filter admits it (null: no sender filter). */
  senderOk: Uint8Array | null;
  /** By sender index: 1 if the folded name contains q (null: no q). */
  senderQ: Uint8Array | null;
  q: string;
  /** q can only match an id when it is all digits. */
  qDigits: boolean;
  /** Orders with fewer messages are left out (0: none). */
  minTotal: number;
};

export function compile(filters: Filters, dict: SenderDictionary): Compiled {
  const size = dict.names.length;
  let senderOk: Uint8Array | null = null;
  if (filters.sender.length > 0) {
    const wanted = new Set(filters.sender);
    senderOk = new Uint8Array(size);
    dict.names.forEach((name, i) => {
      if (wanted.has(name)) senderOk![i] = 1;
    });
  }
  const q = fold(filters.q.trim());
  let senderQ: Uint8Array | null = null;
  if (q) {
    senderQ = new Uint8Array(size);
    dict.names.forEach((name, i) => {
      if (fold(name).includes(q)) senderQ![i] = 1;
    });
  }
  return {
    statuses: filters.status.length === 0 ? null : new Set(filters.status),
    senderOk,
    senderQ,
    q,
    qDigits: /^\d+$/.test(q),
    minTotal: filters.minMessages ?? 0,
  };
}

/** 1: passes every filter but sender; 2: passes the sender filter too. */
export function matchLevel(c: Compiled, cols: Columns, i: number): 0 | 1 | 2 {
  if (c.statuses && !c.statuses.has(cols.status[i] as number)) return 0;
  if ((cols.total[i] as number) < c.minTotal) return 0;
  const s = cols.sender[i] as number;
  if (c.senderQ && !c.senderQ[s] && !(c.qDigits && String(cols.id[i]).includes(c.q))) return 0;
  return c.senderOk && !c.senderOk[s] ? 1 : 2;
}
