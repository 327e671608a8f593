// The campaign label routes: PUT /api/orders/{id}/label, POST /api/labels, GET /api/labels. Roles
// (viewers read, analysts and admins edit), validation (always a 400 with a sentence, never a 500),
// the audit log, and the rows they leave in the store.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { env, setEnvForTesting } from "@/lib/env";
import { PEER_HEADER } from "@/lib/security/forwarded";
import { store } from "@/lib/server/store";
import { labelStore } from "@/lib/store/labels";
import { errorOf, noParams, orderCtx, temporaryStore, use } from "@/lib/testing/routes";
import { sessionCookieFor } from "@/lib/testing/session";
import { GET as audit } from "./audit/route";
import { GET as list, POST as bulk } from "./labels/route";
import { PUT as put } from "./orders/[id]/label/route";

const ORIGIN = "http://127.0.0.1:3000";
const testStore = temporaryStore("labels");
const base = env();

let users = "";
beforeAll(() => {
  const hash = hashPassword("pw");
  users = ["vera:viewer", "ali:analyst", "ayse:admin"].map((u) => `${u}:${hash}`).join(",");
});
const configure = () => setEnvForTesting({ ...base, users });
afterEach(() => setEnvForTesting(undefined));

const cookies: Record<string, string> = {};
const as = async (user: string) => (cookies[user] ??= await sessionCookieFor(user));

function send(
  method: string,
  path: string,
  body: unknown,
  cookie: string,
  headers: Record<string, string> = {},
) {
  return new Request(`${ORIGIN}${path}`, {
    method,
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: {
      origin: ORIGIN,
      host: "127.0.0.1:3000",
      "content-type": "application/json",
      [PEER_HEADER]: "198.51.100.7",
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
  });
}
const label = (id: string | number, body: unknown, cookie: string, headers = {}) =>
  put(send("PUT", `/api/orders/${id}/label`, body, cookie, headers), orderCtx(String(id)));
const labelMany = (body: unknown, cookie: string, headers = {}) =>
  bulk(send("POST", "/api/labels", body, cookie, headers), noParams);
const labels = (qs: string, cookie: string) =>
  list(new Request(`${ORIGIN}/api/labels${qs}`, { headers: { cookie } }), noParams);

async function stored(fingerprint: string) {
  return Object.fromEntries((await labelStore((await store()).db, fingerprint).snapshot()).byOrder);
}

async function auditOf(user: string) {
  const res = await audit(
    new Request(`${ORIGIN}/api/audit?action=label&user=${user}`, {
      headers: { cookie: await as("ayse") },
    }),
    noParams,
  );
  const body = (await res.json()) as { events: { user: string; target: string; ip: string }[] };
  return body.events;
}

describe("labels through the API", () => {
  it("lets an analyst set, change and remove one order's label, audited, kept in the store", async () => {
    configure();
    const h = use();
    const ali = await as("ali");
    let res = await label(312988299, { label: "  Bayram\t2026 " }, ali);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 312988299, label: "Bayram 2026" });
    expect(await stored(h.services.fingerprint)).toEqual({ 312988299: "Bayram 2026" });

    res = await label(312988299, { label: "Şeker Bayramı" }, ali);
    expect(await res.json()).toEqual({ id: 312988299, label: "Şeker Bayramı" });
    res = await label(312988299, { label: null }, ali);
    expect(await res.json()).toEqual({ id: 312988299, label: null });
    expect(await stored(h.services.fingerprint)).toEqual({});

    const events = await auditOf("ali");
    expect(events.slice(0, 3).map((e) => e.target)).toEqual([
      "order 312988299: label removed",
      'order 312988299: label "Şeker Bayramı"',
      'order 312988299: label "Bayram 2026"',
    ]);
    expect(events[0]!.ip).toBe("198.51.100.7");
  });

  it("labels many orders at once and lists the labels for autocomplete, viewers included", async () => {
    configure();
    const h = use();
    const ayse = await as("ayse");
    const ids = Array.from({ length: 5000 }, (_, i) => 400_000_000 + i);
    let res = await labelMany({ label: "Black Friday SMS", ids }, ayse);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ labelled: 5000 });
    res = await labelMany({ label: "BİLGİ", ids: [1, 2, 2, 3] }, ayse);
    expect(await res.json()).toEqual({ labelled: 3 });
    res = await labelMany({ label: null, ids: ids.slice(0, 1000) }, ayse);
    expect(await res.json()).toEqual({ labelled: 1000 });
    expect(Object.keys(await stored(h.services.fingerprint))).toHaveLength(4003);

    const vera = await as("vera");
    res = await labels("", vera);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      labels: [
        { label: "Black Friday SMS", orders: 4000 },
        { label: "BİLGİ", orders: 3 },
      ],
    });
    res = await labels("?prefix=bil", vera);
    expect(await res.json()).toEqual({ labels: [{ label: "BİLGİ", orders: 3 }] });
    expect((await errorOf(await labels("?limit=0", vera))).code).toBe("invalid_query");

    const targets = (await auditOf("ayse")).slice(0, 3).map((e) => e.target);
    expect(targets).toEqual([
      "1000 orders (400000000, 400000001, 400000002, 400000003, 400000004, …): label removed",
      '3 orders (1, 2, 3): label "BİLGİ"',
      '5000 orders (400000000, 400000001, 400000002, 400000003, 400000004, …): label "Black Friday SMS"',
    ]);
  });

  it("refuses viewers (403 forbidden), requests without a session (401) and cross-site writes", async () => {
    configure();
    const h = use();
    const vera = await as("vera");
    const refused = await errorOf(await label(5, { label: "x" }, vera));
    expect(refused).toMatchObject({ status: 403, code: "forbidden" });
    expect(refused.message).toMatch(/viewer.*change campaign labels/);
    expect((await errorOf(await labelMany({ label: "x", ids: [5] }, vera))).status).toBe(403);
    // The role is checked before the body is read.
    expect((await errorOf(await label(5, "not json", vera))).status).toBe(403);

    for (const res of [
      await label(5, { label: "x" }, ""),
      await labelMany({ label: "x", ids: [5] }, ""),
      await labels("", ""),
    ])
      expect(await errorOf(res)).toMatchObject({ status: 401, code: "unauthenticated" });

    const ali = await as("ali");
    const cross = { "sec-fetch-site": "cross-site" };
    expect((await label(5, { label: "x" }, ali, cross)).status).toBe(403);
    expect((await labelMany({ label: "x", ids: [5] }, ali, cross)).status).toBe(403);
    const foreign = { "sec-fetch-site": "", origin: "https://evil.example" };
    expect((await label(5, { label: "x" }, ali, foreign)).status).toBe(403);
    expect(await stored(h.services.fingerprint)).toEqual({});
    expect(await auditOf("vera")).toEqual([]);
  });

  const tooLong = "x".repeat(81);
  it.each([
    ["a path id that is not an order id", "abc", { label: "x" }, /order id must be a positive/],
    ["order id 0", "0", { label: "x" }, /order id must be a positive/],
    ["a body that is not JSON", "5", "{label: x}", /not valid JSON/],
    ["an empty body", "5", "", /not valid JSON/],
    ["no label", "5", {}, /label must be text/],
    ["a number for a label", "5", { label: 7 }, /label must be text/],
    ["a blank label", "5", { label: "   " }, /Type a label/],
    ["81 characters", "5", { label: tooLong }, /81 characters long; keep it to 80/],
    ["a control character", "5", { label: "a\u0000b" }, /control or invisible/],
    ["a comma", "5", { label: "Bayram, 2026" }, /comma/],
    ["the reserved word", "5", { label: "None" }, /reserved/],
    ["a body over 4096 bytes", "5", { label: "x", pad: "y".repeat(5000) }, /larger than 4096/],
  ])("answers 400 invalid_query to PUT with %s", async (_, id, body, message) => {
    configure();
    const h = use();
    const res = await errorOf(await label(id, body, await as("ali")));
    expect(res).toMatchObject({ status: 400, code: "invalid_query" });
    expect(res.message).toMatch(message);
    expect(await stored(h.services.fingerprint)).toEqual({});
  });

  const many = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  it.each([
    ["no ids", { label: "x", ids: [] }, /at least one order/],
    ["5001 ids", { label: "x", ids: many(5001) }, /at most 5000 orders at once/],
    ["an id that is text", { label: "x", ids: [1, "2"] }, /positive whole numbers/],
    ["a negative id", { label: "x", ids: [1, -2] }, /positive whole numbers/],
    ["a fraction", { label: "x", ids: [1.5] }, /positive whole numbers/],
    ["ids as a string", { label: "x", ids: "1,2" }, /ids must be a list/],
    ["a label too long", { label: tooLong, ids: [1] }, /keep it to 80/],
    ["an array body", [1, 2], /Send \{"label"/],
    ["a body over 128 KiB", { label: "x", ids: many(5000), pad: "z".repeat(140_000) }, /larger/],
  ])("answers 400 invalid_query to POST with %s, labelling nothing", async (_, body, message) => {
    configure();
    const h = use();
    const res = await errorOf(await labelMany(body, await as("ali")));
    expect(res).toMatchObject({ status: 400, code: "invalid_query" });
    expect(res.message).toMatch(message);
    expect(await stored(h.services.fingerprint)).toEqual({});
  });

  it("refuses a body that is not declared JSON", async () => {
    configure();
    use();
    const res = await errorOf(
      await label(5, { label: "x" }, await as("ali"), { "content-type": "text/plain" }),
    );
    expect(res).toMatchObject({ status: 400, code: "invalid_query" });
    expect(res.message).toMatch(/Content-Type: application\/json/);
  });

  it("answers 503 store_unavailable when the store fails mid-change, and keeps nothing of it", async () => {
    configure();
    const h = use();
    const ali = await as("ali");
    expect((await label(5, { label: "Önce" }, ali)).status).toBe(200);
    const { db } = await store();
    const revision = await labelStore(db, h.services.fingerprint).revision();
    // The labels' table goes away: the revision is bumped, then the label's row fails.
    await db.schema.alterTable("labels").renameTo("labels_away").execute();
    try {
      const res = await errorOf(await label(5, { label: "Sonra" }, ali));
      expect(res).toMatchObject({ status: 503, code: "store_unavailable" });
      expect(res.message).toMatch(/labels can be neither read nor changed/);
      expect((await errorOf(await labelMany({ label: "Sonra", ids: [5, 6] }, ali))).status).toBe(
        503,
      );
    } finally {
      await db.schema.alterTable("labels_away").renameTo("labels").execute();
    }
    expect(await stored(h.services.fingerprint)).toEqual({ 5: "Önce" });
    expect(await labelStore(db, h.services.fingerprint).revision()).toBe(revision);
    expect((await auditOf("ali")).map((e) => e.target)).not.toContain('order 5: label "Sonra"');
  });

  it("answers 503 store_unavailable while the store is away", async () => {
    configure();
    use();
    const ali = await as("ali");
    await testStore.close();
    try {
      const res = await errorOf(await labels("", ali));
      expect(res).toMatchObject({ status: 503, code: "store_unavailable" });
    } finally {
      await testStore.reopen();
    }
  });
});
