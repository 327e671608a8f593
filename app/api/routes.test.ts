import { describe, expect, it } from "vitest";
import { errorOf, get, noParams, orderCtx, use, temporaryStore } from "@/lib/testing/routes";
import { GET as health } from "./health/route";
import { GET as orderExport } from "./orders/[id]/export/route";
import { GET as order } from "./orders/[id]/route";
import { GET as reportsExport } from "./reports/export/route";
import { GET as progress } from "./reports/progress/route";
import { GET as reports } from "./reports/route";

// The routes' store: an embedded one in a temporary folder (the health check pings it).
const testStore = temporaryStore("routes");

describe("without a session", () => {
  const anonymous = (path: string) => new Request(`http://127.0.0.1:3000${path}`);
  it.each([
    ["/api/reports", () => reports(anonymous("/api/reports"), noParams)],
    ["/api/reports/progress", () => progress(anonymous("/api/reports/progress"), noParams)],
    ["/api/reports/export", () => reportsExport(anonymous("/api/reports/export"), noParams)],
    ["/api/orders/1", () => order(anonymous("/api/orders/1"), orderCtx("1"))],
    ["/api/orders/1/export", () => orderExport(anonymous("/api/orders/1/export"), orderCtx("1"))],
  ])("%s answers 401 unauthenticated", async (_path, call) => {
    use();
    const error = await errorOf(await call());
    expect(error).toMatchObject({ status: 401, code: "unauthenticated" });
  });

  it("a forged or foreign cookie is no session", async () => {
    use();
    const forged = new Request("http://127.0.0.1:3000/api/reports", {
      headers: { cookie: "imr_session=Fe26.2**forged" },
    });
    expect((await reports(forged, noParams)).status).toBe(401);
  });

  it("/api/health answers without one", async () => {
    expect((await health(anonymous("/api/health"), noParams)).status).toBe(200);
  });
});

describe("GET /api/health", () => {
  it("answers ok with the mode and the store, and 503 store_unavailable once the store is gone", async () => {
    const res = await health(await get("/api/health"), noParams);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ok",
      mode: expect.stringMatching(/^(live|demo)$/),
      store: "embedded",
    });
    const request = await get("/api/reports"); // its session made while the store was up
    await testStore.close();
    const down = await errorOf(await health(await get("/api/health"), noParams));
    expect(down).toMatchObject({ status: 503, code: "store_unavailable" });
    expect(down.message).toMatch(/embedded store.*not answering/);
    // Sessions live in the store: without it a signed-in request is a 503, not a 401 or a 500.
    use();
    const noSessions = await errorOf(await reports(request, noParams));
    expect(noSessions).toMatchObject({ status: 503, code: "store_unavailable" });
    // The same folder opened again: the session is still there.
    await testStore.reopen();
    expect((await reports(request, noParams)).status).toBe(200);
  });
});

describe("GET /api/reports", () => {
  it("defaults to the last 7 days ending today in Istanbul", async () => {
    use();
    const res = await reports(await get("/api/reports"), noParams);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.range).toEqual({
      start: "2026-04-23",
      end: "2026-04-29",
      timeZone: "Europe/Istanbul",
    });
    expect(body.series).toHaveLength(7);
    expect(body.orders.pageSize).toBe(50);
  });

  it("clips an end after today to today", async () => {
    use();
    const body = await (
      await reports(await get("/api/reports?start=2026-04-25&end=2026-05-30"), noParams)
    ).json();
    expect(body.range.end).toBe("2026-04-29");
  });

  it.each([
    ["start=22/04/2026", "start", /YYYY-MM-DD/],
    ["start=2026-02-30", "start", /not a real calendar date/],
    ["end=2026-13-01", "end", /not a real calendar date/],
    ["start=2026-04-20&end=2026-04-10", "end", /before start/],
    ["start=2025-01-01&end=2026-04-20", "end", /longest allowed is 366/],
    ["start=2026-05-10", "start", /after today/],
    ["sort=price", "sort", /sort must be one of/],
    ["sort=", null, null],
    ["status=116", "status", /113, 114 and 115/],
    ["status=abc", "status", /113, 114 and 115/],
    ["page=0", "page", /page must be a whole number/],
    ["page=-1", "page", /page must be a whole number/],
    ["page=1.5", "page", /page must be a whole number/],
    ["pageSize=501", "pageSize", /between 1 and 500/],
    ["pageSize=99999999999999999999", "pageSize", /between 1 and 500/],
    ["start=2026-04-01&start=2026-04-02", "start", /more than once/],
    ["refresh=yes", "refresh", /refresh must be 1 or 0/],
    ["minMessages=0", "minMessages", /whole number between 1 and 10000000/],
    ["minMessages=ten", "minMessages", /whole number/],
    [`q=${"x".repeat(101)}`, "q", /at most 100/],
  ])("answers %s with 400 naming %s", async (qs, param, message) => {
    use();
    const res = await reports(await get(`/api/reports?${qs}`), noParams);
    if (param === null) {
      expect(res.status).toBe(200);
      return;
    }
    const error = await errorOf(res);
    expect(error).toMatchObject({ status: 400, code: "invalid_query" });
    expect(error.message).toContain(param);
    expect(error.message).toMatch(message!);
  });

  it.each([
    [{ code: 401 }, 502, "upstream_auth", /Allow API access/],
    [{ code: 464 }, 502, "upstream_rejected", /464/],
    ["unavailable", 503, "upstream_unavailable", /Try again/],
    ["timeout", 504, "upstream_unavailable", /did not answer/],
    ["malformed", 503, "upstream_unavailable", /not JSON/],
  ] as const)("maps an upstream %o to %i %s", async (fault, status, code, message) => {
    const h = use({ fault: () => fault }, { timeoutMs: 100 });
    const res = await reports(await get("/api/reports?start=2026-04-20&end=2026-04-21"), noParams);
    const error = await errorOf(res);
    expect(error).toMatchObject({ status, code });
    expect(error.message).toMatch(message);
    const { key, hash, secret } = h.sim.credentials();
    for (const s of [key, hash, secret]) expect(error.message).not.toContain(s);
  });

  it("reports progress for a range", async () => {
    use();
    await reports(await get("/api/reports?start=2026-04-01&end=2026-04-29"), noParams);
    const body = await (
      await progress(await get("/api/reports/progress?start=2026-04-01&end=2026-04-29"), noParams)
    ).json();
    // The range's three windows; its comparison is walked after, in the background.
    expect(body).toEqual({ active: false, windows: { total: 3, done: 3 } });
  });
});

describe("GET /api/reports/export", () => {
  it("writes every matching order as CSV with a BOM and ; separators, quoting odd senders", async () => {
    const h = use(
      {},
      {
        mapResponse: (json) => {
          const r = (json as { response: { orders?: { sender: string }[] } }).response;
          for (const o of r.orders ?? []) if (o.sender === "OTP-SMS") o.sender = 'Yaz; "Kampanya"';
          return json;
        },
      },
    );
    const res = await reportsExport(
      await get("/api/reports/export?start=2026-04-01&end=2026-04-28&pageSize=5"),
      noParams,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Gönderim no;Durum;Oluşturulma zamanı;Gönderilme zamanı;Gönderici;Mesaj sayısı;İletilen;İletilemeyen;Bekleyen;İletim oranı;Kampanya",
    );
    expect(lines).toHaveLength(h.sim.truth("2026-04-01", "2026-04-28").totals.orders + 1);
    expect(text).toContain(';"Yaz; ""Kampanya""";');
    const comma = await (
      await reportsExport(
        await get("/api/reports/export?start=2026-04-27&end=2026-04-28&sep=,"),
        noParams,
      )
    ).text();
    expect(comma.split("\r\n")[0]).toBe(
      "Gönderim no,Durum,Oluşturulma zamanı,Gönderilme zamanı,Gönderici,Mesaj sayısı,İletilen,İletilemeyen,Bekleyen,İletim oranı,Kampanya",
    );
  });
});

describe("the clock", () => {
  it("takes today from the services' clock, in Istanbul: 01:30 there is still the previous day in UTC", async () => {
    use({ now: () => new Date("2026-01-16T01:30:00+03:00") });
    const body = await (await reports(await get("/api/reports"), noParams)).json();
    expect(body.range).toMatchObject({ start: "2026-01-10", end: "2026-01-16" });
  });
});
