// A streaming ZIP writer, just enough for an XLSX: entries one after another, each deflated as its
// bytes arrive, with the sizes and CRC in a data descriptor after the data (general purpose bit 3),
// so nothing is held beyond zlib's own window and what the caller has not read yet. No ZIP64: an
// entry or the archive past 4 GiB fails rather than writing a file that reads back wrong.
import "server-only";
import * as zlib from "node:zlib";

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
/** 2.0: deflate. */
const VERSION = 20;
const LIMIT = 0xffffffff;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (the ZIP polynomial) of `data`, continuing from `crc`. */
export function crc32Js(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

// zlib.crc32 (native) from Node 20.15 and 22.2; the table above before that.
const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
const crc32 = native ?? crc32Js;

/** An MS-DOS date and time: what every entry's header says it was last changed. */
function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
  };
}

type Entry = { name: Uint8Array; offset: number; crc: number; compressed: number; size: number };

/**
 * Writes entries in turn: `begin(name)`, `write(bytes)` as often as needed, `end()`; then
 * `finish()` for the central directory. Each call returns the archive's bytes it produced (maybe
 * none: zlib keeps a window before it emits), in order, for the caller to pass on.
 */
export class ZipWriter {
  private readonly stamp: { date: number; time: number };
  private readonly entries: Entry[] = [];
  private offset = 0;
  private current: (Entry & { deflate: zlib.DeflateRaw; out: Buffer[] }) | null = null;

  constructor(
    modified: Date,
    private readonly level = zlib.constants.Z_DEFAULT_COMPRESSION,
  ) {
    this.stamp = dosDateTime(modified);
  }

  begin(name: string): Uint8Array[] {
    if (this.current) throw new Error(`zip: ${name} begun before the previous entry ended`);
    const bytes = Buffer.from(name, "utf8");
    const header = Buffer.alloc(30 + bytes.length);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14–25) stay 0: they are in the data descriptor.
    header.writeUInt16LE(bytes.length, 26);
    header.writeUInt16LE(0, 28);
    bytes.copy(header, 30);
    const out: Buffer[] = [];
    const deflate = zlib.createDeflateRaw({ level: this.level });
    deflate.on("data", (chunk: Buffer) => out.push(chunk));
    this.current = {
      name: bytes,
      offset: this.offset,
      crc: 0,
      compressed: 0,
      size: 0,
      deflate,
      out,
    };
    return this.emit([header]);
  }

  /** Deflates `data` into the current entry. */
  async write(data: Uint8Array): Promise<Uint8Array[]> {
    const entry = this.entryOrThrow();
    if (data.length === 0) return [];
    entry.crc = crc32(data, entry.crc);
    entry.size += data.length;
    if (entry.size > LIMIT) throw new Error("zip: an entry past 4 GiB needs ZIP64, not written");
    await new Promise<void>((resolve, reject) =>
      entry.deflate.write(data, (error) => (error ? reject(error) : resolve())),
    );
    return this.drain(entry);
  }

  /** Ends the current entry: the rest of its deflated data and its data descriptor. */
  async end(): Promise<Uint8Array[]> {
    const entry = this.entryOrThrow();
    await new Promise<void>((resolve, reject) => {
      entry.deflate.once("end", resolve);
      entry.deflate.once("error", reject);
      entry.deflate.end();
    });
    const chunks = this.drain(entry);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(entry.crc, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    const { deflate: _d, out: _o, ...done } = entry;
    this.entries.push(done);
    this.current = null;
    return [...chunks, ...this.emit([descriptor])];
  }

  /** Drops the current entry's deflater (a reader that went away). */
  abort(): void {
    this.current?.deflate.destroy();
    this.current = null;
  }

  /** The central directory and its end record: the archive's last bytes. */
  finish(): Uint8Array[] {
    if (this.current) throw new Error("zip: finished with an entry still open");
    const start = this.offset;
    const headers = this.entries.map((e) => {
      const h = Buffer.alloc(46 + e.name.length);
      h.writeUInt32LE(CENTRAL_HEADER, 0);
      h.writeUInt16LE(VERSION, 4); // made by: 2.0, MS-DOS attributes
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk, internal and external attributes: 0
      h.writeUInt32LE(e.offset, 42);
      Buffer.from(e.name).copy(h, 46);
      return h;
    });
    const size = headers.reduce((n, h) => n + h.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    return this.emit([...headers, end]);
  }

  private entryOrThrow() {
    if (!this.current) throw new Error("zip: no entry begun");
    return this.current;
  }

  private drain(entry: NonNullable<ZipWriter["current"]>): Uint8Array[] {
    const chunks = entry.out.splice(0);
    for (const c of chunks) entry.compressed += c.length;
    if (entry.compressed > LIMIT) throw new Error("zip: an entry past 4 GiB needs ZIP64");
    return this.emit(chunks);
  }

  private emit(chunks: Uint8Array[]): Uint8Array[] {
    for (const c of chunks) this.offset += c.length;
    if (this.offset > LIMIT) throw new Error("zip: an archive past 4 GiB needs ZIP64");
    return chunks;
  }
}
