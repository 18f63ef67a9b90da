import { benchmarksFor } from '../../../src/domain/evaluate';
import { kpiOf } from '../../helpers/kpiBuilder';

const values = (k: ReturnType<typeof kpiOf>, dir: 'up' | 'down' | 'maintain' = 'up') => benchmarksFor(k, dir).map((b) => b.value);

describe('benchmarksFor', () => {
  it('uses the sheet value when present and interpolates empty cells, and dash cells of years with an actual (78.0 in 2019 → 80.0 in 2024)', () => {
    const k = kpiOf({
      name: 'x',
      baseline: ['R1', 2019, '78.0'],
      target: ['R6', 2024, '80.0'],
      years: [['R2', 2020, { b: '79.0' }], ['R3', 2021, { b: '−', a: '79.0' }], ['R4', 2022, {}], ['R6', 2024, {}]],
    });
    const b = benchmarksFor(k, 'up');
    expect(b.map((x) => x.source)).toEqual(['sheet', 'interpolated', 'interpolated', 'interpolated']);
    expect(b[0].value).toBe(79);
    expect(b[1].value).toBeCloseTo(78.8, 12);
    expect(b[2].value).toBeCloseTo(79.2, 12);
    expect(b[3].value).toBe(80);
    expect(b[1].decimals).toBe(1);
  });

  it('a dash 目安値 in a year with no actual stays empty rather than a made-up line value (000 seed line 395)', () => {
    const k = kpiOf({
      name: 'x',
      baseline: ['H28', 2016, '40,327'],
      target: ['R6', 2024, '41,800'],
      years: [['R5', 2023, { b: '−', a: '−' }]],
    });
    expect(benchmarksFor(k, 'up')).toEqual([{ value: null, source: null, comparator: null, decimals: 0 }]);
  });

  it('holds the target after the target year and has none before the baseline year', () => {
    const k = kpiOf({ name: 'x', baseline: ['R2', 2020, '10'], target: ['R4', 2022, '20'], years: [['R1', 2019, {}], ['R3', 2021, {}], ['R5', 2023, {}]] });
    expect(values(k)).toEqual([null, 15, 20]);
  });

  it('a cumulative KPI runs from 0 at the plan start (year before the first column)', () => {
    const years: [string, number, object][] = [['R2', 2020, {}], ['R3', 2021, {}], ['R4', 2022, {}], ['R5', 2023, {}], ['R6', 2024, {}]];
    expect(values(kpiOf({ name: 'x', cumulative: true, baseline: ['R1', 2019, '999'], target: ['R6', 2024, '1,500'], years }))).toEqual([300, 600, 900, 1200, 1500]);
    // (5年間の合計) as the target basis does the same.
    expect(values(kpiOf({ name: 'x', target: ['R6', 2024, '6', 'total'], years }))).toEqual([1.2, 2.4, 3.6, 4.8, 6].map((v) => expect.closeTo(v, 12)));
  });

  it('an aggregate baseline (H27〜H30の累計) is not a point: no line from it', () => {
    const k = kpiOf({ name: 'x', baseline: ['H27〜H30', null, '100'], aggregateBaseline: true, target: ['R6', 2024, '120'], years: [['R2', 2020, {}], ['R6', 2024, {}]] });
    expect(values(k)).toEqual([null, 120]);
  });

  it('a comparator benchmark is a limit: value and comparator', () => {
    const [b] = benchmarksFor(kpiOf({ name: 'x', years: [['R2', 2020, { b: '13.2以内' }]] }), 'down');
    expect(b).toEqual({ value: 13.2, source: 'sheet', comparator: 'le', decimals: 1 });
  });

  it('a limit target with no baseline is every year’s benchmark in its direction', () => {
    const k = kpiOf({ name: 'x', target: ['R6', 2024, '13.2以内'], years: [['R2', 2020, {}], ['R3', 2021, {}]] });
    expect(benchmarksFor(k, 'down').map((b) => [b.value, b.comparator])).toEqual([
      [13.2, 'le'],
      [13.2, 'le'],
    ]);
    expect(values(k, 'up')).toEqual([null, null]);
  });

  it('an average target (5年間の平均) is every year’s benchmark', () => {
    const k = kpiOf({ name: 'x', baseline: ['R1', 2019, '51'], target: ['R6', 2024, '55', 'average'], years: [['R2', 2020, {}], ['R3', 2021, {}]] });
    expect(values(k)).toEqual([55, 55]);
  });

  it('no target, or a year without a fiscal year, gives none', () => {
    expect(benchmarksFor(kpiOf({ name: 'x', baseline: ['R1', 2019, '1'], years: [['R2', 2020, {}]] }), 'up')).toEqual([
      { value: null, source: null, comparator: null, decimals: 0 },
    ]);
    const k = kpiOf({ name: 'x', baseline: ['R1', 2019, '1'], target: ['R6', 2024, '2'], years: [['実績', null, {}]] });
    expect(values(k)).toEqual([null]);
  });
});
