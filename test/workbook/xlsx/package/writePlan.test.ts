import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { nodeBoundedInflate, nodeCodec } from '../../../../src/cli/nodeCodec';
import type { SheetGrid } from '../../../../src/domain/grid';
import { parseBackupRows } from '../../../../src/domain/plan';
import type { RunRequest, RunResult } from '../../../../src/domain/pipeline';
import { applyPlanToWorkbook } from '../../../../src/workbook/xlsx/applyPlan';
import { restorePackage } from '../../../../src/workbook/xlsx/package/restorePackage';
import { writePlanToPackage } from '../../../../src/workbook/xlsx/package/writePlan';
import type { LoadedWorkbook } from '../../../../src/workbook/xlsx/workbookFile';
import { loadXlsx, saveXlsx } from '../../../../src/workbook/xlsx/workbookFile';
import { readZipDirectory } from '../../../../src/workbook/xlsx/zipDirectory';
import { SAMPLE } from '../../../helpers/cli';
import { evaluateStored } from '../../../helpers/evaluate';
import { packageProblems, partsOf } from '../../../helpers/packageCheck';
import { workbookWithUnkeptParts } from '../../../helpers/unkeptWorkbook';

/**
 * The part-by-part writer (src/workbook/xlsx/package) on whole workbooks: it writes the same cells as the
 * ExcelJS save it replaces, a package Excel's checks would accept, nothing else, and the same bytes again.
 */

const IWAMIZAWA = path.join(path.dirname(SAMPLE), 'iwamizawa-sample.xlsx');

async function load(bytes: Uint8Array): Promise<LoadedWorkbook> {
  return loadXlsx(ExcelJS, bytes, { model: 'read', inflate: nodeBoundedInflate });
}

function evaluate(loaded: LoadedWorkbook, extra: Partial<RunRequest> = {}): RunResult {
  return evaluateStored({ workbook: loaded.grid, settingsText: loaded.settingsText, backupCells: loaded.backupCells }, extra);
}

async function evaluated(bytes: Uint8Array, extra: Partial<RunRequest> = {}): Promise<Uint8Array> {
  const loaded = await load(bytes);
  return writePlanToPackage(loaded.bytes, evaluate(loaded, extra).plan, nodeCodec);
}

/** A sheet's cells as a reader sees them; an empty text cell counts as empty (ExcelJS writes '' where the package writer writes nothing). */
function cells(sheet: SheetGrid): string {
  const values = sheet.values.map((row) => row.map((v) => (v === '' ? null : v)));
  return JSON.stringify({ top: sheet.top, left: sheet.left, values, formats: sheet.numberFormats, formulas: sheet.formulas, notes: sheet.notes, visibility: sheet.visibility });
}

function byName(loaded: LoadedWorkbook): Map<string, string> {
  return new Map(loaded.grid.sheets.map((s) => [s.name, cells(s)]));
}

const samples: [string, () => Promise<Uint8Array>][] = [
  ['the 佐久市-style sample', async () => new Uint8Array(readFileSync(SAMPLE))],
  ['the 岩見沢市-style sample', async () => new Uint8Array(readFileSync(IWAMIZAWA))],
  ['a workbook with a chart, a pivot table, a text box, sparklines', () => workbookWithUnkeptParts()],
];

describe.each(samples)('%s', (_label, source) => {
  let input: Uint8Array;
  beforeAll(async () => {
    input = await source();
  });

  it('is read the same with ExcelJS told to skip what the grids do not need (merged areas then come from the sheet XML)', async () => {
    const read = await load(input);
    const whole = await loadXlsx(ExcelJS, input, { inflate: nodeBoundedInflate });
    expect(read.model).toBe('read');
    expect(read.grid).toEqual(whole.grid);
    expect(read.grid.sheets.some((s) => s.merges.length > 0)).toBe(true);
    expect(read.settingsText).toBe(whole.settingsText);
    expect(read.backupCells).toEqual(whole.backupCells);
  });

  it.each([false, true])('gives the same cells in every sheet as the ExcelJS save it replaces (notes: %s)', async (notes) => {
    const loaded = await loadXlsx(ExcelJS, input, { inflate: nodeBoundedInflate });
    const plan = evaluate(loaded, { notes }).plan;
    const byPackage = await load(await writePlanToPackage(loaded.bytes, plan, nodeCodec));
    applyPlanToWorkbook(loaded.workbook, plan);
    const byExcelJS = await load(await saveXlsx(loaded.workbook));
    expect(byName(byPackage)).toEqual(byName(byExcelJS));
    expect(byPackage.settingsText).toBe(byExcelJS.settingsText);
    expect(parseBackupRows(byPackage.backupCells ?? []).rows).toEqual(parseBackupRows(byExcelJS.backupCells ?? []).rows);
  });

  it('writes a package Excel would accept: well-formed parts, content types, relationships, schema order, unique names', async () => {
    const once = await evaluated(input, { notes: true });
    expect(await packageProblems(once)).toEqual([]);
    const loaded = await load(once);
    const restored = await restorePackage(once, parseBackupRows(loaded.backupCells ?? []).rows, loaded.grid, nodeCodec);
    expect(await packageProblems(restored.bytes)).toEqual([]);
  });

  it('changes only the parts the plan writes: every other entry keeps its compressed bytes', async () => {
    const output = await evaluated(input);
    const raw = (bytes: Uint8Array): Map<string, Buffer> => {
      const dir = readZipDirectory(bytes);
      if (!dir.ok) throw new Error(dir.reason);
      return new Map(dir.entries.map((e) => [e.name, Buffer.from(bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize))]));
    };
    const before = raw(input);
    const after = raw(output);
    const loaded = await load(input);
    const plan = evaluate(loaded).plan;
    const written = new Set(plan.statusWrites.map((w) => w.sheet));
    const sheetParts = await sheetPartsByName(input);
    const expected = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', ...[...written].map((s) => sheetParts.get(s) ?? s)]);
    const changed = [...before.keys()].filter((name) => !name.endsWith('/') && !before.get(name)?.equals(after.get(name) ?? Buffer.alloc(0)));
    expect(changed.filter((name) => !expected.has(name))).toEqual([]);
  });

  it.each([false, true])('evaluated again, its own output gives the same bytes (running twice = running once; notes: %s)', async (notes) => {
    const once = await evaluated(input, { notes });
    const twice = await evaluated(once, { notes });
    expect(Buffer.from(twice).equals(Buffer.from(once))).toBe(true);
  });

  it('restore gives back every cell and note of the user’s sheets, removes its own sheets and rules, keeps every other part', async () => {
    const original = await load(input);
    const output = await evaluated(input, { notes: true });
    const loaded = await load(output);
    const { bytes, result } = await restorePackage(output, parseBackupRows(loaded.backupCells ?? []).rows, loaded.grid, nodeCodec);
    expect(result.sheetsKept).toEqual([]);
    expect(result.sheetsRemoved).toEqual(expect.arrayContaining(['_shinchoku_backup', '_shinchoku_settings']));
    expect(byName(await load(bytes))).toEqual(byName(original));
    const before = await partsOf(input);
    const after = await partsOf(bytes);
    expect([...after.keys()].sort()).toEqual([...before.keys()].filter((n) => !n.endsWith('/')).sort());
    // cells come back as inline text (`t="inlineStr"`) where they were shared strings; styles keep the added (unused) looks
    const differs = [...before].filter(([name, data]) => !name.endsWith('/') && !after.get(name)?.equals(data)).map(([name]) => name);
    expect(differs.filter((n) => !/^xl\/worksheets\/sheet\d+\.xml$|^xl\/styles\.xml$|^\[Content_Types\]\.xml$|^xl\/_rels\/workbook\.xml\.rels$|^xl\/workbook\.xml$/.test(n))).toEqual([]);
  });
});

/** Sheet name → its worksheet part, from the package. */
async function sheetPartsByName(bytes: Uint8Array): Promise<Map<string, string>> {
  const parts = await partsOf(bytes);
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${m[2]}"`).exec(rels);
    const t = target?.[1] ?? target?.[2];
    if (t) out.set(m[1], t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  return out;
}

describe('the summary sheet is rebuilt in place', () => {
  it('keeps its tab position and a picture or chart placed on it; its table is replaced, not added', async () => {
    const once = await evaluated(new Uint8Array(readFileSync(SAMPLE)));
    // the user moves the summary first and puts a picture on it
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(once) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('KPI集計');
    if (!summary) throw new Error('no summary');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    summary.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'T2:U4');
    (summary as unknown as { orderNo: number }).orderNo = -1;
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const again = await evaluated(edited);
    expect(await packageProblems(again)).toEqual([]);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(Buffer.from(again) as unknown as ArrayBuffer);
    expect(reread.worksheets[0].name).toBe('KPI集計');
    expect(reread.getWorksheet('KPI集計')?.getImages()).toHaveLength(1);
    const tables = [...(await partsOf(again)).keys()].filter((n) => /^xl\/tables\//.test(n));
    expect(tables).toHaveLength(1);
  });
});

describe('notes', () => {
  it('are written with the basis, a note the user had on another cell stays, and restore removes only ours', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
    wb.worksheets[0].getCell('A1').note = '担当課に確認済み';
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const output = await evaluated(input, { notes: true });
    const loaded = await load(output);
    const sheet = loaded.grid.sheets[0];
    const plan = evaluate(await load(input), { notes: true }).plan;
    const first = plan.statusWrites.find((w) => w.sheet === sheet.name && w.note !== null);
    expect(first).toBeDefined();
    expect(sheet.notes?.[first?.cell ?? '']).toBe(first?.note);
    expect(sheet.notes?.A1).toBe('担当課に確認済み');
    const restored = await restorePackage(output, parseBackupRows(loaded.backupCells ?? []).rows, loaded.grid, nodeCodec);
    const back = (await load(restored.bytes)).grid.sheets[0];
    expect(back.notes).toEqual({ A1: '担当課に確認済み' });
  });
});

describe('thousands of notes', () => {
  it('on two sheets: each VML part has o:idmap blocks of its own, every shape id in its blocks and unique in the workbook', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the sample builder is a plain Node script
    const { sakuTable } = require('../../../../scripts/build-sample.js') as { sakuTable: (ws: ExcelJS.Worksheet, top: number, spec: unknown) => number };
    const wb = new ExcelJS.Workbook();
    for (const name of ['基本目標1', '基本目標2']) {
      const kpis = Array.from({ length: 300 }, (_, i) => ({ name: `指標${i + 1}`, unit: '%', benchmark: [null, 50, 55, 60, 65, 70], actual: [40, 52, 50, 61, 70] }));
      sakuTable(wb.addWorksheet(name), 1, { years: ['R1（基準値）', 'R2', 'R3', 'R4', 'R5', 'R6（目標値）'], kpis });
    }
    const output = await evaluated(new Uint8Array(await wb.xlsx.writeBuffer()), { notes: true });
    expect(await packageProblems(output)).toEqual([]);
    const parts = await partsOf(output);
    const vml = [...parts].filter(([name]) => name.endsWith('.vml')).map(([, data]) => data.toString('utf8'));
    expect(vml).toHaveLength(2);
    const seen = new Set<number>();
    const blocksSeen = new Set<number>();
    for (const text of vml) {
      const blocks = (/<o:idmap[^>]*data="([^"]*)"/.exec(text)?.[1] ?? '').split(',').map(Number);
      for (const b of blocks) {
        expect(blocksSeen.has(b)).toBe(false);
        blocksSeen.add(b);
      }
      const ids = [...text.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
      expect(ids.length).toBeGreaterThan(1023); // more than one block's worth
      for (const id of ids) {
        expect(blocks).toContain(Math.floor(id / 1024));
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
    const sheet = (await load(output)).grid.sheets.find((s) => s.name === '基本目標2');
    expect(Object.keys(sheet?.notes ?? {}).length).toBeGreaterThan(1023);
  });
});
