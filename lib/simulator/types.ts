// Public types of the simulator; others code against these names. The simulator models the
// provider on its own: nothing here comes from the client it is used to test.

export type FaultKind =
  /** 503 in the body (and HTTP 503 when mirroring). */
  | "unavailable"
  /** HTTP 500 with an HTML body, as a proxy in front of the API would answer. */
  | "http500"
  /** Never answers until request.signal aborts (or options.hangMs passes, then 503). */
  | "timeout"
  /** HTTP 200 with invalid JSON. */
  | "malformed"
  /** Any status code answer, e.g. 401, 458; http defaults to the mirroring rule. */
  | { code: number; message?: string; http?: number };

export type Endpoint = "get-reports" | "get-report" | "get-balance" | "get-sender";

export type FaultContext = {
  endpoint: Endpoint;
  start?: string;
  end?: string;
  page: number;
  orderId?: number;
  /** 1-based count of requests so far (this one included). */
  requestNumber: number;
};

type FaultRates = {
  unavailable?: number;
  http500?: number;
  timeout?: number;
  malformed?: number;
};

export type SimulatorOptions = {
  seed: number;
  key: string;
  secret: string;
  now: () => Date;
  ordersPerDay: number;
  pageSize: number;
  countMode: "page" | "total";
  maxGapDays: number;
  mirrorHttpStatus: boolean;
  numbersAsStrings: boolean;
  sort: "asc" | "desc" | "shuffled";
  duplicateAcrossPages: boolean;
  endlessPaging: boolean;
  /** Hostile: past the last page, pages of invented orders with new ids, forever. */
  inventedPaging: boolean;
  oversizedPage: number;
  latencyMs: number;
  jitterMs: number;
  faultRates: FaultRates;
  fault?: (ctx: FaultContext) => FaultKind | null;
  hangMs: number;
  /**
   * get-balance's numbers: "string" ("1234.56", "5432", as the docs show), "number", "comma"
   * ("1234,56"), "grouped" (Turkish "1.234,56", "5.432"), or "missing" (no amount, no sms).
   */
  balanceFormat: "string" | "number" | "comma" | "grouped" | "missing";
  /**
   * get-sender's `senders`: "list" ({sender: [...]}, as documented), "single" ({sender: "A"}),
   * "objects" ({sender: [{name}]}) or "flat" (a bare array).
   */
  sendersFormat: "list" | "single" | "objects" | "flat";
};

export type SimulatorStats = {
  requests: number;
  byEndpoint: Record<Endpoint, number>;
  inFlight: number;
  maxInFlight: number;
};

export type TruthTotals = {
  orders: number;
  messages: number;
  delivered: number;
  undelivered: number;
  waiting: number;
};
export type TruthDay = TruthTotals & { date: string };

/**
 * One order as the simulator puts it on the wire: a get-reports `orders[]` row, and (with `price`
 * and `message[]` added) get-report's `order`. Numbers before the numbers-as-strings dialect.
 */
export type SimWireOrder = {
  id: number;
  /** 113 in progress, 114 completed (every message final, not all delivered), 115 failed. */
  status: number;
  total: number;
  delivered: number;
  undelivered: number;
  waiting: number;
  /** "YYYY-MM-DD HH:MM:SS", Istanbul wall clock, no offset. */
  submitAt: string;
  sendAt: string;
  sender: string;
};

/** One get-report `message[]` row: "+90…" (or a bare national number) and its status. */
export type SimWireMessage = {
  number: string;
  /** 110 waiting, 111 delivered, 112 undelivered. */
  status: number;
};

/** A row as the dialect writes it: any number may go out as a string. */
export type Encoded<T> = { [K in keyof T]: T[K] extends number ? number | string : T[K] };

/** The true order: its wire row plus the price in credits (one per delivered message). */
export type SimOrder = SimWireOrder & { price: number };

export interface Simulator {
  /** The fake API: POST {base}/<endpoint>/json for each Endpoint (any prefix). */
  handle(request: Request): Promise<Response>;
  readonly options: SimulatorOptions;
  set(patch: Partial<SimulatorOptions>): void;
  stats(): SimulatorStats;
  resetStats(): void;
  credentials(): { key: string; hash: string; secret: string };
  /** True orders submitted in the inclusive Istanbul range, counters as of now(), sorted asc. */
  orders(start: string, end: string): SimOrder[];
  truth(start: string, end: string): { totals: TruthTotals; series: TruthDay[] };
  /** True per-recipient list (may be long; tests only). */
  recipients(orderId: number): SimWireMessage[];
  /** The true balance as of now(): TL and credits (get-balance writes it in its dialect). */
  balance(): { amount: number; sms: number };
  /** The approved sender ids get-sender lists. */
  senders(): string[];
}
