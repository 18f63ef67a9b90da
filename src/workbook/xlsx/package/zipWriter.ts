import { crc32 } from './crc32';

/**
 * Writes a zip archive (PKWARE APPNOTE 6.3) from entries that are either kept as they were — their compressed
 * bytes and CRC copied from the input, never inflated — or new, deflated by `compressEntry`. Names are UTF-8 (flag bit 11),
 * no data descriptors, no ZIP64: an .xlsx this tool accepts is far below 4 GB and 65,535 parts (`limits.ts`).
 */

/** Raw deflate (RFC 1951), as `CompressionStream('deflate-raw')` or Node's `zlib.deflateRawSync` give it. */
export type Deflate = (data: Uint8Array) => Promise<Uint8Array>;

/** An entry as it goes into the archive: already compressed (or stored), with its CRC. */
export interface ZipWriteEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  crc32: number;
  compressed: Uint8Array;
  uncompressedSize: number;
}

/** How new entries are compressed and checked: deflate, and optionally a faster CRC-32 than this module's. */
export interface ZipCompression {
  deflate: Deflate;
  crc32?: (data: Uint8Array) => number;
}

/** A new entry's content, compressed (tiny parts are stored: deflate would not make them smaller). */
export async function compressEntry(data: Uint8Array, z: ZipCompression): Promise<Omit<ZipWriteEntry, 'name'>> {
  const crc = (z.crc32 ?? crc32)(data) >>> 0;
  if (data.length < 64) return { method: 0, crc32: crc, compressed: data, uncompressedSize: data.length };
  return { method: 8, crc32: crc, compressed: await z.deflate(data), uncompressedSize: data.length };
}

const utf8 = new TextEncoder();
const MAX32 = 0xffffffff;

/** DOS date and time of 1980-01-01 00:00: a fixed stamp, so the same content always gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface Prepared {
  name: Uint8Array;
  method: number;
  crc: number;
  compressed: Uint8Array;
  size: number;
  flags: number;
}

/** The archive's bytes. Throws (a programmer error) past the limits of a zip without ZIP64. */
export function writeZip(entries: readonly ZipWriteEntry[]): Uint8Array {
  if (entries.length > 0xffff) throw new Error(`writeZip: ${entries.length} entries need ZIP64`);
  const prepared: Prepared[] = entries.map((e) => {
    if (e.method !== 0 && e.method !== 8) throw new Error(`writeZip: "${e.name}" has compression method ${e.method}`);
    return {
      name: utf8.encode(e.name),
      method: e.method,
      crc: e.crc32 >>> 0,
      compressed: e.compressed,
      size: e.uncompressedSize,
      flags: /[^\x20-\x7e]/.test(e.name) ? 0x0800 : 0,
    };
  });
  let localSize = 0;
  let centralSize = 0;
  for (const p of prepared) {
    if (p.size > MAX32 || p.compressed.length > MAX32) throw new Error('writeZip: an entry needs ZIP64');
    localSize += 30 + p.name.length + p.compressed.length;
    centralSize += 46 + p.name.length;
  }
  if (localSize + centralSize + 22 > MAX32) throw new Error('writeZip: the archive needs ZIP64');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const p of prepared) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(at + 6, p.flags, true);
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, DOS_TIME, true);
    view.setUint16(at + 12, DOS_DATE, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, p.compressed.length, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(p.name, at + 30);
    out.set(p.compressed, at + 30 + p.name.length);
    at += 30 + p.name.length + p.compressed.length;
  }
  const central = at;
  prepared.forEach((p, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: MS-DOS, 2.0
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, p.flags, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.compressed.length, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.name.length, true);
    // extra, comment, disk, internal attributes, external attributes: 0
    view.setUint32(at + 42, offsets[i], true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return out;
}
