import { categoriesOf, evaluateKpi, knownCategoryLabels, presetScheme } from '../../../src/domain/evaluate';
import { gridFromRows } from '../../../src/domain/grid';
import type { SheetGrid } from '../../../src/domain/grid';
import type { Kpi } from '../../../src/domain/kpi';
import { buildPlan, isValidSheetName } from '../../../src/domain/plan';
import type { BackupRow, PlanInput } from '../../../src/domain/plan';
import { defaultSettings } from '../../../src/domain/settings';
import { runEvaluation } from '../../../src/domain/pipeline';
import { sheetFromLines } from '../../fixtures/grids/build';
import { kpiOf } from '../../helpers/kpiBuilder';

const saku = presetScheme('saku')!;

/** 000 seed excerpt lines 319–339 (住みやすい): status cells D6:G6, empty before the first run. */
function sumiyasui(status: (string | null)[] = [null, null, null, null]): Kpi {
  return kpiOf({
    name: '「佐久市は住みやすい」と回答する人の割合',
    sheet: '基本目標1',
    baseline: ['R1', 2019, '78.0'],
    target: ['R6', 2024, '80.0'],
    years: [
      ['R2', 2020, { b: '78.4', a: '81.4', s: status[0] }],
      ['R3', 2021, { b: '78.8', a: '77.3', s: status[1] }],
      ['R4', 2022, { b: '79.2', a: '78.5', s: status[2] }],
      ['R5', 2023, { b: '79.6', a: '77.4', s: status[3] }],
    ],
  });
}

function sheetWith(cells: Record<string, string | null>, extra: Partial<SheetGrid> = {}): SheetGrid {
  const rows: (string | null)[][] = Array.from({ length: 6 }, () => new Array(9).fill(null));
  for (const [a1, v] of Object.entries(cells)) {
    const col = a1.charCodeAt(0) - 65;
    const row = Number(a1.slice(1)) - 1;
    rows[row][col] = v;
  }
  return gridFromRows('基本目標1', rows, extra);
}

function plan(kpi: Kpi, sheet: SheetGrid, over: Partial<PlanInput> = {}) {
  const result = evaluateKpi(kpi, saku, { asOf: null });
  return buildPlan({
    sheets: [sheet],
    kpis: [kpi],
    results: [result],
    categories: categoriesOf(saku),
    schemeName: saku.name.ja,
    knownCategories: knownCategoryLabels(),
    settings: defaultSettings(),
    previousBackup: [],
    overwrite: false,
    asOf: null,
    lang: 'ja',
    ...over,
  });
}

describe('write plan safety rules (SPEC §5)', () => {
  it('writes the computed categories into empty status cells, with the previous value for the backup', () => {
    const p = plan(sumiyasui(), sheetWith({}));
    expect(p.statusWrites.map((w) => [w.cell, w.value, w.previous])).toEqual([
      ['D6', '順調', null],
      ['E6', '概ね順調', null],
      ['F6', '概ね順調', null],
      ['G6', '概ね順調', null],
    ]);
    expect(p.backup.rows.filter((r) => r.kind === 'cell')).toHaveLength(4);
    expect(p.problems).toEqual([]);
  });

  it('never writes into a formula cell, and says so with the cell', () => {
    const kpi = sumiyasui();
    kpi.years[1].status = { cell: 'E6', existing: '概ね順調', formula: true, mergedInside: false };
    const p = plan(kpi, sheetWith({ E6: '概ね順調' }, { formulas: { E6: 'IF(E5>=E4,"順調","概ね順調")' } }));
    expect(p.statusWrites.map((w) => w.cell)).not.toContain('E6');
    expect(p.problems).toContainEqual(expect.objectContaining({ cell: 'E6', code: 'formula-cell' }));
  });

  it('never overwrites a cell holding something that is not a category, unless told to', () => {
    const kpi = sumiyasui(['順調', 'コロナで調査延期', null, null]);
    const sheet = sheetWith({ D6: '順調', E6: 'コロナで調査延期' });
    const careful = plan(kpi, sheet);
    expect(careful.statusWrites.map((w) => w.cell)).toEqual(['F6', 'G6']);
    expect(careful.problems).toEqual([expect.objectContaining({ cell: 'E6', code: 'occupied-cell' })]);
    expect(careful.problems[0].message).toContain('コロナで調査延期');
    const forced = plan(kpi, sheet, { overwrite: true });
    expect(forced.statusWrites.map((w) => [w.cell, w.previous])).toContainEqual(['E6', 'コロナで調査延期']);
  });

  it('replaces a wrong hand-entered category (it is a category) and keeps one that is already right', () => {
    const p = plan(sumiyasui(['順調', '努力を要する', '概ね順調', null]), sheetWith({ D6: '順調', E6: '努力を要する', F6: '概ね順調' }));
    expect(p.statusWrites.map((w) => [w.cell, w.value, w.previous])).toEqual([
      ['E6', '概ね順調', '努力を要する'],
      ['G6', '概ね順調', null],
    ]);
  });

  it('writes nothing into a protected sheet or a cell inside a merged area, and reports both', () => {
    const protectedPlan = plan(sumiyasui(), sheetWith({}, { protected: true }));
    expect(protectedPlan.statusWrites).toEqual([]);
    expect(protectedPlan.conditionalFormats).toEqual([]);
    expect(protectedPlan.problems).toEqual([expect.objectContaining({ code: 'protected-sheet', sheet: '基本目標1' })]);
    const kpi = sumiyasui();
    kpi.years[0].status = { cell: 'D6', existing: null, formula: false, mergedInside: true };
    const merged = plan(kpi, sheetWith({}));
    expect(merged.statusWrites.map((w) => w.cell)).not.toContain('D6');
    expect(merged.problems).toContainEqual(expect.objectContaining({ cell: 'D6', code: 'merged-status-cell' }));
  });

  it('only ever writes status cells of detected KPIs: no row or column is added, moved or removed', () => {
    const p = plan(sumiyasui(), sheetWith({}));
    const statusCells = new Set(['D6', 'E6', 'F6', 'G6']);
    for (const w of p.statusWrites) expect(statusCells.has(w.cell)).toBe(true);
    // the plan has no operation that inserts or deletes rows/columns: its only user-sheet writes are these
    expect(Object.keys(p).sort()).toEqual(['backup', 'conditionalFormats', 'problems', 'settings', 'statusWrites', 'summary']);
  });

  it('is idempotent: a workbook already holding the categories gives no status write', () => {
    const p = plan(sumiyasui(['順調', '概ね順調', '概ね順調', '概ね順調']), sheetWith({ D6: '順調', E6: '概ね順調', F6: '概ね順調', G6: '概ね順調' }));
    expect(p.statusWrites).toEqual([]);
  });

  it('keeps the original value in the backup across runs', () => {
    const previous: BackupRow[] = [{ kind: 'cell', sheet: '基本目標1', ref: 'E6', previous: '努力を要する', previousNote: null }];
    const p = plan(sumiyasui(['順調', '順調', null, null]), sheetWith({ D6: '順調', E6: '順調' }), { previousBackup: previous });
    expect(p.backup.rows).toContainEqual(previous[0]);
    expect(p.backup.rows.filter((r) => r.kind === 'cell' && r.ref === 'E6')).toHaveLength(1);
  });

  it('picks another summary sheet name when a user sheet has the name, and reports it', () => {
    const user = gridFromRows('KPI集計', [['手で作った集計']]);
    const p = plan(sumiyasui(), sheetWith({}), { sheets: [sheetWith({}), user] });
    expect(p.summary.name).toBe('KPI集計 (2)');
    expect(p.problems).toContainEqual(expect.objectContaining({ code: 'sheet-name-taken', sheet: 'KPI集計' }));
    expect(JSON.parse(p.settings.json).summarySheetName).toBe('KPI集計 (2)');
  });

  it('reuses its own summary sheet (recorded as created) instead of making another', () => {
    const own = gridFromRows('KPI集計', [['KPI 進捗集計']]);
    const p = plan(sumiyasui(), sheetWith({}), { sheets: [sheetWith({}), own], previousBackup: [{ kind: 'created', sheet: 'KPI集計' }] });
    expect(p.summary.name).toBe('KPI集計');
    expect(p.problems).toEqual([]);
  });

  it('colours every status cell with one rule per category (text stays the signal)', () => {
    const p = plan(sumiyasui(), sheetWith({}));
    expect(p.conditionalFormats).toEqual([
      { sheet: '基本目標1', ranges: ['D6:G6'], rules: categoriesOf(saku).map((c) => ({ text: c.label, fill: c.fill, font: c.font })) },
    ]);
  });

  it('adds a note with the basis when notes are on', () => {
    const p = plan(sumiyasui(), sheetWith({}), { settings: { ...defaultSettings(), notes: true } });
    expect(p.statusWrites[3].note).toContain('77.4');
    expect(p.statusWrites[3].note).toContain('79.6');
  });
});

describe('sheet-name rules', () => {
  it.each([
    ['KPI集計', true],
    ['x'.repeat(31), true],
    ['x'.repeat(32), false],
    ['a/b', false],
    ['a[1]', false],
    ["'quoted'", false],
    ['', false],
    ['History', false],
  ])('%s → %s', (name, ok) => {
    expect(isValidSheetName(name)).toBe(ok);
  });
});

describe('a status cell shared by the parts of a compound KPI (小93.5 中98.1, 002 seed)', () => {
  const run = (actualR2: string) => {
    const sheet = sheetFromLines('学力', [
      '指標名\t年度別評価\tR1（基準値）\tR2\tR3（目標値）\t単位',
      '全国学力調査の平均正答率\t目安値\t\t小90 中90\t小95 中95\t％',
      `\t実績値\t小88 中89\t${actualR2}\t\t`,
      '\t進捗区分\t\t\t\t',
    ]);
    const outcome = runEvaluation({ workbook: { sheets: [sheet] }, settings: defaultSettings(), previousBackup: [], input: 't' });
    if (!outcome.ok) throw new Error('evaluation failed');
    return outcome.result;
  };

  it('is written when the parts agree', () => {
    const r = run('小93.5 中98.1');
    expect(r.results.map((k) => k.years[0].category)).toEqual(['順調', '順調']);
    expect(r.plan.statusWrites.map((w) => [w.cell, w.value])).toEqual([['D4', '順調']]);
  });

  it('is left as it is, with a problem naming both categories, when they differ (one cell cannot hold two)', () => {
    const r = run('小93.5 中85.0');
    expect(r.results.map((k) => k.years[0].category)).toEqual(['順調', '概ね順調']);
    expect(r.plan.statusWrites).toEqual([]);
    expect(r.plan.problems).toEqual([expect.objectContaining({ sheet: '学力', cell: 'D4', code: 'shared-status-cell', message: expect.stringContaining('順調 / 概ね順調') })]);
  });
});
