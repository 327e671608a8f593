import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./throttle";

const MINUTE = 60_000;

function clock(start = 1_000_000) {
  const c = {
    now: start,
    advance(ms: number) {
      c.now += ms;
    },
  };
  return c;
}

describe("login throttle: one username from one address", () => {
  it("refuses the pair after 5 failures until the oldest is 15 minutes old; other pairs go on", async () => {
    const c = clock();
    const t = new LoginThrottle({ now: () => c.now });
    for (let i = 0; i < 5; i++) {
      expect(await t.retryAfter("ayse", "10.0.0.1")).toBe(0);
      await t.fail("ayse", "10.0.0.1");
      c.advance(MINUTE);
    }
    // Failures at 0..4 minutes; now 5 minutes: the first ages out at 15.
    expect(await t.retryAfter("ayse", "10.0.0.1")).toBe(600);
    expect(await t.retryAfter("AYSE", "10.0.0.1")).toBe(600);
    expect(await t.retryAfter("mehmet", "10.0.0.1")).toBe(0);
    c.advance(10 * MINUTE - 1_000);
    expect(await t.retryAfter("ayse", "10.0.0.1")).toBe(1);
    c.advance(1_000);
    expect(await t.retryAfter("ayse", "10.0.0.1")).toBe(0);
  });

  it("forgets the pair's failures after a sign-in from it", async () => {
    const c = clock();
    const t = new LoginThrottle({ now: () => c.now });
    for (let i = 0; i < 4; i++) await t.fail("ayse", "10.0.0.1");
    await t.succeed("ayse", "10.0.0.1");
    await t.fail("ayse", "10.0.0.1");
    expect(await t.retryAfter("ayse", "10.0.0.1")).toBe(0);
  });
});

describe("login throttle: one address, many usernames", () => {
  it("stops an anonymous client rotating usernames after 20 failures, for 15 minutes", async () => {
    const c = clock();
    const t = new LoginThrottle({ now: () => c.now });
    let refusedAt = -1;
    for (let i = 0; i < 100 && refusedAt < 0; i++) {
      if ((await t.retryAfter(`user${i}`, "192.0.2.1")) > 0) refusedAt = i;
      else await t.fail(`user${i}`, "192.0.2.1");
      c.advance(1_000);
    }
    expect(refusedAt).toBe(20);
    // Failures at 0…19 s, now 21 s: the first ages out at 900 s, for every username.
    expect(await t.retryAfter("ayse", "192.0.2.1")).toBe(879);
    // Another address is not touched, nor are those usernames elsewhere.
    expect(await t.retryAfter("ayse", "192.0.2.2")).toBe(0);
    expect(await t.retryAfter("user3", "192.0.2.2")).toBe(0);
    c.advance(900_000);
    expect(await t.retryAfter("ayse", "192.0.2.1")).toBe(0);
  });
});

describe("login throttle: one username from many addresses", () => {
  it("delays each attempt 1, 2, 4, … s after the latest failure, up to 30 s: never a lock-out", async () => {
    const c = clock();
    const t = new LoginThrottle({ now: () => c.now });
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const wait = await t.retryAfter("ayse", `203.0.113.${i}`);
      waits.push(wait);
      c.advance(wait * 1000);
      await t.fail("ayse", `203.0.113.${i}`);
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 30, 30]);
  });

  it("lets ayse in past 50 failures from many addresses: at once from where she signed in before, within 30 s from a fresh one", async () => {
    const c = clock();
    const t = new LoginThrottle({ now: () => c.now });
    await t.succeed("ayse", "198.51.100.7");
    c.advance(3 * 24 * 60 * MINUTE);
    // An attacker keeps the delay running: 50 failures, each as soon as it is allowed.
    for (let i = 0; i < 50; i++) {
      const from = `203.0.113.${i}`;
      c.advance((await t.retryAfter("ayse", from)) * 1000);
      await t.fail("ayse", from);
    }
    expect(await t.retryAfter("ayse", "198.51.100.7")).toBe(0);
    const fresh = await t.retryAfter("ayse", "198.51.100.8");
    expect(fresh).toBeGreaterThan(0);
    expect(fresh).toBeLessThanOrEqual(30);
    c.advance(fresh * 1000);
    expect(await t.retryAfter("ayse", "198.51.100.8")).toBe(0);
  });

  it("forgets a known address 30 days after the last sign-in from it", async () => {
    const c = clock();
    const t = new LoginThrottle({ now: () => c.now });
    await t.succeed("ayse", "198.51.100.7");
    c.advance(30 * 24 * 60 * MINUTE - 10_000);
    for (let i = 0; i < 10; i++) await t.fail("ayse", `203.0.113.${i}`);
    expect(await t.retryAfter("ayse", "198.51.100.7")).toBe(0);
    // 11 s later the sign-in is 30 days and 1 s old: the 30 s delay holds there too.
    c.advance(11_000);
    expect(await t.retryAfter("ayse", "198.51.100.7")).toBe(19);
  });

  it("drops failures older than the window: the delay starts over", async () => {
    const c = clock();
    const t = new LoginThrottle({ now: () => c.now });
    for (let i = 0; i < 8; i++) await t.fail("ayse", `203.0.113.${i}`);
    expect(await t.retryAfter("ayse", "203.0.113.99")).toBe(8);
    c.advance(15 * MINUTE);
    expect(await t.retryAfter("ayse", "203.0.113.99")).toBe(0);
    await t.fail("ayse", "203.0.113.99");
    expect(await t.retryAfter("ayse", "203.0.113.100")).toBe(0);
  });
});
