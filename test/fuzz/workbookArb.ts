import fc from 'fast-check';
import type ExcelJS from 'exceljs';
import { boxContains } from '../../src/domain/address';
import type { CellBox, RawValue, SheetGrid, WorkbookGrid } from '../../src/domain/grid';

/**
 * Random workbooks for the fuzz properties: real 佐久 / 小諸 / 岩見沢 layouts (scripts/build-sample.js, from the
 * seeds) filled with random values and seed vocabulary, mixed with junk — Excel errors, huge numbers,
 * NaN/Infinity text, control characters, emoji, 10,000-character strings, merged areas in odd places,
 * formulas in status cells, protected sheets. One spec gives both a `WorkbookGrid` (engine) and an ExcelJS
 * workbook (adapter).
 */

export type FuzzCell = RawValue | { formula: string; result: RawValue };

export interface SheetSpec {
  name: string;
  cells: Map<string, FuzzCell>; // "row,col" (0-based)
  merges: CellBox[];
  protected: boolean;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
}

/** Runs per property: `FUZZ_RUNS` (npm run fuzz) scaled by the property's cost, or the bounded default. */
export function runs(defaultRuns: number, perFuzzRun: number): number {
  const env = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(env) && env > 0 ? Math.max(1, Math.round(env * perFuzzRun)) : defaultRuns;
}

export const SEED = 20240601;

const WORDS = [
  '指標名', '年度別評価', '目安値', '計画', '計画値', '実績値', '実績', '進捗区分', '進捗状況', '評価', '達成状況', '単位',
  '基準値', '現状値', '目標値', '計画策定時', '基本目標', '政策', '施策', '重要業績評価指標 (KPI)', '状況',
  'R1（基準値）', 'R2', 'R3', '令和4年度', 'R5', 'R6（目標値）', 'H30', '2021年度', 'FY2022', 'R元', '令和元年度', '平成2年度',
  '順調', '概ね順調', '努力を要する', '未公表', '実績値なし', '低調', '-', '−', 'ー', '―', '算定中', '調査なし', '事業終了',
  '1,498千円', '▲312人', '22.6 %', '79.56歳', '5以上', '13.2以内', '595(803)', '42.7(R1確定値) 40.2(R2速報値)', '(79.12歳)',
  '6件 (5年間の合計)', '小93.5 中98.1', '男性80.0 女性85.1', 'H27〜H30の累計', '※注', '進捗状況の分析', '今後の取組方針',
];

const JUNK: RawValue[] = [
  { error: '#N/A' }, { error: '#DIV/0!' }, { error: '#REF!' }, { error: '#VALUE!' }, { error: '#NAME?' },
  1e308, -1e308, Number.MAX_VALUE, 5e-324, -0, 0, 1e21, 123456789012345680000,
  'NaN', 'Infinity', '-Infinity', '1e999', '0x1F', '١٢٣', '９９９', '∞',
  '\u0000\u0001\u0007\u001b[31m', 'tab\there', 'cr\rlf\n', '\u200b\u200d\ufeff', '📊📈🏯👨‍👩‍👧', 'é\u0301', '\u202eRTL',
  'あ'.repeat(10_000), '9'.repeat(400), '=1+1', '+cmd|\' /C calc\'!A0', '@SUM(1)', '-2+3', '<img src=x onerror=alert(1)>',
  true, false, '', ' ', '　',
];

/** The engine may see non-finite numbers from a host; a file cannot hold them. */
const ENGINE_ONLY: RawValue[] = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '\uffff\ud800'];

const number = fc.oneof(
  fc.integer({ min: -100000, max: 1000000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 100) / 100),
);

const valueText = fc
  .tuple(fc.constantFrom('', '▲', '△', '-', '+', '約', '小', '男性'), number, fc.constantFrom('', '千円', '人', '%', '％', '歳', '以上', '以下', '以内', '件', '(803)', ' ※注'))
  .map(([a, n, b]) => `${a}${Math.abs(n).toLocaleString('en-US')}${b}`);

export function valueArb(engineOnly: boolean): fc.Arbitrary<RawValue> {
  return fc.oneof(
    { weight: 5, arbitrary: number },
    { weight: 4, arbitrary: valueText },
    { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 2, arbitrary: fc.constantFrom(...JUNK, ...(engineOnly ? ENGINE_ONLY : [])) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

const statusArb = (engineOnly: boolean): fc.Arbitrary<FuzzCell> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.constantFrom('順調', '概ね順調', '努力を要する', '未公表', '実績値なし', ' 順調 ', 'A', '◎') },
    { weight: 2, arbitrary: fc.constantFrom('コロナで調査延期', '=1+1', '+cmd', 'メモ', 0, '#N/A') },
    { weight: 2, arbitrary: fc.constantFrom<FuzzCell>({ formula: 'IF(E5>=E4,"順調","概ね順調")', result: '順調' }, { formula: 'NA()', result: { error: '#N/A' } }, { formula: 'A1', result: null }) },
    { weight: 1, arbitrary: valueArb(engineOnly) },
  );

const SHEET_NAMES = ['基本目標1', '数値目標', '施策3-2 健康・福祉', "市民'意識\"調査📊", 'A&B <c> #1!', '=SUM(1)', 'KPI集計', 'Sheet1', ' 空白 ', '(括弧)'];

type Put = (r: number, c: number, v: FuzzCell) => void;

/** 000 seed lines 319–339: header, then per KPI 目安値 / 実績値 / 進捗区分 rows, name and unit merged down. */
function sakuBlock(engineOnly: boolean) {
  return fc
    .record({
      years: fc.integer({ min: 2, max: 6 }),
      kpis: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 30 })), fc.array(valueArb(engineOnly), { minLength: 16, maxLength: 16 }), fc.array(statusArb(engineOnly), { minLength: 8, maxLength: 8 }), fc.boolean()), { minLength: 1, maxLength: 4 }),
      labels: fc.constantFrom(['目安値', '実績値', '進捗区分'], ['計画', '実績', '評価'], ['計画値', '実績', '達成状況']),
    })
    .map((b) => (put: Put, top: number, left: number, merges: CellBox[]): number => {
      const years = ['R1（基準値）', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'].slice(0, b.years);
      years.push('R8（目標値）');
      ['指標名', '年度別評価', ...years, '単位'].forEach((h, i) => put(top, left + i, h));
      let row = top + 1;
      for (const [name, values, status, mergeName] of b.kpis) {
        put(row, left, name);
        put(row, left + years.length + 2, '%');
        b.labels.forEach((l, i) => put(row + i, left + 1, l));
        years.forEach((_, i) => {
          put(row, left + 2 + i, values[i]);
          put(row + 1, left + 2 + i, values[8 + i]);
          put(row + 2, left + 2 + i, status[i]);
        });
        if (mergeName) merges.push({ top: row, left, bottom: row + 2, right: left });
        row += 3;
      }
      return row;
    });
}

/** 002 seed lines 127–138: 指標名 / 単位 rows, then 目標値 | 計画策定時 | | years, 計画 and 実績 rows; no status. */
function komoroBlock(engineOnly: boolean) {
  return fc
    .record({ name: fc.constantFrom(...WORDS), values: fc.array(valueArb(engineOnly), { minLength: 10, maxLength: 10 }) })
    .map((b) => (put: Put, top: number, left: number): number => {
      put(top, left, '指標名');
      put(top, left + 1, b.name);
      put(top + 2, left + 5, '単位');
      put(top + 2, left + 6, '%');
      ['目標値', '計画策定時', null, '令和2年度', '令和3年度', '令和4年度', '令和5年度'].forEach((v, i) => v && put(top + 3, left + i, v));
      put(top + 4, left + 1, b.values[0]);
      put(top + 4, left + 2, '計画');
      put(top + 5, left + 2, '実績');
      for (let i = 0; i < 4; i++) {
        put(top + 4, left + 3 + i, b.values[1 + i]);
        put(top + 5, left + 3 + i, b.values[5 + i]);
      }
      return top + 6;
    });
}

/** 001 seed lines 235–277: [group |] KPI | 基準値 | 目標値 | 実績 | 状況, one row per KPI. */
function iwamizawaBlock(engineOnly: boolean) {
  return fc
    .record({
      group: fc.boolean(),
      rows: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 20 })), fc.array(valueArb(engineOnly), { minLength: 3, maxLength: 3 }), statusArb(engineOnly)), { minLength: 1, maxLength: 5 }),
    })
    .map((b) => (put: Put, top: number, left: number): number => {
      const header = [...(b.group ? ['基本目標'] : []), '重要業績評価指標 (KPI)', '基準値', '目標値', '実績', '状況'];
      header.forEach((h, i) => put(top, left + i, h));
      b.rows.forEach(([name, values, status], r) => {
        const line: FuzzCell[] = [...(b.group ? [`基本目標${r % 2}`] : []), name, ...values, status];
        line.forEach((v, i) => put(top + 1 + r, left + i, v));
      });
      return top + 1 + b.rows.length;
    });
}

function junkBlock(engineOnly: boolean) {
  return fc
    .array(fc.tuple(fc.nat(6), fc.nat(12), valueArb(engineOnly)), { maxLength: 12 })
    .map((cells) => (put: Put, top: number, left: number): number => {
      for (const [r, c, v] of cells) put(top + r, left + c, v);
      return top + 7;
    });
}

function sheetArb(engineOnly: boolean): fc.Arbitrary<Omit<SheetSpec, 'name'>> {
  const block = fc.oneof(
    { weight: 4, arbitrary: sakuBlock(engineOnly) },
    { weight: 2, arbitrary: komoroBlock(engineOnly) },
    { weight: 3, arbitrary: iwamizawaBlock(engineOnly) },
    { weight: 2, arbitrary: junkBlock(engineOnly) },
  );
  return fc
    .record({
      blocks: fc.array(fc.tuple(block, fc.nat(2), fc.nat(3)), { minLength: 1, maxLength: 3 }),
      oddMerges: fc.array(fc.tuple(fc.nat(30), fc.nat(12), fc.nat(3), fc.nat(3)), { maxLength: 4 }),
      protectedWeight: fc.nat(9),
    })
    .map(({ blocks, oddMerges, protectedWeight }) => {
      const cells = new Map<string, FuzzCell>();
      const merges: CellBox[] = [];
      let top = 0;
      for (const [draw, gap, left] of blocks) {
        top = draw((r, c, v) => void (v !== null && cells.set(`${r},${c}`, v)), top + gap, left, merges) + 1;
      }
      // merged areas in odd places (over headers, values, status cells), never overlapping (Excel forbids it)
      for (const [r, c, h, w] of oddMerges) {
        const box = { top: r, left: c, bottom: r + h, right: c + w };
        if (h + w === 0) continue;
        const overlaps = merges.some((m) => !(box.bottom < m.top || box.top > m.bottom || box.right < m.left || box.left > m.right));
        if (!overlaps) merges.push(box);
      }
      return { cells, merges, protected: protectedWeight === 0 };
    });
}

export function workbookArb(engineOnly: boolean): fc.Arbitrary<WorkbookSpec> {
  return fc
    .uniqueArray(fc.constantFrom(...SHEET_NAMES), { minLength: 1, maxLength: 3, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() })
    .chain((names) => fc.tuple(...names.map(() => sheetArb(engineOnly))).map((sheets) => ({ sheets: sheets.map((s, i) => ({ ...s, name: names[i] })) })));
}

/** The grid an adapter would give for this sheet: values at the masters only, formulas with their cached result. */
export function toGrid(spec: WorkbookSpec): WorkbookGrid {
  return {
    sheets: spec.sheets.map((s): SheetGrid => {
      let rows = 0;
      let cols = 0;
      for (const key of s.cells.keys()) {
        const [r, c] = key.split(',').map(Number);
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, c + 1);
      }
      const values: RawValue[][] = Array.from({ length: rows }, () => new Array<RawValue>(cols).fill(null));
      const formulas: Record<string, string> = {};
      for (const [key, v] of s.cells) {
        const [r, c] = key.split(',').map(Number);
        if (s.merges.some((m) => boxContains(m, r, c) && (m.top !== r || m.left !== c))) continue;
        if (v !== null && typeof v === 'object' && 'formula' in v) {
          values[r][c] = v.result;
          formulas[a1(r, c)] = v.formula;
        } else values[r][c] = v;
      }
      return { name: s.name, top: 0, left: 0, values, numberFormats: null, formulas, merges: s.merges, protected: s.protected, visibility: 'visible' };
    }),
  };
}

function a1(r: number, c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${r + 1}`;
}

/** The same spec as an ExcelJS workbook (values, formulas with cached results, merges, protection). */
export async function toWorkbook(excel: typeof ExcelJS, spec: WorkbookSpec): Promise<ExcelJS.Workbook> {
  const wb = new excel.Workbook();
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [key, v] of s.cells) {
      const [r, c] = key.split(',').map(Number);
      const cell = ws.getCell(r + 1, c + 1);
      if (v !== null && typeof v === 'object' && 'formula' in v) cell.value = { formula: v.formula, result: v.result as ExcelJS.CellValue } as ExcelJS.CellFormulaValue;
      else if (v !== null && typeof v === 'object') cell.value = { error: v.error as ExcelJS.CellErrorValue['error'] };
      else cell.value = v;
    }
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    if (s.protected) await ws.protect('', {});
  }
  return wb;
}
