import { afterEach, describe, expect, it, vi } from "vitest";

// node:crypto's scrypt, passed through unless a test holds its calls to look at them.
const held = vi.hoisted(() => ({
  on: false,
  calls: [] as { N: number | undefined; done: (key?: Buffer) => void }[],
}));
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  const scrypt = ((...args: Parameters<typeof actual.scrypt>) => {
    if (!held.on) return actual.scrypt(...args);
    const [password, salt, length, options, callback] = args as unknown as [
      string,
      Buffer,
      number,
      { N?: number },
      (error: Error | null, key: Buffer) => void,
    ];
    held.calls.push({
      N: options.N,
      done: (key) => callback(null, key ?? actual.scryptSync(password, salt, length, { N: 1024 })),
    });
  }) as typeof actual.scrypt;
  return { ...actual, scrypt };
});

const {
  HASH_CONCURRENCY,
  HASH_QUEUE,
  PasswordBusyError,
  hashPassword,
  hashPasswordAsync,
  needsRehash,
  parseHash,
  verifyPasswordAsync,
} = await import("./password");

/** What `hash-password` printed for "s3cret!" before the cost went up (N = 2^14). */
const OLD_HASH =
  "scrypt.16384.8.1.n8vhiJkm_1XFuu1xwuwkkA.ubGZQ4eB7EY7LgLzoA_p9AC6F9VkajyzqPPCJfmrZ0A";

const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  held.on = false;
  for (const call of held.calls.splice(0)) call.done();
});

describe("password hashes", () => {
  it("hashes new passwords at N = 2^17, r = 8, p = 1, salted, and verifies them", async () => {
    const hash = await hashPasswordAsync("s3cret!");
    expect(hash).toMatch(/^scrypt\.131072\.8\.1\.[\w-]{22}\.[\w-]{43}$/);
    expect(await verifyPasswordAsync("s3cret!", hash)).toBe(true);
    expect(await verifyPasswordAsync("s3cret", hash)).toBe(false);
    expect(await verifyPasswordAsync("s3cret!", hashPassword("s3cret!"))).toBe(true);
    expect(hashPassword("same")).not.toBe(hashPassword("same"));
    expect(parseHash(hash)?.salt.length).toBe(16);
  });

  it("still verifies a hash of the old cost (N = 2^14), and says it needs replacing", async () => {
    expect(await verifyPasswordAsync("s3cret!", OLD_HASH)).toBe(true);
    expect(await verifyPasswordAsync("S3cret!", OLD_HASH)).toBe(false);
    expect(needsRehash(OLD_HASH)).toBe(true);
    expect(needsRehash(OLD_HASH.replace(".16384.8.1.", ".131072.4.1."))).toBe(true);
    expect(needsRehash(hashPassword("x"))).toBe(false);
    expect(needsRehash("scrypt.garbage")).toBe(false);
  });

  it.each([
    ["no hash", undefined],
    ["a malformed hash", "scrypt.garbage"],
    ["another scheme", "bcrypt.16384.8.1.n8vhiJkm_1XFuu1xwuwkkA.ubGZQ4eB7EY7LgLzoA_p9AC6F9Vkajy"],
    ["N not a power of two", OLD_HASH.replace(".16384.", ".16000.")],
    ["N beyond the memory cap (1 GiB)", OLD_HASH.replace(".16384.8.", ".1048576.8.")],
    ["r of 0", OLD_HASH.replace(".16384.8.1.", ".16384.0.1.")],
    ["p beyond 16", OLD_HASH.replace(".16384.8.1.", ".16384.8.17.")],
    ["a short salt", "scrypt.16384.8.1.AAAA.ubGZQ4eB7EY7LgLzoA_p9AC6F9VkajyzqPPCJfmrZ0A"],
  ])("refuses any password against %s", async (_name, hash) => {
    if (hash) expect(parseHash(hash)).toBeNull();
    // Peers of the old cost keep the decoy hash cheap here.
    expect(await verifyPasswordAsync("s3cret!", hash, [OLD_HASH])).toBe(false);
    expect(await verifyPasswordAsync("", hash, [OLD_HASH])).toBe(false);
  });

  it("spends one hash on an unknown user, at the cost most configured hashes have", async () => {
    held.on = true;
    const peers = [OLD_HASH, OLD_HASH, hashPassword("x")];
    const unknown = verifyPasswordAsync("s3cret!", undefined, peers);
    const alone = verifyPasswordAsync("s3cret!", undefined);
    await settle();
    expect(held.calls.map((c) => c.N)).toEqual([2 ** 14, 2 ** 17]);
    for (const call of held.calls.splice(0)) call.done();
    expect([await unknown, await alone]).toEqual([false, false]);
  });

  it("never lets a decoy through, even if the hash came out as the decoy's key", async () => {
    held.on = true;
    const unknown = verifyPasswordAsync("s3cret!", undefined);
    await settle();
    held.calls.shift()!.done(Buffer.alloc(32));
    expect(await unknown).toBe(false);
  });
});

describe("the cap on hashes at once", () => {
  it(`runs ${HASH_CONCURRENCY} at once, queues ${HASH_QUEUE} more and refuses the next at once`, async () => {
    held.on = true;
    const accepted = Array.from({ length: HASH_CONCURRENCY + HASH_QUEUE }, () =>
      verifyPasswordAsync("s3cret!", OLD_HASH),
    );
    await settle();
    expect(held.calls.length).toBe(HASH_CONCURRENCY);
    const refused = verifyPasswordAsync("s3cret!", OLD_HASH);
    await expect(refused).rejects.toBeInstanceOf(PasswordBusyError);
    await expect(hashPasswordAsync("x")).rejects.toThrow(/try again shortly/);

    // One finishes: the next in the queue starts, and there is room for one more.
    held.calls.shift()!.done();
    await settle();
    expect(held.calls.length).toBe(HASH_CONCURRENCY);
    const late = verifyPasswordAsync("s3cret!", OLD_HASH);
    await expect(
      Promise.race([late.then(() => "ran"), settle().then(() => "waits")]),
    ).resolves.toBe("waits");
    while (held.calls.length) {
      held.calls.shift()!.done();
      await settle();
    }
    // The held hashes ran with a cheap stand-in key: every answer is a wrong password.
    expect(await Promise.all([...accepted, late])).toEqual(
      Array(HASH_CONCURRENCY + HASH_QUEUE + 1).fill(false),
    );
  });
});
