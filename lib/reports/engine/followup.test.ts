// The pieces of a follow-up list: the NumberTable against a Map of strings (random numbers in every
// shape iletiMerkezi writes, enough of them to grow and rehash the table, repeats within and across
// orders), and the walk: every get-report call carries the list's owner (pages past the first
// too), a scheduled order (456) is passed over, an unknown one fails the walk.
import { describe, expect, it } from "vitest";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import type { CallOwner } from "@/lib/iletimerkezi/scheduler";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { harness } from "@/lib/testing/harness";
import { NumberTable } from "./followup-table";
import { ordersToWalk, walkFollowup } from "./followup-walk";
import { e164 } from "./phone";
import { RecipientSource, ROW_COUNT_MAX } from "./recipients";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("NumberTable", () => {
  it("keeps one entry per E.164 number: the latest order's status, orders counted once", () => {
    const random = rng(7);
    const shapes = [
      (n: string) => `+90${n}`,
      (n: string) => `90${n}`,
      (n: string) => `0${n}`,
      (n: string) => n,
      (n: string) => `0090${n}`,
    ];
    const odd = ["12345", "abc", "+90 5xx"];
    const table = new NumberTable();
    const reference = new Map<string, { status: number; rank: number; orders: number }>();
    for (let rank = 0; rank < 40; rank++) {
      const seen = new Set<string>();
      for (let k = 0; k < 500; k++) {
        const national = `53${String(Math.floor(random() * 6000)).padStart(8, "0")}`;
        const raw =
          random() < 0.01
            ? odd[Math.floor(random() * odd.length)]!
            : shapes[Math.floor(random() * shapes.length)]!(national);
        const status = 110 + Math.floor(random() * 3);
        table.add(raw, status, rank);
        const key = e164(raw);
        const entry = reference.get(key);
        if (!entry) reference.set(key, { status, rank, orders: 1 });
        else {
          if (!seen.has(key)) entry.orders++;
          if (rank > entry.rank) Object.assign(entry, { status, rank });
        }
        seen.add(key);
      }
    }
    expect(table.size).toBe(reference.size);
    expect(table.size).toBeGreaterThan(2048); // grown past its first arrays and slots
    expect(table.added).toBe(40 * 500);
    const entries = Array.from({ length: table.size }, (_, i) => table.entry(i));
    expect(new Map(entries.map(({ number, ...rest }) => [number, rest]))).toEqual(reference);
    expect(entries.filter((e) => e.orders > 1).length).toBeGreaterThan(100);
  });
});

/** The harness's client, recording the owner of every get-report call. */
function recording(client: IletimerkeziClient) {
  const owners: { id: number; page: number; user: string | undefined }[] = [];
  const spied: IletimerkeziClient = {
    ...client,
    getReport: (params, options) => {
      owners.push({ id: params.id, page: params.page, user: options?.owner?.user });
      return client.getReport(params, options);
    },
  };
  return { spied, owners };
}

describe("walkFollowup", () => {
  const owner: CallOwner = { user: "ali", background: false, abandoned: false };

  it("asks every page as the list's owner, oldest order first, and counts orders as it goes", async () => {
    const h = harness();
    const orders = ordersToWalk(
      h.sim.orders("2026-04-20", "2026-04-21").filter((o) => o.total > 2 * ROW_COUNT_MAX),
      [112],
    ).slice(0, 3);
    expect(orders.length).toBe(3);
    const { spied, owners } = recording(h.client);
    const table = new NumberTable();
    const done: number[] = [];
    await walkFollowup({
      source: new RecipientSource(spied, 1),
      owner,
      orders,
      statuses: [112],
      table,
      maxAdded: 1e9,
      onOrder: (n) => void done.push(n),
    });
    expect(done).toEqual([1, 2, 3]);
    expect(owners.every((o) => o.user === "ali")).toBe(true);
    expect(owners.filter((o) => o.page > 1).length).toBeGreaterThan(3);
    const pages = orders.reduce((n, o) => n + Math.ceil(o.total / ROW_COUNT_MAX), 0);
    expect(owners.length).toBe(pages);
    const undelivered = orders.flatMap((o) =>
      h.sim.recipients(o.id).filter((m) => m.status === 112),
    );
    expect(table.added).toBe(undelivered.length);
  });

  it("passes over a scheduled order (456) and fails on an unknown one (455)", async () => {
    const h = harness({
      fault: (ctx) =>
        ctx.orderId === 1 ? { code: 456 } : ctx.orderId === 2 ? { code: 455 } : null,
    });
    const real = h.sim.orders("2026-04-20", "2026-04-20")[0]!;
    const walk = (ids: number[]) =>
      walkFollowup({
        source: new RecipientSource(h.client, 1),
        owner,
        orders: ids.map((id) => ({ id })),
        statuses: [110, 111, 112],
        table: new NumberTable(),
        maxAdded: 1e9,
        onOrder: () => {},
      });
    await expect(walk([1, real.id])).resolves.toBeUndefined();
    await expect(walk([real.id, 2])).rejects.toMatchObject({ kind: "not_found" });
  });

  it("fails when the orders hold far more matching recipients than the limit", async () => {
    const h = harness();
    const big = h.sim.orders("2026-04-20", "2026-04-21").find((o) => o.total > 3000)!;
    await expect(
      walkFollowup({
        source: new RecipientSource(h.client, 1),
        owner,
        orders: [big],
        statuses: [110, 111, 112],
        table: new NumberTable(),
        maxAdded: 1000,
        onOrder: () => {},
      }),
    ).rejects.toThrow(/more matching recipients than their counters said/);
  });

  it("leaves another user's cold 1-day report within 3x its solo time while a list walks", async () => {
    const h = harness({ latencyMs: 40 }, { concurrency: 4 });
    const day = (k: number) => `2026-04-${String(10 + k).padStart(2, "0")}`;
    const report = async (k: number) => {
      const started = performance.now();
      const q = parseReportQuery(new URLSearchParams({ start: day(k), end: day(k) }), {
        today: "2026-04-29",
        maxRangeDays: 366,
      });
      await h.engine.report(q, { user: "mehmet" });
      return performance.now() - started;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
    const solo = [await report(0), await report(1), await report(2)];
    const walker = { user: "ali", background: false, abandoned: false };
    const orders = ordersToWalk(h.sim.orders("2026-04-01", "2026-04-08"), [112]);
    const walking = walkFollowup({
      source: new RecipientSource(h.client, 1),
      owner: walker,
      orders,
      statuses: [112],
      table: new NumberTable(),
      maxAdded: 1e9,
      onOrder: () => {},
    }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 300)); // the list's pages fill the queue
    const busy = [await report(3), await report(4), await report(5)];
    expect(h.sim.stats().inFlight).toBeGreaterThan(0); // the list was still walking
    expect(median(busy)).toBeLessThan(3 * median(solo));
    walker.abandoned = true;
    expect(await walking).toMatchObject({ name: "AbandonedError" });
  });
});
