// How get-reports cuts a range's orders into pages, including the misbehaviours a client must
// survive: an oversized first page, a row repeated across pages, and pages that never run out.
import type { SimulatorOptions } from "./types";

type PagingOptions = Pick<
  SimulatorOptions,
  "pageSize" | "oversizedPage" | "duplicateAcrossPages" | "endlessPaging"
>;

function bounds(page: number, o: PagingOptions): [number, number] {
  if (o.oversizedPage > 0) {
    if (page === 1) return [0, o.oversizedPage];
    const from = o.oversizedPage + (page - 2) * o.pageSize;
    return [from, from + o.pageSize];
  }
  const from = (page - 1) * o.pageSize;
  return [from, from + o.pageSize];
}

/** Number of non-empty pages. */
function pageCount(length: number, o: PagingOptions): number {
  if (length === 0) return 0;
  if (o.oversizedPage > 0) {
    return length <= o.oversizedPage ? 1 : 1 + Math.ceil((length - o.oversizedPage) / o.pageSize);
  }
  return Math.ceil(length / o.pageSize);
}

export function pageOf<T>(list: readonly T[], page: number, o: PagingOptions): T[] {
  const last = pageCount(list.length, o);
  const effective = o.endlessPaging && page > last && last > 0 ? last : page;
  const [from, to] = bounds(effective, o);
  const items = list.slice(from, to);
  // The real list shifts when a new order lands mid-walk: the previous page's last row shows again.
  if (o.duplicateAcrossPages && effective > 1 && items.length > 0 && from > 0) {
    items.unshift(list[from - 1] as T);
  }
  return items;
}
