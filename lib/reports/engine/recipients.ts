// Per-recipient detail of one order through get-report: single pages straight through, every page
// walked (and briefly cached) when a status filter needs the whole list, or every page streamed as
// it arrives for an export.
import "server-only";
import { LRUCache } from "lru-cache";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import type { CallOwner } from "@/lib/iletimerkezi/scheduler";
import type { UpstreamReport } from "@/lib/iletimerkezi/types";
import { isFinalOrder } from "@/lib/reports/contract/statuses";
import type { BareOrder, Recipient } from "@/lib/reports/contract/types";

export const ROW_COUNT_MAX = 1000;
const FINAL_TTL_MS = 3_600_000;
const FRESH_TTL_MS = 60_000;
/** Whole orders kept for status filters and exports, by their estimated heap size. */
const RECIPIENTS_CACHE_BYTES = 32 * 2 ** 20;
/**
 * Heap bytes of one cached recipient: an object of two fields (~40 B), its slot in the array (8 B)
 * and its number string (a ~24 B header and the characters). Measured on Node 20: 83 B for a
 * 13-character number (the heap growth of 1,000,000 parsed recipients); 64 + 2 per character (91 B
 * there) errs high and covers numbers held as two-byte strings.
 */
const recipientBytes = (r: Recipient) => 64 + 2 * r.number.length;
/** The order's own fields and the entry around the list. */
const ORDER_BYTES = 512;
/**
 * An export streams an order's pages without keeping them, except an order this small: it is
 * collected on the way and cached as a status filter's walk would cache it (the page that offered
 * the download often asks for it next). At ~90 B a recipient that is ~1.8 MB, 1/18 of the
 * cache's budget, so a few exports never push out what the pages use; a larger order streams
 * through in pages and is never held whole.
 */
export const STREAM_CACHE_MAX_RECIPIENTS = 20_000;
/** Pages an export asks for ahead of the one being written (within the counters' promise). */
const PAGES_AHEAD = 2;
/** Pages past the counters' promise that are still asked for while pages come back full. */
const PAGES_PAST_COUNTERS = 50;

type OrderWithPrice = BareOrder & { price: number | null };
export type FullOrder = { order: OrderWithPrice; recipients: Recipient[] };
/** An order's recipients page by page: the first page is in hand, the rest come as they are read. */
type RecipientPages = {
  order: OrderWithPrice;
  pages: AsyncGenerator<Recipient[], void, undefined>;
};

const toOrder = ({ order }: UpstreamReport): OrderWithPrice => ({
  id: order.id,
  status: order.status,
  total: order.total,
  delivered: order.delivered,
  undelivered: order.undelivered,
  waiting: order.waiting,
  submitAt: order.submitAt,
  sendAt: order.sendAt,
  sender: order.sender,
  price: order.price,
});

const toRecipients = (r: UpstreamReport): Recipient[] =>
  r.messages.map((m) => ({ number: m.number, status: m.status }));

/** Masks the middle of a phone number: +905321234567 → +90532*****67. */
export function maskNumber(number: string): string {
  const keepStart = number.startsWith("+") ? 6 : number.length > 10 ? 5 : 3;
  if (number.length <= keepStart + 2) return "*".repeat(number.length);
  return number.slice(0, keepStart) + "*".repeat(number.length - keepStart - 2) + number.slice(-2);
}

async function* chunksOf(list: readonly Recipient[]): AsyncGenerator<Recipient[], void, undefined> {
  for (let at = 0; at < list.length; at += ROW_COUNT_MAX) yield list.slice(at, at + ROW_COUNT_MAX);
}

export class RecipientSource {
  private readonly cache: LRUCache<number, FullOrder>;
  private readonly pending = new Map<number, Promise<FullOrder>>();

  constructor(
    private readonly client: IletimerkeziClient,
    cacheBytes = RECIPIENTS_CACHE_BYTES,
  ) {
    this.cache = new LRUCache({
      maxSize: cacheBytes,
      sizeCalculation: (value) =>
        value.recipients.reduce((sum, r) => sum + recipientBytes(r), ORDER_BYTES),
      ttl: FRESH_TTL_MS,
    });
  }

  /** One page of recipients, as the upstream pages them. */
  async page(id: number, page: number, pageSize: number): Promise<FullOrder> {
    const cached = this.cache.get(id);
    if (cached) {
      const start = (page - 1) * pageSize;
      return { order: cached.order, recipients: cached.recipients.slice(start, start + pageSize) };
    }
    const report = await this.client.getReport({ id, page, rowCount: pageSize });
    return { order: toOrder(report), recipients: toRecipients(report) };
  }

  /** Every recipient of the order (all get-report pages), shared by concurrent callers. */
  all(id: number): Promise<FullOrder> {
    const cached = this.cache.get(id);
    if (cached) return Promise.resolve(cached);
    let task = this.pending.get(id);
    if (!task) {
      task = this.walk(id).finally(() => this.pending.delete(id));
      this.pending.set(id, task);
    }
    return task;
  }

  /**
   * Every recipient of the order, a page at a time as get-report answers: resolves once the first
   * page is in (so an order that does not exist, or an upstream that fails at once, is the
   * caller's error before anything is sent), and asks for a further page only as the pages are
   * read (at most PAGES_AHEAD ahead). A cached order is read from the cache. `owner`: whose turn
   * the calls take in the account's scheduler (a follow-up list's user); none: the system's.
   */
  async stream(id: number, owner?: CallOwner): Promise<RecipientPages> {
    const cached = this.cache.get(id);
    if (cached) return { order: cached.order, pages: chunksOf(cached.recipients) };
    const first = await this.client.getReport({ id, page: 1, rowCount: ROW_COUNT_MAX }, { owner });
    const order = toOrder(first);
    return { order, pages: this.streamed(id, order, first, owner) };
  }

  private async *streamed(
    id: number,
    order: OrderWithPrice,
    first: UpstreamReport,
    owner?: CallOwner,
  ): AsyncGenerator<Recipient[], void, undefined> {
    let kept: Recipient[] | null = order.total <= STREAM_CACHE_MAX_RECIPIENTS ? [] : null;
    for await (const report of this.reports(id, first, PAGES_AHEAD, owner)) {
      const page = toRecipients(report);
      // More than the counters claimed: too big to keep after all.
      if (kept && kept.length + page.length > STREAM_CACHE_MAX_RECIPIENTS) kept = null;
      kept?.push(...page);
      yield page;
    }
    if (kept) this.remember(id, { order, recipients: kept });
  }

  private async walk(id: number): Promise<FullOrder> {
    const first = await this.client.getReport({ id, page: 1, rowCount: ROW_COUNT_MAX });
    const value: FullOrder = { order: toOrder(first), recipients: [] };
    // Every page the counters promise at once (within the limiter): the answer needs them all.
    for await (const report of this.reports(id, first, Number.POSITIVE_INFINITY))
      value.recipients.push(...toRecipients(report));
    this.remember(id, value);
    return value;
  }

  private remember(id: number, value: FullOrder): void {
    const final = isFinalOrder(value.order.status, value.order.waiting);
    // An order over the whole budget is not stored (lru-cache refuses an entry above maxSize).
    this.cache.set(id, value, { ttl: final ? FINAL_TTL_MS : FRESH_TTL_MS });
  }

  /**
   * The order's get-report pages in order, from the first (already fetched). The counters say how
   * many pages there are: those are asked for up to `ahead` beyond the one being read; then pages
   * are asked for one at a time while they come back full, in case the counters undercount (up
   * to PAGES_PAST_COUNTERS past their promise).
   */
  private async *reports(
    id: number,
    first: UpstreamReport,
    ahead: number,
    owner?: CallOwner,
  ): AsyncGenerator<UpstreamReport, void, undefined> {
    const ask = (page: number) =>
      this.client.getReport({ id, page, rowCount: ROW_COUNT_MAX }, { owner });
    const known = Math.ceil(first.order.total / ROW_COUNT_MAX);
    let count = first.messages.length;
    let next = 2;
    yield first;
    if (first.messages.length === ROW_COUNT_MAX && known >= 2) {
      const inFlight: Promise<UpstreamReport>[] = [];
      let asked = 2;
      for (; next <= known; next++) {
        while (asked <= known && inFlight.length <= ahead) {
          const task = ask(asked++);
          // Heard here too: a page asked for ahead fails unread when its reader stops first.
          task.catch(() => {});
          inFlight.push(task);
        }
        const report = await (inFlight.shift() as Promise<UpstreamReport>);
        count += report.messages.length;
        yield report;
      }
    }
    let last = count;
    while (last > 0 && count % ROW_COUNT_MAX === 0 && next <= known + PAGES_PAST_COUNTERS) {
      const more = await ask(next++);
      last = more.messages.length;
      count += last;
      yield more;
    }
  }
}
