import type { CellBox, RawValue, SheetGrid } from '../../src/domain/grid';

/**
 * Synthetic workbooks in the 佐久市 layout (scripts/build-sample.js `sakuTable`, 000 seed lines 319–339): a title
 * row, then the header `指標名 | 年度別評価 | R1（基準値） | R2 | R3 | R4 | R5 | R6（目標値） | 単位` and per KPI
 * the rows 目安値 / 実績値 / 進捗区分, the name and the unit merged down the three rows. Actuals vary so that
 * every saku category appears (順調, 概ね順調, 努力を要する, and 未公表 for a missing R5).
 */
const YEARS = ['R1（基準値）', 'R2', 'R3', 'R4', 'R5', 'R6（目標値）'];
const FACTORS = [1.05, 0.9, 0.7, 1.2, 0.85];

export function sakuSheet(name: string, count: number, firstIndex = 0): SheetGrid {
  const width = YEARS.length + 3;
  const values: RawValue[][] = [];
  const merges: CellBox[] = [];
  const line = (): RawValue[] => new Array<RawValue>(width).fill(null);
  const title = line();
  title[0] = `${name}「数値目標の進捗状況」`;
  values.push(title, ['指標名', '年度別\n評価', ...YEARS, '単位']);
  for (let k = 0; k < count; k++) {
    const i = firstIndex + k;
    const top = values.length;
    const base = 50 + (i % 40);
    const target = base + 10;
    const benchmark = line();
    const actual = line();
    const status = line();
    benchmark[1] = '目安値';
    actual[1] = '実績値';
    status[1] = '進捗区分';
    benchmark[0] = `指標${i + 1}「住みやすい」と回答する人の割合【企画課】`;
    benchmark[width - 1] = '％';
    actual[2] = base;
    for (let y = 1; y < YEARS.length; y++) {
      const b = Math.round((base + ((target - base) * y) / (YEARS.length - 1)) * 10) / 10;
      benchmark[2 + y] = b;
      if (y < YEARS.length - 1) actual[2 + y] = y === 4 && i % 7 === 0 ? '未公表' : Math.round(b * FACTORS[(i + y) % FACTORS.length] * 10) / 10;
    }
    values.push(benchmark, actual, status);
    merges.push({ top, left: 0, bottom: top + 2, right: 0 }, { top, left: width - 1, bottom: top + 2, right: width - 1 });
  }
  return { name, top: 0, left: 0, values, numberFormats: null, formulas: {}, merges, protected: false, visibility: 'visible' };
}

/** `kpis` KPIs over sheets of at most `perSheet` each, named 基本目標1, 基本目標2, … */
export function sakuWorkbook(kpis: number, perSheet = 1000): SheetGrid[] {
  const sheets: SheetGrid[] = [];
  for (let first = 0, n = 1; first < kpis; first += perSheet, n++) {
    sheets.push(sakuSheet(`基本目標${n}`, Math.min(perSheet, kpis - first), first));
  }
  return sheets;
}
