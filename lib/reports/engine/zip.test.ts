// The ZIP writer read back by a reader written here from the format's description (central
// directory → local header → inflate → CRC and sizes), and the JS CRC-32 against zlib's.
import { randomBytes } from "node:crypto";
import * as zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32Js, ZipWriter } from "./zip";

type Read = { name: string; data: Buffer; flags: number };

function readZip(zip: Buffer): Read[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBe(zip.length - 22);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  expect(at + zip.readUInt32LE(end + 12)).toBe(end);
  const out: Read[] = [];
  for (let k = 0; k < count; k++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const flags = zip.readUInt16LE(at + 8);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zlib.inflateRawSync(zip.subarray(dataAt, dataAt + compressed));
    expect(data.length).toBe(size);
    expect(zlib.crc32(data)).toBe(crc);
    // The data descriptor after the data says the same.
    const d = dataAt + compressed;
    expect([zip.readUInt32LE(d), zip.readUInt32LE(d + 4), zip.readUInt32LE(d + 8)]).toEqual([
      0x08074b50,
      crc,
      compressed,
    ]);
    out.push({ name, data, flags });
    at += 46 + nameLength;
  }
  return out;
}

describe("ZipWriter", () => {
  it("writes entries, one of them in many pieces, that read back byte for byte", async () => {
    const zip = new ZipWriter(new Date("2026-04-29T09:00:00Z"));
    const big = Buffer.from(
      Array.from({ length: 40_000 }, (_, i) => `<row r="${i}">${i * 7919}</row>`).join(""),
    );
    const noise = randomBytes(300_000); // does not compress: deflate's output outgrows its input
    const parts: Uint8Array[] = [];
    parts.push(
      ...zip.begin("a.xml"),
      ...(await zip.write(Buffer.from("<a/>"))),
      ...(await zip.end()),
    );
    parts.push(...zip.begin("xl/worksheets/şheet1.xml"));
    for (let at = 0; at < big.length; at += 64 * 1024)
      parts.push(...(await zip.write(big.subarray(at, at + 64 * 1024))));
    parts.push(...(await zip.end()));
    parts.push(...zip.begin("noise.bin"), ...(await zip.write(noise)), ...(await zip.end()));
    parts.push(...zip.begin("empty"), ...(await zip.end()));
    parts.push(...zip.finish());
    const entries = readZip(Buffer.concat(parts));
    expect(entries.map((e) => e.name)).toEqual([
      "a.xml",
      "xl/worksheets/şheet1.xml",
      "noise.bin",
      "empty",
    ]);
    expect(entries[0]!.data.toString()).toBe("<a/>");
    expect(entries[1]!.data.equals(big)).toBe(true);
    expect(entries[2]!.data.equals(noise)).toBe(true);
    expect(entries[3]!.data.length).toBe(0);
    expect(entries.every((e) => e.flags === 0x0808)).toBe(true);
  });

  it("refuses to begin an entry while one is open, or to finish with one open", async () => {
    const zip = new ZipWriter(new Date());
    zip.begin("a");
    expect(() => zip.begin("b")).toThrow(/before the previous entry ended/);
    expect(() => zip.finish()).toThrow(/entry still open/);
    zip.abort();
    expect(() => zip.begin("b")).not.toThrow();
  });

  it("computes the CRC-32 zlib does, in one go and continued", () => {
    for (const size of [0, 1, 7, 1000, 65_537]) {
      const data = randomBytes(size);
      expect(crc32Js(data)).toBe(zlib.crc32(data));
      const half = Math.floor(size / 2);
      expect(crc32Js(data.subarray(half), crc32Js(data.subarray(0, half)))).toBe(zlib.crc32(data));
    }
  });
});
