// Public types of the simulator; others code against these names.
import type { UpstreamMessage, UpstreamOrder } from "@/lib/iletimerkezi/types";

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

export type Endpoint = "get-reports" | "get-report";

export type FaultContext = {
  endpoint: Endpoint;
  start?: string;
  end?: string;
  page: number;
  orderId?: number;
  /** 1-based count of requests so far (this one included). */
  requestNumber: number;
};

export type FaultRates = {
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
  oversizedPage: number;
  latencyMs: number;
  jitterMs: number;
  faultRates: FaultRates;
  fault?: (ctx: FaultContext) => FaultKind | null;
  hangMs: number;
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
export type SimOrder = UpstreamOrder & { price: number };

export interface Simulator {
  /** The fake API: POST {base}/get-reports/json and {base}/get-report/json (any prefix). */
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
  recipients(orderId: number): UpstreamMessage[];
}
