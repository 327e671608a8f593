// The phone numbers of a follow-up list, de-duplicated, in typed arrays rather than objects: an
// E.164 number is kept as the number its digits make (exact below 2^53: 15 digits at most), in an
// open-addressing hash table over entries in first-seen order. Per number ~30 bytes (8 key, 4
// status, 2+2+2 order ranks and count, 4–8 in the slots, before growth slack) where a Map of
// strings to objects takes ~150. A number in any other shape (rare: e164() left it as it came) is
// kept as text on the side.
import "server-only";
import { e164 } from "./phone";

const INITIAL = 1024;
const EMPTY = -1;

function grown<T extends Float64Array | Int32Array | Uint16Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}

export class NumberTable {
  /** E.164 digits as a number, or NaN for a number kept as text. */
  private keys = new Float64Array(INITIAL);
  private statuses = new Int32Array(INITIAL);
  /** Rank (chronological index) of the order whose status is kept: the latest. */
  private winners = new Uint16Array(INITIAL);
  /** Rank of the last order counted, so that a number twice in one order counts once. */
  private lasts = new Uint16Array(INITIAL);
  private counts = new Uint16Array(INITIAL);
  private slots = new Int32Array(INITIAL * 2).fill(EMPTY);
  private readonly texts = new Map<string, number>();
  private readonly textOf = new Map<number, string>();
  /** Distinct numbers. */
  size = 0;
  /** Every number added, duplicates included. */
  added = 0;

  /**
   * A recipient of the order of rank `rank` (orders must come one after the other, in rank order
   * or not, each order's recipients together). The latest order (highest rank) gives the status.
   */
  add(raw: string, status: number, rank: number): void {
    this.added++;
    const number = e164(raw);
    const i = /^\+[1-9]\d{0,14}$/.test(number)
      ? this.numeric(Number(number.slice(1)))
      : this.text(number);
    if (i < 0) {
      const at = this.size - 1;
      this.statuses[at] = status;
      this.winners[at] = rank;
      this.lasts[at] = rank;
      this.counts[at] = 1;
      return;
    }
    if (this.lasts[i] !== rank) {
      this.lasts[i] = rank;
      this.counts[i] = (this.counts[i] as number) + 1;
    }
    if (rank > (this.winners[i] as number)) {
      this.winners[i] = rank;
      this.statuses[i] = status;
    }
  }

  /** The entry's number (E.164 where it had that shape), status, winning rank and order count. */
  entry(i: number): { number: string; status: number; rank: number; orders: number } {
    const key = this.keys[i] as number;
    return {
      number: Number.isNaN(key) ? (this.textOf.get(i) as string) : `+${key}`,
      status: this.statuses[i] as number,
      rank: this.winners[i] as number,
      orders: this.counts[i] as number,
    };
  }

  /** Bytes held by the typed arrays (the side map of odd numbers aside). */
  get bytes(): number {
    return (
      this.keys.byteLength +
      this.statuses.byteLength +
      this.winners.byteLength +
      this.lasts.byteLength +
      this.counts.byteLength +
      this.slots.byteLength
    );
  }

  /** The entry of a numeric key, or -1 after appending a new one. */
  private numeric(key: number): number {
    const mask = this.slots.length - 1;
    let s = hash(key) & mask;
    for (;;) {
      const at = this.slots[s] as number;
      if (at === EMPTY) break;
      if (this.keys[at] === key) return at;
      s = (s + 1) & mask;
    }
    this.slots[s] = this.append(key);
    if (this.size * 2 > this.slots.length) this.rehash();
    return -1;
  }

  private text(number: string): number {
    const at = this.texts.get(number);
    if (at !== undefined) return at;
    const i = this.append(Number.NaN);
    this.texts.set(number, i);
    this.textOf.set(i, number);
    return -1;
  }

  private append(key: number): number {
    if (this.size === this.keys.length) {
      const n = this.keys.length * 2;
      this.keys = grown(this.keys, n);
      this.statuses = grown(this.statuses, n);
      this.winners = grown(this.winners, n);
      this.lasts = grown(this.lasts, n);
      this.counts = grown(this.counts, n);
    }
    this.keys[this.size] = key;
    return this.size++;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let i = 0; i < this.size; i++) {
      const key = this.keys[i] as number;
      if (Number.isNaN(key)) continue;
      let s = hash(key) & mask;
      while (slots[s] !== EMPTY) s = (s + 1) & mask;
      slots[s] = i;
    }
    this.slots = slots;
  }
}

/** A 32-bit mix of a whole number below 2^53. */
function hash(key: number): number {
  const lo = key >>> 0;
  const hi = (key / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}
