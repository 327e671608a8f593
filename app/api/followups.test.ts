// Follow-up lists (POST /api/followups, GET /api/followups/{id}, …/file): the file against the
// simulator's truth (numbers pooled so that many repeat across orders, half of them bare national
// numbers: de-duplicated by E.164), the statuses asked for, the caps before any get-report call,
// roles, masking and the audit log, a failing page (a failed job, no file), a job whose instance
// stopped, and a job read through a second store handle on one Postgres.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { env, setEnvForTesting } from "@/lib/env";
import { accountFingerprint } from "@/lib/iletimerkezi/hash";
import { silent } from "@/lib/log";
import { FOLLOWUP_MAX_ORDERS, type FollowupResponse } from "@/lib/reports/contract/followup-query";
import { e164 } from "@/lib/reports/engine/phone";
import { maskNumber } from "@/lib/reports/engine/recipients";
import { PEER_HEADER } from "@/lib/security/forwarded";
import { FOLLOWUP_KEEP_MS, FOLLOWUP_STALE_MS, whenFollowupsIdle } from "@/lib/server/followups";
import { setStoreForTesting, store } from "@/lib/server/store";
import type { FaultContext, FaultKind, Simulator } from "@/lib/simulator";
import { followupStore } from "@/lib/store/followups";
import { labelCache } from "@/lib/store/label-cache";
import { labelStore } from "@/lib/store/labels";
import { openStore, type Store } from "@/lib/store/open";
import { afterAllCleanups, freshSchema, postgresForTests } from "@/lib/testing/postgres";
import { errorOf, noParams, orderCtx, temporaryStore, use } from "@/lib/testing/routes";
import { sessionCookieFor } from "@/lib/testing/session";
import { GET as audit } from "./audit/route";
import { GET as fileRoute } from "./followups/[id]/file/route";
import { GET as statusRoute } from "./followups/[id]/route";
import { POST as start } from "./followups/route";

const ORIGIN = "http://127.0.0.1:3000";
const RANGE = { start: "2026-04-20", end: "2026-04-21" };
const QS = `start=${RANGE.start}&end=${RANGE.end}`;
const base = env();
let users = "";
temporaryStore("followups");
const cleanup = afterAllCleanups();

beforeAll(() => {
  const hash = hashPassword("pw");
  users = ["vera:viewer", "ali:analyst", "ayse:admin", "alp:analyst"]
    .map((u) => `${u}:${hash}`)
    .join(",");
});
afterEach(async () => {
  await whenFollowupsIdle();
  setEnvForTesting(undefined);
});

/** A pool of 400 numbers, every other one written as a bare national number. */
function pooled(number: string): string {
  let h = 0;
  for (const c of number) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  const national = `532000${String(h % 400).padStart(4, "0")}`;
  return h % 2 ? national : `+90${national}`;
}

type Message = { number: string; status: number };
function pooledAnswers(json: unknown): unknown {
  const order = (json as { response?: { order?: { message?: Message[] } } }).response?.order;
  if (order?.message)
    order.message = order.message.map((m) => ({ ...m, number: pooled(m.number) }));
  return json;
}

function useFollowups(
  fault?: (ctx: FaultContext) => FaultKind | null,
  opts: { timeoutMs?: number; maxAttempts?: number; labels?: boolean } = {},
) {
  setEnvForTesting({ ...base, users });
  const calls: FaultContext[] = [];
  let cache: ReturnType<typeof labelCache> | null = null;
  const h = use(
    {
      fault: (ctx) => {
        if (ctx.endpoint === "get-report") calls.push(ctx);
        return fault?.(ctx) ?? null;
      },
    },
    {
      mapResponse: pooledAnswers,
      timeoutMs: opts.timeoutMs,
      maxAttempts: opts.maxAttempts,
      // The engine reads labels from the routes' store, as in production.
      labels: opts.labels
        ? {
            current: async () => {
              cache ??= labelCache(labelStore((await store()).db, h.services.fingerprint));
              return cache.current();
            },
          }
        : undefined,
    },
  );
  return { h, calls };
}

type Row = { number: string; status: number; order: number; orders: number };

/** The list as the simulator's recipients make it: latest order wins, orders counted once. */
function truth(
  sim: Simulator,
  statuses: number[],
  keep = (_: { sender: string; id: number }) => true,
) {
  const orders = sim
    .orders(RANGE.start, RANGE.end)
    .filter(keep)
    .sort((a, b) => a.submitAt.localeCompare(b.submitAt) || a.id - b.id);
  const rows = new Map<string, Row>();
  const walked = new Set<number>();
  for (const o of orders) {
    for (const m of sim.recipients(o.id)) {
      if (!statuses.includes(m.status)) continue;
      walked.add(o.id);
      const number = e164(pooled(m.number));
      const row = rows.get(number);
      if (!row) rows.set(number, { number, status: m.status, order: o.id, orders: 1 });
      else {
        if (row.order !== o.id) row.orders++;
        row.order = o.id;
        row.status = m.status;
      }
    }
  }
  return { rows, orders };
}

const request = (path: string, cookie: string, method = "GET") =>
  new Request(`${ORIGIN}${path}`, { method, headers: { cookie, [PEER_HEADER]: "198.51.100.4" } });

async function startList(qs: string, cookie: string) {
  return start(request(`/api/followups?${qs}`, cookie, "POST"), noParams);
}
const statusOf = async (id: string, cookie: string) =>
  statusRoute(request(`/api/followups/${id}`, cookie), orderCtx(id) as never);
const fileOf = async (id: string, cookie: string) =>
  fileRoute(request(`/api/followups/${id}/file`, cookie), orderCtx(id) as never);

/** Starts a list, waits for it, and answers its final state. */
async function finished(qs: string, cookie: string): Promise<FollowupResponse> {
  const res = await startList(qs, cookie);
  expect(res.status, await res.clone().text()).toBe(202);
  const started = (await res.json()) as FollowupResponse;
  expect(started.status).toBe("running");
  await whenFollowupsIdle();
  return (await (await statusOf(started.id, cookie)).json()) as FollowupResponse;
}

const STATUS_WORDS: Record<string, number> = { Delivered: 111, Undelivered: 112, Waiting: 110 };

async function csvRows(res: Response): Promise<Row[]> {
  const records = parse((await res.text()).replace(/^\uFEFF/, ""), {
    delimiter: ";",
  }) as string[][];
  expect(records[0]).toEqual(["Phone number", "Status", "Latest order no.", "Orders"]);
  return records.slice(1).map(([number, status, order, orders]) => ({
    // A masked number is not digits only: csvCell keeps it text with a leading quote.
    number: number!.replace(/^'/, ""),
    status: STATUS_WORDS[status!]!,
    order: Number(order),
    orders: Number(orders),
  }));
}

describe("a follow-up list's file", () => {
  it("has every undelivered number once, with its latest order, status and order count (truth)", async () => {
    const { h } = useFollowups();
    const ayse = await sessionCookieFor("ayse");
    const done = await finished(`${QS}&reveal=1&lang=en`, ayse);
    const expected = truth(h.sim, [112]);
    expect(done.status).toBe("done");
    // Only orders that have undelivered messages are walked.
    const withUndelivered = expected.orders.filter((o) => o.undelivered > 0).length;
    expect(done.orders).toEqual({ total: withUndelivered, done: withUndelivered });
    expect(done.recipients).toBe(expected.rows.size);
    expect(done.file?.name).toBe(`followup-${RANGE.start}-${RANGE.end}.csv`);
    const res = await fileOf(done.id, ayse);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = await csvRows(res);
    // The pool makes numbers repeat: the test means something only if they do.
    expect(rows.filter((r) => r.orders > 1).length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    expect(new Map(rows.map((r) => [r.number, r]))).toEqual(expected.rows);
  });

  it("takes the statuses asked for, and the report's filters", async () => {
    const { h } = useFollowups();
    const ayse = await sessionCookieFor("ayse");
    const sender = h.sim.orders(RANGE.start, RANGE.end)[0]!.sender;
    const done = await finished(
      `${QS}&sender=${encodeURIComponent(sender)}&messageStatus=111,110&reveal=1&lang=en`,
      ayse,
    );
    const expected = truth(h.sim, [110, 111], (o) => o.sender === sender);
    const rows = await csvRows(await fileOf(done.id, ayse));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Map(rows.map((r) => [r.number, r]))).toEqual(expected.rows);
  });

  it("takes a campaign label's orders only (label=)", async () => {
    const { h } = useFollowups(undefined, { labels: true });
    const ayse = await sessionCookieFor("ayse");
    const labelled = h.sim
      .orders(RANGE.start, RANGE.end)
      .filter((o) => o.undelivered > 0)
      .slice(0, 4)
      .map((o) => o.id);
    await labelStore((await store()).db, h.services.fingerprint).setMany(labelled, "Bayram 2026", {
      by: "ayse",
      at: Date.now(),
    });
    const done = await finished(`${QS}&label=Bayram%202026&reveal=1&lang=en`, ayse);
    expect(done.orders).toEqual({ total: 4, done: 4 });
    const expected = truth(h.sim, [112], (o) => labelled.includes(o.id));
    const rows = await csvRows(await fileOf(done.id, ayse));
    expect(new Map(rows.map((r) => [r.number, r]))).toEqual(expected.rows);
  });

  it("writes a workbook in Turkish: numbers as text, the order id a number", async () => {
    useFollowups();
    const ali = await sessionCookieFor("ali");
    const done = await finished(`${QS}&format=xlsx&lang=tr`, ali);
    const res = await fileOf(done.id, ali);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="followup-${RANGE.start}-${RANGE.end}.xlsx"`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe("Takip listesi");
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Telefon numarası",
      "Durum",
      "Son gönderim no",
      "Gönderim sayısı",
    ]);
    expect(sheet.rowCount - 1).toBe(done.recipients);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toMatch(/^\+90532\*+\d{2}$/);
    expect(row.getCell(2).value).toBe("İletilemedi");
    expect(typeof row.getCell(3).value).toBe("number");
  });
});

describe("bad queries", () => {
  it.each([
    ["messageStatus=113", "messageStatus", /messageStatus must be a list of 110, 111 and 112/],
    ["messageStatus=abc", "messageStatus", /messageStatus/],
    ["format=pdf", "format", /format must be csv or xlsx/],
    ["lang=de", "lang", /lang must be tr \(Turkish\) or en/],
    ["reveal=2", "reveal", /reveal must be 1 or 0/],
    ["reveal=1&reveal=1", "reveal", /given more than once/],
    ["start=2026-13-01", "start", /start/],
    ["minMessages=0", "minMessages", /minMessages/],
  ])("%s → 400 invalid_query naming %s, no job", async (qs, param, message) => {
    const { calls } = useFollowups();
    const ayse = await sessionCookieFor("ayse");
    const error = await errorOf(await startList(`${QS}&${qs}`, ayse));
    expect(error).toMatchObject({ status: 400, code: "invalid_query" });
    expect(error.message).toMatch(message);
    expect(error.message).toContain(param);
    expect(calls).toEqual([]);
  });
});

describe("limits, roles, masking and the audit log", () => {
  it(`refuses more than ${FOLLOWUP_MAX_ORDERS} orders with 400 before any get-report call`, async () => {
    const { calls } = useFollowups();
    const ali = await sessionCookieFor("ali");
    const res = await startList("start=2026-01-01&end=2026-04-28", ali);
    const error = await errorOf(res);
    expect(error.status).toBe(400);
    expect(error.code).toBe("invalid_query");
    expect(error.message).toMatch(
      new RegExp(
        `^This selection has [\\d,]+ orders; a follow-up list takes at most ${FOLLOWUP_MAX_ORDERS}\\. Narrow it`,
      ),
    );
    expect(calls).toEqual([]);
  });

  it("refuses viewers (403), and reveal to analysts; masks an analyst's numbers", async () => {
    useFollowups();
    const vera = await sessionCookieFor("vera");
    expect((await errorOf(await startList(QS, vera))).status).toBe(403);
    const ali = await sessionCookieFor("ali");
    const reveal = await errorOf(await startList(`${QS}&reveal=1`, ali));
    expect(reveal.status).toBe(403);
    expect(reveal.message).toMatch(/analyst.*full phone numbers/);
    const done = await finished(`${QS}&lang=en`, ali);
    const rows = await csvRows(await fileOf(done.id, ali));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.number).toMatch(/^\+90532\*{5}\d{2}$/);
      expect(r.number).toBe(maskNumber(r.number.replace(/\*/g, "0")));
    }
  });

  it("lets only the user who started a list, and admins, read it", async () => {
    useFollowups();
    const ali = await sessionCookieFor("ali");
    const done = await finished(QS, ali);
    const alp = await sessionCookieFor("alp");
    for (const res of [await statusOf(done.id, alp), await fileOf(done.id, alp)])
      expect((await errorOf(res)).code).toBe("followup_not_found");
    const ayse = await sessionCookieFor("ayse");
    expect((await statusOf(done.id, ayse)).status).toBe(200);
    expect((await fileOf(done.id, ayse)).status).toBe(200);
    expect((await errorOf(await statusOf("not-an-id", ali))).status).toBe(400);
    const unknown = "0".repeat(32);
    expect((await errorOf(await statusOf(unknown, ali))).status).toBe(404);
  });

  it("audits the list with its selection and statuses, and a reveal apart", async () => {
    useFollowups();
    const ayse = await sessionCookieFor("ayse");
    await finished(`${QS}&label=Bayram%202026&messageStatus=112,111&reveal=1`, ayse);
    const res = await audit(request("/api/audit?user=ayse", ayse), noParams);
    const { events } = (await res.json()) as { events: { action: string; target: string }[] };
    const target = `follow-up ${RANGE.start}..${RANGE.end} label=Bayram 2026, statuses 111,112`;
    expect(events.slice(0, 2).map((e) => [e.action, e.target])).toEqual([
      ["reveal", `${target}, numbers in full`],
      ["export_recipients", target],
    ]);
  });
});

describe("failures", () => {
  it("fails the job when a get-report page fails, and keeps no file", async () => {
    let failOn = -1;
    const { h } = useFollowups((ctx) => (ctx.orderId === failOn ? "unavailable" : null));
    // The third order walked fails at every attempt.
    failOn = h.sim
      .orders(RANGE.start, RANGE.end)
      .filter((o) => o.undelivered > 0)
      .sort((a, b) => a.submitAt.localeCompare(b.submitAt) || a.id - b.id)[2]!.id;
    const ali = await sessionCookieFor("ali");
    const done = await finished(QS, ali);
    expect(done.status).toBe("failed");
    expect(done.error?.code).toBe("upstream_unavailable");
    expect(done.error?.message).toMatch(/iletiMerkezi is not answering/);
    expect(done.file).toBeNull();
    expect(done.orders.done).toBeLessThan(done.orders.total);
    const file = await errorOf(await fileOf(done.id, ali));
    expect(file).toMatchObject({ status: 409, code: "followup_not_ready" });
    expect(file.message).toMatch(/failed and has no file: iletiMerkezi is not answering/);
  });

  it("shows a job whose instance stopped as failed, and drops expired jobs", async () => {
    const { h } = useFollowups();
    const ali = await sessionCookieFor("ali");
    const jobs = followupStore((await store()).db, accountFingerprint(h.sim.options.key));
    const at = Date.now();
    const id = "a".repeat(32);
    await jobs.create(
      { id, user: "ali", target: "t", ordersTotal: 10, at: at - FOLLOWUP_STALE_MS - 1000 },
      FOLLOWUP_KEEP_MS,
    );
    const body = (await (await statusOf(id, ali)).json()) as FollowupResponse;
    expect(body.status).toBe("failed");
    expect(body.error?.message).toMatch(/server preparing this list stopped/);
    // A stopped job no longer counts as running: the user may start another.
    expect((await startList(QS, ali)).status).toBe(202);
    const old = "b".repeat(32);
    await jobs.create(
      { id: old, user: "ali", target: "t", ordersTotal: 1, at: at - 2 * FOLLOWUP_KEEP_MS },
      FOLLOWUP_KEEP_MS,
    );
    expect((await errorOf(await statusOf(old, ali))).code).toBe("followup_not_found");
    expect(await jobs.prune(Date.now())).toBeGreaterThanOrEqual(1);
    expect(await jobs.read(old)).toBeNull();
  });

  it("refuses a second list of the same user while the first runs (429)", async () => {
    useFollowups((ctx) => (ctx.endpoint === "get-report" ? "timeout" : null), {
      timeoutMs: 300,
      maxAttempts: 1,
    });
    const ali = await sessionCookieFor("ali");
    const first = await startList(QS, ali);
    expect(first.status).toBe(202);
    const second = await errorOf(await startList(QS, ali));
    expect(second).toMatchObject({ status: 429, code: "too_many_reports" });
  });
});

const hasPostgres = await postgresForTests();

describe.runIf(hasPostgres)("on one Postgres", () => {
  it("shows the job and its file through a second store handle (another instance)", async () => {
    const { url, drop } = await freshSchema();
    cleanup(drop);
    const a: Store = await openStore({ databaseUrl: url, dataDir: "unused", log: silent });
    const b: Store = await openStore({ databaseUrl: url, dataDir: "unused", log: silent });
    cleanup(() => a.close());
    cleanup(() => b.close());
    useFollowups();
    const embedded = await store();
    setStoreForTesting(a);
    try {
      const ali = await sessionCookieFor("ali");
      const done = await finished(`${QS}&lang=en`, ali);
      expect(done.status).toBe("done");
      const bytes = new Uint8Array(await (await fileOf(done.id, ali)).arrayBuffer());
      setStoreForTesting(b);
      const there = (await (await statusOf(done.id, ali)).json()) as FollowupResponse;
      expect(there).toEqual(done);
      const file = new Uint8Array(await (await fileOf(done.id, ali)).arrayBuffer());
      expect(Buffer.from(file).equals(Buffer.from(bytes))).toBe(true);
      expect(file.byteLength).toBe(done.file?.bytes);
    } finally {
      setStoreForTesting(embedded);
    }
  });
});
