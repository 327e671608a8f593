// Upstream faults through the simulator, at the HTTP API: each either yields exact totals or the
// right error code, and the server keeps answering other requests.
import { afterEach, describe, expect, it } from "vitest";
import { setServicesForTesting } from "@/lib/server/services";
import type { FaultKind, SimulatorOptions } from "@/lib/simulator";
import { harness } from "@/lib/testing/harness";
import { signedIn } from "@/lib/testing/session";
import { GET as reports } from "./reports/route";

afterEach(() => setServicesForTesting(undefined));
const ctx = { params: Promise.resolve({}) } as never;
const RANGE = { start: "2026-04-01", end: "2026-04-28" };

type Orders = { response: { orders?: Record<string, unknown>[] } };
const everyOrder = (edit: (o: Record<string, unknown>) => void) => (json: unknown) => {
  for (const o of (json as Orders).response.orders ?? []) edit(o);
  return json;
};

async function run(sim: Partial<SimulatorOptions>, mapResponse?: (json: unknown) => unknown) {
  const h = harness(sim, { timeoutMs: 150, mapResponse });
  setServicesForTesting(h.services);
  const res = await reports(
    await signedIn(`http://127.0.0.1:3000/api/reports?start=${RANGE.start}&end=${RANGE.end}`),
    ctx,
  );
  return { h, res, body: (await res.json()) as Record<string, any> };
}

const onPage = (page: number, fault: FaultKind) => ({
  fault: (c: { page: number; start?: string }) =>
    c.page === page && c.start === "2026-04-11" ? fault : null,
});

/** A fault on the first request that matches, then none. */
function once(match: (c: { page: number; start?: string }) => boolean, fault: FaultKind) {
  let fired = false;
  return (c: { page: number; start?: string }) =>
    !fired && match(c) ? ((fired = true), fault) : null;
}

describe("upstream faults at the API", () => {
  it.each<[string, Partial<SimulatorOptions>]>([
    [
      "bursts of 503",
      { fault: ({ requestNumber }) => (requestNumber % 10 < 2 ? "unavailable" : null) },
    ],
    [
      "a timeout on one page",
      { fault: once((c) => c.page === 2 && c.start === "2026-04-11", "timeout") },
    ],
    [
      "a garbled 200 on one page",
      { fault: once((c) => c.page === 2 && c.start === "2026-04-11", "malformed") },
    ],
    ["a page with far more orders than usual", { oversizedPage: 400 }],
    ["an order repeated across pages", { duplicateAcrossPages: true }],
  ])("recovers exact totals from %s", async (_name, sim) => {
    const { h, res, body } = await run(sim);
    expect(res.status).toBe(200);
    const { deliveryRate: _r, ...totals } = body.totals;
    expect(totals).toEqual(h.sim.truth(RANGE.start, RANGE.end).totals);
  });

  it.each<
    [string, Partial<SimulatorOptions>, number, string, ((j: unknown) => unknown) | undefined]
  >([
    ["a persistently garbled 200", onPage(2, "malformed"), 503, "upstream_unavailable", undefined],
    ["401 in the middle of a walk", onPage(3, { code: 401 }), 502, "upstream_auth", undefined],
    ["endless paging", { endlessPaging: true }, 502, "upstream_rejected", undefined],
    ["a persistent 503", onPage(1, "unavailable"), 503, "upstream_unavailable", undefined],
    ["a persistent timeout", onPage(1, "timeout"), 504, "upstream_unavailable", undefined],
    ["a missing counter", {}, 502, "upstream_rejected", everyOrder((o) => delete o.waiting)],
  ])("fails with the right code on %s", async (_name, sim, status, code, map) => {
    const { res, body } = await run(sim, map);
    expect(res.status).toBe(status);
    expect(body.error.code).toBe(code);
    if (code === "upstream_rejected" && map) expect(body.error.message).toMatch(/waiting/);
  });

  it("never passes the upstream's own message text on: the answer says it in our words", async () => {
    const { res, body } = await run(
      onPage(1, { code: 499, message: "İç hata: db01.internal SQL" }),
    );
    expect(res.status).toBe(502);
    expect(body.error.code).toBe("upstream_rejected");
    expect(body.error.message).toContain("499");
    expect(body.error.message).not.toMatch(/db01|SQL|İç hata/);
  });

  it("ignores extra fields", async () => {
    const { h, res, body } = await run(
      {},
      everyOrder((o) => Object.assign(o, { operator: "Turkcell", cost: "0,1" })),
    );
    expect(res.status).toBe(200);
    expect(body.totals.orders).toBe(h.sim.truth(RANGE.start, RANGE.end).totals.orders);
    expect(body.orders.items[0]).not.toHaveProperty("operator");
  });

  it("keeps serving other requests while one report fails", async () => {
    const h = harness(
      { fault: ({ start }) => (start === "2026-03-01" ? "unavailable" : null) },
      { timeoutMs: 150 },
    );
    setServicesForTesting(h.services);
    const get = async (qs: string) =>
      reports(await signedIn(`http://127.0.0.1:3000/api/reports?${qs}`), ctx);
    const [bad, good] = await Promise.all([
      get("start=2026-03-01&end=2026-03-05"),
      get("start=2026-04-20&end=2026-04-25"),
    ]);
    expect(bad.status).toBe(503);
    expect(good.status).toBe(200);
    expect((await get("start=2026-04-20&end=2026-04-25")).status).toBe(200);
  });
});
