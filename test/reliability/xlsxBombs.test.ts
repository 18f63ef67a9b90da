import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_XLSX_LIMITS } from '../../src/workbook/xlsx/limits';
import { inspectXlsx, rangeArea } from '../../src/workbook/xlsx/inspect';
import { sheetNamesByPart } from '../../src/workbook/xlsx/opcPackage';
import { usedBox } from '../../src/workbook/xlsx/readGrid';
import { loadXlsx, UnreadableWorkbookError } from '../../src/workbook/xlsx/workbookFile';
import { readZipDirectory } from '../../src/workbook/xlsx/zipDirectory';
import { cellMap, openXlsx, runCli, SAMPLE, tempDir } from '../helpers/cli';
import type { PartSpec } from './zipTools';
import { buildZip, patchXlsx, readParts } from './zipTools';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sakuTable } = require('../../scripts/build-sample.js') as {
  sakuTable: (ws: ExcelJS.Worksheet, top: number, spec: unknown) => number;
};

const sample = new Uint8Array(readFileSync(SAMPLE));
const dir = tempDir('shinchoku-bomb-');

/** Loads, expecting a refusal: returns the one-line message. */
async function refusal(bytes: Uint8Array, limits = {}): Promise<string> {
  const started = Date.now();
  try {
    await loadXlsx(ExcelJS, bytes, { limits });
  } catch (e) {
    expect(e).toBeInstanceOf(UnreadableWorkbookError);
    const message = (e as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    return message;
  }
  throw new Error('the workbook was loaded, a refusal was expected');
}

/** The CLI on a hostile file: exit 1, one line naming the file, no output, input unchanged. */
async function cliRefuses(name: string, bytes: Uint8Array, expected: RegExp): Promise<void> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const out = path.join(dir, `${name}.out.xlsx`);
  const r = await runCli(['evaluate', file, '--out', out]);
  expect(r.code).toBe(1);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).toContain(file);
  expect(r.err[0]).toMatch(expected);
  expect(r.err[0]).not.toMatch(/\n|\bat .+:\d+:\d+/);
  expect(existsSync(out)).toBe(false);
  expect(Buffer.from(readFileSync(file)).equals(Buffer.from(bytes))).toBe(true);
}

/** The sample with its first worksheet's XML changed. */
function patchFirstSheet(change: (xml: string) => string): Uint8Array {
  return patchXlsx(sample, (name, text) => (name === 'xl/worksheets/sheet1.xml' ? change(text) : null));
}

describe('zip directory reader (pure)', () => {
  it('reads every part of the sample with its sizes', () => {
    const dirOf = readZipDirectory(sample);
    if (!dirOf.ok) throw new Error(dirOf.reason);
    const names = dirOf.entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
    expect(readParts(sample).map((p) => p.data.length)).toEqual(dirOf.entries.map((e) => e.uncompressedSize));
  });

  it('reports a file cut anywhere as truncated or damaged, never throws', () => {
    for (let cut = 0; cut < sample.length; cut += Math.ceil(sample.length / 97)) {
      const r = readZipDirectory(sample.subarray(0, cut));
      expect(r.ok).toBe(false);
    }
  });

  it('names sheet parts by the names users see (entities decoded)', () => {
    const names = sheetNamesByPart(
      '<workbook><sheets><sheet name="A&amp;B &lt;1&gt;" sheetId="1" r:id="rId1"/><sheet name="O&apos;Brien" sheetId="2" r:id="rId2"/></sheets></workbook>',
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
    );
    expect(names.get('xl/worksheets/sheet1.xml')).toBe('A&B <1>');
    expect(names.get('xl/worksheets/sheet2.xml')).toBe("O'Brien");
  });

  it('counts the cells of a list of ranges', () => {
    expect(rangeArea('A1:B2 D4')).toBe(5);
    expect(rangeArea('A1:XFD1048576')).toBe(16384 * 1048576);
    expect(rangeArea('nonsense')).toBe(0);
  });
});

describe('an .xlsx bomb is refused before ExcelJS reads it, with one clear line', () => {
  it('a part declaring 1 GB uncompressed', async () => {
    const bomb = buildZip([...readParts(sample).map((p) => ({ name: p.name, data: p.data })), { name: 'xl/media/big.bin', data: 'x', declaredSize: 1024 ** 3 }]);
    expect(await refusal(bomb)).toMatch(/expands to 1\.0 GB/);
  });

  it('a part that compresses 1000:1 (shared strings of 64 MB of zeros)', async () => {
    const parts = readParts(sample).filter((p) => p.name !== 'xl/sharedStrings.xml');
    const bomb = buildZip([...parts.map((p) => ({ name: p.name, data: p.data })), { name: 'xl/sharedStrings.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x30) }]);
    expect(await refusal(bomb)).toMatch(/zip bomb\?/);
  });

  it('a part that inflates past the size it declares (a lying bomb)', async () => {
    const parts = readParts(sample).filter((p) => p.name !== 'xl/sharedStrings.xml');
    const bomb = buildZip([
      ...parts.map((p) => ({ name: p.name, data: p.data })),
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(3 * 1024 * 1024, 0x30), declaredSize: 1000 },
    ]);
    const message = await refusal(bomb);
    expect(message).toContain('xl/sharedStrings.xml');
    expect(message).toMatch(/inflates past its declared/);
  });

  it('too many sheets (1,001 worksheet parts)', async () => {
    const parts: PartSpec[] = readParts(sample).map((p) => ({ name: p.name, data: p.data }));
    for (let i = 100; i < 1101; i++) parts.push({ name: `xl/worksheets/sheet${i}.xml`, data: '<worksheet/>' });
    expect(await refusal(buildZip(parts))).toMatch(/too many sheets \(1,006 > 1,000\)/);
  });

  it('a merged area over the whole sheet (ExcelJS would create 17 billion cells), naming the sheet', async () => {
    const bomb = patchFirstSheet((xml) => xml.replace(/<mergeCells[^>]*>/, '$&<mergeCell ref="K1:XFD1048576"/>'));
    const message = await refusal(bomb);
    expect(message).toContain('シート「基本目標1」');
    expect(message).toContain('K1:XFD1048576');
  });

  it('25,000 small merged areas (ExcelJS checks each against all others)', async () => {
    const merges = Array.from({ length: 25_000 }, (_, i) => `<mergeCell ref="AA${i * 2 + 1}:AB${i * 2 + 1}"/>`).join('');
    const bomb = patchFirstSheet((xml) => xml.replace(/<mergeCells[^>]*>/, `$&${merges}`));
    expect(await refusal(bomb)).toMatch(/too many merged areas in 基本目標1|結合セルが多すぎます/);
  });

  it('a data validation over the whole sheet (ExcelJS expands it cell by cell)', async () => {
    const dv = '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"順調,概ね順調"</formula1></dataValidation></dataValidations>';
    const bomb = patchFirstSheet((xml) => xml.replace('<pageMargins', `${dv}<pageMargins`));
    expect(await refusal(bomb)).toMatch(/data validation A1:XFD1048576 in シート「基本目標1」 is too large/);
  });

  it('an entity-expansion ("billion laughs") DTD in a part', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    const bomb = patchXlsx(sample, (name, text) => (name === 'xl/sharedStrings.xml' ? text.replace(/^<\?xml[^>]*>/, laughs) : null));
    expect(await refusal(bomb)).toMatch(/has a DTD/);
  });

  it('a password-protected workbook (an OLE compound file) or a legacy .xls', async () => {
    const cfb = new Uint8Array(512);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal(cfb)).toMatch(/password-protected/);
  });

  it('an encrypted zip entry and an unknown compression method', async () => {
    const parts = readParts(sample).map((p) => ({ name: p.name, data: p.data }));
    const zip = Buffer.from(buildZip(parts));
    // the first central directory entry: method → 12 (bzip2), then flags → encrypted
    const first = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(first).toBeGreaterThan(0);
    const bz = Buffer.from(zip);
    bz.writeUInt16LE(12, first + 10);
    expect(await refusal(new Uint8Array(bz))).toMatch(/unsupported compression method 12/);
    const enc = Buffer.from(zip);
    enc.writeUInt16LE(enc.readUInt16LE(first + 8) | 1, first + 8);
    expect(await refusal(new Uint8Array(enc))).toMatch(/is encrypted/);
  });

  it('each of these through the CLI: exit 1, one line naming the file, no output, input unchanged', async () => {
    await cliRefuses('declared.xlsx', buildZip([{ name: 'xl/workbook.xml', data: 'x', declaredSize: 1024 ** 3 }]), /expands to 1\.0 GB/);
    await cliRefuses('merged.xlsx', patchFirstSheet((xml) => xml.replace(/<mergeCells[^>]*>/, '$&<mergeCell ref="K1:XFD1048576"/>')), /K1:XFD1048576/);
    await cliRefuses('truncated.xlsx', sample.subarray(0, Math.floor(sample.length * 0.9)), /truncated|途中で切れて/);
  });

  it('limits are configurable: a small cap refuses what the default accepts', async () => {
    const dv = '<dataValidations count="1"><dataValidation type="list" sqref="D5:D1000"><formula1>"順調"</formula1></dataValidation></dataValidations>';
    const withDv = patchFirstSheet((xml) => xml.replace('<pageMargins', `${dv}<pageMargins`));
    await expect(loadXlsx(ExcelJS, withDv)).resolves.toBeDefined();
    expect(await refusal(withDv, { maxValidationCells: 500 })).toMatch(/data validation D5:D1000/);
    expect(await inspectXlsx(withDv, DEFAULT_XLSX_LIMITS)).toMatchObject({ ok: true, unkept: [] });
  });
});

describe('a huge used range (cells at A1 and XFD1048576) is read in part, with a problem naming the sheet and its extent', () => {
  it('usedBox drops the stray far cell and keeps the table', () => {
    const table = Array.from({ length: 200 }, (_, r) => Array.from({ length: 10 }, (_, c) => ({ row: r, col: c }))).flat();
    const cut = usedBox([...table, { row: 1048575, col: 16383 }], 4_000_000);
    expect(cut.box).toEqual({ top: 0, left: 0, bottom: 199, right: 9 });
    expect(cut.full).toEqual({ top: 0, left: 0, bottom: 1048575, right: 16383 });
    expect(cut.dropped).toBe(1);
    expect(usedBox(table, 4_000_000)).toEqual({ box: { top: 0, left: 0, bottom: 199, right: 9 }, full: null, dropped: 0 });
    expect(usedBox([], 10)).toEqual({ box: null, full: null, dropped: 0 });
  });

  it('evaluates the table, keeps the far cell untouched, exits 2 and lists the problem in the report', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('基本目標1');
    sakuTable(ws, 1, {
      years: ['R1（基準値）', 'R2', 'R3（目標値）'],
      kpis: [{ name: '市民満足度', unit: '%', benchmark: [null, 50, 60], actual: [40, 55] }],
    });
    ws.getCell('XFD1048576').value = '最後のセル';
    const file = path.join(dir, 'far.xlsx');
    await wb.xlsx.writeFile(file);
    const before = readFileSync(file);
    const loaded = await loadXlsx(ExcelJS, new Uint8Array(before));
    const grid = loaded.grid.sheets[0];
    expect(grid.values.length * grid.values[0].length).toBeLessThan(100);
    expect(loaded.problems).toEqual([expect.objectContaining({ sheet: '基本目標1', cell: 'A1:XFD1048576', code: 'sheet-too-large' })]);

    const out = path.join(dir, 'far.out.xlsx');
    const report = path.join(dir, 'far.report.json');
    const r = await runCli(['evaluate', file, '--out', out, '--report', report]);
    expect(r.code).toBe(2);
    const json = JSON.parse(readFileSync(report, 'utf8')) as { problems: { sheet: string; cell: string; code: string; message: string }[] };
    const problem = json.problems.find((p) => p.code === 'sheet-too-large');
    expect(problem).toMatchObject({ sheet: '基本目標1', cell: 'A1:XFD1048576' });
    expect(problem?.message).toContain('A1:F4');
    const result = await openXlsx(out);
    expect(result.getWorksheet('基本目標1')?.getCell('XFD1048576').value).toBe('最後のセル');
    expect(result.getWorksheet('基本目標1')?.getCell('D4').value).toBe('順調');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a tampered backup sheet with a value at XFD1048576 loads at once (no million empty rows)', async () => {
    const wb = await openXlsx(SAMPLE);
    const backup = wb.addWorksheet('_shinchoku_backup', { state: 'hidden' });
    backup.getCell('A1').value = 'kind';
    backup.getCell('XFD1048576').value = 'x';
    const started = Date.now();
    const loaded = await loadXlsx(ExcelJS, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(loaded.backupCells?.every((row) => row.length <= 5)).toBe(true);
    expect(cellMap(loaded.workbook).get('_shinchoku_backup!XFD1048576')).toBe('x');
  });
});
