// scrypt password hashes: `scrypt.N.r.p.salt.key` (base64url; no `$`, which .env files would expand), verified in constant time.
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export function hashPassword(password: string, salt: Buffer = randomBytes(16)): string {
  const key = scryptSync(password, salt, KEY_LENGTH, { N, r: R, p: P });
  return ["scrypt", N, R, P, salt.toString("base64url"), key.toString("base64url")].join(".");
}

type Parsed = { n: number; r: number; p: number; salt: Buffer; key: Buffer };

export function parseHash(hash: string): Parsed | null {
  const parts = hash.split(".");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  if (!n || !r || !p || n > 2 ** 20 || r > 32 || p > 16) return null;
  const salt = Buffer.from(parts[4] ?? "", "base64url");
  const key = Buffer.from(parts[5] ?? "", "base64url");
  if (salt.length < 8 || key.length < 16) return null;
  return { n, r, p, salt, key };
}

/** Verifies in constant time; a malformed or missing hash costs the same as a wrong password. */
export function verifyPassword(password: string, hash: string | undefined): boolean {
  const parsed = (hash && parseHash(hash)) || null;
  const target = parsed ?? {
    n: N,
    r: R,
    p: P,
    salt: Buffer.alloc(16),
    key: Buffer.alloc(KEY_LENGTH),
  };
  const actual = scryptSync(password, target.salt, target.key.length, {
    N: target.n,
    r: target.r,
    p: target.p,
    maxmem: 256 * target.n * target.r,
  });
  return timingSafeEqual(actual, target.key) && parsed !== null;
}
