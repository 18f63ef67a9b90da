import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { readZipDirectory } from '../../src/workbook/xlsx/zipDirectory';

/** Test-only zip writer (stored or deflated, with lies on request) and part rewriter, so bombs are built here. */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface PartSpec {
  name: string;
  data: Uint8Array | string;
  /** 0 stored, 8 deflate (default). */
  method?: 0 | 8;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
}

export function buildZip(parts: readonly PartSpec[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : Buffer.from(p.data);
    const method = p.method ?? 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

/** The parts of an existing zip, inflated. */
export function readParts(bytes: Uint8Array): { name: string; data: Buffer }[] {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) throw new Error(`readParts: ${dir.reason}`);
  return dir.entries.map((e) => {
    const raw = Buffer.from(bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize));
    return { name: e.name, data: e.method === 8 ? inflateRawSync(raw) : raw };
  });
}

/** Rewrites the text of chosen parts of an .xlsx (`change` returns null to keep a part as it is). */
export function patchXlsx(bytes: Uint8Array, change: (name: string, text: string) => string | null, extra: PartSpec[] = []): Uint8Array {
  const parts: PartSpec[] = readParts(bytes).map((p) => {
    const text = /\.(xml|rels)$/.test(p.name) ? change(p.name, p.data.toString('utf8')) : null;
    return { name: p.name, data: text === null ? p.data : text };
  });
  return buildZip([...parts, ...extra]);
}
