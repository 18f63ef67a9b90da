import { changeVsBaseline } from '../../../src/domain/evaluate/judge/bands';
import { evaluateKpi, presetScheme, resolveScheme } from '../../../src/domain/evaluate';
import type { Scheme } from '../../../src/domain/evaluate';
import { kpiReportSchema } from '../../../src/domain/report';
import type { YearResult } from '../../../src/domain/report';
import type { Cellish, KpiData } from '../../helpers/kpiBuilder';
import { kpiOf } from '../../helpers/kpiBuilder';

function judge(schemeId: string, data: Partial<KpiData>, year: { b?: Cellish; a?: Cellish }): YearResult {
  const scheme = presetScheme(schemeId) as Scheme;
  const report = evaluateKpi(kpiOf({ name: '指標', years: [['R2', 2020, year]], ...data }), scheme, { asOf: 2020 });
  expect(() => kpiReportSchema.parse(report)).not.toThrow();
  return report.years[0];
}

describe('abcd: ratio to the benchmark, A ≥ 100%, B ≥ 80%, C ≥ 60%, D below', () => {
  it.each([
    ['100.1', 'A'],
    ['100', 'A'],
    ['99.9', 'B'],
    ['80', 'B'],
    ['79.9', 'C'],
    ['60', 'C'],
    ['59.9', 'D'],
    ['0', 'D'],
  ])('actual %s / benchmark 100 → %s', (a, label) => {
    expect(judge('abcd', {}, { b: '100', a }).category).toBe(label);
  });

  it('explains with the band bound', () => {
    expect(judge('abcd', {}, { b: '100', a: '59.9' }).explanation).toBe('実績 59.9 / 目安 100 = 59.9% < 60% → D');
    expect(judge('abcd', {}, { b: '100', a: '80' }).explanation).toBe('実績 80 / 目安 100 = 80.0% ≥ 80% → B');
  });

  it('no actual → −; both 0 → −', () => {
    expect(judge('abcd', {}, { b: '100', a: '調査なし' }).category).toBe('−');
    expect(judge('abcd', {}, { b: '0', a: '0' }).category).toBe('−');
  });

  it('float noise at 80% (0.16 / 0.2) stays in B', () => {
    expect(judge('abcd', {}, { b: '0.2', a: '0.16' }).category).toBe('B');
  });
});

describe('nagayo (長与町): S target reached, else change vs baseline with ±10% as unchanged', () => {
  const up = { baseline: ['R1', 2019, '100'], target: ['R6', 2024, '150'] } as Partial<KpiData>;
  const down = { baseline: ['R1', 2019, '100'], target: ['R6', 2024, '50'] } as Partial<KpiData>;
  it.each([
    ['150.1', 'S'],
    ['150', 'S'],
    ['149.9', 'A'],
    ['110.1', 'A'],
    ['110', 'B'],
    ['109.9', 'B'],
    ['100', 'B'],
    ['90.1', 'B'],
    ['90', 'B'],
    ['89.9', 'C'],
  ])('up 100 → 150, actual %s → %s', (a, label) => {
    expect(judge('nagayo', up, { a }).category).toBe(label);
  });

  it.each([
    ['50', 'S'],
    ['89.9', 'A'],
    ['90', 'B'],
    ['110', 'B'],
    ['110.1', 'C'],
  ])('down 100 → 50, actual %s → %s', (a, label) => {
    expect(judge('nagayo', down, { a }).category).toBe(label);
  });

  it('reports the raw change and says when it counts as unchanged', () => {
    const y = judge('nagayo', up, { a: '95' });
    expect(y.basis).toBe('change');
    expect(y.basisValue).toBeCloseTo(-0.05, 12);
    expect(y.explanation).toContain('±10%以内のため変化なしとみなす');
  });

  it('float noise at exactly +10% (0.12 → 0.132) stays B', () => {
    expect((0.132 - 0.12) / 0.12).toBeGreaterThan(0.1); // the noise
    expect(judge('nagayo', { baseline: ['R1', 2019, '0.12'], target: ['R6', 2024, '0.2'] }, { a: '0.132' }).category).toBe('B');
  });

  it('a zero baseline counts any change as ±100%', () => {
    expect(changeVsBaseline(3, 0, 'up', 0.1)).toEqual({ raw: 1, value: 1 });
    expect(changeVsBaseline(3, 0, 'down', 0.1)).toEqual({ raw: -1, value: -1 });
    expect(changeVsBaseline(0, 0, 'up', 0.1)).toEqual({ raw: 0, value: 0 });
  });

  it('no baseline → no category; no actual → −', () => {
    expect(judge('nagayo', { target: ['R6', 2024, '150'] }, { a: '120' }).category).toBeNull();
    expect(judge('nagayo', up, { a: '未公表' }).category).toBe('−');
  });
});

describe('marks ◎○△×: ratio to the final target, ◎ ≥ 100%, ○ ≥ 80%, △ ≥ 50%', () => {
  const t = { baseline: ['R1', 2019, '100'], target: ['R6', 2024, '200'] } as Partial<KpiData>;
  it.each([
    ['200.1', '◎'],
    ['200', '◎'],
    ['199.9', '○'],
    ['160', '○'],
    ['159.9', '△'],
    ['100', '△'],
    ['99.9', '×'],
  ])('actual %s / target 200 → %s', (a, label) => {
    expect(judge('marks', t, { a }).category).toBe(label);
  });

  it('no target → no category', () => {
    expect(judge('marks', {}, { a: '5' }).category).toBeNull();
  });
});

describe('a user-defined band scheme: progress from baseline', () => {
  const resolved = resolveScheme({
    kind: 'bands',
    id: 'progress3',
    name: { ja: '進捗3段階', en: 'Progress 3' },
    basis: 'progress-from-baseline',
    bands: [
      { label: '高', min: 0.5, fill: '#009E73', font: '#000000', meaning: { ja: '半分以上', en: 'half or more' } },
      { label: '中', min: 0, fill: '#56B4E9', font: '#000000', meaning: { ja: '前進', en: 'forward' } },
      { label: '低', min: null, fill: '#D55E00', font: '#000000', meaning: { ja: '後退', en: 'backward' } },
    ],
    missingLabel: 'なし',
  });
  it.each([
    ['60', '高'],
    ['55', '高'],
    ['54.9', '中'],
    ['50', '中'],
    ['49.9', '低'],
  ])('50 → 60, actual %s → %s', (a, label) => {
    if (!('scheme' in resolved)) throw new Error(JSON.stringify(resolved.problems));
    const kpi = kpiOf({ name: 'x', baseline: ['R1', 2019, '50'], target: ['R6', 2024, '60'], years: [['R2', 2020, { a }]] });
    const y = evaluateKpi(kpi, resolved.scheme, { asOf: 2020 }).years[0];
    expect(y.category).toBe(label);
    expect(y.basis).toBe('progress');
  });

  it('a value below the lowest bound gives no category', () => {
    const r = resolveScheme({
      kind: 'bands',
      id: 'floor',
      name: { ja: '下限つき', en: 'Floored' },
      basis: 'ratio-to-benchmark',
      bands: [{ label: '可', min: 0.5, fill: '#009E73', font: '#000000', meaning: { ja: '可', en: 'ok' } }],
      missingLabel: 'なし',
    });
    if (!('scheme' in r)) throw new Error('expected a scheme');
    const y = evaluateKpi(kpiOf({ name: 'x', years: [['R2', 2020, { b: '100', a: '10' }]] }), r.scheme, { asOf: 2020 }).years[0];
    expect(y.category).toBeNull();
    expect(y.explanation).toContain('どの区分の下限にも届きません');
  });
});
