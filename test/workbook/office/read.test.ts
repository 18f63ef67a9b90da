import type { RawValue, SheetGrid } from '../../../src/domain/grid';
import { gridFromRows } from '../../../src/domain/grid';
import { BACKUP_SHEET, SETTINGS_SHEET } from '../../../src/domain/settings';
import { readWorkbook } from '../../../src/workbook/office';
import type { FakeExcel } from '../../fakes/fakeExcel';
import { bookFromGrids, installFakeExcel, key } from '../../fakes/fakeExcel';
import { sakuSheet } from '../../fakes/sakuWorkbook';
import { features } from './helpers';

function sheets(): SheetGrid[] {
  const kpi = sakuSheet('基本目標1', 3);
  kpi.numberFormats = kpi.values.map((line, r) => line.map((_, c) => (r === 3 && c === 3 ? '0.0%' : null)));
  kpi.values[3][3] = 0.781;
  kpi.formulas = { C3: 'D3*2' };
  kpi.notes = { D5: '実績 77.4 / 目安 79.6' };
  return [
    kpi,
    gridFromRows('メモ', [['自由記述'], [{ error: '#N/A' }]], { protected: true }),
    gridFromRows('隠し', [['x']], { visibility: 'hidden' }),
    gridFromRows(SETTINGS_SHEET, [['{"version":1,'], ['"notes":true}']], { visibility: 'veryHidden' }),
    gridFromRows(BACKUP_SHEET, [['kind', 'sheet', 'ref', 'previous', 'previousNote'], ['cell', '基本目標1', 'D5', '"順調"', 'null']], { visibility: 'hidden' }),
  ];
}

describe('Office adapter: read', () => {
  let fake: FakeExcel;
  afterEach(() => fake.uninstall());

  it('all sheets: values, number formats, formulas, merged areas, notes, protection and visibility, in 3 round trips', async () => {
    fake = installFakeExcel(bookFromGrids(sheets(), 'R5進捗.xlsx'));
    const { snapshot, stats } = await readWorkbook('all-sheets', { features: features() });
    const kpi = snapshot.workbook.sheets[0];
    expect(kpi.values[3][3]).toBe(0.781);
    expect(kpi.numberFormats?.[3][3]).toBe('0.0%');
    expect(kpi.formulas).toEqual({ C3: 'D3*2' });
    expect(kpi.merges).toEqual(expect.arrayContaining([{ top: 2, left: 0, bottom: 4, right: 0 }, { top: 8, left: 8, bottom: 10, right: 8 }]));
    expect(kpi.merges).toHaveLength(6);
    expect(kpi.notes).toEqual({ D5: '実績 77.4 / 目安 79.6' });
    const memo = snapshot.workbook.sheets[1];
    expect(memo.protected).toBe(true);
    expect(memo.values[1][0]).toEqual({ error: '#N/A' });
    expect(snapshot.workbook.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['基本目標1', 'visible'],
      ['メモ', 'visible'],
      ['隠し', 'hidden'],
      [SETTINGS_SHEET, 'veryHidden'],
      [BACKUP_SHEET, 'hidden'],
    ]);
    expect(snapshot.settingsText).toBe('{"version":1,"notes":true}');
    expect(snapshot.backupCells?.[1]).toEqual(['cell', '基本目標1', 'D5', '"順調"', 'null']);
    expect(snapshot.label).toBe('R5進捗.xlsx');
    expect(snapshot.activeSheet).toBe('基本目標1');
    expect(stats.syncs).toBe(3);
    expect(fake.syncCount).toBe(3);
  });

  it('active sheet: only that sheet is read (the others by name), in 2 round trips when Shinchoku never ran', async () => {
    fake = installFakeExcel(bookFromGrids(sheets().slice(0, 3)));
    fake.book.active = 1;
    const { snapshot } = await readWorkbook('active-sheet', { features: features() });
    expect(snapshot.activeSheet).toBe('メモ');
    expect(snapshot.workbook.sheets.map((s) => s.values.length)).toEqual([0, 2, 0]);
    expect(snapshot.workbook.sheets[0].name).toBe('基本目標1');
    expect(snapshot.settingsText).toBeNull();
    expect(snapshot.backupCells).toBeNull();
    expect(fake.syncCount).toBe(2);
  });

  it('selection: the selected cells within the used range, at their sheet position', async () => {
    fake = installFakeExcel(bookFromGrids(sheets()));
    fake.book.selection = { sheet: '基本目標1', box: { top: 1, left: 0, bottom: 1_048_575, right: 3 } }; // A2:D (whole columns)
    const { snapshot } = await readWorkbook('selection', { features: features() });
    const grid = snapshot.workbook.sheets[0];
    expect({ top: grid.top, left: grid.left, rows: grid.values.length, cols: grid.values[0].length }).toEqual({ top: 1, left: 0, rows: 10, cols: 4 });
    expect(grid.values[0]).toEqual(['指標名', '年度別\n評価', 'R1（基準値）', 'R2']);
    expect(grid.merges).toHaveLength(3); // the names in column A; the units' merges in column I are outside
    expect(snapshot.workbook.sheets.slice(1).every((s) => s.values.length === 0)).toBe(true);
  });

  it('an older Excel: no merged areas before ExcelApi 1.13, no notes before 1.18, no workbook name before 1.7', async () => {
    fake = installFakeExcel(bookFromGrids(sheets()), { excelApi: 6 });
    const { snapshot } = await readWorkbook('all-sheets', { features: features(6) });
    expect(snapshot.workbook.sheets[0].merges).toEqual([]);
    expect(snapshot.workbook.sheets[0].notes).toBeUndefined();
    expect(snapshot.label).toBe('Excel');
  });

  it('reads a 200,000-row used range in row chunks, no request or response over 5 MB', async () => {
    const rows = 200_000;
    const values: RawValue[][] = [];
    for (let r = 0; r < rows; r++) values.push([`指標${r}`, r, r * 0.5, r % 3 === 0 ? '順調' : null]);
    fake = installFakeExcel(bookFromGrids([gridFromRows('大きい', values)]));
    const { snapshot, stats } = await readWorkbook('all-sheets', { features: features() });
    const grid = snapshot.workbook.sheets[0];
    expect(grid.values).toHaveLength(rows);
    expect(grid.values[rows - 1]).toEqual([`指標${rows - 1}`, rows - 1, (rows - 1) * 0.5, null]);
    expect(grid.values[15_624]).toEqual(['指標15624', 15_624, 7812, '順調']); // around a chunk boundary
    expect(stats.chunks).toBeGreaterThan(5);
    expect(fake.syncs.every((s) => s.ok && s.requestBytes < 5_000_000 && s.responseBytes < 5_000_000)).toBe(true);
    expect(fake.syncCount).toBe(3 + stats.chunks);
  });

  it('cells longer than the estimate: a refused response is split and read again, nothing lost', async () => {
    const long = '進捗状況の分析：'.padEnd(400, 'あ');
    const values: RawValue[][] = Array.from({ length: 4_000 }, (_, r) => [long, `${r}`, long]);
    fake = installFakeExcel(bookFromGrids([gridFromRows('長文', values)]));
    const { snapshot } = await readWorkbook('all-sheets', { features: features() });
    expect(snapshot.workbook.sheets[0].values[3_999]).toEqual([long, '3999', long]);
    expect(fake.syncs.some((s) => !s.ok)).toBe(true);
    expect(fake.syncs.filter((s) => s.ok).every((s) => s.responseBytes <= 5_000_000)).toBe(true);
  });

  it('reads more than 512 merged areas, in bands that each list at most 512', async () => {
    const merges = Array.from({ length: 2_000 }, (_, i) => ({ top: i * 2, left: 0, bottom: i * 2 + 1, right: 0 }));
    const values: RawValue[][] = Array.from({ length: 4_000 }, (_, r) => [r % 2 === 0 ? `名前${r}` : null, r]);
    fake = installFakeExcel(bookFromGrids([gridFromRows('結合', values, { merges })]));
    const { snapshot } = await readWorkbook('all-sheets', { features: features() });
    expect(snapshot.workbook.sheets[0].merges).toHaveLength(2_000);
  });

  it('is cancelled between round trips by an AbortSignal', async () => {
    fake = installFakeExcel(bookFromGrids(sheets()));
    const controller = new AbortController();
    const read = readWorkbook('all-sheets', { features: features(), signal: controller.signal, onProgress: () => controller.abort() });
    await expect(read).rejects.toMatchObject({ code: 'aborted' });
    expect(fake.syncCount).toBe(1);
  });

  it('a sheet whose cells hold nothing gives an empty grid', async () => {
    const book = bookFromGrids([gridFromRows('空', [])]);
    book.sheet('空').cells.set(key(5, 5), { value: null, numberFormat: '0.0' });
    fake = installFakeExcel(book);
    const { snapshot } = await readWorkbook('active-sheet', { features: features() });
    expect(snapshot.workbook.sheets[0].values).toEqual([]);
  });
});
