// The walk behind a follow-up list: which of a selection's orders can hold a recipient with one of
// the chosen statuses, and every get-report page of those, in chronological order, into a
// NumberTable. Orders are opened a few ahead (each opening asks for its first page, the pages after
// it are asked for as they are read), and read one after the other, so the table sees each order's
// recipients together. Every call is the owner's in the account's scheduler (the user who asked):
// one user's list takes that user's turns, not everyone's.
import "server-only";
import type { CallOwner } from "@/lib/iletimerkezi/scheduler";
import { UpstreamError } from "@/lib/iletimerkezi/errors";
import { isFinalOrder } from "@/lib/reports/contract/statuses";
import type { Order } from "@/lib/reports/contract/types";
import type { NumberTable } from "./followup-table";
import type { RecipientSource } from "./recipients";

/** Orders whose first page is asked for ahead of the one being read. */
const ORDERS_AHEAD = 4;

type Counted = Pick<Order, "id" | "status" | "waiting" | "submitAt"> &
  Pick<Order, "delivered" | "undelivered">;

/** How many of the order's messages have one of the statuses, by its counters. */
function countedMessages(order: Counted, statuses: readonly number[]): number {
  let n = 0;
  for (const s of statuses)
    n +=
      s === 110 ? order.waiting : s === 111 ? order.delivered : s === 112 ? order.undelivered : 0;
  return n;
}

/**
 * The orders worth walking, oldest first (submitAt, then id): all but those whose counters are
 * final and show none of the statuses (a get-report call could only confirm that).
 */
export function ordersToWalk<O extends Counted>(
  orders: readonly O[],
  statuses: readonly number[],
): O[] {
  return orders
    .filter((o) => !isFinalOrder(o.status, o.waiting) || countedMessages(o, statuses) > 0)
    .sort((a, b) => (a.submitAt < b.submitAt ? -1 : a.submitAt > b.submitAt ? 1 : a.id - b.id));
}

/** The selection's messages with the statuses, by the counters (what the cap is checked on). */
export const selectionMessages = (orders: readonly Counted[], statuses: readonly number[]) =>
  orders.reduce((n, o) => n + countedMessages(o, statuses), 0);

type WalkOptions = {
  source: RecipientSource;
  owner: CallOwner;
  /** Oldest first: an order's index is its rank in the table. */
  orders: readonly { id: number }[];
  statuses: readonly number[];
  table: NumberTable;
  /** After each order: how many are done. */
  onOrder: (done: number) => void | Promise<void>;
  /** More recipients than this in all (the counters were far off): the walk fails. */
  maxAdded: number;
};

/** A scheduled order not yet sent (456) has no recipients yet: it is passed over. */
const notDue = (error: unknown) => UpstreamError.is(error) && error.kind === "not_due";

export async function walkFollowup(opts: WalkOptions): Promise<void> {
  const { source, owner, orders, table } = opts;
  const wanted = new Set(opts.statuses);
  const opened: Promise<Awaited<ReturnType<RecipientSource["stream"]>> | null>[] = [];
  let next = 0;
  const fill = () => {
    while (opened.length < ORDERS_AHEAD && next < orders.length) {
      const id = (orders[next++] as { id: number }).id;
      const task = source.stream(id, owner).catch((error: unknown) => {
        if (notDue(error)) return null;
        throw error;
      });
      task.catch(() => {}); // heard when read; one failing unread ahead must not go unhandled
      opened.push(task);
    }
  };
  try {
    for (let rank = 0; rank < orders.length; rank++) {
      fill();
      const stream = await (opened.shift() as (typeof opened)[number]);
      if (stream)
        for await (const page of stream.pages) {
          for (const r of page) if (wanted.has(r.status)) table.add(r.number, r.status, rank);
          if (table.added > opts.maxAdded)
            throw new UpstreamError(
              "bad_response",
              `the orders hold more matching recipients than their counters said (over ${opts.maxAdded})`,
            );
        }
      await opts.onOrder(rank + 1);
    }
  } finally {
    // Streams opened ahead and never read: their first pages are in or failing; nothing more is asked.
    for (const task of opened) void task.then((s) => s?.pages.return(undefined)).catch(() => {});
  }
}
