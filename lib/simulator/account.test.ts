import { describe, expect, it } from "vitest";
import { addDays, instantOf } from "@/lib/dates";
import { balanceWire, cycleStart, CYCLE_DAYS } from "./account";
import { createSimulator } from "./index";

const at =
  (date: string, time = "12:00:00") =>
  () =>
    instantOf(`${date} ${time}`);

describe("the simulated balance", () => {
  it("is a function of seed and clock", () => {
    const a = createSimulator({ seed: 7, now: at("2026-04-29") }).balance();
    expect(createSimulator({ seed: 7, now: at("2026-04-29") }).balance()).toEqual(a);
    expect(createSimulator({ seed: 8, now: at("2026-04-29") }).balance()).not.toEqual(a);
  });

  it("falls day by day through a purchase cycle by what was sent, and stays above zero", () => {
    const start = cycleStart("2026-04-29", 1);
    let before = Infinity;
    for (let d = 0; d < CYCLE_DAYS; d += 7) {
      const date = addDays(start, d);
      const sim = createSimulator({ now: at(date, "23:59:00") });
      const { sms } = sim.balance();
      expect(sms).toBeLessThan(before);
      expect(sms).toBeGreaterThan(0);
      if (before !== Infinity) {
        // Between two readings the credits fall by at most the messages sent in between.
        const sent = sim.truth(addDays(date, -6), date).totals;
        expect(before - sms).toBeLessThanOrEqual(sent.messages);
        expect(before - sms).toBeGreaterThanOrEqual(sent.delivered - sent.waiting);
      }
      before = sms;
    }
  });

  it("writes each dialect", () => {
    const b = { amount: 1234.5, sms: 5432 };
    expect(balanceWire(b, "string")).toEqual({ amount: "1234.50", sms: "5432" });
    expect(balanceWire(b, "number")).toEqual({ amount: 1234.5, sms: 5432 });
    expect(balanceWire(b, "comma")).toEqual({ amount: "1234,50", sms: "5432" });
    expect(balanceWire(b, "grouped")).toEqual({ amount: "1.234,50", sms: "5.432" });
    expect(balanceWire(b, "missing")).toEqual({});
  });
});
