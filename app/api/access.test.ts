// Team access through the routes: sessions in the store (logout, idle time, a changed role or
// hash end them), roles (403 forbidden), the audit log and its API, quotas, cross-site side effects.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, REVEALS_PER_HOUR, checkQuota } from "@/lib/api/audit";
import { hashPassword } from "@/lib/auth/password";
import { env, setEnvForTesting } from "@/lib/env";
import { PEER_HEADER } from "@/lib/security/forwarded";
import { sessionCookieFor } from "@/lib/testing/session";
import { errorOf, noParams, orderCtx, use } from "@/lib/testing/routes";
import { GET as audit } from "./audit/route";
import { POST as login } from "./auth/login/route";
import { POST as logout } from "./auth/logout/route";
import { GET as orderExport } from "./orders/[id]/export/route";
import { GET as order } from "./orders/[id]/route";
import { GET as reportsExport } from "./reports/export/route";
import { GET as reports } from "./reports/route";

const ORIGIN = "http://127.0.0.1:3000";
const PASSWORD = "correct horse battery staple";
let hash = "";
let users = "";
const base = env();

beforeAll(() => {
  hash = hashPassword(PASSWORD);
  users = ["vera:viewer", "ali:analyst", "ayse:admin", "old"].map((u) => `${u}:${hash}`).join(",");
});
function configure(overrides: Partial<ReturnType<typeof env>> = {}) {
  setEnvForTesting({ ...base, users, ...overrides });
}
afterEach(() => setEnvForTesting(undefined));

const request = (path: string, cookie: string, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}${path}`, {
    headers: { cookie, [PEER_HEADER]: "198.51.100.4", ...headers },
  });

function post(path: string, body: unknown, cookie = "") {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: {
      origin: ORIGIN,
      host: "127.0.0.1:3000",
      "content-type": "application/json",
      [PEER_HEADER]: "198.51.100.9",
      ...(cookie ? { cookie } : {}),
    },
  });
}

async function events(cookie: string, qs = "") {
  const res = await audit(request(`/api/audit?${qs}`, cookie), noParams);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    events: { at: string; user: string; action: string; target: string; ip: string }[];
    next: string | null;
  };
}

function anOrder(h: ReturnType<typeof use>) {
  const o = h.sim.orders("2026-04-01", "2026-04-20").find((x) => x.total > 3);
  if (!o) throw new Error("no order");
  return o;
}

describe("sessions in the store", () => {
  it("signs in, and a copied cookie stops working on logout (on every instance: it is a row)", async () => {
    configure();
    use();
    const res = await login(
      post("/api/auth/login", { username: "ali", password: PASSWORD }),
      noParams,
    );
    expect(res.status).toBe(204);
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    expect((await reports(request("/api/reports", cookie), noParams)).status).toBe(200);
    const copy = cookie;
    expect((await logout(post("/api/auth/logout", {}, cookie), noParams)).status).toBe(204);
    expect((await errorOf(await reports(request("/api/reports", copy), noParams))).code).toBe(
      "unauthenticated",
    );
  });

  it("names the cookie __Host-imr_session over https (Secure, Path=/, no Domain), and reads it back", async () => {
    configure({ trustProxy: 1 });
    use();
    const https = post("/api/auth/login", { username: "ali", password: PASSWORD });
    https.headers.set("x-forwarded-proto", "https");
    const res = await login(https, noParams);
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(
      /^__Host-imr_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=28800; Secure$/,
    );
    expect(setCookie).not.toMatch(/Domain=/i);
    const cookie = setCookie.split(";")[0]!;
    expect((await reports(request("/api/reports", cookie), noParams)).status).toBe(200);
  });

  it("ends a session unused for SESSION_IDLE_MINUTES", async () => {
    configure({ sessionIdleMs: 1000 });
    use();
    const cookie = await sessionCookieFor("ali");
    expect((await reports(request("/api/reports", cookie), noParams)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1300));
    expect((await reports(request("/api/reports", cookie), noParams)).status).toBe(401);
  });

  it("ends a session when the user's role or hash changes in the configuration", async () => {
    configure();
    use();
    const cookie = await sessionCookieFor("ali");
    const again = await sessionCookieFor("vera");
    expect((await reports(request("/api/reports", cookie), noParams)).status).toBe(200);
    setEnvForTesting({ ...base, users: users.replace("ali:analyst", "ali:admin") });
    expect((await reports(request("/api/reports", cookie), noParams)).status).toBe(401);
    setEnvForTesting({
      ...base,
      users: users.replace(`vera:viewer:${hash}`, `vera:viewer:${hashPassword("new")}`),
    });
    expect((await reports(request("/api/reports", again), noParams)).status).toBe(401);
  });
});

describe("roles", () => {
  it("lets a viewer read reports and masked orders, and nothing more (403 forbidden)", async () => {
    configure();
    const h = use();
    const o = anOrder(h);
    const viewer = await sessionCookieFor("vera");
    expect((await reports(request("/api/reports", viewer), noParams)).status).toBe(200);
    const masked = await order(request(`/api/orders/${o.id}`, viewer), orderCtx(String(o.id)));
    expect(masked.status).toBe(200);
    const reveal = await errorOf(
      await order(request(`/api/orders/${o.id}?reveal=1`, viewer), orderCtx(String(o.id))),
    );
    expect(reveal).toMatchObject({ status: 403, code: "forbidden" });
    expect(reveal.message).toMatch(/viewer.*full phone numbers/);
    expect((await errorOf(await audit(request("/api/audit", viewer), noParams))).status).toBe(403);
    const csv = await reportsExport(request("/api/reports/export", viewer), noParams);
    expect((await errorOf(csv)).message).toMatch(/viewer.*export/);
    const recipients = await orderExport(
      request(`/api/orders/${o.id}/export`, viewer),
      orderCtx(String(o.id)),
    );
    expect(recipients.status).toBe(403);
  });

  it("lets an analyst export masked recipients, not revealed ones; every export is audited", async () => {
    configure();
    const h = use();
    const o = anOrder(h);
    const analyst = await sessionCookieFor("ali");
    const masked = await orderExport(
      request(`/api/orders/${o.id}/export`, analyst),
      orderCtx(String(o.id)),
    );
    expect(masked.status).toBe(200);
    expect(await masked.text()).toContain("*");
    const revealed = await orderExport(
      request(`/api/orders/${o.id}/export?reveal=1`, analyst),
      orderCtx(String(o.id)),
    );
    expect(revealed.status).toBe(403);
    const orders = await reportsExport(
      request("/api/reports/export?start=2026-04-20&end=2026-04-21&sender=BILGI", analyst),
      noParams,
    );
    expect(orders.status).toBe(200);
    await orders.text();
    const admin = await sessionCookieFor("ayse");
    const { events: list } = await events(admin, "user=ali");
    expect(list.map((e) => e.action).slice(0, 2)).toEqual(["export_orders", "export_recipients"]);
    expect(list[0]!.target).toMatch(/2026-04-20\.\.2026-04-21 .*sender=BILGI/);
    expect(list[1]!.target).toBe(`order ${o.id}`);
  });

  it("refuses a download started from another site", async () => {
    configure();
    use();
    const admin = await sessionCookieFor("ayse");
    const res = await reportsExport(
      request("/api/reports/export", admin, { "sec-fetch-site": "cross-site" }),
      noParams,
    );
    expect(res.status).toBe(403);
  });

  it("keeps reveal and the audit log to admins; `name:hash` is an analyst", async () => {
    configure();
    const h = use();
    const o = anOrder(h);
    for (const name of ["ali", "old"]) {
      const analyst = await sessionCookieFor(name);
      const res = await order(
        request(`/api/orders/${o.id}?reveal=1`, analyst),
        orderCtx(String(o.id)),
      );
      expect(res.status).toBe(403);
    }
    const admin = await sessionCookieFor("ayse");
    const res = await order(request(`/api/orders/${o.id}?reveal=1`, admin), orderCtx(String(o.id)));
    expect(res.status).toBe(200);
    const { events: list } = await events(admin, "action=reveal&user=ayse");
    expect(list[0]).toMatchObject({
      user: "ayse",
      action: "reveal",
      ip: "198.51.100.4",
      target: expect.stringContaining(`order ${o.id}`),
    });
  });

  it("refuses a reveal or a refresh that comes from another site (Sec-Fetch-Site: cross-site)", async () => {
    configure();
    const h = use();
    const o = anOrder(h);
    const admin = await sessionCookieFor("ayse");
    const cross = { "sec-fetch-site": "cross-site" };
    const reveal = await order(
      request(`/api/orders/${o.id}?reveal=1`, admin, cross),
      orderCtx(String(o.id)),
    );
    expect(reveal.status).toBe(403);
    const refresh = await reports(request("/api/reports?refresh=1", admin, cross), noParams);
    expect(refresh.status).toBe(403);
    // A plain read from a link is fine, and so is the same refresh from the dashboard.
    expect((await reports(request("/api/reports", admin, cross), noParams)).status).toBe(200);
    const same = { "sec-fetch-site": "same-origin" };
    expect((await reports(request("/api/reports?refresh=1", admin, same), noParams)).status).toBe(
      200,
    );
  });
});

describe("the audit log", () => {
  it("records sign-ins, failed sign-ins and logouts with the address", async () => {
    configure();
    use();
    await login(post("/api/auth/login", { username: "vera", password: "wrong" }), noParams);
    const ok = await login(
      post("/api/auth/login", { username: "vera", password: PASSWORD }),
      noParams,
    );
    const cookie = ok.headers.get("set-cookie")!.split(";")[0]!;
    await logout(post("/api/auth/logout", {}, cookie), noParams);
    const admin = await sessionCookieFor("ayse");
    const { events: list } = await events(admin, "user=vera");
    expect(list.slice(0, 3).map((e) => e.action)).toEqual(["logout", "login", "login_failed"]);
    expect(list.every((e) => e.ip === "198.51.100.9")).toBe(true);
    expect(JSON.stringify(list)).not.toContain("wrong"); // never the password
  });

  it("pages newest first through a cursor, and filters by user and action", async () => {
    configure();
    use();
    const admin = await sessionCookieFor("ayse");
    const req = request("/", admin);
    for (let i = 0; i < 5; i++) await recordAudit(req, "pager", "export_orders", `range ${i}`);
    const first = await events(admin, "user=pager&limit=2");
    expect(first.events.map((e) => e.target)).toEqual(["range 4", "range 3"]);
    const second = await events(admin, `user=pager&limit=2&before=${first.next}`);
    expect(second.events.map((e) => e.target)).toEqual(["range 2", "range 1"]);
    const third = await events(admin, `user=pager&limit=2&before=${second.next}`);
    expect(third.events.map((e) => e.target)).toEqual(["range 0"]);
    expect(third.next).toBeNull();
    expect((await events(admin, "user=pager&action=reveal")).events).toEqual([]);
  });

  it.each([
    ["limit=0", /limit/],
    ["limit=501", /limit/],
    ["before=garbage", /cursor/],
    ["action=delete_everything", /not an audit action/],
    ["sort=at", /Unknown parameter/],
  ])("answers %s with 400", async (qs, message) => {
    configure();
    use();
    const admin = await sessionCookieFor("ayse");
    const error = await errorOf(await audit(request(`/api/audit?${qs}`, admin), noParams));
    expect(error).toMatchObject({ status: 400, code: "invalid_query" });
    expect(error.message).toMatch(message);
  });

  it(`holds reveals to ${REVEALS_PER_HOUR} an hour per user (429 with Retry-After)`, async () => {
    configure();
    use();
    const req = request("/", "");
    for (let i = 0; i < REVEALS_PER_HOUR; i++)
      await recordAudit(req, "busy", "reveal", `order ${i}`);
    const error = await checkQuota("busy", "reveal").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: "rate_limited" });
    expect(
      Number((error as { headers: Record<string, string> }).headers["retry-after"]),
    ).toBeGreaterThan(3000);
    await expect(checkQuota("someone-else", "reveal")).resolves.toBeUndefined();
  });
});
