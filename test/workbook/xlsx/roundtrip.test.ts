import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { conditionalFormattingsOf } from '../../../src/workbook/xlsx/applyPlan';
import { changedCells, cellMap, openXlsx, runCli, SAMPLE, tempDir } from '../../helpers/cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sakuTable } = require('../../../scripts/build-sample.js') as {
  sakuTable: (ws: ExcelJS.Worksheet, top: number, spec: unknown) => number;
};

function cfCount(wb: ExcelJS.Workbook): number {
  return wb.worksheets.reduce((n, ws) => n + conditionalFormattingsOf(ws).length, 0);
}

describe('xlsx adapter: restore and idempotence', () => {
  const dir = tempDir();
  const once = path.join(dir, 'once.xlsx');
  const twice = path.join(dir, 'twice.xlsx');
  const restored = path.join(dir, 'restored.xlsx');
  const restoredTwice = path.join(dir, 'restored-twice.xlsx');

  beforeAll(async () => {
    expect((await runCli(['evaluate', SAMPLE, '--out', once])).code).toBe(0);
    expect((await runCli(['evaluate', once, '--out', twice])).code).toBe(0);
    expect((await runCli(['restore', once, '--out', restored])).code).toBe(0);
    expect((await runCli(['restore', twice, '--out', restoredTwice])).code).toBe(0);
  });

  it('evaluate twice = evaluate once: same cells in every sheet, one summary, no duplicated colour rules', async () => {
    const a = await openXlsx(once);
    const b = await openXlsx(twice);
    expect(changedCells(cellMap(a), cellMap(b))).toEqual([]);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    expect(cfCount(b)).toBe(cfCount(a));
    expect(cfCount(a)).toBeGreaterThan(0);
  });

  it('evaluate → restore gives back the input cell for cell, without Shinchoku sheets or colour rules', async () => {
    const input = await openXlsx(SAMPLE);
    for (const file of [restored, restoredTwice]) {
      const wb = await openXlsx(file);
      expect(changedCells(cellMap(input), cellMap(wb))).toEqual([]);
      expect(wb.worksheets.map((w) => w.name)).toEqual(input.worksheets.map((w) => w.name));
      expect(cfCount(wb)).toBe(cfCount(input));
    }
  });

  it('restore on a workbook never evaluated → 1 with one clear line', async () => {
    const r = await runCli(['restore', SAMPLE, '--out', path.join(dir, 'never.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain('バックアップがありません');
  });
});

describe('xlsx adapter: hostile text is written as text', () => {
  it('KPI names that look like formulas stay text in the summary sheet', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'hostile.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('基本目標1');
    const names = ['=HYPERLINK("http://example.invalid","x")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3'];
    sakuTable(ws, 1, {
      years: ['R1（基準値）', 'R2', 'R3（目標値）'],
      kpis: names.map((name) => ({ name, unit: '%', benchmark: [null, 50, 60], actual: [40, 55] })),
    });
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, 'hostile.out.xlsx');
    expect((await runCli(['evaluate', file, '--out', out])).code).toBe(0);
    const result = await openXlsx(out);
    const summary = result.getWorksheet('KPI集計');
    expect(summary).toBeDefined();
    const found: string[] = [];
    summary?.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && names.includes(cell.value)) found.push(cell.value);
        // the only formulas in the summary are Shinchoku's own links
        if (cell.value && typeof cell.value === 'object' && 'formula' in cell.value) {
          expect(String(cell.value.formula).startsWith('HYPERLINK("#\'基本目標1\'!')).toBe(true);
        }
      }),
    );
    expect(found.sort()).toEqual([...names].sort());
  });
});
