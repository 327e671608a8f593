// The two export routes as streams: a user's third export at once is refused with 429 until one
// of the first two ends or is cancelled; the recipients CSV is written as get-report pages arrive,
// asks for pages only as it is read, and fails as an error answer before its first byte or as a
// cut-short download after it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/api-error";
import { EXPORTS_PER_USER, exportSlots } from "@/lib/api/export-slots";
import { DEMO_USER } from "@/lib/auth/users";
import { ROW_COUNT_MAX, STREAM_CACHE_MAX_RECIPIENTS } from "@/lib/reports/engine/recipients";
import type { FaultContext, FaultKind } from "@/lib/simulator";
import type { harness } from "@/lib/testing/harness";
import { errorOf, get, noParams, orderCtx, use } from "@/lib/testing/routes";
import { GET as orderExport } from "./orders/[id]/export/route";
import { GET as order } from "./orders/[id]/route";
import { GET as reportsExport } from "./reports/export/route";

// The audit log, made to fail on demand (as a store that stops answering does).
const audit = vi.hoisted(() => ({ fails: false }));
vi.mock("@/lib/api/audit", async (original) => {
  const real = await original<typeof import("@/lib/api/audit")>();
  return {
    ...real,
    recordAudit: async (...args: Parameters<typeof real.recordAudit>) => {
      if (audit.fails) throw new ApiError("store_unavailable", "The store is not answering.");
      return real.recordAudit(...args);
    },
  };
});

const NOW = "2026-04-29 12:00:00";
const RANGE = "start=2026-04-01&end=2026-04-28";
const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bodies (or their readers) a test holds open; cancelled after it, so no slot outlives its test. */
const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  audit.fails = false;
  for (const cancel of open.splice(0)) await cancel().catch(() => {});
  expect(exportSlots().count(DEMO_USER.username)).toBe(0);
});

function held(res: Response): Response {
  open.push(async () => {
    if (!res.body?.locked) await res.body?.cancel();
  });
  return res;
}

function readerOf(res: Response): ReadableStreamDefaultReader<Uint8Array> {
  const reader = res.body!.getReader();
  open.push(() => reader.cancel());
  return reader;
}

/** A harness whose get-report requests are counted, and fail as `fault` says. */
function useCounting(fault?: (ctx: FaultContext) => FaultKind | null) {
  const pages: number[] = [];
  const h = use({
    fault: (ctx) => {
      if (ctx.endpoint === "get-report") pages.push(ctx.page);
      return fault?.(ctx) ?? null;
    },
  });
  return { ...h, pages };
}

function sentOrder(h: ReturnType<typeof harness>, test: (total: number) => boolean) {
  const o = h.sim.orders("2026-01-01", "2026-04-28").find((x) => test(x.total) && x.sendAt <= NOW);
  if (!o) throw new Error("no such order in the simulator");
  return o;
}

const exportOf = async (id: number, qs = "") =>
  orderExport(await get(`/api/orders/${id}/export${qs}`), orderCtx(String(id)));

describe("exports at once per user", () => {
  it(`refuses a user's export beyond ${EXPORTS_PER_USER} at once, across both routes, with 429 and Retry-After`, async () => {
    const h = use();
    const o = sentOrder(h, (t) => t > 3 * ROW_COUNT_MAX);
    const first = held(await reportsExport(await get(`/api/reports/export?${RANGE}`), noParams));
    const second = held(await exportOf(o.id));
    expect([first.status, second.status]).toEqual([200, 200]);
    for (const third of [
      await reportsExport(await get(`/api/reports/export?${RANGE}`), noParams),
      await exportOf(o.id),
    ]) {
      expect(third.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
      expect(await errorOf(third)).toEqual({
        status: 429,
        code: "too_many_reports",
        message: `You already have ${EXPORTS_PER_USER} exports running; wait for one to finish.`,
      });
    }
    // One finishes: the next is let through.
    await first.arrayBuffer();
    const next = held(await exportOf(o.id));
    expect(next.status).toBe(200);
  });

  it("gives the slot back when a download is cancelled", async () => {
    const h = use();
    const o = sentOrder(h, (t) => t > 10 * ROW_COUNT_MAX);
    const a = held(await exportOf(o.id));
    const b = held(await reportsExport(await get(`/api/reports/export?${RANGE}`), noParams));
    expect((await exportOf(o.id)).status).toBe(429);
    const reader = readerOf(a);
    await reader.read(); // the header and the first page, then the client goes away
    await reader.cancel();
    expect(exportSlots().count(DEMO_USER.username)).toBe(1);
    const c = held(await exportOf(o.id));
    expect(c.status).toBe(200);
    await b.body!.cancel(); // not read at all
    expect(exportSlots().count(DEMO_USER.username)).toBe(1);
  });

  it("takes no slot for a bad query, and gives it back when the export fails before its first byte", async () => {
    useCounting((ctx) => (ctx.page === 1 ? "unavailable" : null));
    const o = { id: 312_000_001 };
    for (let k = 0; k < EXPORTS_PER_USER + 1; k++) {
      expect((await errorOf(await exportOf(o.id, "?status=999"))).code).toBe("invalid_query");
      expect(await errorOf(await exportOf(o.id))).toMatchObject({
        status: 503,
        code: "upstream_unavailable",
      });
    }
    expect(exportSlots().count(DEMO_USER.username)).toBe(0);
  });

  it("gives the slot back when the export cannot be audited", async () => {
    const h = use();
    const o = sentOrder(h, (t) => t > 3 * ROW_COUNT_MAX);
    audit.fails = true;
    for (let k = 0; k < EXPORTS_PER_USER + 1; k++) {
      expect((await errorOf(await exportOf(o.id))).code).toBe("store_unavailable");
      const orders = await reportsExport(await get(`/api/reports/export?${RANGE}`), noParams);
      expect((await errorOf(orders)).code).toBe("store_unavailable");
    }
    expect(exportSlots().count(DEMO_USER.username)).toBe(0);
    audit.fails = false;
    expect(held(await exportOf(o.id)).status).toBe(200);
  });
});

describe("GET /api/orders/{id}/export as a stream", () => {
  it("asks for pages only as the download is read, and for none after it is cancelled", async () => {
    const h = useCounting();
    const o = sentOrder(h, (t) => t > 20 * ROW_COUNT_MAX);
    const res = held(await exportOf(o.id, "?reveal=1"));
    expect(h.pages).toEqual([1]); // the first page before the answer
    await tick();
    expect(h.pages).toEqual([1]);
    const reader = readerOf(res);
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first.trimEnd().split("\r\n")).toHaveLength(1 + ROW_COUNT_MAX);
    await reader.read();
    await tick(50);
    const asked = h.pages.length;
    // Page 2 written, and a few asked for ahead of it: nowhere near the order's 20+ pages.
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(asked).toBeLessThanOrEqual(5);
    await reader.cancel();
    await tick(50);
    expect(h.pages).toHaveLength(asked);
  });

  it("writes every recipient of a large order, masked and filtered as asked, in order", async () => {
    const h = use();
    const o = sentOrder(h, (t) => t > 25 * ROW_COUNT_MAX);
    const truth = h.sim.recipients(o.id).filter((m) => m.status !== 110);
    const res = await exportOf(o.id, "?status=111,112&sep=,");
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Gönderim no,Telefon numarası,Durum");
    expect(lines).toHaveLength(1 + truth.length);
    // Masked in the E.164 shape, bare numbers too, with a leading ' so that no spreadsheet runs it.
    const shape = new RegExp(`^${o.id},'\\+90\\d{3}\\*{5}\\d{2},(İletildi|İletilemedi)$`);
    expect(lines.slice(1).filter((l) => !shape.test(l))).toEqual([]);
    const word = (s: number) => (s === 111 ? "İletildi" : "İletilemedi");
    expect(lines.slice(1).map((l) => l.split(",")[2])).toEqual(truth.map((m) => word(m.status)));
    expect(text).not.toContain(truth[0]!.number);
  });

  it("cuts the download short when a page fails after the first byte, and logs it without numbers", async () => {
    const h = useCounting((ctx) => (ctx.page === 4 ? "unavailable" : null));
    const o = sentOrder(h, (t) => t > 6 * ROW_COUNT_MAX);
    const res = held(await exportOf(o.id, "?reveal=1"));
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    expect(exportSlots().count(DEMO_USER.username)).toBe(0);
    const failed = h.logs.filter((l) => l.event === "export_failed");
    expect(failed).toEqual([
      expect.objectContaining({ export: "recipients", orderId: o.id, kind: "unavailable" }),
    ]);
    const logged = JSON.stringify(h.logs);
    expect(logged).not.toMatch(/\+?90\d{10}/);
  });

  it("keeps a small exported order for the status filter, and streams a huge one through without keeping it", async () => {
    const h = useCounting();
    const small = sentOrder(h, (t) => t > 2 * ROW_COUNT_MAX && t < 5 * ROW_COUNT_MAX);
    const huge = sentOrder(h, (t) => t > STREAM_CACHE_MAX_RECIPIENTS);
    for (const o of [small, huge]) {
      await (await exportOf(o.id)).arrayBuffer();
      h.pages.length = 0;
      const res = await order(
        await get(`/api/orders/${o.id}?status=112&pageSize=10`),
        orderCtx(String(o.id)),
      );
      expect((await res.json()).messages.total).toBe(o.undelivered);
      const walked = o === small ? 0 : Math.ceil(o.total / ROW_COUNT_MAX);
      expect(h.pages, o === small ? "small" : "huge").toHaveLength(walked);
    }
  });
});
