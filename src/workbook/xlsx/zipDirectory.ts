/**
 * A small, pure reader of a zip file's central directory (PKWARE APPNOTE 6.3: end of central directory
 * record, ZIP64 locator and record, central directory headers, local headers). It reads sizes and offsets
 * only, never decompresses, and never throws: a damaged file gives a reason. Used to refuse an .xlsx bomb
 * before ExcelJS (which trusts the archive) starts inflating it.
 */

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate; anything else is refused later. */
  method: number;
  /** General purpose flags; bit 0 = encrypted. */
  flags: number;
  /** CRC-32 of the uncompressed data, as the central directory records it (copied as is when the entry is kept). */
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's data (past its local header) in the file. */
  dataOffset: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(view: DataView, at: number): number {
  return view.getUint16(at, true);
}
function u32(view: DataView, at: number): number {
  return view.getUint32(at, true);
}
/** u64 as a number; values past 2^53 become Infinity (they fail every size check). */
function u64(view: DataView, at: number): number {
  const n = view.getBigUint64(at, true);
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(n);
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Finds the end-of-central-directory record: the last 22–65,557 bytes of the file. */
function findEocd(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (u32(view, at) === EOCD && at + 22 + u16(view, at + 20) <= view.byteLength) return at;
  }
  return -1;
}

function fail(reason: string): ZipDirectory {
  return { ok: false, reason };
}

/** Reads every entry of the central directory, with its local header's data offset. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  if (bytes.byteLength < 22) return fail('too short to be a zip / zip として短すぎます');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return fail('no zip directory (the file is truncated or damaged) / zip の目録がありません（途中で切れているか壊れています）');
  let count = u16(view, eocd + 10);
  let size = u32(view, eocd + 12);
  let offset = u32(view, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(view, loc) !== ZIP64_LOCATOR) return fail('ZIP64 directory locator missing / ZIP64 の目録がありません');
    const at = u64(view, loc + 8);
    if (!(at + 56 <= bytes.byteLength) || u32(view, at) !== ZIP64_EOCD) return fail('ZIP64 directory record damaged / ZIP64 の目録が壊れています');
    count = u64(view, at + 32);
    size = u64(view, at + 40);
    offset = u64(view, at + 48);
  }
  if (!(offset + size <= bytes.byteLength)) return fail('zip directory points past the end of the file (truncated) / 目録がファイルの外を指しています（途中で切れています）');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > offset + size || u32(view, p) !== CENTRAL) return fail(`zip directory entry ${i + 1} damaged / 目録の ${i + 1} 番目が壊れています`);
    const flags = u16(view, p + 8);
    const method = u16(view, p + 10);
    const crc32 = u32(view, p + 16);
    let compressedSize = u32(view, p + 20);
    let uncompressedSize = u32(view, p + 24);
    const nameLength = u16(view, p + 28);
    const extraLength = u16(view, p + 30);
    const commentLength = u16(view, p + 32);
    let localOffset = u32(view, p + 42);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > offset + size) return fail(`zip directory entry ${i + 1} damaged / 目録の ${i + 1} 番目が壊れています`);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64 extended information: only the fields whose 32-bit value is 0xFFFFFFFF are present, in this order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = u16(view, e);
      const len = u16(view, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const take = (): number => {
          if (q + 8 > e + 4 + len) return Infinity;
          const v = u64(view, q);
          q += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localOffset === 0xffffffff) localOffset = take();
      }
      e += 4 + len;
    }
    if (!(localOffset + 30 <= bytes.byteLength) || u32(view, localOffset) !== LOCAL) {
      return fail(`local header of "${name}" missing (truncated) / 「${name}」の見出しがありません（途中で切れています）`);
    }
    const dataOffset = localOffset + 30 + u16(view, localOffset + 26) + u16(view, localOffset + 28);
    if (!(dataOffset + compressedSize <= bytes.byteLength)) {
      return fail(`"${name}" runs past the end of the file (truncated) / 「${name}」がファイルの外まで続いています（途中で切れています）`);
    }
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, dataOffset });
    p = end;
  }
  return { ok: true, entries };
}
