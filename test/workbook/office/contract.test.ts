import ExcelJS from 'exceljs';
import { parseBackupRows } from '../../../src/domain/plan';
import { createOfficeHost, readWorkbook, writePlanToExcel } from '../../../src/workbook/office';
import { applyPlanToWorkbook } from '../../../src/workbook/xlsx/applyPlan';
import { restoreWorkbook } from '../../../src/workbook/xlsx/restore';
import type { LoadedWorkbook } from '../../../src/workbook/xlsx/workbookFile';
import { loadXlsx, saveXlsx } from '../../../src/workbook/xlsx/workbookFile';
import type { FakeExcel } from '../../fakes/fakeExcel';
import { bookCells, bookFromGrids, boxAddress, installFakeExcel, MAX_COLS } from '../../fakes/fakeExcel';
import { changedCells } from '../../helpers/cli';
import { features, loadSample, planFor, xlsxCells } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sakuTable } = require('../../../scripts/build-sample.js') as {
  sakuTable: (ws: ExcelJS.Worksheet, top: number, spec: unknown) => number;
};

/** KPI names Excel would read as a formula, number, date or boolean if typed as they are. */
async function loadHostile(): Promise<LoadedWorkbook> {
  const wb = new ExcelJS.Workbook();
  const names = ['=HYPERLINK("http://example.invalid","x")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '2020/4/1', '１２３', 'TRUE'];
  sakuTable(wb.addWorksheet('基本目標1'), 1, {
    years: ['R1（基準値）', 'R2', 'R3（目標値）'],
    kpis: names.map((name) => ({ name, unit: '%', benchmark: [null, 50, 60], actual: [40, 55] })),
  });
  return loadXlsx(ExcelJS, await wb.xlsx.writeBuffer());
}

async function reload(loaded: LoadedWorkbook): Promise<LoadedWorkbook> {
  return loadXlsx(ExcelJS, await saveXlsx(loaded.workbook));
}

function notesOf(wb: ExcelJS.Workbook): Map<string, string> {
  const map = new Map<string, string>();
  for (const ws of wb.worksheets)
    ws.eachRow((row) => row.eachCell((cell) => typeof cell.note === 'string' && map.set(`${ws.name}!${cell.address}`, cell.note)));
  return map;
}

function fakeNotes(fake: FakeExcel): Map<string, string> {
  const map = new Map<string, string>();
  for (const sheet of fake.book.sheets)
    for (const [k, text] of sheet.notes) {
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      map.set(`${sheet.name}!${boxAddress({ top: row, left: col, bottom: row, right: col })}`, text);
    }
  return map;
}

describe('contract: the same plan through the xlsx adapter (ExcelJS) and the Office adapter (fake Excel)', () => {
  let fake: FakeExcel;
  afterEach(() => fake?.uninstall());

  it.each([
    ['the bundled sample', loadSample],
    ['KPI names that look like formulas, numbers and dates', loadHostile],
  ])('%s: same cells in every user sheet, the summary, the backup and the settings; same notes', async (_, load) => {
    const xlsx = await load();
    const plan = planFor(xlsx, { notes: true });
    expect(plan.statusWrites.length).toBeGreaterThan(0);
    const office = await load();
    fake = installFakeExcel(bookFromGrids(office.grid.sheets));

    applyPlanToWorkbook(xlsx.workbook, plan);
    await writePlanToExcel(plan, { features: features() });

    const expected = xlsxCells(xlsx.workbook);
    const actual = bookCells(fake.book);
    expect(changedCells(expected, actual)).toEqual([]);
    for (const name of [plan.summary.name, plan.backup.sheetName, plan.settings.sheetName]) {
      expect([...actual.keys()].some((k) => k.startsWith(`${name}!`))).toBe(true);
    }
    expect(fakeNotes(fake)).toEqual(notesOf(xlsx.workbook));
    // Same sheets with the same visibility; the visible tabs in the same order (ExcelJS orders the hidden
    // sheets it re-adds differently, which no user sees).
    const visibility = (state: string): string => (state === 'veryHidden' ? 'VeryHidden' : state === 'hidden' ? 'Hidden' : 'Visible');
    const officeSheets = fake.book.sheets.map((s): [string, string] => [s.name, s.visibility]);
    const xlsxSheets = xlsx.workbook.worksheets.map((w): [string, string] => [w.name, visibility(w.state)]);
    expect(new Map(officeSheets)).toEqual(new Map(xlsxSheets));
    expect(officeSheets.filter(([, v]) => v === 'Visible')).toEqual(xlsxSheets.filter(([, v]) => v === 'Visible'));
  });

  it('a second run and a restore leave the two adapters agreeing, and restore gives the input back', async () => {
    const input = await loadSample();
    let xlsx = await loadSample();
    applyPlanToWorkbook(xlsx.workbook, planFor(xlsx));
    xlsx = await reload(xlsx);
    applyPlanToWorkbook(xlsx.workbook, planFor(xlsx));
    xlsx = await reload(xlsx);

    fake = installFakeExcel(bookFromGrids((await loadSample()).grid.sheets));
    const host = createOfficeHost();
    await host.write(planFor(await host.read('all-sheets')));
    await host.write(planFor(await host.read('all-sheets')));
    expect(changedCells(xlsxCells(xlsx.workbook), bookCells(fake.book))).toEqual([]);

    restoreWorkbook(xlsx.workbook, parseBackupRows(xlsx.backupCells ?? []).rows);
    await host.restore();
    expect(changedCells(xlsxCells(xlsx.workbook), bookCells(fake.book))).toEqual([]);
    expect(changedCells(xlsxCells(input.workbook), bookCells(fake.book))).toEqual([]);
  });

  it('reads the workbook into grids that give the same plan as the xlsx reader', async () => {
    const xlsx = await loadSample();
    fake = installFakeExcel(bookFromGrids(xlsx.grid.sheets));
    const { snapshot } = await readWorkbook('all-sheets', { features: features() });
    expect(planFor(snapshot)).toEqual(planFor(xlsx));
  });
});
