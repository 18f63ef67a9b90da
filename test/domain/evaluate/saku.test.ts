import { evaluateKpi, presetScheme, resolveScheme } from '../../../src/domain/evaluate';
import type { Scheme } from '../../../src/domain/evaluate';
import { kpiReportSchema } from '../../../src/domain/report';
import type { YearResult } from '../../../src/domain/report';
import type { Cellish, KpiData } from '../../helpers/kpiBuilder';
import { kpiOf } from '../../helpers/kpiBuilder';

const saku = presetScheme('saku') as Scheme;

/** One judged year (2020) of a KPI with the given benchmark and actual cells. */
function year2020(b: Cellish, a: Cellish, extra: Partial<KpiData> = {}, status?: string | null): YearResult {
  const kpi = kpiOf({ name: '指標', years: [['R2', 2020, { b, a, s: status }]], ...extra });
  const report = evaluateKpi(kpi, saku, { asOf: 2020 });
  expect(() => kpiReportSchema.parse(report)).not.toThrow();
  return report.years[0];
}

describe('saku thresholds (r ≥ 1 順調, r ≥ 0.8 概ね順調)', () => {
  it.each([
    ['100.1', '100', '順調'],
    ['100', '100', '順調'],
    ['99.9', '100', '概ね順調'],
    ['80.1', '100', '概ね順調'],
    ['80', '100', '概ね順調'],
    ['79.9', '100', '努力を要する'],
  ])('actual %s / benchmark %s → %s', (a, b, category) => {
    expect(year2020(b, a).category).toBe(category);
  });

  it('r exactly 0.8 computed as 0.7999999999999999 (0.16 / 0.2) is still 概ね順調', () => {
    expect(0.16 / 0.2).toBeLessThan(0.8); // the float noise this guards against
    const y = year2020('0.2', '0.16');
    expect(y.category).toBe('概ね順調');
    expect(y.explanation).toBe('実績 0.16 / 目安 0.2 = 80.0% ≥ 80% → 概ね順調');
  });

  it('r exactly 1 against an interpolated benchmark with float noise (1.59 → 1.77, 2021 = 1.68) is 順調', () => {
    const kpi = kpiOf({ name: '合計特殊出生率', baseline: ['H30', 2018, '1.59'], target: ['R6', 2024, '1.77'], years: [['R3', 2021, { a: '1.68' }]] });
    const y = evaluateKpi(kpi, saku, { asOf: 2021 }).years[0];
    expect(1.68 / (y.benchmark as number)).toBeLessThan(1); // float noise
    expect(y.category).toBe('順調');
    expect(y.benchmarkSource).toBe('interpolated');
  });

  it('custom thresholds from a scheme object are used', () => {
    const s = resolveScheme({ ...(presetScheme('saku') as Scheme), thresholds: { good: 1, fair: 0.9 } });
    if (!('scheme' in s)) throw new Error('expected a scheme');
    const kpi = kpiOf({ name: 'x', years: [['R2', 2020, { b: '100', a: '85' }]] });
    expect(evaluateKpi(kpi, s.scheme, { asOf: 2020 }).years[0].category).toBe('努力を要する');
  });
});

describe('saku lower-is-better: r = benchmark / actual', () => {
  // baseline 20 (2019) → target 10 (2024): 2020 benchmark 18.
  const down = { baseline: ['R1', 2019, '20'], target: ['R6', 2024, '10'] } as Partial<KpiData>;
  it.each([
    ['17.9', '順調'],
    ['18', '順調'],
    ['22.5', '概ね順調'], // 18 / 22.5 = 0.8 exactly
    ['22.6', '努力を要する'],
  ])('actual %s vs benchmark 18 → %s', (a, category) => {
    const y = year2020(null, a, down);
    expect(y.benchmark).toBe(18);
    expect(y.category).toBe(category);
    expect(y.basis).toBe('inverse-ratio');
  });

  it('explains the inverse ratio and the direction', () => {
    expect(year2020(null, '22.5', down).explanation).toBe('目安 18 / 実績 22.5 = 80.0% ≥ 80% → 概ね順調（低いほど良い指標）');
  });

  it('a limit benchmark `13.2以内` is met at 13.2; a strict `13.2未満` is not', () => {
    expect(year2020('13.2以内', '13.2').category).toBe('順調');
    const strict = year2020('13.2未満', '13.2');
    expect(strict.category).toBe('概ね順調');
    expect(strict.explanation).toContain('同値は未達');
  });

  it('an actual of 0 beats a positive benchmark of a down KPI', () => {
    const y = year2020(null, '0', down);
    expect(y.category).toBe('順調');
    expect(y.basis).toBe('comparison');
    expect(y.ratio).toBeNull();
  });
});

describe('saku zero benchmarks', () => {
  it('benchmark 0 and actual 0 → 実績値なし (000 seed line 236)', () => {
    const y = year2020('0', '0');
    expect(y.category).toBe('実績値なし');
    expect(y.explanation).toBe('目安値・実績値がともに0 → 実績値なし');
  });

  it('benchmark 0 with a positive actual of an up KPI → 順調, no ratio', () => {
    const y = year2020('0', '5');
    expect(y.category).toBe('順調');
    expect(y.ratio).toBeNull();
    expect(y.explanation).toContain('目安が0のため比率は使えず');
  });

  it('benchmark 0 with a positive actual of a down KPI → progress from the baseline (15 → 0, actual 2: 86.7%)', () => {
    const y = year2020(null, '2', { baseline: ['R1', 2019, '15'], target: ['R2', 2020, '0'] });
    expect(y.benchmark).toBe(0);
    expect(y.basis).toBe('progress');
    expect(y.basisValue).toBeCloseTo(13 / 15, 12);
    expect(y.category).toBe('概ね順調');
  });
});

describe('saku missing actuals', () => {
  it.each([
    ['未公表', '未公表', 'unpublished'],
    ['算定中', '未公表', 'unpublished'],
    ['調査なし', '実績値なし', 'no-data'],
    ['事業終了', '実績値なし', 'ended'],
    ['−', '実績値なし', null],
    [null, '実績値なし', null],
    ['(79.12)', '実績値なし', null],
  ])('actual %p → %s', (a, category, reason) => {
    const y = year2020('80', a);
    expect(y.category).toBe(category);
    expect(y.missingReason).toBe(reason);
    expect(y.actual).toBeNull();
    expect(y.basis).toBe('none');
  });

  it('a status cell already saying 未公表 keeps it for a dash actual', () => {
    const y = year2020('80', '−', {}, '未公表');
    expect(y.category).toBe('未公表');
    expect(y.explanation).toBe('実績値が「−」 → 進捗区分に「未公表」と記入済みのため 未公表');
  });

  it('an existing 未公表 does not override a real actual', () => {
    expect(year2020('80', '81', {}, '未公表').category).toBe('順調');
  });
});

describe('saku negative values: progress instead of a ratio (001 seed line 250)', () => {
  // ▲312 (2018) → ▲275 (2024): 2020 benchmark = −312 + 37 × 2/6 = −299.666…
  const kpi = (a: string) =>
    kpiOf({ name: '転出超過数', unit: '人', baseline: ['H30', 2018, '▲312'], target: ['R6', 2024, '▲275'], years: [['R2', 2020, { a }]] });

  it('▲341: p = (−341 + 312) / (−299.67 + 312) = −2.351 → 努力を要する', () => {
    const y = evaluateKpi(kpi('▲341'), saku, { asOf: 2020 }).years[0];
    expect(y.basis).toBe('progress');
    expect(y.ratio).toBeNull();
    expect(y.basisValue).toBeCloseTo(-29 / (37 / 3), 12);
    expect(y.category).toBe('努力を要する');
    expect(y.explanation).toBe(
      '負の値を含むため比率でなく進捗率で判定: (実績 ▲341 − 基準 ▲312) / (目安 ▲299.7 − 基準 ▲312) = ▲235.1% < 80% → 努力を要する',
    );
  });

  it('▲299: p = 13 / 12.33 = 1.054 → 順調', () => {
    const y = evaluateKpi(kpi('▲299'), saku, { asOf: 2020 }).years[0];
    expect(y.basisValue).toBeCloseTo(13 / (37 / 3), 12);
    expect(y.category).toBe('順調');
  });

  it('negative values without a baseline: reached or not, with a ratio-not-meaningful problem', () => {
    const k = kpiOf({ name: '社会増減', years: [['R2', 2020, { b: '▲100', a: '▲90' }]] });
    const r = evaluateKpi(k, saku, { asOf: 2020 });
    expect(r.years[0].category).toBe('順調');
    expect(r.years[0].basis).toBe('comparison');
    expect(r.problems.map((p) => p.code)).toContain('ratio-not-meaningful');
  });
});

describe('saku other cases', () => {
  it('a provisional (速報値) actual is judged and flagged', () => {
    const y = year2020('80', '81.0速報値');
    expect(y.category).toBe('順調');
    expect(y.provisional).toBe(true);
    expect(y.explanation.endsWith('（速報値）')).toBe(true);
  });

  it('no benchmark and none to interpolate → no category and a no-benchmark problem', () => {
    const kpi = kpiOf({ name: 'x', years: [['R2', 2020, { a: '5' }]] });
    const r = evaluateKpi(kpi, saku, { asOf: 2020 });
    expect(r.years[0].category).toBeNull();
    expect(r.problems.map((p) => p.code)).toEqual(['no-benchmark']);
  });

  it('a maintain KPI is judged as "at least the benchmark" and says so', () => {
    const y = year2020(null, '25.0', { baseline: ['R1', 2019, '26.2'], target: ['R6', 2024, '26.2'] });
    expect(y.category).toBe('概ね順調');
    expect(y.explanation).toContain('維持を目指す指標');
  });
});
