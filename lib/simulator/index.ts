// A deterministic fake iletiMerkezi: the report, balance and sender endpoints plus the ground truth
// to check clients.
import { eachDay, isCalendarDate } from "@/lib/dates";
import { approvedSenders, balanceAt } from "./account";
import { createHandler, emptyStats } from "./handler";
import { createModel } from "./model";
import { DEFAULT_OPTIONS, expectedHash, resolveOptions } from "./options";
import { messagesAt, simOrder } from "./state";
import type {
  SimOrder,
  Simulator,
  SimulatorOptions,
  SimWireMessage,
  TruthDay,
  TruthTotals,
} from "./types";

export type { FaultContext, FaultKind, Simulator, SimulatorOptions, SimulatorStats } from "./types";

function checkRange(start: string, end: string): void {
  if (!isCalendarDate(start) || !isCalendarDate(end) || end < start) {
    throw new RangeError(`simulator: bad range ${start}..${end}`);
  }
}

const zero = (): TruthTotals => ({
  orders: 0,
  messages: 0,
  delivered: 0,
  undelivered: 0,
  waiting: 0,
});

export function createSimulator(initial: Partial<SimulatorOptions> = {}): Simulator {
  let options = resolveOptions(DEFAULT_OPTIONS, initial);
  const stats = emptyStats();
  const model = createModel(() => options);
  const handle = createHandler({ options: () => options, model, stats });

  function orders(start: string, end: string): SimOrder[] {
    checkRange(start, end);
    const nowMs = options.now().getTime();
    return model.range(start, end, nowMs).map((o) => simOrder(o, nowMs));
  }

  return {
    handle,
    get options() {
      return options;
    },
    set(patch) {
      options = resolveOptions(options, patch);
    },
    stats: () => ({ ...stats, byEndpoint: { ...stats.byEndpoint } }),
    resetStats() {
      // Reset in place, keeping in-flight requests counted: they still finish and decrement.
      Object.assign(stats, {
        ...emptyStats(),
        inFlight: stats.inFlight,
        maxInFlight: stats.inFlight,
      });
    },
    credentials: () => ({ key: options.key, hash: expectedHash(options), secret: options.secret }),
    orders,
    truth(start, end) {
      const totals = zero();
      const byDay = new Map<string, TruthDay>(
        eachDay({ start, end }).map((date) => [date, { date, ...zero() }]),
      );
      for (const o of orders(start, end)) {
        const day = byDay.get(o.submitAt.slice(0, 10));
        for (const t of day ? [totals, day] : [totals]) {
          t.orders++;
          t.messages += o.total;
          t.delivered += o.delivered;
          t.undelivered += o.undelivered;
          t.waiting += o.waiting;
        }
      }
      return { totals, series: [...byDay.values()] };
    },
    recipients(orderId): SimWireMessage[] {
      const nowMs = options.now().getTime();
      const order = model.find(orderId, nowMs);
      return order ? messagesAt(order, options.seed, nowMs, 0, order.total) : [];
    },
    balance: () => balanceAt(options, model),
    senders: approvedSenders,
  };
}
