import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { streamCodec } from '../../../../src/workbook/xlsx/package/codec';
import { crc32 } from '../../../../src/workbook/xlsx/package/crc32';
import type { PackageCodec } from '../../../../src/workbook/xlsx/package/xlsxPackage';
import { PackageError, XlsxPackage } from '../../../../src/workbook/xlsx/package/xlsxPackage';
import type { ZipWriteEntry } from '../../../../src/workbook/xlsx/package/zipWriter';
import { compressEntry, writeZip } from '../../../../src/workbook/xlsx/package/zipWriter';
import type { ZipEntry } from '../../../../src/workbook/xlsx/zipDirectory';
import { readZipDirectory } from '../../../../src/workbook/xlsx/zipDirectory';

const SAMPLE = path.join(__dirname, '../../../../examples/shinchoku-sample.xlsx');
const deflateRaw = promisify(zlib.deflateRaw);

/** Node's zlib, as the CLI gives it to the package. */
const nodeCodec: PackageCodec = {
  inflate: async (compressed, size) => zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, size) }),
  deflate: async (data) => new Uint8Array(await deflateRaw(data)),
  crc32: (data) => zlib.crc32(data),
};

const utf8 = new TextEncoder();

function entriesOf(bytes: Uint8Array): ZipEntry[] {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) throw new Error(dir.reason);
  return dir.entries;
}

/** Each entry's compressed bytes as stored in the archive, by name (folder entries left out: they hold nothing). */
function rawSlices(bytes: Uint8Array): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of entriesOf(bytes)) {
    if (!e.name.endsWith('/')) out.set(e.name, Buffer.from(bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize)));
  }
  return out;
}

function inflated(bytes: Uint8Array, e: ZipEntry): Buffer {
  const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  return e.method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw);
}

describe('crc32', () => {
  it('gives the known checksums', () => {
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(utf8.encode('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(utf8.encode('123456789'))).toBe(0xcbf43926);
  });

  it('agrees with zlib on every length from 0 to 100 and on 1 MB, at any offset into a buffer', () => {
    expect(typeof zlib.crc32).toBe('function');
    for (let n = 0; n <= 100; n++) {
      const data = randomBytes(n);
      expect([n, crc32(data)]).toEqual([n, zlib.crc32(data)]);
    }
    const big = randomBytes(1 << 20);
    expect(crc32(big)).toBe(zlib.crc32(big));
    const view = big.subarray(3, 3 + 1001); // not aligned to 8 bytes
    expect(crc32(view)).toBe(zlib.crc32(view));
    expect(crc32(new Uint8Array(100_000).fill(0xff))).toBe(zlib.crc32(new Uint8Array(100_000).fill(0xff)));
  });
});

describe('writeZip', () => {
  const contents: [string, Uint8Array][] = [
    ['[Content_Types].xml', utf8.encode('<Types/>')],
    ['xl/worksheets/sheet1.xml', utf8.encode('<worksheet>' + '<row/>'.repeat(500) + '</worksheet>')],
    ['xl/進捗/評価シート.xml', utf8.encode('<x>' + '進捗'.repeat(200) + '</x>')],
    ['empty.bin', new Uint8Array(0)],
    ['random.bin', new Uint8Array(randomBytes(5000))],
  ];
  let entries: ZipWriteEntry[];
  let bytes: Uint8Array;
  beforeAll(async () => {
    entries = await Promise.all(contents.map(async ([name, data]) => ({ name, ...(await compressEntry(data, nodeCodec)) })));
    bytes = writeZip(entries);
  });

  it('stores tiny entries and deflates the others', () => {
    expect(entries.map((e) => e.method)).toEqual([0, 8, 8, 0, 8]);
    expect(entries[1].compressed.length).toBeLessThan(contents[1][1].length);
  });

  it('writes a directory the reader reads back: names, methods, sizes, CRCs; UTF-8 flag on non-ASCII names only', () => {
    const read = entriesOf(bytes);
    expect(read.map((e) => e.name)).toEqual(contents.map(([name]) => name));
    read.forEach((e, i) => {
      const [, data] = contents[i];
      expect([e.name, e.method, e.compressedSize, e.uncompressedSize, e.crc32]).toEqual([
        entries[i].name,
        entries[i].method,
        entries[i].compressed.length,
        data.length,
        zlib.crc32(data),
      ]);
      expect([e.name, (e.flags & 0x0800) !== 0]).toEqual([e.name, /[^\x20-\x7e]/.test(e.name)]);
      expect(e.flags & 0x0008).toBe(0); // no data descriptor
    });
  });

  it('holds each entry so that inflating it gives the data back', () => {
    entriesOf(bytes).forEach((e, i) => expect(Buffer.compare(inflated(bytes, e), Buffer.from(contents[i][1]))).toBe(0));
  });

  it('is read by another zip reader (JSZip) with the same contents', async () => {
    const zip = await JSZip.loadAsync(bytes);
    for (const [name, data] of contents) {
      const file = zip.file(name);
      expect(file).not.toBeNull();
      expect(Buffer.compare(Buffer.from(await (file as JSZip.JSZipObject).async('uint8array')), Buffer.from(data))).toBe(0);
    }
    expect(Object.keys(zip.files)).toHaveLength(contents.length);
  });

  it('gives the same bytes for the same entries', async () => {
    const again = await Promise.all(contents.map(async ([name, data]) => ({ name, ...(await compressEntry(data, nodeCodec)) })));
    expect(Buffer.compare(Buffer.from(writeZip(again)), Buffer.from(bytes))).toBe(0);
  });

  it('writes an empty archive that reads as empty, and refuses a compression method it cannot write', () => {
    expect(entriesOf(writeZip([]))).toEqual([]);
    expect(() => writeZip([{ name: 'a', method: 12, crc32: 0, compressed: new Uint8Array(1), uncompressedSize: 1 }])).toThrow(/method 12/);
  });
});

describe('XlsxPackage', () => {
  const sample = new Uint8Array(readFileSync(SAMPLE));

  it('with no change, writes every part with exactly the compressed bytes it had', async () => {
    const pkg = XlsxPackage.open(sample, nodeCodec);
    expect(pkg.modified).toBe(false);
    const out = await pkg.toBytes();
    const before = rawSlices(sample);
    const after = rawSlices(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, raw] of before) expect([name, Buffer.compare(after.get(name) as Buffer, raw)]).toEqual([name, 0]);
    // and the CRCs and sizes come along with them
    const crcs = (bytes: Uint8Array): string[] => entriesOf(bytes).filter((e) => !e.name.endsWith('/')).map((e) => `${e.name} ${e.crc32} ${e.uncompressedSize} ${e.method}`);
    expect(crcs(out)).toEqual(crcs(sample));
  });

  it('lists its parts in archive order, without folder entries, and finds them in any case', () => {
    const pkg = XlsxPackage.open(sample, nodeCodec);
    expect(pkg.names()).toContain('xl/workbook.xml');
    expect(pkg.names().some((n) => n.endsWith('/'))).toBe(false);
    expect(pkg.has('XL/WORKBOOK.XML')).toBe(true);
    expect(pkg.has('/xl/workbook.xml')).toBe(true);
    expect(pkg.has('xl/workbook2.xml')).toBe(false);
  });

  it('reads a part as text in any case of its name, and gives null for a missing part', async () => {
    const pkg = XlsxPackage.open(sample, nodeCodec);
    const workbook = await pkg.text('XL/Workbook.xml');
    expect(workbook).toMatch(/<workbook[\s>]/);
    expect(await pkg.text('xl/workbook.xml')).toBe(workbook);
    expect(await pkg.text('xl/missing.xml')).toBeNull();
    expect(await pkg.bytesOf('xl/missing.xml')).toBeNull();
  });

  it('does not count setting a part to the text it already holds as a change', async () => {
    const pkg = XlsxPackage.open(sample, nodeCodec);
    const styles = (await pkg.text('xl/styles.xml')) as string;
    pkg.setText('xl/styles.xml', styles);
    expect(pkg.modified).toBe(false);
    expect(Buffer.compare(Buffer.from(await pkg.toBytes()), Buffer.from(await XlsxPackage.open(sample, nodeCodec).toBytes()))).toBe(0);
  });

  it('changes, removes and adds parts, keeping every other part byte for byte, and Excel readers still open it', async () => {
    const pkg = XlsxPackage.open(sample, nodeCodec);
    const core = (await pkg.text('docProps/core.xml')) as string;
    const changedCore = core.replace(/<dc:creator>[^<]*<\/dc:creator>|(?=<\/cp:coreProperties>)/, '<dc:creator>進捗 テスト</dc:creator>');
    expect(changedCore).not.toBe(core);
    pkg.setText('DOCPROPS/core.xml', changedCore);
    pkg.remove('docProps/app.xml');
    pkg.setText('customXml/item1.xml', '<root>新しい部品</root>');
    expect(pkg.modified).toBe(true);
    expect(await pkg.text('docProps/core.xml')).toBe(changedCore);
    expect(pkg.has('docProps/app.xml')).toBe(false);

    const out = await pkg.toBytes();
    const names = entriesOf(out).map((e) => e.name);
    expect(names).toContain('docProps/core.xml'); // the name as the archive had it, not as it was set
    expect(names).not.toContain('DOCPROPS/core.xml');
    expect(names).not.toContain('docProps/app.xml');
    expect(names[names.length - 1]).toBe('customXml/item1.xml');

    const reopened = XlsxPackage.open(out, nodeCodec);
    expect(await reopened.text('docProps/core.xml')).toBe(changedCore);
    expect(await reopened.text('customXml/item1.xml')).toBe('<root>新しい部品</root>');
    expect(await reopened.text('docProps/app.xml')).toBeNull();

    const before = rawSlices(sample);
    const after = rawSlices(out);
    for (const [name, raw] of before) {
      if (name === 'docProps/core.xml' || name === 'docProps/app.xml') continue;
      expect([name, Buffer.compare(after.get(name) as Buffer, raw)]).toEqual([name, 0]);
    }

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    const original = new ExcelJS.Workbook();
    await original.xlsx.load(Buffer.from(sample) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(original.worksheets.map((w) => w.name));
    expect(wb.creator).toBe('進捗 テスト');
    const zip = await JSZip.loadAsync(out);
    expect(await zip.file('docProps/core.xml')?.async('string')).toBe(changedCore);
  });

  it('keeps a part removed and then added again, at the end of the archive', async () => {
    const pkg = XlsxPackage.open(sample, nodeCodec);
    pkg.remove('xl/theme/theme1.xml');
    pkg.setText('xl/theme/theme1.xml', '<a:theme/>');
    const out = XlsxPackage.open(await pkg.toBytes(), nodeCodec);
    expect(out.names().filter((n) => n === 'xl/theme/theme1.xml')).toHaveLength(1);
    expect(out.names()[out.names().length - 1]).toBe('xl/theme/theme1.xml');
    expect(await out.text('xl/theme/theme1.xml')).toBe('<a:theme/>');
  });

  it('refuses a part that will not inflate, with a PackageError naming it', async () => {
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x12, 0x34]);
    const bytes = writeZip([{ name: 'xl/workbook.xml', method: 8, crc32: 0, compressed: garbage, uncompressedSize: 100 }]);
    const pkg = XlsxPackage.open(bytes, nodeCodec);
    await expect(pkg.text('xl/workbook.xml')).rejects.toThrow(PackageError);
    await expect(pkg.text('xl/workbook.xml')).rejects.toThrow(/xl\/workbook\.xml/);
  });

  it('refuses a part that inflates to another size than the directory says', async () => {
    const data = utf8.encode('<x>' + 'a'.repeat(200) + '</x>');
    const compressed = zlib.deflateRawSync(data);
    const longer = writeZip([{ name: 'a.xml', method: 8, crc32: zlib.crc32(data), compressed, uncompressedSize: data.length + 10 }]);
    await expect(XlsxPackage.open(longer, nodeCodec).text('a.xml')).rejects.toThrow(PackageError);
    const shorter = writeZip([{ name: 'a.xml', method: 8, crc32: zlib.crc32(data), compressed, uncompressedSize: data.length - 10 }]);
    await expect(XlsxPackage.open(shorter, nodeCodec).text('a.xml')).rejects.toThrow(PackageError);
  });

  it('refuses a damaged archive when it is opened', () => {
    expect(() => XlsxPackage.open(sample.subarray(0, sample.length - 100), nodeCodec)).toThrow(PackageError);
    expect(() => XlsxPackage.open(sample.subarray(0, 1000), nodeCodec)).toThrow(PackageError);
    expect(() => XlsxPackage.open(new Uint8Array(10), nodeCodec)).toThrow(PackageError);
    const noLocalHeader = sample.slice();
    noLocalHeader.fill(0, 0, 4);
    expect(() => XlsxPackage.open(noLocalHeader, nodeCodec)).toThrow(PackageError);
    expect(() => XlsxPackage.open(utf8.encode('not a zip at all, just some text that is long enough'), nodeCodec)).toThrow(PackageError);
  });

  it('refuses an archive that holds a part twice, in any case', () => {
    const stored = (name: string): ZipWriteEntry => ({ name, method: 0, crc32: zlib.crc32(utf8.encode('x')), compressed: utf8.encode('x'), uncompressedSize: 1 });
    expect(() => XlsxPackage.open(writeZip([stored('xl/a.xml'), stored('XL/A.xml')]), nodeCodec)).toThrow(PackageError);
  });
});

describe('streamCodec', () => {
  it('exists where the platform has compression streams', () => {
    expect(streamCodec).not.toBeNull();
  });

  it('inflates what it deflated, and what zlib deflated', async () => {
    const codec = streamCodec as PackageCodec;
    for (const data of [new Uint8Array(0), new Uint8Array(randomBytes(1000)), utf8.encode('進捗'.repeat(100_000))]) {
      const deflated = await codec.deflate(data);
      expect(Buffer.compare(Buffer.from(await codec.inflate(deflated, data.length)), Buffer.from(data))).toBe(0);
      expect(Buffer.compare(zlib.inflateRawSync(deflated), Buffer.from(data))).toBe(0);
      const byZlib = zlib.deflateRawSync(data);
      expect(Buffer.compare(Buffer.from(await codec.inflate(byZlib, data.length)), Buffer.from(data))).toBe(0);
    }
  });

  it('serves the package as well as zlib does', async () => {
    const sample = new Uint8Array(readFileSync(SAMPLE));
    const pkg = XlsxPackage.open(sample, streamCodec as PackageCodec);
    const sheet = (await pkg.text('xl/worksheets/sheet1.xml')) as string;
    expect(sheet).toBe(await XlsxPackage.open(sample, nodeCodec).text('xl/worksheets/sheet1.xml'));
    pkg.setText('xl/worksheets/sheet1.xml', sheet.replace('</worksheet>', '<!-- 変更 --></worksheet>'));
    const out = XlsxPackage.open(await pkg.toBytes(), nodeCodec);
    expect(await out.text('xl/worksheets/sheet1.xml')).toBe(sheet.replace('</worksheet>', '<!-- 変更 --></worksheet>'));
  });

  it('rejects data that is not deflate or is cut short, and the package reports it as a PackageError', async () => {
    // before the fix in codec.ts, the failed write was an unhandled rejection that ended the Node process
    const codec = streamCodec as PackageCodec;
    await expect(codec.inflate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00]), 10)).rejects.toThrow();
    const data = new Uint8Array(randomBytes(5000));
    const cut = zlib.deflateRawSync(data).subarray(0, 2000);
    await expect(codec.inflate(cut, data.length)).rejects.toThrow();
    const bytes = writeZip([{ name: 'xl/workbook.xml', method: 8, crc32: zlib.crc32(data), compressed: cut, uncompressedSize: data.length }]);
    await expect(XlsxPackage.open(bytes, codec).bytesOf('xl/workbook.xml')).rejects.toThrow(PackageError);
  });
});
