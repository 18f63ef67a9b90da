import ExcelJS from 'exceljs';
import { a1 } from '../../../src/domain/address';
import type { WritePlan } from '../../../src/domain/plan';
import { conditionalFormatGroups } from '../../../src/workbook/conditionalFormatGroups';
import { createOfficeHost, writePlanToExcel } from '../../../src/workbook/office';
import { loadXlsx } from '../../../src/workbook/xlsx/workbookFile';
import type { FakeExcel } from '../../fakes/fakeExcel';
import { bookCells, bookFromGrids, boxAddress, installFakeExcel, key } from '../../fakes/fakeExcel';
import { features, loadSample, planFor } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sakuTable } = require('../../../scripts/build-sample.js') as {
  sakuTable: (ws: ExcelJS.Worksheet, top: number, spec: unknown) => number;
};

function ruleSignature(fake: FakeExcel): string[] {
  return fake.book.sheets.flatMap((s) => s.rules.map((r) => `${s.name}|${r.areas.map(boxAddress).join(',')}|${r.formula}|${r.fill}`)).sort();
}

describe('Office adapter: write, run twice, restore (the bundled sample through the real pipeline)', () => {
  let fake: FakeExcel;
  afterEach(() => fake.uninstall());

  it('writes the status cells, colour rules, summary table with links, chart, backup and settings in 4 round trips', async () => {
    const sample = await loadSample();
    fake = installFakeExcel(bookFromGrids(sample.grid.sheets));
    const host = createOfficeHost();
    const plan = planFor(await host.read('all-sheets'));
    fake.resetCounters();
    const outcome = await host.write(plan);
    expect(outcome).toEqual({ statusCells: plan.statusWrites.length, summarySheet: 'KPI集計', charts: 'added', notices: [] });
    expect(fake.syncCount).toBe(4);
    const cells = bookCells(fake.book);
    for (const w of plan.statusWrites) expect(cells.get(`${w.sheet}!${w.cell}`)).toBe(w.value);
    const summary = fake.book.sheet('KPI集計');
    expect(summary.tables).toEqual([expect.objectContaining({ name: 'Shinchoku_KPI', style: 'TableStyleLight9' })]);
    const links = [...summary.cells.values()].filter((c) => c.formula);
    expect(links.length).toBe(plan.summary.table.rows.length);
    expect(links.every((c) => /^=HYPERLINK\("#'[^']+'!\$?[A-Z]+\d+","/.test(c.formula ?? ''))).toBe(true);
    expect(summary.charts.map((c) => [c.name, c.type])).toEqual([['Shinchoku_Counts', 'BarStacked']]);
    expect(fake.book.sheet('_shinchoku_backup').visibility).toBe('Hidden');
    expect(fake.book.sheet('_shinchoku_settings').visibility).toBe('VeryHidden');
    // ExcelApi 1.18: one rule per category per group of ranges (conditionalFormats.test.ts has the details)
    const ruleCount = plan.conditionalFormats.reduce((n, cf) => n + conditionalFormatGroups(cf.ranges).length * cf.rules.length, 0) + plan.summary.rules.length;
    expect(ruleSignature(fake)).toHaveLength(ruleCount);
    expect(fake.appCalls).toEqual(expect.arrayContaining(['suspendApiCalculationUntilNextSync', 'suspendScreenUpdatingUntilNextSync', 'calculate:Recalculate']));
  });

  it('running twice gives the same workbook (no second summary, table or chart, no duplicated rules); restore gives the input back', async () => {
    const sample = await loadSample();
    fake = installFakeExcel(bookFromGrids(sample.grid.sheets));
    const input = bookCells(fake.book);
    const names = fake.book.sheets.map((s) => s.name);
    // a colour rule of the user's own on a status range must survive both runs and the restore
    const user = fake.book.sheet('基本目標1');
    user.addRule({ id: 'user-rule', areas: [{ top: 4, left: 3, bottom: 4, right: 7 }], type: 'Custom', formula: '=D5="順調"', fill: '#FFFF00', font: null });
    const host = createOfficeHost();
    await host.write(planFor(await host.read('all-sheets')));
    const once = bookCells(fake.book);
    const rulesOnce = ruleSignature(fake);
    const summary = fake.book.sheet('KPI集計');
    summary.cells.set(key(500, 30), { value: 'ユーザーのメモ' });

    const second = planFor(await host.read('all-sheets'));
    expect(second.statusWrites).toEqual([]);
    await host.write(second);
    expect(bookCells(fake.book)).toEqual(once);
    expect(ruleSignature(fake)).toEqual(rulesOnce);
    expect(fake.book.sheet('KPI集計')).toBe(summary); // cleared in place, not deleted and added again
    expect(summary.tables).toHaveLength(1);
    expect(summary.charts).toHaveLength(1);

    const restored = await host.restore();
    expect(restored.sheetsRemoved.sort()).toEqual(['KPI集計', '_shinchoku_backup', '_shinchoku_settings'].sort());
    expect(bookCells(fake.book)).toEqual(input);
    expect(fake.book.sheets.map((s) => s.name)).toEqual(names);
    expect(ruleSignature(fake)).toEqual(['基本目標1|D5:H5|=D5="順調"|#FFFF00']);
  });

  it('text that Excel would turn into a formula, number or date stays text, in the summary and in status cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('基本目標1');
    const names = ['=HYPERLINK("http://example.invalid","x")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)', '-2+3', '2020/4/1', '１２３', 'TRUE', "'quoted"];
    sakuTable(ws, 1, { years: ['R1（基準値）', 'R2', 'R3（目標値）'], kpis: names.map((name) => ({ name, unit: '%', benchmark: [null, 50, 60], actual: [40, 55] })) });
    const loaded = await loadXlsx(ExcelJS, new Uint8Array(await wb.xlsx.writeBuffer()));
    fake = installFakeExcel(bookFromGrids(loaded.grid.sheets));
    const plan = planFor(loaded);
    await writePlanToExcel(plan, { features: features() });
    const summary = bookCells(fake.book, ['KPI集計']);
    const texts = [...summary.values()].filter((v): v is string => typeof v === 'string');
    for (const name of names) expect(texts).toContain(name);
    expect([...fake.book.sheet('KPI集計').cells.values()].filter((c) => c.formula && !c.formula.startsWith('=HYPERLINK("#'))).toEqual([]);

    // a hand-made plan: status labels that look like formulas and numbers; a cell formatted as Text keeps them as typed
    const base = plan.statusWrites[0]; // R2's status cell; R1's is left of it, R3's right of it
    const cols = [base.col - 1, base.col, base.col + 1];
    fake.book.sheet('基本目標1').cells.set(key(base.row, cols[1]), { value: null, numberFormat: '@' });
    const before = bookCells(fake.book, ['基本目標1']);
    const odd: WritePlan = {
      ...plan,
      conditionalFormats: [],
      statusWrites: ['=A1', '-', '1'].map((value, i) => ({ ...base, col: cols[i], cell: a1(base.row, cols[i]), value, previous: before.get(`基本目標1!${a1(base.row, cols[i])}`) ?? null })),
    };
    await writePlanToExcel(odd, { features: features() });
    const after = bookCells(fake.book, ['基本目標1']);
    expect(cols.map((c) => after.get(`基本目標1!${a1(base.row, c)}`))).toEqual(['=A1', '-', '1']);
    expect(fake.book.sheet('基本目標1').cell(base.row, cols[1])?.quotePrefix).toBeUndefined();
  });

  it('writes a note with the basis on each status cell, and leaves the notes out with a notice before ExcelApi 1.18', async () => {
    const sample = await loadSample();
    fake = installFakeExcel(bookFromGrids(sample.grid.sheets));
    const plan = planFor(sample, { notes: true });
    const noted = plan.statusWrites.filter((w) => w.note !== null);
    expect(noted.length).toBeGreaterThan(0);
    await writePlanToExcel(plan, { features: features() });
    const w = noted[0];
    expect(fake.book.sheet(w.sheet).notes.get(key(w.row, w.col))).toBe(w.note);
    fake.uninstall();

    fake = installFakeExcel(bookFromGrids(sample.grid.sheets), { excelApi: 17 });
    const { outcome } = await writePlanToExcel(plan, { features: features(17) });
    expect(outcome.notices).toEqual([expect.stringContaining('ExcelApi 1.18')]);
    expect(fake.book.sheets.every((s) => s.notes.size === 0)).toBe(true);
  });

  it('an Excel with only ExcelApi 1.4: status text written, colours left out with a notice, nothing suspended', async () => {
    const sample = await loadSample();
    fake = installFakeExcel(bookFromGrids(sample.grid.sheets), { excelApi: 4 });
    const plan = planFor(sample);
    const { outcome } = await writePlanToExcel(plan, { features: features(4) });
    expect(outcome.notices).toEqual([expect.stringContaining('ExcelApi 1.6')]);
    expect(outcome.charts).toBe('added');
    expect(ruleSignature(fake)).toEqual([]);
    expect(fake.appCalls).toEqual([]);
    const cells = bookCells(fake.book);
    for (const w of plan.statusWrites) expect(cells.get(`${w.sheet}!${w.cell}`)).toBe(w.value);
  });

  it('leaves the chart out when asked, and says "unsupported" where the host has no charts', async () => {
    const sample = await loadSample();
    fake = installFakeExcel(bookFromGrids(sample.grid.sheets));
    const plan = planFor(sample);
    expect((await writePlanToExcel(plan, { features: features(), charts: false })).outcome.charts).toBe('none');
    expect(fake.book.sheet('KPI集計').charts).toEqual([]);
    fake.uninstall();
    fake = installFakeExcel(bookFromGrids(sample.grid.sheets));
    const { outcome } = await writePlanToExcel(plan, { features: { ...features(), charts: false } });
    expect(outcome.charts).toBe('unsupported');
    expect(outcome.notices).toHaveLength(1);
  });

  it('names the summary table Shinchoku_KPI_2 when another sheet already has a table called Shinchoku_KPI', async () => {
    const sample = await loadSample();
    const book = bookFromGrids(sample.grid.sheets);
    book.sheet('基本目標1').tables.push({ name: 'Shinchoku_KPI', box: { top: 200, left: 0, bottom: 201, right: 1 }, style: 'TableStyleLight1' });
    fake = installFakeExcel(book);
    await writePlanToExcel(planFor(sample), { features: features() });
    expect(fake.book.sheet('KPI集計').tables.map((t) => t.name)).toEqual(['Shinchoku_KPI_2']);
  });
});
