// A report link that asks for more than can be shown is adjusted before it is parsed, rather than
// refused: an end after today becomes today, and a range longer than the limit keeps its last
// days (its end: the most recent days are what a report is opened for, and a long link usually
// ends today). Each change is reported so the page can say what it did. The API never adjusts:
// it answers 400 for the same input.
import { addDays, isCalendarDate, rangeDays, type DateRange } from "@/lib/dates";
import type { RangeContext } from "./report-query";

export type LinkAdjustment =
  | { kind: "endAfterToday"; requested: string; shown: string }
  | { kind: "tooLong"; requestedDays: number; shown: DateRange }
  | { kind: "pastLastPage"; requested: number; shown: number };

/** The link's start/end as they can be shown, and what was changed (never throws). */
export function adjustLinkRange(
  input: URLSearchParams,
  { today, maxRangeDays }: RangeContext,
): { params: URLSearchParams; adjustments: LinkAdjustment[] } {
  const params = new URLSearchParams(input);
  const adjustments: LinkAdjustment[] = [];
  const starts = params.getAll("start");
  const ends = params.getAll("end");
  // A repeated or malformed date is the parser's to report.
  if (starts.length > 1 || ends.length !== 1) return { params, adjustments };
  let end = ends[0] as string;
  if (!isCalendarDate(end)) return { params, adjustments };
  if (end > today) {
    adjustments.push({ kind: "endAfterToday", requested: end, shown: today });
    end = today;
    params.set("end", end);
  }
  const start = starts[0];
  if (start === undefined || !isCalendarDate(start) || start > end) return { params, adjustments };
  const days = rangeDays({ start, end });
  if (days > maxRangeDays) {
    const shown = { start: addDays(end, -(maxRangeDays - 1)), end };
    adjustments.push({ kind: "tooLong", requestedDays: days, shown });
    params.set("start", shown.start);
  }
  return { params, adjustments };
}

/** The last page of `total` rows (1 when there are none). */
export function lastPage(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The adjustment for a page past the last one, or null when the page exists. */
export function pageAdjustment(
  page: number,
  total: number,
  pageSize: number,
): Extract<LinkAdjustment, { kind: "pastLastPage" }> | null {
  const last = lastPage(total, pageSize);
  return page > last ? { kind: "pastLastPage", requested: page, shown: last } : null;
}
