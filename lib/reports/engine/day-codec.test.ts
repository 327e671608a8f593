import { describe, expect, it } from "vitest";
import type { UpstreamOrder } from "@/lib/iletimerkezi/types";
import { columnsOf, orderAt, SenderDictionary, sliceColumns } from "./columns";
import { decodeDay, encodeDay } from "./day-codec";

const base = {
  status: 114,
  total: 3,
  delivered: 2,
  undelivered: 1,
  waiting: 0,
  submitAt: "2026-04-29 04:32:24",
  sendAt: "2026-04-29 04:33:00",
};
const ORDERS: UpstreamOrder[] = [
  { ...base, id: 7, sender: "BİLGİ" },
  { ...base, id: 2 ** 32, total: Number.MAX_SAFE_INTEGER, sender: "ACME;SHOP" },
  {
    ...base,
    id: 9,
    sender: "Çiçek",
    submitAt: "2026-02-30 25:61:99",
    sendAt: "0001-01-01 00:00:00",
  },
  { ...base, id: 10, sender: "BİLGİ", waiting: 2 ** 40, status: 113 },
];

describe("a stored day", () => {
  it("decodes to the same orders in another process's dictionary", () => {
    const mine = new SenderDictionary();
    mine.idOf("someone else first");
    const cols = columnsOf(ORDERS, mine);
    const bytes = encodeDay(cols, mine);
    const theirs = new SenderDictionary();
    theirs.idOf("Zeta");
    const back = decodeDay(bytes, theirs);
    expect(ORDERS.map((_, i) => orderAt(back, i, theirs))).toEqual(ORDERS);
    expect(back.id).toBeInstanceOf(Float64Array);
    expect(back.status).toBeInstanceOf(Uint32Array);
  });

  it("decodes from a Buffer inside a larger pool, as the Postgres driver hands bytea back", () => {
    const dict = new SenderDictionary();
    const bytes = encodeDay(columnsOf(ORDERS, dict), dict);
    const pool = Buffer.alloc(bytes.length + 13);
    pool.set(bytes, 13);
    const back = decodeDay(pool.subarray(13), dict);
    expect(ORDERS.map((_, i) => orderAt(back, i, dict))).toEqual(ORDERS);
  });

  it("encodes a slice of a larger block (offsets into a shared buffer) and an empty day", () => {
    const dict = new SenderDictionary();
    const cols = sliceColumns(columnsOf(ORDERS, dict), 1, 3);
    const back = decodeDay(encodeDay(cols, dict), dict);
    expect([0, 1].map((i) => orderAt(back, i, dict))).toEqual(ORDERS.slice(1, 3));
    const empty = decodeDay(encodeDay(sliceColumns(cols, 0, 0), dict), dict);
    expect(empty.n).toBe(0);
  });

  it("refuses bytes that are not a day, or are cut short", () => {
    const dict = new SenderDictionary();
    const bytes = encodeDay(columnsOf(ORDERS, dict), dict);
    expect(() => decodeDay(new Uint8Array(8), dict)).toThrow(/unknown format/);
    expect(() => decodeDay(bytes.subarray(0, bytes.length - 5), dict)).toThrow(/truncated|JSON/);
    expect(() => decodeDay(bytes.subarray(0, 40), dict)).toThrow(/truncated/);
  });
});
