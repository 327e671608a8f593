import { describe, expect, it } from "vitest";
import { createSimulator } from "./index";
import { at, auth, post, report, reports } from "./test-helpers";
import type { FaultContext } from "./types";

const NOW = "2026-04-29T12:00:00+03:00";
const RANGE = { start: "2026-04-20", end: "2026-04-21" };

describe("faults", () => {
  it("lets a hook target one request and sees its context", async () => {
    const seen: FaultContext[] = [];
    const sim = createSimulator({
      now: at(NOW),
      fault: (ctx) => {
        seen.push(ctx);
        return ctx.page === 2 ? { code: 458 } : null;
      },
    });
    expect((await reports(sim, { ...RANGE, page: 1 })).code).toBe(200);
    const two = await reports(sim, { ...RANGE, page: 2 });
    expect([two.http, two.code, two.body.response.status.message]).toEqual([
      458,
      458,
      "Tarih aralığı hatalı",
    ]);
    await report(sim, { id: 42, page: 3 });
    expect(seen).toEqual([
      { endpoint: "get-reports", ...RANGE, page: 1, orderId: undefined, requestNumber: 1 },
      { endpoint: "get-reports", ...RANGE, page: 2, orderId: undefined, requestNumber: 2 },
      {
        endpoint: "get-report",
        start: undefined,
        end: undefined,
        page: 3,
        orderId: 42,
        requestNumber: 3,
      },
    ]);
  });

  it("answers each fault kind in its own way", async () => {
    const sim = createSimulator({ now: at(NOW) });
    sim.set({ fault: () => "http500" });
    const html = await reports(sim, RANGE);
    expect([html.http, html.body]).toEqual([500, null]);
    expect(html.text).toMatch(/<html>/);
    sim.set({ fault: () => "malformed" });
    const bad = await reports(sim, RANGE);
    expect([bad.http, bad.body]).toEqual([200, null]);
    sim.set({ fault: () => "unavailable" });
    expect((await reports(sim, RANGE)).http).toBe(503);
    sim.set({ fault: () => ({ code: 401, message: "Üyelik bilgileri hatalı", http: 200 }) });
    const custom = await reports(sim, RANGE);
    expect([custom.http, custom.code]).toEqual([200, 401]);
  });

  it("hangs on timeout until the caller aborts, then rejects quickly", async () => {
    const sim = createSimulator({ now: at(NOW), fault: () => "timeout" });
    const t0 = Date.now();
    const request = { authentication: auth(sim), filter: RANGE };
    await expect(
      post(sim, "get-reports", request, { signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow();
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(140);
    expect(took).toBeLessThan(2000);
    expect(sim.stats().inFlight).toBe(0);
  });

  it("ends a timeout after hangMs with a 503 when nobody aborts", async () => {
    const sim = createSimulator({ now: at(NOW), fault: () => "timeout", hangMs: 50 });
    expect((await reports(sim, RANGE)).code).toBe(503);
  });

  it("draws seeded fault rates reproducibly", async () => {
    async function run(seed: number) {
      const sim = createSimulator({
        seed,
        now: at(NOW),
        faultRates: { unavailable: 0.3, http500: 0.1 },
      });
      const codes: number[] = [];
      for (let i = 0; i < 60; i++) codes.push((await reports(sim, RANGE)).http);
      return codes;
    }
    const a = await run(3);
    expect(await run(3)).toEqual(a);
    expect(await run(4)).not.toEqual(a);
    const failed = a.filter((c) => c !== 200).length;
    expect(failed).toBeGreaterThan(10);
    expect(failed).toBeLessThan(40);
    expect(a).toContain(500);
    expect(a).toContain(503);
  });
});

describe("latency and stats", () => {
  it("counts requests per endpoint and the requests in flight during latency", async () => {
    const sim = createSimulator({ now: at(NOW), latencyMs: 80, jitterMs: 20 });
    const t0 = Date.now();
    const pending = [1, 2, 3, 4].map((page) => reports(sim, { ...RANGE, page }));
    pending.push(report(sim, { id: 1 }));
    await new Promise((r) => setTimeout(r, 20));
    expect(sim.stats().inFlight).toBe(5);
    await Promise.all(pending);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(55);
    expect(sim.stats()).toEqual({
      requests: 5,
      byEndpoint: { "get-reports": 4, "get-report": 1, "get-balance": 0, "get-sender": 0 },
      inFlight: 0,
      maxInFlight: 5,
    });
    sim.resetStats();
    expect(sim.stats()).toEqual({
      requests: 0,
      byEndpoint: { "get-reports": 0, "get-report": 0, "get-balance": 0, "get-sender": 0 },
      inFlight: 0,
      maxInFlight: 0,
    });
  });

  it("stops waiting out latency when the request is aborted", async () => {
    const sim = createSimulator({ now: at(NOW), latencyMs: 10_000 });
    const controller = new AbortController();
    const t0 = Date.now();
    const pending = post(
      sim,
      "get-reports",
      { authentication: auth(sim), filter: RANGE },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toThrow();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(sim.stats().inFlight).toBe(0);
  });
});
