// Wire types of iletiMerkezi's report endpoints, after tolerant parsing (numbers coerced).
// They never leave lib/: lib/reports reshapes them into the app's own types.

export const ORDER_STATUSES = [113, 114, 115] as const;
export type UpstreamOrderStatus = number; // 113 in progress, 114 completed, 115 failed/cancelled

export const MESSAGE_STATUSES = [110, 111, 112] as const;
export type UpstreamMessageStatus = number; // 110 waiting, 111 delivered, 112 undelivered

export type UpstreamOrder = {
  id: number;
  status: UpstreamOrderStatus;
  total: number;
  delivered: number;
  undelivered: number;
  waiting: number;
  submitAt: string; // "YYYY-MM-DD HH:MM:SS", Istanbul wall clock
  sendAt: string;
  sender: string;
};

export type UpstreamReportsPage = {
  /** As sent; meaning unknown (page count or range total): never trusted for paging. */
  count: number | null;
  orders: UpstreamOrder[];
};

export type UpstreamMessage = { number: string; status: UpstreamMessageStatus };

export type UpstreamReport = {
  order: UpstreamOrder & { price: number | null };
  messages: UpstreamMessage[];
};

export type GetReportsParams = { start: string; end: string; page: number };
export type GetReportParams = { id: number; page: number; rowCount: number };
