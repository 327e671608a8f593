import { describe, expect, it } from "vitest";
import type { harness } from "@/lib/testing/harness";
import { errorOf, get, orderCtx, use } from "@/lib/testing/routes";
import { GET as orderExport } from "./orders/[id]/export/route";
import { GET as order } from "./orders/[id]/route";

describe("GET /api/orders/{id}", () => {
  function pick(
    h: ReturnType<typeof harness>,
    test: (o: { total: number; sendAt: string; submitAt: string; waiting: number }) => boolean,
  ) {
    const o = h.sim.orders("2026-04-01", "2026-04-29").find(test);
    if (!o) throw new Error("no such order in the simulator");
    return o;
  }

  it("answers the counters and a masked page of recipients", async () => {
    const h = use();
    const o = pick(h, (x) => x.total > 150 && x.sendAt <= "2026-04-29 12:00:00");
    const res = await order(
      await get(`/api/orders/${o.id}?pageSize=100&page=2`),
      orderCtx(String(o.id)),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.order).toMatchObject({
      id: o.id,
      total: o.total,
      delivered: o.delivered,
      undelivered: o.undelivered,
    });
    expect(body.messages).toMatchObject({ total: o.total, page: 2, pageSize: 100 });
    const truth = h.sim.recipients(o.id).slice(100, 200);
    expect(body.messages.items).toHaveLength(truth.length);
    expect(body.messages.items[0].number).toMatch(/^\+?\d{3,5}\*+\d{2}$/);
    expect(body.messages.items[0].number).not.toBe(truth[0]!.number);
    const revealed = await (
      await order(
        await get(`/api/orders/${o.id}?pageSize=100&page=2&reveal=1`),
        orderCtx(String(o.id)),
      )
    ).json();
    expect(revealed.messages.items.map((m: { number: string }) => m.number)).toEqual(
      truth.map((m) => m.number),
    );
  });

  it("filters recipients by status across every upstream page", async () => {
    const h = use();
    const o = pick(h, (x) => x.total > 2500 && x.sendAt <= "2026-04-29 12:00:00");
    const truth = h.sim.recipients(o.id).filter((m) => m.status === 112);
    const res = await order(
      await get(`/api/orders/${o.id}?status=112&pageSize=50&reveal=1`),
      orderCtx(String(o.id)),
    );
    const body = await res.json();
    expect(body.messages.total).toBe(truth.length);
    expect(body.messages.total).toBe(o.undelivered);
    expect(body.messages.items).toEqual(truth.slice(0, 50));
    const past = await (
      await order(await get(`/api/orders/${o.id}?status=112&page=100000`), orderCtx(String(o.id)))
    ).json();
    expect(past.messages.items).toEqual([]);
  });

  it("exports every recipient as CSV", async () => {
    const h = use();
    const o = pick(h, (x) => x.total > 1500 && x.sendAt <= "2026-04-29 12:00:00");
    const res = await orderExport(
      await get(`/api/orders/${o.id}/export?reveal=1`),
      orderCtx(String(o.id)),
    );
    const text = (await res.text()).replace(/^\uFEFF/, "");
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("Gönderim no;Telefon numarası;Durum");
    // One shape for every number: the simulator writes some as +90…, some as the bare national.
    const e164 = (n: string) => (n.startsWith("+") ? n : `+90${n}`);
    const word: Record<number, string> = { 110: "Beklemede", 111: "İletildi", 112: "İletilemedi" };
    expect(lines.slice(1)).toEqual(
      h.sim.recipients(o.id).map((m) => `${o.id};${e164(m.number)};${word[m.status]}`),
    );
    const masked = await (
      await orderExport(await get(`/api/orders/${o.id}/export`), orderCtx(String(o.id)))
    ).text();
    expect(masked).not.toContain(h.sim.recipients(o.id)[0]!.number);
  });

  it("answers 404 for an unknown order (455) and 409 for a scheduled one (456)", async () => {
    const h = use();
    expect(await errorOf(await order(await get("/api/orders/999"), orderCtx("999")))).toMatchObject(
      { status: 404, code: "order_not_found" },
    );
    const scheduled = h.sim
      .orders("2026-04-29", "2026-04-29")
      .find((x) => x.sendAt > "2026-04-29 12:00:00");
    expect(scheduled).toBeDefined();
    const id = String(scheduled!.id);
    expect(await errorOf(await order(await get(`/api/orders/${id}`), orderCtx(id)))).toMatchObject({
      status: 409,
      code: "order_not_due",
    });
  });

  it.each([
    ["abc", "", "id"],
    ["-5", "", "id"],
    ["0", "", "id"],
    ["12", "?page=0", "page"],
    ["12", "?pageSize=1001", "pageSize"],
    ["12", "?status=113", "status"],
    ["12", "?reveal=maybe", "reveal"],
  ])("answers /api/orders/%s%s with 400 naming %s", async (id, qs, param) => {
    use();
    const error = await errorOf(await order(await get(`/api/orders/${id}${qs}`), orderCtx(id)));
    expect(error).toMatchObject({ status: 400, code: "invalid_query" });
    expect(error.message.toLowerCase()).toContain(param.toLowerCase());
  });
});
