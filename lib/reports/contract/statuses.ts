// Order and message statuses of iletiMerkezi, their meaning and the outcome the dashboard shows
// for each: the one place that knows what 110–115 mean. Safe for the browser.

/** An outcome is what a number on screen is counted as: green, red or amber everywhere. */
export type Outcome = "delivered" | "undelivered" | "waiting";

/** Order (get-reports) statuses. */
const ORDER_STATUS = {
  /** 113: still sending; some messages may be waiting. */
  inProgress: 113,
  /** 114: sending finished. */
  completed: 114,
  /** 115: failed or cancelled: nothing delivered. */
  failed: 115,
} as const;
export const ORDER_STATUSES = [
  ORDER_STATUS.inProgress,
  ORDER_STATUS.completed,
  ORDER_STATUS.failed,
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** The statuses as the JSON keys of `statuses` in GET /api/reports. */
export type OrderStatusKey = `${OrderStatus}`;
export const ORDER_STATUS_KEYS = ORDER_STATUSES.map(String) as readonly OrderStatusKey[];

/** Message (get-report, one recipient) statuses. */
const MESSAGE_STATUS = {
  /** 110: not yet delivered nor failed. */
  waiting: 110,
  /** 111: delivered to the handset. */
  delivered: 111,
  /** 112: could not be delivered. */
  undelivered: 112,
} as const;
export const MESSAGE_STATUSES = [
  MESSAGE_STATUS.waiting,
  MESSAGE_STATUS.delivered,
  MESSAGE_STATUS.undelivered,
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const isOrderStatus = (n: number): n is OrderStatus =>
  (ORDER_STATUSES as readonly number[]).includes(n);
const isMessageStatus = (n: number): n is MessageStatus =>
  (MESSAGE_STATUSES as readonly number[]).includes(n);

const ORDER_OUTCOME: Record<OrderStatus, Outcome> = {
  113: "waiting",
  114: "delivered",
  115: "undelivered",
};
const MESSAGE_OUTCOME: Record<MessageStatus, Outcome> = {
  110: "waiting",
  111: "delivered",
  112: "undelivered",
};

/** The outcome an order status is drawn as; null for a code the contract does not list. */
export const orderOutcome = (status: number): Outcome | null =>
  isOrderStatus(status) ? ORDER_OUTCOME[status] : null;

/** The outcome a message status is drawn as; null for a code the contract does not list. */
export const messageOutcome = (status: number): Outcome | null =>
  isMessageStatus(status) ? MESSAGE_OUTCOME[status] : null;

/** An order whose counters can no longer change: nothing waiting and no longer in progress. */
export const isFinalOrder = (status: number, waiting: number): boolean =>
  waiting === 0 && status !== ORDER_STATUS.inProgress;

/** delivered / (delivered + undelivered); null while nothing is final. The only definition. */
export function deliveryRate(delivered: number, undelivered: number): number | null {
  const final = delivered + undelivered;
  return final === 0 ? null : delivered / final;
}
