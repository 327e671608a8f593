// The report's filters compiled once per view into lookups by sender index, then applied a row
// at a time: the same matches as the reference (lib/testing/reference-report.ts).
import "server-only";
import { NO_LABEL, type ReportQuery } from "@/lib/reports/contract/report-query";
import { weekdayOfEpochDay } from "@/lib/dates";
import { fold } from "@/lib/reports/contract/search-text";
import { ODD, type Columns, type SenderDictionary } from "./columns";
import type { LabelBook } from "./labels";

export type Filters = Pick<
  ReportQuery,
  "sender" | "status" | "q" | "minMessages" | "weekday" | "hour" | "label"
>;

export const filtersKey = (f: Filters) =>
  JSON.stringify([f.sender, f.status, f.q, f.minMessages ?? 0, f.weekday, f.hour, f.label]);

/** Whether the filters read a row's label (a label filter, or a search that may match one). */
export const needsLabels = (f: Filters) => f.label.length > 0 || f.q.trim() !== "";

/** The filters without the time of week: what the heatmap shows, so every cell stays pickable. */
export const withoutTimeOfWeek = (f: Filters): Filters =>
  f.weekday.length === 0 && f.hour.length === 0 ? f : { ...f, weekday: [], hour: [] };

/** The heatmap cell (weekday × 24 + hour, Monday 0) of wall-clock seconds. */
export const cellOfWallSeconds = (seconds: number) => {
  const day = Math.floor(seconds / 86400);
  return weekdayOfEpochDay(day) * 24 + Math.floor((seconds - day * 86400) / 3600);
};

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
  /** By heatmap cell (cellOfWallSeconds): 1 if the weekday and hour filters admit it (null: none). */
  cellOk: Uint8Array | null;
  /** By label number (labels.ts; 0: none): 1 if the label filter admits it (null: no filter). */
  labelOk: Uint8Array | null;
  /** By label number: 1 if the folded label contains q (null: no q). */
  labelQ: Uint8Array | null;
};

export function compile(filters: Filters, dict: SenderDictionary, book: LabelBook): Compiled {
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
  let labelOk: Uint8Array | null = null;
  if (filters.label.length > 0) {
    const wanted = new Set(filters.label);
    labelOk = Uint8Array.from(book.names, (name) =>
      wanted.has(name === null ? NO_LABEL : name) ? 1 : 0,
    );
  }
  const labelQ = q
    ? Uint8Array.from(book.names, (name) => (name !== null && fold(name).includes(q) ? 1 : 0))
    : null;
  return {
    statuses: filters.status.length === 0 ? null : new Set(filters.status),
    senderOk,
    senderQ,
    q,
    qDigits: /^\d+$/.test(q),
    minTotal: filters.minMessages ?? 0,
    cellOk: cellMask(filters),
    labelOk,
    labelQ,
  };
}

function cellMask({ weekday, hour }: Filters): Uint8Array | null {
  if (weekday.length === 0 && hour.length === 0) return null;
  const days = new Set<number>(weekday);
  const hours = new Set<number>(hour);
  const mask = new Uint8Array(168);
  for (let d = 0; d < 7; d++)
    for (let h = 0; h < 24; h++)
      if ((days.size === 0 || days.has(d)) && (hours.size === 0 || hours.has(h)))
        mask[d * 24 + h] = 1;
  return mask;
}

/** matchLevel's bits: the row passes every filter but sender and label (CORE), and each of those. */
const CORE = 1;
export const SENDER_OK = 2;
export const LABEL_OK = 4;
export const ALL = CORE | SENDER_OK | LABEL_OK;

/**
 * Which filters row i passes: 0 when it fails one of status, size, time or search; else CORE with
 * SENDER_OK and LABEL_OK when it passes those too (ALL: selected). `labels`: the rows' label
 * numbers (labels.ts), or null when none is labelled or the filters do not read labels.
 */
export function matchLevel(
  c: Compiled,
  cols: Columns,
  i: number,
  labels: Uint32Array | null,
): number {
  if (c.statuses && !c.statuses.has(cols.status[i] as number)) return 0;
  if ((cols.total[i] as number) < c.minTotal) return 0;
  if (c.cellOk) {
    // An unreadable submitAt (ODD; the schema rules it out) has no weekday or hour to match.
    const submit = cols.submit[i] as number;
    if (submit === ODD || !c.cellOk[cellOfWallSeconds(submit)]) return 0;
  }
  const s = cols.sender[i] as number;
  const l = labels ? (labels[i] as number) : 0;
  if (
    c.senderQ &&
    !c.senderQ[s] &&
    !(c.qDigits && String(cols.id[i]).includes(c.q)) &&
    !c.labelQ?.[l]
  )
    return 0;
  return (
    CORE |
    (c.senderOk && !c.senderOk[s] ? 0 : SENDER_OK) |
    (c.labelOk && !c.labelOk[l] ? 0 : LABEL_OK)
  );
}
