import type { ZipEntry } from '../zipDirectory';
import { readZipDirectory } from '../zipDirectory';
import type { Deflate, ZipWriteEntry } from './zipWriter';
import { compressEntry, writeZip } from './zipWriter';

/**
 * An .xlsx as its parts (Open Packaging Conventions), for changing a few of them and keeping every other part
 * exactly as it was: a kept part's compressed bytes are copied into the new archive untouched. This is how the
 * CLI and the browser page write a workbook without losing what they do not understand (charts, pivot tables,
 * shapes, macros' parts, custom XML …), where a save through ExcelJS rebuilds the file from its own model.
 */

/** Inflates raw deflate data that must come out as `size` bytes (the zip directory says so). */
export type Inflate = (compressed: Uint8Array, size: number) => Promise<Uint8Array>;

export interface PackageCodec {
  inflate: Inflate;
  deflate: Deflate;
  /** CRC-32 where the platform has a native one (Node's zlib); else the module's own. */
  crc32?: (data: Uint8Array) => number;
}

/** The package cannot be changed part by part (a damaged archive, a part that will not inflate). */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** Part names compare case-insensitively (OPC); the zip holds them without a leading slash. */
function key(name: string): string {
  return name.replace(/^\//, '').toLowerCase();
}

export class XlsxPackage {
  /** Every part in archive order, as the zip names it. */
  private readonly order: string[] = [];
  private readonly entries = new Map<string, ZipEntry>();
  private readonly changed = new Map<string, Uint8Array>();
  /** Compression of each changed part, started as soon as it is set (zlib works while the next part is built). */
  private readonly compressed = new Map<string, Promise<Omit<ZipWriteEntry, 'name'>>>();
  private readonly texts = new Map<string, string>();
  private removedAny = false;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly codec: PackageCodec,
    entries: readonly ZipEntry[],
  ) {
    for (const e of entries) {
      if (e.name.endsWith('/')) continue; // a folder entry holds nothing
      if (this.entries.has(key(e.name))) throw new PackageError(`the archive holds "${e.name}" twice`);
      this.entries.set(key(e.name), e);
      this.order.push(e.name.replace(/^\//, ''));
    }
  }

  static open(bytes: Uint8Array, codec: PackageCodec): XlsxPackage {
    const dir = readZipDirectory(bytes);
    if (!dir.ok) throw new PackageError(dir.reason);
    return new XlsxPackage(bytes, codec, dir.entries);
  }

  /** Part names (no leading slash), in archive order, new parts last. */
  names(): string[] {
    return this.order.slice();
  }

  has(name: string): boolean {
    return this.entries.has(key(name)) || this.changed.has(key(name));
  }

  /** The part's bytes, or null when there is no such part. */
  async bytesOf(name: string): Promise<Uint8Array | null> {
    const k = key(name);
    const changed = this.changed.get(k);
    if (changed) return changed;
    const e = this.entries.get(k);
    if (!e) return null;
    const raw = this.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    if (e.method === 0) return raw;
    try {
      const data = await this.codec.inflate(raw, e.uncompressedSize);
      if (data.length !== e.uncompressedSize) throw new Error(`${data.length} bytes instead of ${e.uncompressedSize}`);
      return data;
    } catch (err) {
      throw new PackageError(`"${e.name}" cannot be inflated (${err instanceof Error ? err.message : String(err)})`);
    }
  }

  /** The part as UTF-8 text (byte-order mark dropped), or null when there is no such part. */
  async text(name: string): Promise<string | null> {
    const k = key(name);
    const cached = this.texts.get(k);
    if (cached !== undefined) return cached;
    const data = await this.bytesOf(name);
    if (data === null) return null;
    const text = utf8.decode(data).replace(/^\ufeff/, '');
    this.texts.set(k, text);
    return text;
  }

  /** Replaces (or adds) a part. Unchanged text is not marked as a change, so the part is copied as it was. */
  setText(name: string, text: string): void {
    const k = key(name);
    if (this.texts.get(k) === text) return;
    this.texts.set(k, text);
    this.setBytes(name, encoder.encode(text));
    this.texts.set(k, text);
  }

  setBytes(name: string, data: Uint8Array): void {
    const k = key(name);
    if (!this.entries.has(k) && !this.changed.has(k)) this.order.push(name.replace(/^\//, ''));
    this.changed.set(k, data);
    this.texts.delete(k);
    const started = compressEntry(data, this.codec);
    started.catch(() => undefined); // awaited by toBytes; a part replaced before then is simply dropped
    this.compressed.set(k, started);
  }

  remove(name: string): void {
    const k = key(name);
    this.entries.delete(k);
    this.changed.delete(k);
    this.compressed.delete(k);
    this.texts.delete(k);
    const i = this.order.findIndex((n) => key(n) === k);
    if (i >= 0) {
      this.order.splice(i, 1);
      this.removedAny = true;
    }
  }

  /** Whether any part was added, changed or removed. */
  get modified(): boolean {
    return this.changed.size > 0 || this.removedAny;
  }

  /** The archive: kept parts copied compressed as they were, changed and new parts deflated. */
  async toBytes(): Promise<Uint8Array> {
    const out: ZipWriteEntry[] = [];
    for (const name of this.order) {
      const k = key(name);
      const compressed = this.compressed.get(k);
      if (compressed) {
        out.push({ name, ...(await compressed) });
        continue;
      }
      const e = this.entries.get(k) as ZipEntry;
      out.push({
        name,
        method: e.method,
        crc32: e.crc32,
        compressed: this.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize),
        uncompressedSize: e.uncompressedSize,
      });
    }
    return writeZip(out);
  }
}
