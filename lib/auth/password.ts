// scrypt password hashes: `scrypt.N.r.p.salt.key` (base64url; no `$`, which .env files would
// expand), verified in constant time.
//
// Cost: N = 2^17, r = 8, p = 1 for new hashes (OWASP's minimum for scrypt): 128 MiB and about
// half a second of one core per hash. Hashes of the earlier N = 2^14 still verify; needsRehash
// says which ones to replace.
//
// Sign-ins (verifyPasswordAsync) hash on libuv's threadpool (node:crypto's async scrypt), never
// on the event loop, and at most HASH_CONCURRENCY at once in the process: the pool has 4 threads
// that file reads and DNS lookups share, the machine 2 cores, and each hash holds 128 MiB. Up to
// HASH_QUEUE more wait their turn; past that a caller is refused at once (PasswordBusyError)
// rather than queued without end behind a flood of sign-ins.
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from "node:crypto";
import pLimit from "p-limit";

type Params = { n: number; r: number; p: number };

const CURRENT: Params = { n: 2 ** 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** The most memory one hash may take (128·N·r bytes): N = 2^18 at r = 8. */
const MAX_HASH_MEMORY = 256 * 2 ** 20;

export const HASH_CONCURRENCY = 2;
export const HASH_QUEUE = 8;

/** Too many sign-ins are being checked at once in this process; the caller should retry soon. */
export class PasswordBusyError extends Error {
  name = "PasswordBusyError";
  /** Roughly how long the hashes already queued take to drain. */
  readonly retryAfterS = 2;
}

const limit = pLimit(HASH_CONCURRENCY);

function options({ n, r, p }: Params): ScryptOptions {
  // OpenSSL needs 128·r·(N + p + 2) bytes; Node's default cap (32 MiB) is below 2^17's 128 MiB.
  return { N: n, r, p, maxmem: 128 * r * (n + p + 2) };
}

function derive(password: string, salt: Buffer, length: number, params: Params): Promise<Buffer> {
  if (limit.activeCount + limit.pendingCount >= HASH_CONCURRENCY + HASH_QUEUE)
    return Promise.reject(
      new PasswordBusyError("Too many sign-ins are being checked at once; try again shortly."),
    );
  return limit(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password, salt, length, options(params), (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

function format(params: Params, salt: Buffer, key: Buffer): string {
  const { n, r, p } = params;
  return ["scrypt", n, r, p, salt.toString("base64url"), key.toString("base64url")].join(".");
}

/**
 * A new hash at the current cost, computed in the calling thread: for start-up and fixtures (the
 * demo user, test and bench users), where nothing else is being served yet; never on a request.
 */
export function hashPassword(password: string): string {
  const salt = randomBytes(SALT_BYTES);
  return format(CURRENT, salt, scryptSync(password, salt, KEY_BYTES, options(CURRENT)));
}

/** The same, off the event loop and within the process's cap (the hash-password command). */
export async function hashPasswordAsync(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return format(CURRENT, salt, await derive(password, salt, KEY_BYTES, CURRENT));
}

type Parsed = Params & { salt: Buffer; key: Buffer };

export function parseHash(hash: string): Parsed | null {
  const parts = hash.split(".");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [n = 0, r = 0, p = 0] = parts.slice(1, 4).map(Number);
  // N a power of two (scrypt's own rule); what one hash may cost is bounded, whoever wrote it.
  if (!Number.isInteger(Math.log2(n)) || n < 2 || !Number.isInteger(r) || r < 1) return null;
  if (!Number.isInteger(p) || p < 1 || p > 16 || 128 * n * r > MAX_HASH_MEMORY) return null;
  const salt = Buffer.from(parts[4] ?? "", "base64url");
  const key = Buffer.from(parts[5] ?? "", "base64url");
  if (salt.length < 8 || key.length < 16 || key.length > 64) return null;
  return { n, r, p, salt, key };
}

/** Whether a hash is weaker than what hashPassword makes now (N, r or p lower, or shorter). */
export function needsRehash(hash: string): boolean {
  const parsed = parseHash(hash);
  if (!parsed) return false;
  return (
    parsed.n < CURRENT.n ||
    parsed.r < CURRENT.r ||
    parsed.p < CURRENT.p ||
    parsed.salt.length < SALT_BYTES ||
    parsed.key.length < KEY_BYTES
  );
}

/** The cost most of `hashes` have (the current one if none parses). */
function usualParams(hashes: Iterable<string>): Params {
  const counts = new Map<string, { params: Params; count: number }>();
  for (const hash of hashes) {
    const parsed = parseHash(hash);
    if (!parsed) continue;
    const id = `${parsed.n}.${parsed.r}.${parsed.p}`;
    const entry = counts.get(id) ?? { params: parsed, count: 0 };
    entry.count++;
    counts.set(id, entry);
  }
  let best: { params: Params; count: number } = { params: CURRENT, count: 0 };
  for (const entry of counts.values()) if (entry.count > best.count) best = entry;
  const { n, r, p } = best.params;
  return { n, r, p };
}

/** The hash `hash` is checked against, or a decoy at the usual cost of `peers` without one. */
function targetOf(hash: string | undefined, peers: Iterable<string>) {
  const parsed = (hash && parseHash(hash)) || null;
  const target = parsed ?? {
    ...usualParams(peers),
    salt: Buffer.alloc(SALT_BYTES),
    key: Buffer.alloc(KEY_BYTES),
  };
  return { target, valid: parsed !== null };
}

/**
 * Verifies in constant time, off the event loop. Without a usable hash (an unknown user, a
 * malformed entry) it still computes one hash, at the cost most of `peers` (the configured
 * hashes) have, so that an unknown name takes as long as a wrong password for a known one while
 * old hashes remain. Rejects with PasswordBusyError when too many are already waiting.
 */
export async function verifyPasswordAsync(
  password: string,
  hash: string | undefined,
  peers: Iterable<string> = [],
): Promise<boolean> {
  const { target, valid } = targetOf(hash, peers);
  const actual = await derive(password, target.salt, target.key.length, target);
  return timingSafeEqual(actual, target.key) && valid;
}
