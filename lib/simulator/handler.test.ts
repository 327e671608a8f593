import { describe, expect, it } from "vitest";
import { createSimulator } from "./index";
import { at, auth, post, report, reports } from "./test-helpers";
import type { Simulator } from "./types";

const NOW = "2026-04-29T12:00:00+03:00";
const sim = createSimulator({ now: at(NOW) });
const anOrder = sim.orders("2026-04-20", "2026-04-20")[0]!;
const good = (s: Simulator) => auth(s);

type Case = [name: string, endpoint: string, request: unknown, code: number];
const cases: Case[] = [
  ["body is not JSON", "get-reports", "{not json", 400],
  ["body has no request", "get-reports", JSON.stringify({ filter: {} }), 400],
  ["no authentication", "get-reports", { filter: { start: "2026-04-01", end: "2026-04-02" } }, 401],
  [
    "wrong key",
    "get-reports",
    { authentication: { key: "x", hash: good(sim).hash }, filter: {} },
    401,
  ],
  [
    "raw secret instead of hash",
    "get-reports",
    { authentication: { key: "demo-key", hash: "demo-secret" } },
    401,
  ],
  ["unknown path", "get-credits", { authentication: good(sim) }, 404],
  ["unknown order id", "get-report", { authentication: good(sim), order: { id: 1 } }, 455],
  [
    "order id of the future",
    "get-report",
    { authentication: good(sim), order: { id: anOrder.id + 9_000_000 } },
    455,
  ],
  [
    "day-first date",
    "get-reports",
    { authentication: good(sim), filter: { start: "01/04/2026", end: "2026-04-02" } },
    458,
  ],
  [
    "impossible date",
    "get-reports",
    { authentication: good(sim), filter: { start: "2026-02-30", end: "2026-03-02" } },
    458,
  ],
  [
    "end before start",
    "get-reports",
    { authentication: good(sim), filter: { start: "2026-04-10", end: "2026-04-09" } },
    458,
  ],
  [
    "gap over 10 days",
    "get-reports",
    { authentication: good(sim), filter: { start: "2026-04-01", end: "2026-04-12" } },
    458,
  ],
  ["missing filter", "get-reports", { authentication: good(sim) }, 458],
  [
    "page 0",
    "get-reports",
    { authentication: good(sim), filter: { start: "2026-04-01", end: "2026-04-02", page: 0 } },
    464,
  ],
  [
    "page 1.5",
    "get-reports",
    { authentication: good(sim), filter: { start: "2026-04-01", end: "2026-04-02", page: 1.5 } },
    464,
  ],
  [
    "get-report page 0",
    "get-report",
    { authentication: good(sim), order: { id: anOrder.id, page: 0 } },
    464,
  ],
  [
    "get-report rowCount 0",
    "get-report",
    { authentication: good(sim), order: { id: anOrder.id, rowCount: 0 } },
    400,
  ],
];

describe("error answers", () => {
  it.each(cases.map(([name, endpoint, request, code]) => ({ name, endpoint, request, code })))(
    "$name → $code",
    async ({ endpoint, request, code }) => {
      const a = await post(sim, endpoint, request);
      expect(a.code).toBe(code);
      expect(a.http).toBe(code);
      expect(Object.keys(a.body.response)).toEqual(["status"]);
      expect(a.body.response.status.message).toMatch(/\S/);
    },
  );

  it("answers 503 with the Turkish text, HTTP 200 when not mirroring", async () => {
    const s = createSimulator({
      now: at(NOW),
      mirrorHttpStatus: false,
      fault: () => "unavailable",
    });
    const a = await reports(s, { start: "2026-04-01", end: "2026-04-02" });
    expect([a.http, a.code, a.body.response.status.message]).toEqual([
      200,
      503,
      "Sunucu geçici olarak servis dışı",
    ]);
  });

  it("keeps HTTP 200 for a 458 when mirrorHttpStatus is off", async () => {
    const s = createSimulator({ now: at(NOW), mirrorHttpStatus: false });
    const a = await reports(s, { start: "2026-04-01", end: "2026-05-01" });
    expect([a.http, a.code, a.body.response.status.message]).toEqual([
      200,
      458,
      "Tarih aralığı hatalı",
    ]);
  });

  it("accepts a gap of 10 days by default and rejects it with maxGapDays 9", async () => {
    const range = { start: "2026-04-01", end: "2026-04-11" };
    expect((await reports(sim, range)).code).toBe(200);
    const strict = createSimulator({ now: at(NOW), maxGapDays: 9 });
    expect((await reports(strict, range)).code).toBe(458);
    expect((await reports(strict, { start: "2026-04-01", end: "2026-04-10" })).code).toBe(200);
  });

  it("matches the endpoint on the path ending, whatever the prefix", async () => {
    const res = await sim.handle(
      new Request("http://x/some/prefix/get-reports/json", {
        method: "POST",
        body: JSON.stringify({
          request: {
            authentication: auth(sim),
            filter: { start: "2026-04-20", end: "2026-04-20" },
          },
        }),
      }),
    );
    expect(res.status).toBe(200);
  });
});

describe("get-reports answers", () => {
  it("carries exactly the documented order fields, count per page, and an empty page past the end", async () => {
    const a = await reports(sim, { start: "2026-04-20", end: "2026-04-20", page: 1 });
    const r = a.body.response;
    expect(r.status).toEqual({ code: 200, message: "İşlem başarılı" });
    expect(r.orders).toHaveLength(30);
    expect(r.count).toBe(30);
    expect(Object.keys(r.orders[0]).sort()).toEqual(
      [
        "delivered",
        "id",
        "sendAt",
        "sender",
        "status",
        "submitAt",
        "total",
        "undelivered",
        "waiting",
      ].sort(),
    );
    expect(r.orders[0].submitAt).toMatch(/^2026-04-20 \d\d:\d\d:\d\d$/);
    const past = await reports(sim, { start: "2026-04-20", end: "2026-04-20", page: 99 });
    expect(past.body.response).toEqual({
      status: { code: 200, message: "İşlem başarılı" },
      count: 0,
      orders: [],
    });
  });

  it("accepts the page as a numeric string and defaults it to 1", async () => {
    const one = await reports(sim, { start: "2026-04-20", end: "2026-04-20" });
    const two = await reports(sim, { start: "2026-04-20", end: "2026-04-20", page: "2" });
    expect(one.body.response.orders[0].id).toBe(anOrder.id);
    expect(two.body.response.orders[0].id).not.toBe(anOrder.id);
  });

  it("gives the range total as count in countMode total", async () => {
    const s = createSimulator({ now: at(NOW), countMode: "total" });
    const a = await reports(s, { start: "2026-04-20", end: "2026-04-21", page: 2 });
    expect(a.body.response.count).toBe(s.orders("2026-04-20", "2026-04-21").length);
    expect(a.body.response.orders).toHaveLength(30);
  });

  it("writes numbers as strings when numbersAsStrings is on", async () => {
    const s = createSimulator({ now: at(NOW), numbersAsStrings: true });
    const a = await reports(s, { start: "2026-04-20", end: "2026-04-20" });
    const r = a.body.response;
    expect(r.status.code).toBe("200");
    expect(r.count).toBe("30");
    const o = r.orders[0];
    expect(o.id).toBe(String(anOrder.id));
    for (const f of ["status", "total", "delivered", "undelivered", "waiting"])
      expect(typeof o[f]).toBe("string");
    const d = await report(s, { id: anOrder.id });
    expect(d.body.response.order.price).toMatch(/^\d+,0000$/);
    expect(d.body.response.order.message[0].status).toMatch(/^11[0-2]$/);
    const e = await report(s, { id: 1 });
    expect([e.http, e.code]).toEqual([455, "455"]);
  });
});
