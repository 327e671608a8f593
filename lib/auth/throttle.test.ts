import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./throttle";

describe("login throttle", async () => {
  it("refuses after 5 failures for a username, from any address, until 15 minutes pass", async () => {
    let now = 1_000_000;
    const t = new LoginThrottle({ now: () => now });
    for (let i = 0; i < 5; i++) {
      expect(await t.retryAfter("ayse", `10.0.0.${i}`)).toBe(0);
      await t.fail("ayse", `10.0.0.${i}`);
    }
    expect(await t.retryAfter("ayse", "10.0.0.99")).toBe(900);
    expect(await t.retryAfter("AYSE", "10.0.0.99")).toBe(900);
    expect(await t.retryAfter("mehmet", "10.0.0.99")).toBe(0);
    now += 899_000;
    expect(await t.retryAfter("ayse", "10.0.0.99")).toBe(1);
    now += 1_000;
    expect(await t.retryAfter("ayse", "10.0.0.99")).toBe(0);
  });

  it("refuses after 5 failures from one address, whatever the usernames", async () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 5; i++) await t.fail(`user${i}`, "192.0.2.1");
    expect(await t.retryAfter("someone-else", "192.0.2.1")).toBeGreaterThan(0);
    expect(await t.retryAfter("someone-else", "192.0.2.2")).toBe(0);
  });

  it("forgets a username's failures after a success", async () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 4; i++) await t.fail("ayse", `a${i}`);
    await t.succeed("ayse");
    await t.fail("ayse", "b");
    expect(await t.retryAfter("ayse", "c")).toBe(0);
  });
});
