// Labels set through the API are what GET /api/reports and GET /api/orders/{id} show next: the
// label filter, search, campaigns and items, through the store and the engine's label cache.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { env, setEnvForTesting } from "@/lib/env";
import type { OrderDetailResponse, ReportResponse } from "@/lib/reports/contract/types";
import { PEER_HEADER } from "@/lib/security/forwarded";
import { store } from "@/lib/server/store";
import { labelCache } from "@/lib/store/label-cache";
import { labelStore } from "@/lib/store/labels";
import { noParams, orderCtx, temporaryStore, use } from "@/lib/testing/routes";
import { sessionCookieFor, signedIn } from "@/lib/testing/session";
import { POST as bulk } from "./labels/route";
import { GET as order } from "./orders/[id]/route";
import { PUT as put } from "./orders/[id]/label/route";
import { GET as reports } from "./reports/route";

const ORIGIN = "http://127.0.0.1:3000";
temporaryStore("labels-report");
const base = env();
let users = "";
beforeAll(() => {
  users = `ali:analyst:${hashPassword("pw")}`;
});
afterEach(() => setEnvForTesting(undefined));
/** A GET as the analyst (the only configured user here). */
const get = (path: string) => signedIn(`${ORIGIN}${path}`, {}, "ali");

const send = (method: string, path: string, body: unknown, cookie: string) =>
  new Request(`${ORIGIN}${path}`, {
    method,
    body: JSON.stringify(body),
    headers: {
      origin: ORIGIN,
      host: "127.0.0.1:3000",
      "content-type": "application/json",
      [PEER_HEADER]: "198.51.100.7",
      cookie,
    },
  });

describe("labels in reports, through the routes", () => {
  it("a label set by PUT or POST shows in the next report and order detail", async () => {
    setEnvForTesting({ ...base, users });
    // The routes' services, with the engine reading labels from the routes' store as in production.
    let cache: ReturnType<typeof labelCache> | null = null;
    const h = use(
      { ordersPerDay: 20 },
      {
        labels: {
          current: async () => {
            cache ??= labelCache(labelStore((await store()).db, h.services.fingerprint));
            return cache.current();
          },
        },
      },
    );
    const cookie = await sessionCookieFor("ali");
    const qs = "start=2026-04-20&end=2026-04-28&pageSize=500";
    const before = (await (
      await reports(await get(`/api/reports?${qs}`), noParams)
    ).json()) as ReportResponse;
    // Finished orders (a scheduled one has no detail until it is sent: 409 order_not_due).
    const ids = before.orders.items.filter((o) => o.status === 114).map((o) => o.id);
    expect(ids.length).toBeGreaterThan(6);

    const one = await put(
      send("PUT", `/api/orders/${ids[0]}/label`, { label: "Bayram 2026" }, cookie),
      orderCtx(String(ids[0])),
    );
    expect(one.status).toBe(200);
    const many = await bulk(
      send("POST", "/api/labels", { label: "Bayram 2026", ids: ids.slice(1, 4) }, cookie),
      noParams,
    );
    expect(await many.json()).toEqual({ labelled: 3 });
    await bulk(
      send("POST", "/api/labels", { label: "Black Friday SMS", ids: ids.slice(4, 6) }, cookie),
      noParams,
    );

    const filtered = (await (
      await reports(
        await get(`/api/reports?${qs}&label=${encodeURIComponent("Bayram 2026")}`),
        noParams,
      )
    ).json()) as ReportResponse;
    expect(filtered.orders.items.map((o) => o.id).sort()).toEqual(ids.slice(0, 4).sort());
    expect(filtered.orders.items.every((o) => o.label === "Bayram 2026")).toBe(true);
    const bayram = before.orders.items.filter((o) => ids.slice(0, 4).includes(o.id));
    expect(filtered.totals.messages).toBe(bayram.reduce((s, o) => s + o.total, 0));

    const all = (await (
      await reports(await get(`/api/reports?${qs}`), noParams)
    ).json()) as ReportResponse;
    expect(all.campaigns.map((c) => [c.label, c.orders])).toEqual(
      expect.arrayContaining([
        ["Bayram 2026", 4],
        ["Black Friday SMS", 2],
        [null, before.totals.orders - 6],
      ]),
    );
    const search = (await (
      await reports(await get(`/api/reports?${qs}&q=black`), noParams)
    ).json()) as ReportResponse;
    expect(search.orders.items.map((o) => o.id).sort()).toEqual(ids.slice(4, 6).sort());

    // Removing it: the order is unlabelled in the next answer.
    await put(
      send("PUT", `/api/orders/${ids[0]}/label`, { label: null }, cookie),
      orderCtx(String(ids[0])),
    );
    const detail = (await (
      await order(await get(`/api/orders/${ids[0]}`), orderCtx(String(ids[0])))
    ).json()) as OrderDetailResponse;
    expect(detail, JSON.stringify(detail).slice(0, 300)).toHaveProperty("order");
    expect(detail.order.label).toBeNull();
    const labelled = (await (
      await order(await get(`/api/orders/${ids[1]}`), orderCtx(String(ids[1])))
    ).json()) as OrderDetailResponse;
    expect(labelled.order.label).toBe("Bayram 2026");
  });

  it("labels every order a report query matches, and refuses past 5000 with the count", async () => {
    setEnvForTesting({ ...base, users });
    let cache: ReturnType<typeof labelCache> | null = null;
    const h = use(
      { ordersPerDay: 700 },
      {
        labels: {
          current: async () => {
            cache ??= labelCache(labelStore((await store()).db, h.services.fingerprint));
            return cache.current();
          },
        },
      },
    );
    const cookie = await sessionCookieFor("ali");
    const day = "start=2026-04-27&end=2026-04-27";
    const query = `${day}&sender=BILGI&status=114`;
    const want = (await (
      await reports(await get(`/api/reports?${query}`), noParams)
    ).json()) as ReportResponse;
    expect(want.orders.total).toBeGreaterThan(0);
    const res = await bulk(
      send("POST", "/api/labels", { label: "Kasım OTP", query: `?${query}` }, cookie),
      noParams,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ labelled: want.orders.total });
    const got = (await (
      await reports(
        await get(`/api/reports?${day}&label=${encodeURIComponent("Kasım OTP")}`),
        noParams,
      )
    ).json()) as ReportResponse;
    expect(got.totals).toEqual(want.totals);

    const wide = "start=2026-04-14&end=2026-04-27";
    const all = (await (
      await reports(await get(`/api/reports?${wide}`), noParams)
    ).json()) as ReportResponse;
    expect(all.totals.orders).toBeGreaterThan(5000);
    const tooMany = await bulk(
      send("POST", "/api/labels", { label: "Hepsi", query: wide }, cookie),
      noParams,
    );
    expect(tooMany.status).toBe(400);
    const { error } = (await tooMany.json()) as { error: { message: string } };
    expect(error.message).toContain(`The filters match ${all.totals.orders} orders`);
    const none = await bulk(
      send("POST", "/api/labels", { label: "Hiç", query: `${day}&q=zzzz` }, cookie),
      noParams,
    );
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(
      /no order/,
    );
    const bad = await bulk(
      send("POST", "/api/labels", { label: "x", query: "start=yesterday" }, cookie),
      noParams,
    );
    expect(bad.status).toBe(400);
  });
});
