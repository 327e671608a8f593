// Per-recipient detail of one order through get-report: single pages straight through, or every
// page walked (and briefly cached) when a status filter or an export needs the whole list.
import "server-only";
import { LRUCache } from "lru-cache";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import type { UpstreamReport } from "@/lib/iletimerkezi/types";
import { isFinalOrder } from "@/lib/reports/contract/statuses";
import type { Order, Recipient } from "@/lib/reports/contract/types";

export const ROW_COUNT_MAX = 1000;
const FINAL_TTL_MS = 3_600_000;
const FRESH_TTL_MS = 60_000;
const MAX_CACHED_ORDERS = 20;

type OrderWithPrice = Order & { price: number | null };
export type FullOrder = { order: OrderWithPrice; recipients: Recipient[] };

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

export class RecipientSource {
  private readonly cache = new LRUCache<number, FullOrder>({
    max: MAX_CACHED_ORDERS,
    ttl: FRESH_TTL_MS,
  });
  private readonly pending = new Map<number, Promise<FullOrder>>();

  constructor(private readonly client: IletimerkeziClient) {}

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

  private async walk(id: number): Promise<FullOrder> {
    const first = await this.client.getReport({ id, page: 1, rowCount: ROW_COUNT_MAX });
    const order = toOrder(first);
    const recipients = toRecipients(first);
    // The counters say how many pages there are; fetch the rest at once (within the limiter),
    // then keep going while pages come back full, in case the counters undercount.
    const known = Math.ceil(order.total / ROW_COUNT_MAX);
    let next = 2;
    if (first.messages.length === ROW_COUNT_MAX && known >= 2) {
      const pages = await Promise.all(
        Array.from({ length: known - 1 }, (_, i) =>
          this.client.getReport({ id, page: i + 2, rowCount: ROW_COUNT_MAX }),
        ),
      );
      for (const p of pages) recipients.push(...toRecipients(p));
      next = known + 1;
    }
    let last = recipients.length;
    while (last > 0 && recipients.length % ROW_COUNT_MAX === 0 && next <= known + 50) {
      const more = await this.client.getReport({ id, page: next++, rowCount: ROW_COUNT_MAX });
      last = more.messages.length;
      recipients.push(...toRecipients(more));
    }
    const value = { order, recipients };
    const final = isFinalOrder(order.status, order.waiting);
    this.cache.set(id, value, { ttl: final ? FINAL_TTL_MS : FRESH_TTL_MS });
    return value;
  }
}
