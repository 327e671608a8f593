// GET /api/account against the simulator: balance and senders as the simulator holds them, the
// 5-minute cache, the pace over the last 30 full days, and upstream failures in the usual shape.
import { afterEach, describe, expect, it } from "vitest";
import { addDays, istanbulToday } from "@/lib/dates";
import type { AccountResponse } from "@/lib/account/contract";
import { hashPassword } from "@/lib/auth/password";
import { env, setEnvForTesting } from "@/lib/env";
import { NOW } from "@/lib/testing/harness";
import { errorOf, get, noParams, use, temporaryStore } from "@/lib/testing/routes";
import { sessionCookieFor } from "@/lib/testing/session";
import type { FaultKind, SimulatorOptions } from "@/lib/simulator";
import { GET as account } from "./account/route";

const yesterday = addDays(istanbulToday(NOW), -1);
const paceRange = [addDays(yesterday, -29), yesterday] as const;

async function fetchAccount(): Promise<AccountResponse> {
  const res = await account(await get("/api/account"), noParams);
  expect(res.status).toBe(200);
  return (await res.json()) as AccountResponse;
}

// Sessions live in the store: an embedded one in a temporary folder.
temporaryStore("account");
// The demo session secret is random per env(): keep this one (and its cookies) for the file.
const base = env();
afterEach(() => setEnvForTesting(base));

describe("GET /api/account", () => {
  it("answers 401 without a session", async () => {
    use();
    const res = await account(new Request("http://127.0.0.1:3000/api/account"), noParams);
    expect(await errorOf(res)).toMatchObject({ status: 401, code: "unauthenticated" });
  });

  it("answers the simulator's balance and senders, and the pace of the last 30 full days", async () => {
    const { sim } = use();
    const body = await fetchAccount();
    const truth = sim.truth(...paceRange).totals;
    const smsPerDay = truth.messages / 30;
    expect(truth.messages).toBeGreaterThan(0);
    expect(body).toEqual({
      balance: sim.balance(),
      senders: sim.senders(),
      pace: {
        smsPerDay: Math.round(smsPerDay * 10) / 10,
        daysLeft: Math.floor(sim.balance().sms / smsPerDay),
        pending: false,
      },
    });
    // Today's messages are not in the pace: yesterday's range only.
    expect(truth.messages).not.toBe(
      sim.truth(addDays(paceRange[0], 1), istanbulToday(NOW)).totals.messages,
    );
  });

  it('reads a Turkish-formatted balance ("1.234,56", "5.432") as numbers', async () => {
    const { sim } = use({ balanceFormat: "grouped", sendersFormat: "objects" });
    const body = await fetchAccount();
    expect(body.balance).toEqual(sim.balance());
    expect(body.senders).toEqual(sim.senders());
  });

  it("answers nulls and no days left when the balance has no numbers", async () => {
    use({ balanceFormat: "missing" });
    const body = await fetchAccount();
    expect(body.balance).toEqual({ amount: null, sms: null });
    expect(body.pace.daysLeft).toBeNull();
    expect(body.pace.smsPerDay).toBeGreaterThan(0);
  });

  it("asks get-balance and get-sender once per 5 minutes", async () => {
    const { sim } = use();
    await fetchAccount();
    await Promise.all([fetchAccount(), fetchAccount()]);
    expect(sim.stats().byEndpoint["get-balance"]).toBe(1);
    expect(sim.stats().byEndpoint["get-sender"]).toBe(1);
    const later = new Date(NOW.getTime() + 5 * 60_000 + 1000);
    sim.set({ now: () => later });
    const body = await fetchAccount();
    expect(sim.stats().byEndpoint["get-balance"]).toBe(2);
    expect(body.balance).toEqual(sim.balance());
  });

  it("answers at once with the pace pending while its 30 cold days load, then the pace", async () => {
    const { sim } = use({ latencyMs: 30 }, { account: { paceWaitMs: 50 } });
    const started = performance.now();
    const first = await fetchAccount();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(first.pace).toEqual({ smsPerDay: null, daysLeft: null, pending: true });
    expect(first.balance).toEqual(sim.balance());
    let body = first;
    for (let i = 0; i < 200 && body.pace.pending; i++) {
      await new Promise((r) => setTimeout(r, 50));
      body = await fetchAccount();
    }
    expect(body.pace.pending).toBe(false);
    expect(body.pace.smsPerDay).toBe(
      Math.round((sim.truth(...paceRange).totals.messages / 30) * 10) / 10,
    );
  });

  it("leaves the pace out, not the balance, when the report behind it fails", async () => {
    use({ fault: (c) => (c.endpoint === "get-reports" ? { code: 401 } : null) });
    const body = await fetchAccount();
    expect(body.balance.sms).toBeGreaterThan(0);
    expect(body.pace).toEqual({ smsPerDay: null, daysLeft: null, pending: false });
  });

  it.each([
    [{ code: 401 } as FaultKind, 502, "upstream_auth"],
    ["unavailable" as FaultKind, 503, "upstream_unavailable"],
    [{ code: 499 } as FaultKind, 502, "upstream_rejected"],
    ["malformed" as FaultKind, 503, "upstream_unavailable"],
  ])(
    "maps a get-balance failure (%j) to %i %s, and asks again next time",
    async (fault, status, code) => {
      let failing = true;
      const options: Partial<SimulatorOptions> = {
        fault: (c) => (failing && c.endpoint === "get-balance" ? fault : null),
      };
      use(options, { maxAttempts: 1 });
      const res = await account(await get("/api/account"), noParams);
      expect(await errorOf(res)).toMatchObject({ status, code });
      failing = false;
      expect((await fetchAccount()).balance.sms).toBeGreaterThan(0);
    },
  );

  it("is open to every role, a viewer included", async () => {
    use();
    const users = `vera:viewer:${hashPassword("pw")}`;
    setEnvForTesting({ ...base, users });
    const res = await account(
      new Request("http://127.0.0.1:3000/api/account", {
        headers: { cookie: await sessionCookieFor("vera") },
      }),
      noParams,
    );
    expect(res.status).toBe(200);
  });
});
