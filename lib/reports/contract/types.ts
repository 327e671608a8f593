// The dashboard's own types: the JSON shapes of its HTTP API, as the README's "HTTP API" lists it.
import type { Bucket } from "@/lib/dates";
import type { OrderStatusKey } from "./statuses";

/** An order as iletiMerkezi knows it (no label). */
export type BareOrder = Omit<Order, "label">;

export type Order = {
  id: number;
  status: number;
  total: number;
  delivered: number;
  undelivered: number;
  waiting: number;
  submitAt: string;
  sendAt: string;
  sender: string;
  /** The campaign label the team gave it (the dashboard's own; iletiMerkezi has none). */
  label: string | null;
};

export type Totals = {
  orders: number;
  messages: number;
  delivered: number;
  undelivered: number;
  waiting: number;
  /** delivered / (delivered + undelivered); null when nothing is final. */
  deliveryRate: number | null;
};

export type Range = { start: string; end: string; timeZone: "Europe/Istanbul" };

export type SeriesPoint = {
  /** The bucket's first day (a Monday for weeks, the 1st for months), which may precede the range. */
  date: string;
  /** How many of the range's days the bucket holds (1 for a day; fewer than 7 for a partial week). */
  days: number;
  orders: number;
  messages: number;
  delivered: number;
  undelivered: number;
  waiting: number;
};

export type SenderRow = Omit<Totals, "deliveryRate"> & {
  sender: string;
  deliveryRate: number | null;
};

/** Orders by the weekday and hour of submitAt (Istanbul): Monday 0 … Sunday 6, hours 0–23. */
export type HeatmapCell = {
  weekday: number;
  hour: number;
  orders: number;
  messages: number;
  delivered: number;
  undelivered: number;
  waiting: number;
};

/** A campaign label's orders in the range (label null: the unlabelled ones). */
export type CampaignRow = Totals & {
  label: string | null;
  /** submitAt of its first and last order in the range (Istanbul wall clock). */
  firstSubmitAt: string;
  lastSubmitAt: string;
};

export type ReportResponse = {
  range: Range;
  generatedAt: string;
  provisional: boolean;
  totals: Totals;
  /**
   * What the totals are compared with (null for compare=none). `until`: for a range that ends
   * today, the instant the comparison stops at (the same time of day on its last day). The
   * current numbers never wait for it: until its days are loaded, `totals` is null and `pending`
   * true, and the client asks again.
   */
  previous: { range: Range; until: string | null; totals: Totals | null; pending: boolean } | null;
  /** What one entry of `series` covers. */
  bucket: Bucket;
  series: SeriesPoint[];
  senders: SenderRow[];
  statuses: Record<OrderStatusKey, number>;
  /**
   * 168 cells, weekday-major, by every filter but weekday and hour (so every cell stays
   * pickable, as `senders` ignores the sender filter).
   */
  heatmap: HeatmapCell[];
  /** By label, every filter but `label` applied (so every label stays pickable), most messages first. */
  campaigns: CampaignRow[];
  orders: { total: number; page: number; pageSize: number; items: Order[] };
};

export type Recipient = { number: string; status: number };

export type OrderDetailResponse = {
  order: Order & { price: number | null };
  messages: { total: number; page: number; pageSize: number; items: Recipient[] };
};

/** GET /api/reports/progress: how far the walk behind a report has come. */
export type ProgressResponse = {
  active: boolean;
  windows: { total: number; done: number };
};
