// Wire types of iletiMerkezi's report endpoints, after tolerant parsing (numbers coerced).
// They never leave lib/: lib/reports reshapes them into the app's own types.

// Statuses stay plain numbers here: a code the contract does not list must still parse (its
// meaning is lib/reports/contract/statuses.ts's business).
type UpstreamOrderStatus = number;
type UpstreamMessageStatus = number;

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

type UpstreamMessage = { number: string; status: UpstreamMessageStatus };

export type UpstreamReport = {
  order: UpstreamOrder & { price: number | null };
  messages: UpstreamMessage[];
};

export type GetReportsParams = { start: string; end: string; page: number };
export type GetReportParams = { id: number; page: number; rowCount: number };

/** get-balance: lira and SMS credits, each null when the answer had none that could be read. */
export type UpstreamBalance = { amount: number | null; sms: number | null };
