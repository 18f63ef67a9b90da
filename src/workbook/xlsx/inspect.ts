import { parseRange } from '../../domain/address';
import type { XlsxLimits } from './limits';
import { formatBytes, formatCount } from './limits';
import type { ZipEntry } from './zipDirectory';
import { readZipDirectory } from './zipDirectory';
import type { SheetNotes } from './notes';
import { notesBySheet } from './notes';
import { readStream } from './package/codec';
import type { PackageView } from './opcPackage';
import { contentTypes, isSmallPackagePart, sheetNamesByPart } from './opcPackage';
import type { UnkeptItem } from './unkept';
import { countSparklineGroups, findUnkept } from './unkept';

/**
 * Looks inside an .xlsx before ExcelJS loads it (ExcelJS inflates every part in full and expands merged
 * areas and data validations cell by cell, so a small hostile file can take all memory or hang it):
 * 1. the zip directory: entry count, worksheet count, declared sizes and ratios against `XlsxLimits`;
 * 2. every part inflated with a bound (its declared size): a part that inflates past what it declares is a
 *    bomb that lies, refused before ExcelJS inflates it without a bound;
 * 3. worksheet XML: the area of merged cells and data validations, and no DTD in any XML part (Excel never
 *    writes one; it is how entity-expansion bombs start).
 */

type Refusal = { ok: false; message: string };
export type Inspection = { ok: true } | Refusal;
/** A file that passed, with what an ExcelJS save would not keep (`unkept.ts`). */
export type PackageInspection =
  | {
      ok: true;
      unkept: UnkeptItem[];
      notes: SheetNotes;
      /**
       * Merged areas per sheet name (`A3:A5`), as the worksheets declare them; null when the parts could not be
       * read (no inflate). Read here because ExcelJS checks every new merge against all earlier ones: 1,000 merges
       * on a sheet cost it half a second (`npm run bench`).
       */
      merges: Map<string, string[]> | null;
    }
  | Refusal;

/** Inflates raw deflate data, giving up (null) as soon as it would exceed `maxBytes`. */
export type BoundedInflate = (compressed: Uint8Array, maxBytes: number) => Promise<Uint8Array | null>;

/** Where the platform has it (Node ≥ 18, current browsers), `DecompressionStream('deflate-raw')`, streamed and bounded. */
export const streamInflate: BoundedInflate | null =
  typeof DecompressionStream === 'undefined'
    ? null
    : async (compressed, maxBytes) => {
        const ds = new DecompressionStream('deflate-raw');
        const writer = ds.writable.getWriter();
        // written while being read (back pressure); rejects when reading stops early, which is expected
        const written = writer
          .write(compressed as Uint8Array<ArrayBuffer>)
          .then(() => writer.close())
          .catch(() => undefined);
        try {
          return await readStream(ds.readable.getReader(), maxBytes);
        } finally {
          await written;
        }
      };

const WORKSHEET = /^\/?xl\/worksheets\/sheet\d+\.xml$/;
const MERGE_CELL = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)["']/g;
const VALIDATION = /<(?:[A-Za-z_][\w.-]*:)?dataValidation\b[^>]*?\bsqref\s*=\s*["']([^"']*)["']/g;

function refuse(message: string): Refusal {
  return { ok: false, message };
}

/** Cells covered by a space-separated list of ranges (`A1:B2 D4`); an unreadable range counts as 0. */
export function rangeArea(sqref: string): number {
  let area = 0;
  for (const part of sqref.trim().split(/\s+/)) {
    const box = part ? parseRange(part) : null;
    if (box) area += (box.bottom - box.top + 1) * (box.right - box.left + 1);
  }
  return area;
}

/** Checks the directory alone (cheap, before any inflating). */
export function checkDirectory(entries: readonly ZipEntry[], limits: XlsxLimits): Inspection {
  if (entries.length > limits.maxEntries) {
    return refuse(`部品が多すぎます（${formatCount(entries.length)} > ${formatCount(limits.maxEntries)}） / too many parts in the file (${formatCount(entries.length)})`);
  }
  const sheets = entries.filter((e) => WORKSHEET.test(e.name)).length;
  if (sheets > limits.maxSheets) {
    return refuse(`シートが多すぎます（${formatCount(sheets)} > ${formatCount(limits.maxSheets)}） / too many sheets (${formatCount(sheets)} > ${formatCount(limits.maxSheets)})`);
  }
  let total = 0;
  for (const e of entries) {
    if (e.flags & 1) return refuse(`「${e.name}」が暗号化されています / "${e.name}" is encrypted`);
    if (e.method !== 0 && e.method !== 8) return refuse(`「${e.name}」の圧縮形式 ${e.method} には対応していません / unsupported compression method ${e.method} in "${e.name}"`);
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize) return refuse(`「${e.name}」のサイズが矛盾しています / inconsistent sizes for "${e.name}"`);
    if (e.uncompressedSize > limits.maxEntryBytes) {
      return refuse(
        `展開すると大きすぎます: 「${e.name}」が ${formatBytes(e.uncompressedSize)}（上限 ${formatBytes(limits.maxEntryBytes)}） / "${e.name}" expands to ${formatBytes(e.uncompressedSize)} (limit ${formatBytes(limits.maxEntryBytes)})`,
      );
    }
    if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)) {
      const ratio = Math.round(e.uncompressedSize / Math.max(1, e.compressedSize));
      return refuse(`圧縮率が異常です（zip 爆弾の疑い）: 「${e.name}」が ${ratio} 倍に展開されます / suspicious compression ratio ${ratio}:1 in "${e.name}" (zip bomb?)`);
    }
    total += e.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) {
    return refuse(`展開すると大きすぎます: 合計 ${formatBytes(total)}（上限 ${formatBytes(limits.maxTotalBytes)}） / expands to ${formatBytes(total)} in all (limit ${formatBytes(limits.maxTotalBytes)})`);
  }
  return { ok: true };
}

/** Checks one worksheet's XML for merged areas and data validations ExcelJS would expand cell by cell. */
function checkSheetXml(name: string, xml: string, budget: { merged: number; validation: number }, limits: XlsxLimits, found: string[]): Inspection {
  let merges = 0;
  for (const m of xml.matchAll(MERGE_CELL)) {
    merges++;
    found.push(m[1]);
    const area = rangeArea(m[1]);
    budget.merged += area;
    if (area > limits.maxMergedCells || budget.merged > limits.maxMergedCells) {
      return refuse(
        `結合セルが大きすぎます: ${name} の ${m[1]}（結合セル合計 ${formatCount(budget.merged)} > ${formatCount(limits.maxMergedCells)}） / merged area ${m[1]} in ${name} is too large (${formatCount(budget.merged)} merged cells in all, limit ${formatCount(limits.maxMergedCells)})`,
      );
    }
  }
  if (merges > limits.maxMergesPerSheet) {
    return refuse(`結合セルが多すぎます: ${name} に ${formatCount(merges)} 個 / too many merged areas in ${name} (${formatCount(merges)}, limit ${formatCount(limits.maxMergesPerSheet)})`);
  }
  for (const m of xml.matchAll(VALIDATION)) {
    budget.validation += rangeArea(m[1]);
    if (budget.validation > limits.maxValidationCells) {
      return refuse(
        `入力規則の範囲が大きすぎます: ${name} の ${m[1].slice(0, 60)} / data validation ${m[1].slice(0, 60)} in ${name} is too large (${formatCount(budget.validation)} cells in all, limit ${formatCount(limits.maxValidationCells)})`,
      );
    }
  }
  return { ok: true };
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/**
 * Everything above, in order; the first reason to refuse wins. With no `inflate` (a platform without
 * DecompressionStream) only the directory is checked.
 */
export async function inspectXlsx(bytes: Uint8Array, limits: XlsxLimits, inflate: BoundedInflate | null = streamInflate): Promise<PackageInspection> {
  if (bytes.byteLength > limits.maxFileBytes) {
    return refuse(`ファイルが大きすぎます（${formatBytes(bytes.byteLength)}、上限 ${formatBytes(limits.maxFileBytes)}） / file too large (${formatBytes(bytes.byteLength)}, limit ${formatBytes(limits.maxFileBytes)})`);
  }
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return refuse(`.xlsx を読めません: ${dir.reason} / cannot read the .xlsx`);
  const directory = checkDirectory(dir.entries, limits);
  if (!directory.ok) return directory;
  const partNames = dir.entries.map((e) => e.name.replace(/^\//, ''));
  const smallParts = new Map<string, string>();
  const sparklines = new Map<string, number>();
  /** The file passed: what the parts read as text say about it (what ExcelJS would drop, notes it would lose). */
  const passed = (): PackageInspection => {
    const text = (p: string): string => smallParts.get(p) ?? '';
    const types = contentTypes(text('[Content_Types].xml'), partNames);
    const pkg: PackageView = { parts: partNames, types, text, sparklineGroups: (p) => sparklines.get(p) ?? 0, sheetNames };
    return { ok: true, unkept: findUnkept(pkg), notes: notesBySheet(pkg), merges };
  };
  let sheetNames = new Map<string, string>();
  let merges: Map<string, string[]> | null = null;
  // Without inflate no part can be read: only the directory was checked, and nothing is found to report.
  if (inflate === null) return passed();
  merges = new Map();

  const inflated = new Map<ZipEntry, Uint8Array | null>();
  const contents = async (e: ZipEntry): Promise<Uint8Array | null> => {
    if (inflated.has(e)) return inflated.get(e) ?? null;
    const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    const data = e.method === 0 ? raw : await inflate(raw, e.uncompressedSize);
    return data;
  };
  const bomb = (e: ZipEntry): Refusal =>
    refuse(`「${e.name}」が申告より大きく展開されます（zip 爆弾の疑い） / "${e.name}" inflates past its declared ${formatBytes(e.uncompressedSize)} (zip bomb?)`);
  const damaged = (e: ZipEntry): Refusal => refuse(`「${e.name}」が壊れています（展開できません） / "${e.name}" is damaged (cannot inflate)`);

  // Sheet names first (two small parts), so that messages name the sheet the user knows.
  const partText = async (name: string): Promise<string> => {
    const e = dir.entries.find((x) => x.name.replace(/^\//, '') === name);
    if (!e) return '';
    try {
      const data = await contents(e);
      inflated.set(e, data);
      return data ? utf8.decode(data) : '';
    } catch {
      return ''; // reported as damaged by the loop below
    }
  };
  sheetNames = sheetNamesByPart(await partText('xl/workbook.xml'), await partText('xl/_rels/workbook.xml.rels'));

  const budget = { merged: 0, validation: 0 };
  for (const e of dir.entries) {
    if (e.name.endsWith('/')) continue;
    let data: Uint8Array | null;
    try {
      data = await contents(e);
    } catch {
      return damaged(e);
    }
    if (data === null) return bomb(e);
    if (!/\.(xml|rels|vml)$/i.test(e.name)) continue;
    // A DTD can only sit in the prolog, before the root element: the first 1 KB is enough.
    if (/<!DOCTYPE/i.test(latin1.decode(data.subarray(0, 1024)))) {
      return refuse(`「${e.name}」に DTD があります（Excel は書きません。実体展開攻撃の疑い） / "${e.name}" has a DTD (Excel never writes one; entity-expansion attack?)`);
    }
    const part = e.name.replace(/^\//, '');
    if (isSmallPackagePart(part)) smallParts.set(part, utf8.decode(data));
    if (WORKSHEET.test(e.name)) {
      const label = sheetNames.has(part) ? `シート「${sheetNames.get(part)}」` : part;
      const xml = utf8.decode(data);
      const found: string[] = [];
      const sheet = checkSheetXml(label, xml, budget, limits, found);
      if (!sheet.ok) return sheet;
      const name = sheetNames.get(part);
      if (name !== undefined) merges.set(name, found);
      sparklines.set(part, countSparklineGroups(xml));
    }
  }
  return passed();
}
