// The fake API as a Web (Request) => Response function, usable from node:http, a Next.js route
// handler or a test alike.
import { approvedSenders, balanceAt, balanceWire, sendersWire } from "./account";
import type { DayOrder } from "./data";
import { chooseFault, faultResponse, latencyFor, wait } from "./faults";
import type { Model } from "./model";
import { expectedHash } from "./options";
import { pageOf } from "./paging";
import { hash32, rng, shuffle } from "./random";
import {
  authenticated,
  endpointOf,
  faultFields,
  reportQuery,
  reportsQuery,
  requestOf,
} from "./request";
import { countersAt, messagesAt, simOrder } from "./state";
import type {
  Encoded,
  SimOrder,
  SimulatorOptions,
  SimulatorStats,
  SimWireMessage,
  SimWireOrder,
} from "./types";
import { envelope, num, price } from "./wire";

export function emptyStats(): SimulatorStats {
  return {
    requests: 0,
    byEndpoint: { "get-reports": 0, "get-report": 0, "get-balance": 0, "get-sender": 0 },
    inFlight: 0,
    maxInFlight: 0,
  };
}

type Deps = { options: () => SimulatorOptions; model: Model; stats: SimulatorStats };

function ordered(list: DayOrder[], o: SimulatorOptions, start: string, end: string): DayOrder[] {
  if (o.sort === "desc") return [...list].reverse();
  // Stable per range so pages of one walk agree with each other.
  if (o.sort === "shuffled") return shuffle([...list], rng(hash32(o.seed, start, end, 0x5f)));
  return list;
}

/** A page of orders nobody sent, with ids never seen before: an upstream whose paging never ends. */
function invented(
  q: { start: string; page: number },
  o: SimulatorOptions,
): Encoded<SimWireOrder>[] {
  return Array.from({ length: o.pageSize }, (_, i) => ({
    id: num(900_000_000_000 + q.page * o.pageSize + i, o),
    status: num(114, o),
    total: num(1, o),
    delivered: num(1, o),
    undelivered: num(0, o),
    waiting: num(0, o),
    submitAt: `${q.start} 12:00:00`,
    sendAt: `${q.start} 12:00:00`,
    sender: "Invented",
  }));
}

function getReports(req: Record<string, unknown>, o: SimulatorOptions, model: Model): Response {
  const q = reportsQuery(req, o);
  if (!q.ok) return envelope(q.code, o);
  const nowMs = o.now().getTime();
  const all = ordered(
    model.range(q.value.start, q.value.end, nowMs),
    o,
    q.value.start,
    q.value.end,
  );
  const page = pageOf(all, q.value.page, o);
  if (o.inventedPaging && page.length === 0)
    return envelope(200, o, { count: num(o.pageSize, o), orders: invented(q.value, o) });
  const orders = page.map((order): Encoded<SimWireOrder> => {
    const c = countersAt(order, nowMs);
    return {
      id: num(order.id, o),
      status: num(c.status, o),
      total: num(order.total, o),
      delivered: num(c.delivered, o),
      undelivered: num(c.undelivered, o),
      waiting: num(c.waiting, o),
      submitAt: order.submitAt,
      sendAt: order.sendAt,
      sender: order.sender,
    };
  });
  const count = o.countMode === "total" ? all.length : orders.length;
  return envelope(200, o, { count: num(count, o), orders });
}

function getReport(req: Record<string, unknown>, o: SimulatorOptions, model: Model): Response {
  const q = reportQuery(req);
  if (!q.ok) return envelope(q.code, o);
  const nowMs = o.now().getTime();
  const order = model.find(q.value.id, nowMs);
  if (!order) return envelope(455, o);
  if (order.sendMs > nowMs) return envelope(456, o);
  const s = simOrder(order, nowMs);
  const from = (q.value.page - 1) * q.value.rowCount;
  const message = messagesAt(order, o.seed, nowMs, from, from + q.value.rowCount).map(
    (m): Encoded<SimWireMessage> => ({ number: m.number, status: num(m.status, o) }),
  );
  const wire: Encoded<SimOrder> & { message: Encoded<SimWireMessage>[] } = {
    id: String(s.id),
    status: num(s.status, o),
    total: num(s.total, o),
    delivered: num(s.delivered, o),
    undelivered: num(s.undelivered, o),
    waiting: num(s.waiting, o),
    submitAt: s.submitAt,
    sendAt: s.sendAt,
    sender: s.sender,
    price: price(s.price, o),
    message,
  };
  return envelope(200, o, { order: wire });
}

export function createHandler({
  options,
  model,
  stats,
}: Deps): (request: Request) => Promise<Response> {
  return async (request) => {
    const o = options();
    const st = stats;
    const requestNumber = ++st.requests;
    const endpoint = endpointOf(new URL(request.url).pathname);
    if (endpoint) st.byEndpoint[endpoint]++;
    st.inFlight++;
    st.maxInFlight = Math.max(st.maxInFlight, st.inFlight);
    try {
      const text = request.method === "POST" ? await request.text() : "";
      await wait(latencyFor(o, requestNumber), request.signal);
      if (!endpoint) return envelope(404, o);
      const req = requestOf(text);
      const fault = chooseFault(o, { endpoint, requestNumber, ...faultFields(req) });
      if (fault) return await faultResponse(fault, o, request.signal);
      if (!req) return envelope(400, o);
      if (!authenticated(req, o.key, expectedHash(o))) return envelope(401, o);
      switch (endpoint) {
        case "get-reports":
          return getReports(req, o, model);
        case "get-report":
          return getReport(req, o, model);
        case "get-balance":
          return envelope(200, o, { balance: balanceWire(balanceAt(o, model), o.balanceFormat) });
        case "get-sender":
          return envelope(200, o, { senders: sendersWire(approvedSenders(), o.sendersFormat) });
      }
    } finally {
      st.inFlight--;
    }
  };
}
