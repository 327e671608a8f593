import { describe, expect, it } from "vitest";
import { splitWindows } from "@/lib/dates";
import { createSimulator } from "./index";
import { at, reports, walk } from "./test-helpers";
import type { SimulatorOptions } from "./types";

const NOW = "2026-04-29T12:00:00+03:00";

function sum(orders: any[]) {
  const t = { orders: orders.length, messages: 0, delivered: 0, undelivered: 0, waiting: 0 };
  for (const o of orders) {
    t.messages += o.total;
    t.delivered += o.delivered;
    t.undelivered += o.undelivered;
    t.waiting += o.waiting;
  }
  return t;
}

const ids = (orders: any[]) => orders.map((o) => Number(o.id));

describe("walking get-reports pages", () => {
  it.each([
    ["one day", "2026-04-20", "2026-04-20"],
    ["ten days ending today", "2026-04-20", "2026-04-29"],
    ["a month in windows", "2026-03-01", "2026-03-31"],
    ["a quiet weekend", "2026-04-25", "2026-04-26"],
  ])("adds up to truth for %s", async (_name, start, end) => {
    const sim = createSimulator({ now: at(NOW), ordersPerDay: 200 });
    const walked: any[] = [];
    for (const w of splitWindows({ start, end }, 10))
      walked.push(...(await walk(sim, w.start, w.end)));
    expect(new Set(ids(walked)).size).toBe(walked.length);
    expect(sum(walked)).toEqual(sim.truth(start, end).totals);
  });

  it("sorts desc and shuffled over the same orders, stable across pages", async () => {
    const asc = await walk(createSimulator({ now: at(NOW) }), "2026-04-20", "2026-04-22");
    const desc = await walk(
      createSimulator({ now: at(NOW), sort: "desc" }),
      "2026-04-20",
      "2026-04-22",
    );
    const shuffled = await walk(
      createSimulator({ now: at(NOW), sort: "shuffled" }),
      "2026-04-20",
      "2026-04-22",
    );
    expect(desc).toEqual([...asc].reverse());
    expect(ids(shuffled)).not.toEqual(ids(asc));
    expect([...ids(shuffled)].sort()).toEqual([...ids(asc)].sort());
  });

  it("repeats the previous page's last order first when duplicateAcrossPages is on", async () => {
    const sim = createSimulator({ now: at(NOW), duplicateAcrossPages: true });
    const p1 = (await reports(sim, { start: "2026-04-20", end: "2026-04-20", page: 1 })).body
      .response.orders;
    const p2 = (await reports(sim, { start: "2026-04-20", end: "2026-04-20", page: 2 })).body
      .response.orders;
    expect(p2[0]).toEqual(p1.at(-1));
    const walked = await walk(sim, "2026-04-20", "2026-04-20");
    const unique = [...new Map(walked.map((o) => [o.id, o])).values()];
    expect(walked.length).toBeGreaterThan(unique.length);
    expect(sum(unique)).toEqual(sim.truth("2026-04-20", "2026-04-20").totals);
  });

  it("repeats the last page forever when endlessPaging is on", async () => {
    const sim = createSimulator({ now: at(NOW), endlessPaging: true });
    const count = sim.orders("2026-04-20", "2026-04-20").length;
    const last = Math.ceil(count / 30);
    const lastPage = (await reports(sim, { start: "2026-04-20", end: "2026-04-20", page: last }))
      .body.response.orders;
    const beyond = (await reports(sim, { start: "2026-04-20", end: "2026-04-20", page: last + 50 }))
      .body.response.orders;
    expect(lastPage.length).toBeGreaterThan(0);
    expect(beyond).toEqual(lastPage);
    await expect(walk(sim, "2026-04-20", "2026-04-20", 200)).rejects.toThrow("paging never ended");
  });

  it("puts oversizedPage orders on page 1 and continues normally after it", async () => {
    const o: Partial<SimulatorOptions> = { now: at(NOW), oversizedPage: 250 };
    const sim = createSimulator(o);
    const p1 = (await reports(sim, { start: "2026-04-20", end: "2026-04-23", page: 1 })).body
      .response.orders;
    const p2 = (await reports(sim, { start: "2026-04-20", end: "2026-04-23", page: 2 })).body
      .response.orders;
    expect(p1).toHaveLength(250);
    expect(p2).toHaveLength(30);
    expect(sum(await walk(sim, "2026-04-20", "2026-04-23"))).toEqual(
      sim.truth("2026-04-20", "2026-04-23").totals,
    );
  });

  it("uses the configured page size", async () => {
    const sim = createSimulator({ now: at(NOW), pageSize: 7 });
    const a = await reports(sim, { start: "2026-04-20", end: "2026-04-20" });
    expect(a.body.response.orders).toHaveLength(7);
  });
});
