import { detect } from '../../../src/domain/layout';
import { gridFromRows } from '../../../src/domain/grid';
import type { RawValue } from '../../../src/domain/grid';

/** Deterministic pseudo-random numbers (a linear congruential generator), so the sheet is the same every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const PROSE =
  '居住誘導区域内に人口が集まってきていることから、今後も生活サービス機能が持続的に確保されるよう誘導します。';
const POOL: RawValue[] = [
  '順調',
  '概ね順調',
  '−',
  'メモ',
  '令和2年度の実績',
  '今後の方針',
  '維持',
  PROSE,
  '1,498千円',
  '▲312人',
  '※注',
];

describe('sheets without KPI tables', () => {
  test('a 10,000-row sheet of prose, numbers and stray words gives no KPI and no problem', () => {
    const next = random(42);
    const rows: RawValue[][] = [];
    for (let r = 0; r < 10000; r++) {
      const row: RawValue[] = [];
      for (let c = 0; c < 12; c++) {
        const x = next();
        if (x < 0.3) row.push(null);
        else if (x < 0.6) row.push(Math.round(next() * 100000) / 100);
        else row.push(POOL[Math.floor(next() * POOL.length)]);
      }
      // One year-looking cell and one row label per row at most, never stacked into a block.
      if (r % 2 === 0) row[3] = r % 4 === 0 ? '実績' : '計画';
      if (r % 3 === 0) row[7] = 'R2';
      rows.push(row);
    }
    const d = detect([gridFromRows('雑多', rows)]);
    expect(d.kpis).toEqual([]);
    expect(d.tables).toEqual([]);
    expect(d.problems).toEqual([]);
  });

  test('an empty sheet and an empty workbook give nothing', () => {
    expect(detect([gridFromRows('空', [])])).toEqual({ tables: [], kpis: [], problems: [] });
    expect(detect([])).toEqual({ tables: [], kpis: [], problems: [] });
  });

  test('odd cell values (errors, booleans, huge numbers) never crash detection', () => {
    const sheet = gridFromRows('変', [
      ['指標名', '年度別評価', 'R1（基準値）', 'R2', 'R3（目標値）', '単位'],
      ['名前', '目安値', { error: '#N/A' }, true, Number.MAX_VALUE, '%'],
      [null, '実績値', { error: '#DIV/0!' }, false, -0, null],
    ]);
    const d = detect([sheet]);
    expect(d.kpis).toHaveLength(1);
    expect(d.kpis[0].baseline?.value?.value).toBeNull();
    expect(d.problems.map((p) => p.cell)).toContain('C3');
  });
});
