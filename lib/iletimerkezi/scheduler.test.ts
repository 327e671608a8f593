import { describe, expect, it } from "vitest";
import { AbandonedError, FairScheduler, type CallOwner } from "./scheduler";

type Owner = { user: string; background: boolean; abandoned: boolean };
const owner = (user: string, background = false): Owner => ({ user, background, abandoned: false });

/** A scheduler whose tasks finish when the test says; records the order they started in. */
function harness(concurrency: number) {
  const scheduler = new FairScheduler(concurrency);
  const started: string[] = [];
  const finishers: (() => void)[] = [];
  const submit = (o: CallOwner, label: string) =>
    scheduler.run(o, () => {
      started.push(label);
      return new Promise<string>((resolve) => finishers.push(() => resolve(label)));
    });
  /** Finishes the oldest running task and lets the next start. */
  const finishOne = async () => {
    finishers.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { scheduler, started, submit, finishOne };
}

describe("FairScheduler", () => {
  it("never runs more than its concurrency", async () => {
    const { scheduler, submit, finishOne } = harness(3);
    const a = owner("a");
    for (let i = 0; i < 10; i++) void submit(a, `a${i}`);
    expect(scheduler.active).toBe(3);
    expect(scheduler.queued).toBe(7);
    await finishOne();
    expect(scheduler.active).toBe(3);
    expect(scheduler.queued).toBe(6);
  });

  it("lets a user who arrives late take every other slot from a user with a long queue", async () => {
    const { started, submit, finishOne } = harness(2);
    const year = owner("ayse");
    const day = owner("mehmet");
    for (let i = 0; i < 20; i++) void submit(year, `year${i}`);
    for (let i = 0; i < 4; i++) void submit(day, `day${i}`);
    for (let i = 0; i < 8; i++) await finishOne();
    // The first two slots went to the year; after that the users alternate.
    expect(started.slice(0, 10)).toEqual([
      "year0",
      "year1",
      "day0",
      "year2",
      "day1",
      "year3",
      "day2",
      "year4",
      "day3",
      "year5",
    ]);
  });

  it("takes turns between one user's walks too", async () => {
    const { started, submit, finishOne } = harness(1);
    const first = owner("ayse");
    const second = owner("ayse");
    for (let i = 0; i < 3; i++) void submit(first, `a${i}`);
    for (let i = 0; i < 3; i++) void submit(second, `b${i}`);
    for (let i = 0; i < 6; i++) await finishOne();
    expect(started).toEqual(["a0", "b0", "a1", "b1", "a2", "b2"]);
  });

  it("serves what a user is looking at before comparisons, whoever waited longer", async () => {
    const { started, submit, finishOne } = harness(1);
    const comparison = owner("ayse", true);
    const shown = owner("mehmet");
    void submit(comparison, "c0"); // starts at once: the slot was free
    void submit(comparison, "c1");
    void submit(comparison, "c2");
    void submit(shown, "s0");
    void submit(shown, "s1");
    for (let i = 0; i < 5; i++) await finishOne();
    expect(started).toEqual(["c0", "s0", "s1", "c1", "c2"]);
  });

  it("drops an abandoned owner's queued calls without starting them; running ones finish", async () => {
    const { scheduler, started, submit, finishOne } = harness(1);
    const gone = owner("ayse");
    const running = submit(gone, "g0");
    const queued = [submit(gone, "g1"), submit(gone, "g2")].map((q) => q.catch((e: unknown) => e));
    gone.abandoned = true;
    await finishOne();
    expect(await running).toBe("g0");
    for (const q of queued) expect(await q).toBeInstanceOf(AbandonedError);
    expect(started).toEqual(["g0"]);
    expect(scheduler.queued).toBe(0);
    await expect(scheduler.run(gone, async () => "never")).rejects.toBeInstanceOf(AbandonedError);
  });

  it("keeps serving after a task throws", async () => {
    const scheduler = new FairScheduler(1);
    const a = owner("a");
    const failing = scheduler.run(a, () => {
      throw new Error("boom");
    });
    await expect(failing).rejects.toThrow("boom");
    await expect(scheduler.run(a, async () => 42)).resolves.toBe(42);
  });
});
