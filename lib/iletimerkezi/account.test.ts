// getBalance and getSender through the real client against the simulator, in each of its dialects.
import { describe, expect, it } from "vitest";
import { createSimulator, type SimulatorOptions } from "@/lib/simulator";
import { NOW } from "@/lib/testing/harness";
import { createClient } from "./client";
import { UpstreamError } from "./errors";

let n = 0;
function setup(sim: Partial<SimulatorOptions> = {}) {
  const key = `account-test-${++n}`;
  const simulator = createSimulator({ key, now: () => NOW, ...sim });
  const client = createClient({
    baseUrl: "http://sim.test/v1",
    key,
    secret: simulator.credentials().secret,
    timeoutMs: 200,
    concurrency: 2,
    backoffMs: 1,
    fetch: (input, init) => simulator.handle(new Request(input, init)),
  });
  return { simulator, client };
}

describe("getBalance", () => {
  it.each(["string", "number", "comma", "grouped"] as const)(
    "reads the simulator's balance written as %s",
    async (balanceFormat) => {
      const { client, simulator } = setup({ balanceFormat });
      const truth = simulator.balance();
      expect(truth.sms).toBeGreaterThan(0);
      expect(truth.amount % 1).not.toBe(0); // kuruş, so a lost decimal mark would show
      expect(await client.getBalance()).toEqual(truth);
      expect(simulator.stats().byEndpoint["get-balance"]).toBe(1);
    },
  );

  it("answers nulls, not an error, when the balance has no numbers", async () => {
    const { client } = setup({ balanceFormat: "missing" });
    expect(await client.getBalance()).toEqual({ amount: null, sms: null });
  });

  it("credits fall as the day's messages go out", async () => {
    const morning = setup({ now: () => new Date("2026-04-29T08:00:00+03:00") }).simulator.balance();
    const evening = setup({ now: () => new Date("2026-04-29T20:00:00+03:00") }).simulator.balance();
    expect(evening.sms).toBeLessThan(morning.sms);
    expect(evening.amount).toBeLessThan(morning.amount);
  });

  it("retries a 503 and maps a 401 like every other call", async () => {
    let calls = 0;
    const flaky = setup({ fault: () => (++calls === 1 ? "unavailable" : null) });
    expect((await flaky.client.getBalance()).sms).toBe(flaky.simulator.balance().sms);
    expect(calls).toBe(2);
    const denied = setup({ fault: () => ({ code: 401 }) });
    const error = await denied.client.getBalance().catch((e: unknown) => e);
    expect(UpstreamError.is(error) && error.kind).toBe("auth");
  });
});

describe("getSender", () => {
  it.each(["list", "objects", "flat"] as const)(
    "reads the approved senders written as %s",
    async (sendersFormat) => {
      const { client, simulator } = setup({ sendersFormat });
      expect(await client.getSender()).toEqual(simulator.senders());
      expect(simulator.senders()).toContain("eMarka Test");
    },
  );

  it("reads a single sender sent as a string", async () => {
    const { client, simulator } = setup({ sendersFormat: "single" });
    expect(await client.getSender()).toEqual([simulator.senders()[0]]);
  });
});
