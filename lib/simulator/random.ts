// Seeded randomness without shared state: every value is a pure function of (seed, coordinates), so a
// day, an order or a request can be regenerated alone and always comes out the same.

/** 32-bit avalanche mix (murmur3 finaliser). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash any number of integers (or strings) to an unsigned 32-bit value. */
export function hash32(...parts: Array<number | string>): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    if (typeof part === "string") {
      for (let i = 0; i < part.length; i++)
        h = mix(h ^ Math.imul(part.charCodeAt(i) + 1, 0x27d4eb2d));
      h = mix(h ^ 0xff);
    } else {
      // Split so ids above 2^32 still influence the result.
      h = mix(h ^ (part >>> 0));
      h = mix(h ^ Math.floor(part / 0x1_0000_0000));
    }
  }
  return h;
}

/** A uniform number in [0, 1) from the given coordinates. */
export function unit(...parts: Array<number | string>): number {
  return hash32(...parts) / 0x1_0000_0000;
}

export type Rng = () => number;

/** mulberry32: a tiny fast sequential generator, used inside one day or one shuffle. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

export function intBetween(r: Rng, min: number, max: number): number {
  return min + Math.floor(r() * (max - min + 1));
}

/** Log-uniform integer: campaign sizes span orders of magnitude. */
export function logUniformInt(r: Rng, min: number, max: number): number {
  return Math.min(
    max,
    Math.floor(Math.exp(Math.log(min) + r() * (Math.log(max + 1) - Math.log(min)))),
  );
}

/** Seeded Fisher–Yates, in place. */
export function shuffle<T>(items: T[], r: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * An affine permutation of 0..n-1 (i ↦ (a·i + b) mod n): lets each recipient's rank be computed
 * alone, so a 50,000-recipient order never has to be materialised to count its statuses.
 */
export function affinePermutation(n: number, seed: number): (i: number) => number {
  if (n <= 1) return () => 0;
  let a = 1 + (hash32(seed, 1) % (n - 1));
  while (gcd(a, n) !== 1) a = a + 1 >= n ? 1 : a + 1;
  const b = hash32(seed, 2) % n;
  return (i) => (a * i + b) % n;
}
