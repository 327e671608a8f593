// Structural sharing across report queries. React-query shares unchanged parts between two answers
// of the same query key only; a sort, a page or a filter is another key, so its answer arrived as
// all-new objects and every chart, KPI card and table re-rendered although only the rows changed.
// Here each answer shown reuses the previous one's objects wherever they are deeply equal (the
// series, senders and statuses of a sort or a page), so memoised components skip them.
import { replaceEqualDeep } from "@tanstack/react-query";
import type { ReportResponse } from "@/lib/reports/contract/types";

let latest: ReportResponse | undefined;
const shared = new WeakMap<ReportResponse, ReportResponse>();

/** `data` with every part deeply equal to the last shared answer's replaced by that part. */
export function shareReport(data: ReportResponse): ReportResponse {
  // The server renders many users' pages in one process: nothing is kept there.
  if (typeof window === "undefined") return data;
  const known = shared.get(data);
  if (known) return known;
  const out = latest ? (replaceEqualDeep(latest, data) as ReportResponse) : data;
  shared.set(data, out);
  latest = out;
  return out;
}
