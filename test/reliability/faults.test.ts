import ExcelJS from 'exceljs';
import { existsSync, promises as fsp, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as pipeline from '../../src/domain/pipeline';
import { parseBackupRows } from '../../src/domain/plan';
import { parseSettingsText } from '../../src/domain/settings';
import { reportSchema } from '../../src/domain/report';
import { applyPlanToWorkbook } from '../../src/workbook/xlsx/applyPlan';
import { restoreWorkbook } from '../../src/workbook/xlsx/restore';
import { XlsxPackage } from '../../src/workbook/xlsx/package/xlsxPackage';
import * as workbookFile from '../../src/workbook/xlsx/workbookFile';
import { changedCells, cellMap, openXlsx, runCli, SAMPLE, tempDir } from '../helpers/cli';
import { differences, userCells } from './cells';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sakuTable } = require('../../scripts/build-sample.js') as {
  sakuTable: (ws: ExcelJS.Worksheet, top: number, spec: unknown) => number;
};

const OWN = ['KPI集計', '_shinchoku_backup', '_shinchoku_settings'];
const dir = tempDir('shinchoku-fault-');
let n = 0;

/** A 佐久-style sheet with one KPI; status cells D6:G6 (R2..R5). */
function sakuBook(name = '基本目標1', decorate: (ws: ExcelJS.Worksheet) => void = () => undefined): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = '基本目標1 数値目標';
  sakuTable(ws, 3, {
    years: ['R1（基準値）', 'R2', 'R3', 'R4', 'R5', 'R6（目標値）'],
    kpis: [{ name: '「佐久市は住みやすい」と回答する人の割合', unit: '%', benchmark: [null, 78.4, 78.8, 79.2, 79.6, 80], actual: [78, 81.4, 77.3, 78.5, 77.4] }],
  });
  decorate(ws);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<string> {
  const file = path.join(dir, `in-${++n}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

function errnoError(code: string, file: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: simulated, open '${file}'`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

/** One line on stderr, naming `mention`, no stack frame. */
function oneLine(err: string[], mention: string): void {
  expect(err).toHaveLength(1);
  expect(err[0]).toContain(mention);
  expect(err[0]).not.toMatch(/\n|^\s+at |\bat .+:\d+:\d+/);
}

/** Files left in the output folder that are not the expected ones (temporary files above all). */
function leftovers(folder: string, expected: string[]): string[] {
  return readdirSync(folder).filter((f) => !expected.includes(f));
}

afterEach(() => jest.restoreAllMocks());

describe('faults in the sheet: clear messages with the cell, nothing else changed', () => {
  it('a protected sheet: no status written, one problem naming the sheet, every cell as it was', async () => {
    const wb = sakuBook('保護', (ws) => void ws.protect('', {}));
    const file = await save(wb);
    const out = path.join(dir, 'protected.out.xlsx');
    const report = path.join(dir, 'protected.json');
    const r = await runCli(['evaluate', file, '--out', out, '--report', report]);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/書き込まなかったセル: 1 件/);
    const json = reportSchema.parse(JSON.parse(readFileSync(report, 'utf8')));
    expect(json.problems).toContainEqual(expect.objectContaining({ sheet: '保護', code: 'protected-sheet' }));
    expect(changedCells(cellMap(await openXlsx(file)), cellMap(await openXlsx(out), OWN))).toEqual([]);
    // and the summary still judges it
    expect(json.kpis[0].years.map((y) => y.category)).toEqual(['順調', '概ね順調', '概ね順調', '概ね順調', null]);
  });

  it('a formula in a status cell: kept with its formula, the problem names the cell', async () => {
    const file = await save(sakuBook('基本目標1', (ws) => void (ws.getCell('E6').value = { formula: 'IF(E5>=E4,"順調","概ね順調")', result: '概ね順調' })));
    const out = path.join(dir, 'formula.out.xlsx');
    const report = path.join(dir, 'formula.json');
    expect((await runCli(['evaluate', file, '--out', out, '--report', report])).code).toBe(0);
    const json = reportSchema.parse(JSON.parse(readFileSync(report, 'utf8')));
    expect(json.problems).toContainEqual(expect.objectContaining({ sheet: '基本目標1', cell: 'E6', code: 'formula-cell' }));
    const cell = (await openXlsx(out)).getWorksheet('基本目標1')?.getCell('E6').value as ExcelJS.CellFormulaValue;
    expect(cell.formula).toBe('IF(E5>=E4,"順調","概ね順調")');
    expect(changedCells(cellMap(await openXlsx(file)), cellMap(await openXlsx(out), OWN))).toEqual(['基本目標1!D6', '基本目標1!F6', '基本目標1!G6']);
  });

  it('status cells inside a merged area: only the top-left is written, the merge survives, each inside cell is reported', async () => {
    const file = await save(sakuBook('基本目標1', (ws) => ws.mergeCells('E6:G6')));
    const out = path.join(dir, 'merged.out.xlsx');
    const report = path.join(dir, 'merged.json');
    expect((await runCli(['evaluate', file, '--out', out, '--report', report])).code).toBe(0);
    const json = reportSchema.parse(JSON.parse(readFileSync(report, 'utf8')));
    const merged = json.problems.filter((p) => p.code === 'merged-status-cell').map((p) => p.cell);
    expect(merged).toEqual(['F6', 'G6']);
    const ws = (await openXlsx(out)).getWorksheet('基本目標1');
    expect(ws?.model.merges).toContain('E6:G6');
    expect(differences(userCells(await openXlsx(file)), userCells(await openXlsx(out), OWN))).toEqual(['基本目標1!D6', '基本目標1!E6']);
  });

  it('a summary sheet name taken by a user sheet: the user sheet is untouched, the summary goes next to it, said once', async () => {
    const wb = sakuBook();
    const mine = wb.addWorksheet('KPI集計');
    mine.getCell('A1').value = '手作りの集計表';
    mine.getCell('B2').value = 42;
    const file = await save(wb);
    const out = path.join(dir, 'taken.out.xlsx');
    const report = path.join(dir, 'taken.json');
    expect((await runCli(['evaluate', file, '--out', out, '--report', report])).code).toBe(0);
    const result = await openXlsx(out);
    expect(result.getWorksheet('KPI集計')?.getCell('A1').value).toBe('手作りの集計表');
    expect(result.getWorksheet('KPI集計')?.getCell('B2').value).toBe(42);
    expect(result.getWorksheet('KPI集計 (2)')).toBeDefined();
    const json = reportSchema.parse(JSON.parse(readFileSync(report, 'utf8')));
    expect(json.problems.filter((p) => p.code === 'sheet-name-taken')).toHaveLength(1);
    const own = ['KPI集計 (2)', '_shinchoku_backup', '_shinchoku_settings'];
    expect(changedCells(cellMap(await openXlsx(file)), cellMap(result, own))).toEqual([
      '基本目標1!D6',
      '基本目標1!E6',
      '基本目標1!F6',
      '基本目標1!G6',
    ]);
    // restore removes only what Shinchoku made
    const restored = path.join(dir, 'taken.restored.xlsx');
    expect((await runCli(['restore', out, '--out', restored])).code).toBe(0);
    expect(changedCells(cellMap(await openXlsx(file)), cellMap(await openXlsx(restored)))).toEqual([]);
  });
});

describe('faults in the files: the message names the file, the input stays as it was, no half-written output', () => {
  it('an input that cannot be read (EACCES, EPERM) or is locked (EBUSY)', async () => {
    const file = await save(sakuBook());
    const before = readFileSync(file);
    for (const [code, words] of [
      ['EACCES', 'permission denied'],
      ['EPERM', 'permission denied'],
      ['EBUSY', 'locked by another program'],
    ] as const) {
      jest.spyOn(fsp, 'readFile').mockRejectedValueOnce(errnoError(code, file));
      const out = path.join(dir, `unreadable-${code}.xlsx`);
      const r = await runCli(['evaluate', file, '--out', out]);
      expect(r.code).toBe(1);
      oneLine(r.err, file);
      expect(r.err[0]).toContain(words);
      expect(existsSync(out)).toBe(false);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('an output that cannot be written: read-only, locked by Excel, no space — the old output stays, no temporary file is left', async () => {
    const file = await save(sakuBook());
    const folder = tempDir('shinchoku-out-');
    const out = path.join(folder, 'result.xlsx');
    writeFileSync(out, 'the previous result');
    for (const [code, words, method] of [
      ['EBUSY', 'locked by another program', 'rename'],
      ['EPERM', 'permission denied', 'rename'],
      ['EACCES', 'permission denied', 'access'],
      ['ENOSPC', 'disk full', 'open'],
      ['EROFS', 'read-only drive', 'mkdir'],
    ] as const) {
      jest.spyOn(fsp, method).mockRejectedValueOnce(errnoError(code, out));
      const r = await runCli(['evaluate', file, '--out', out]);
      expect(r.code).toBe(1);
      oneLine(r.err, out);
      expect(r.err[0]).toContain(words);
      expect(readFileSync(out, 'utf8')).toBe('the previous result');
      expect(leftovers(folder, ['result.xlsx'])).toEqual([]);
    }
  });

  it('an output path that is a folder, or under a file', async () => {
    const file = await save(sakuBook());
    const folder = tempDir('shinchoku-out-');
    const r1 = await runCli(['evaluate', file, '--out', folder]);
    expect(r1.code).toBe(1);
    oneLine(r1.err, folder);
    expect(r1.err[0]).toContain('is a directory');
    const r2 = await runCli(['evaluate', file, '--out', path.join(file, 'x.xlsx')]);
    expect(r2.code).toBe(1);
    oneLine(r2.err, path.join(file, 'x.xlsx'));
  });

  it('a corrupt .xlsx (bytes flipped in the middle, or truncated) → 1, one line naming the file', async () => {
    const bytes = readFileSync(SAMPLE);
    for (const [name, broken] of [
      ['flipped.xlsx', Buffer.from(bytes).fill(0x41, Math.floor(bytes.length / 3), Math.floor(bytes.length / 3) + 64)],
      ['half.xlsx', bytes.subarray(0, bytes.length >> 1)],
      ['empty.xlsx', Buffer.alloc(0)],
      ['directory-only.xlsx', bytes.subarray(bytes.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1')) - 10)],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, broken);
      const r = await runCli(['evaluate', file, '--out', path.join(dir, `${name}.out.xlsx`)]);
      expect(r.code).toBe(1);
      oneLine(r.err, file);
      expect(readFileSync(file).equals(broken)).toBe(true);
    }
  });

  it('a report path that is the input: refused before anything is written', async () => {
    const file = await save(sakuBook());
    const before = readFileSync(file);
    const r = await runCli(['evaluate', file, '--out', path.join(dir, 'r.xlsx'), '--report', file]);
    expect(r.code).toBe(1);
    oneLine(r.err, file);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(path.join(dir, 'r.xlsx'))).toBe(false);
  });

  it('two inputs with the same name in --out-dir: refused (the second would replace the first)', async () => {
    const a = await save(sakuBook());
    const other = tempDir('shinchoku-other-');
    const b = path.join(other, path.basename(a));
    writeFileSync(b, readFileSync(a));
    const r = await runCli(['evaluate', a, b, '--out-dir', tempDir('shinchoku-outdir-')]);
    expect(r.code).toBe(1);
    oneLine(r.err, b);
  });
});

describe('a failure midway', () => {
  it('building the output fails after the plan was carried out on the parts in memory: no output at all, input unchanged, no temporary file', async () => {
    const file = await save(sakuBook());
    const before = readFileSync(file);
    const folder = tempDir('shinchoku-mid-');
    const out = path.join(folder, 'out.xlsx');
    const report = path.join(folder, 'report.json');
    jest.spyOn(XlsxPackage.prototype, 'toBytes').mockRejectedValueOnce(new Error('zip stream broke'));
    const r = await runCli(['evaluate', file, '--out', out, '--report', report]);
    expect(r.code).toBe(1);
    oneLine(r.err, file);
    expect(r.err[0]).toContain('zip stream broke');
    expect(readdirSync(folder)).toEqual([]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('the write itself fails halfway through the bytes: the target keeps its old content', async () => {
    const file = await save(sakuBook());
    const folder = tempDir('shinchoku-mid-');
    const out = path.join(folder, 'out.xlsx');
    writeFileSync(out, 'old');
    const realOpen = fsp.open.bind(fsp);
    jest.spyOn(fsp, 'open').mockImplementationOnce(async (p, flags) => {
      const handle = await realOpen(p as string, flags as string);
      const realWrite = handle.writeFile.bind(handle);
      handle.writeFile = (async (data: Uint8Array) => {
        await realWrite(data.subarray(0, 100));
        throw errnoError('EIO', String(p));
      }) as typeof handle.writeFile;
      return handle;
    });
    const r = await runCli(['evaluate', file, '--out', out]);
    expect(r.code).toBe(1);
    oneLine(r.err, out);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(leftovers(folder, ['out.xlsx'])).toEqual([]);
  });

  it('applying the plan fails after the backup was written: restore brings the in-memory workbook back cell for cell', async () => {
    const loaded = await workbookFile.loadXlsx(ExcelJS, new Uint8Array(readFileSync(SAMPLE)));
    const original = cellMap(loaded.workbook);
    const { settings, problems } = parseSettingsText(loaded.settingsText);
    const outcome = pipeline.runEvaluation({ workbook: loaded.grid, settings, settingsProblems: problems, previousBackup: [], input: 'sample.xlsx' });
    if (!outcome.ok) throw new Error('evaluation failed');
    expect(outcome.result.plan.statusWrites.length).toBeGreaterThan(0);
    // the colour rules come after the backup and the status cells: fail there
    jest.spyOn(ExcelJS.Workbook.prototype, 'addWorksheet');
    const ws = loaded.workbook.worksheets[0];
    const proto = Object.getPrototypeOf(ws) as { addConditionalFormatting: () => void };
    jest.spyOn(proto, 'addConditionalFormatting').mockImplementation(() => {
      throw new Error('simulated failure in the middle of the plan');
    });
    expect(() => applyPlanToWorkbook(loaded.workbook, outcome.result.plan)).toThrow('simulated failure');
    jest.restoreAllMocks();
    const halfway = cellMap(loaded.workbook, OWN);
    expect(changedCells(original, halfway).length).toBeGreaterThan(0); // it really failed halfway
    const backupWs = loaded.workbook.getWorksheet('_shinchoku_backup');
    if (!backupWs) throw new Error('the backup must be written first');
    const rows: (string | null)[][] = [];
    backupWs.eachRow((row, r) => {
      rows[r - 1] = [1, 2, 3, 4, 5].map((c) => (row.getCell(c).value as string | null) ?? null);
    });
    restoreWorkbook(loaded.workbook, parseBackupRows(rows).rows);
    expect(changedCells(original, cellMap(loaded.workbook))).toEqual([]);
  });

  it('an unexpected internal error: one line without a stack; with --debug the stack follows', async () => {
    const file = await save(sakuBook());
    const boom = (): never => {
      throw new TypeError("Cannot read properties of undefined (reading 'years')");
    };
    jest.spyOn(pipeline, 'runEvaluation').mockImplementation(boom);
    const plain = await runCli(['evaluate', file, '--out', path.join(dir, 'boom.xlsx')]);
    expect(plain.code).toBe(1);
    oneLine(plain.err, file);
    expect(plain.err[0]).toContain("Cannot read properties of undefined (reading 'years')");
    expect(plain.err[0]).toContain('--debug');
    const debug = await runCli(['evaluate', file, '--out', path.join(dir, 'boom.xlsx'), '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.err.length).toBeGreaterThan(2);
    expect(debug.err.slice(1).some((l) => /^\s+at /.test(l))).toBe(true);
    expect(existsSync(path.join(dir, 'boom.xlsx'))).toBe(false);
  });
});
