import { defaultAsOf, evaluateKpi, evaluateKpis, isJudgedYear, latestJudgedYear, presetScheme } from '../../../src/domain/evaluate';
import type { Scheme } from '../../../src/domain/evaluate';
import { kpiReportSchema, reportSchema } from '../../../src/domain/report';
import { kpiOf, rowKpiOf } from '../../helpers/kpiBuilder';

const saku = presetScheme('saku') as Scheme;

const kpi = kpiOf({
  name: '指標',
  baseline: ['R1', 2019, '10'],
  target: ['R6', 2024, '20'],
  years: [
    ['R2', 2020, { a: '12' }],
    ['R3', 2021, { a: '−' }],
    ['R4', 2022, { a: null }],
    ['R5', 2023, { a: '未公表' }],
    ['R6', 2024, { a: '−' }],
  ],
});

describe('which years are judged', () => {
  it('with as-of 2022: every year up to it, an empty actual counting as missing; none after', () => {
    const r = evaluateKpi(kpi, saku, { asOf: 2022 });
    expect(r.years.map((y) => y.category)).toEqual(['順調', '実績値なし', '実績値なし', null, null]);
    expect(r.years[2].explanation).toBe('実績値が空欄 → 実績値なし');
    expect(r.years[3].explanation).toBe('評価年度（2022年度）より後のため判定しません');
  });

  it('without as-of: only years whose actual cell holds something (value, dash, reason)', () => {
    const r = evaluateKpi(kpi, saku, { asOf: null });
    expect(r.years.map((y) => y.category)).toEqual(['順調', '実績値なし', null, '未公表', '実績値なし']);
    expect(r.years[2].explanation).toBe('実績値が空欄のため判定しません');
  });

  it('a year without a fiscal year (row layout 実績) is the current one', () => {
    const row = rowKpiOf({ name: 'x', baseline: '1', target: '2', actual: null });
    expect(isJudgedYear(row.years[0], 2023)).toBe(true);
    expect(isJudgedYear(row.years[0], null)).toBe(false);
  });

  it('the trend uses only judged actuals plus a single-year baseline', () => {
    const r = evaluateKpi(kpi, saku, { asOf: 2022 });
    // (2019, 10), (2020, 12): slope 2
    expect(r.trend).toMatchObject({ points: 2, slope: 2 });
  });

  it('an aggregate baseline is not a trend point', () => {
    const k = kpiOf({ name: 'x', baseline: ['H27〜H30', null, '10'], aggregateBaseline: true, target: ['R6', 2024, '20'], years: [['R2', 2020, { b: '12', a: '12' }]] });
    expect(evaluateKpi(k, saku, { asOf: 2020 }).trend).toBeNull();
  });
});

describe('evaluateKpis and counts', () => {
  it('counts each KPI once, at its latest judged year, with every category present', () => {
    const other = kpiOf({ name: 'y', years: [['R2', 2020, { b: '10', a: '5' }], ['R3', 2021, { b: '10', a: '9' }]] });
    const { kpis, counts } = evaluateKpis([kpi, other], saku, { asOf: 2021 });
    expect(counts).toEqual({ 順調: 0, 概ね順調: 1, 努力を要する: 0, 未公表: 0, 実績値なし: 1 });
    expect(latestJudgedYear(kpis[1])?.label).toBe('R3');
    const report = { version: 1, input: 'in.xlsx', scheme: saku.id, asOf: 2021, kpis, counts, problems: [] };
    expect(() => reportSchema.parse(report)).not.toThrow();
  });

  it('a KPI with no judged year is not counted', () => {
    const empty = kpiOf({ name: 'z', years: [['R2', 2020, {}]] });
    const { counts } = evaluateKpis([empty], saku, { asOf: null });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
    expect(latestJudgedYear(evaluateKpi(empty, saku, { asOf: null }))).toBeNull();
  });

  it('every report parses', () => {
    for (const id of ['saku', 'iwamizawa', 'abcd', 'nagayo', 'marks']) {
      for (const asOf of [null, 2019, 2022, 2030]) {
        expect(() => kpiReportSchema.parse(evaluateKpi(kpi, presetScheme(id) as Scheme, { asOf }))).not.toThrow();
      }
    }
  });
});

describe('defaultAsOf', () => {
  it('is the latest year with a value or a worded reason; a lone dash does not count', () => {
    expect(defaultAsOf([kpi])).toBe(2023);
  });

  it('is null when no actual cell says anything', () => {
    expect(defaultAsOf([kpiOf({ name: 'x', years: [['R2', 2020, { a: '−' }]] })])).toBeNull();
    expect(defaultAsOf([])).toBeNull();
  });
});
