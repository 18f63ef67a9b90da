import { evaluateKpi, evaluateKpis, presetScheme } from '../../../src/domain/evaluate';
import type { Scheme } from '../../../src/domain/evaluate';
import { kpiReportSchema } from '../../../src/domain/report';
import { kpiOf } from '../../helpers/kpiBuilder';

/** 佐久市 (000 seed): the published 進捗区分 reproduced with the default scheme. */
const saku = presetScheme('saku') as Scheme;
const asOf2023 = { asOf: 2023 };

// 000 seed lines 319–339.
const sumiyasui = kpiOf({
  name: '「佐久市は住みやすい」と回答する人の割合',
  group: '基本目標１',
  unit: '％',
  baseline: ['R1', 2019, '78.0'],
  target: ['R6', 2024, '80.0'],
  years: [
    ['R2', 2020, { b: '78.4', a: '81.4', s: '順調' }],
    ['R3', 2021, { b: '78.8', a: '77.3', s: '概ね順調' }],
    ['R4', 2022, { b: '79.2', a: '78.5', s: '概ね順調' }],
    ['R5', 2023, { b: '79.6', a: '77.4', s: '概ね順調' }],
    ['R6', 2024, { b: '80.0', a: null, s: null }],
  ],
});

// 000 seed lines 382–399.
const jinkouMitsudo = kpiOf({
  name: '居住誘導区域内の人口密度（国勢調査ベース）',
  unit: '人/ha',
  baseline: ['H27', 2015, '26.2'],
  target: ['R6', 2024, '26.2'],
  years: [
    ['R2', 2020, { b: '26.2', a: '30.1', s: '順調' }],
    ['R3', 2021, { b: '−', a: '−', s: '実績値なし' }],
    ['R4', 2022, { b: '−', a: '−', s: '実績値なし' }],
    ['R5', 2023, { b: '−', a: '−', s: '実績値なし' }],
    ['R6', 2024, { b: '26.2', a: null, s: null }],
  ],
});

describe('000 seed 住みやすい (lines 319–339)', () => {
  const report = evaluateKpi(sumiyasui, saku, asOf2023);

  it('parses with kpiReportSchema', () => {
    expect(() => kpiReportSchema.parse(report)).not.toThrow();
  });

  it.each([
    ['R2', '順調', '実績 81.4 / 目安 78.4 = 103.8% ≥ 100% → 順調'],
    ['R3', '概ね順調', '実績 77.3 / 目安 78.8 = 98.1% ≥ 80% → 概ね順調'],
    ['R4', '概ね順調', '実績 78.5 / 目安 79.2 = 99.1% ≥ 80% → 概ね順調'],
    ['R5', '概ね順調', '実績 77.4 / 目安 79.6 = 97.2% ≥ 80% → 概ね順調'],
  ])('%s → %s with its arithmetic', (label, category, explanation) => {
    const y = report.years.find((x) => x.label === label);
    expect(y?.category).toBe(category);
    expect(y?.explanation).toBe(explanation);
    expect(y?.basis).toBe('ratio');
    expect(y?.benchmarkSource).toBe('sheet');
  });

  it('gives the ratio of R2 as a number', () => {
    expect(report.years[0].ratio).toBeCloseTo(81.4 / 78.4, 12);
    expect(report.years[0].basisValue).toBeCloseTo(81.4 / 78.4, 12);
  });

  it('does not judge R6, after the as-of year', () => {
    const r6 = report.years[4];
    expect(r6.category).toBeNull();
    expect(r6.basis).toBe('none');
    expect(r6.explanation).toContain('2023');
  });

  it('says the KPI aims up because the target is above the baseline', () => {
    expect(report.direction).toBe('up');
    expect(report.directionReason).toBe('目標値 80.0 が基準値 78.0 より大きいため上昇を目指す指標');
  });

  it('finds no disagreement with the published statuses', () => {
    expect(report.disagreements).toEqual([]);
  });

  it('computes the trend from the baseline and R2–R5 (worked example in trend.test.ts)', () => {
    expect(report.trend?.points).toBe(5);
    expect(report.trend?.slope).toBeCloseTo(-0.41, 9);
    expect(report.trend?.outlook).toBe('未達見込み');
  });
});

describe('000 seed 人口密度 (lines 382–399)', () => {
  const report = evaluateKpi(jinkouMitsudo, saku, asOf2023);

  it('parses with kpiReportSchema', () => {
    expect(() => kpiReportSchema.parse(report)).not.toThrow();
  });

  it('aims to maintain (target = baseline) and judges R2 30.1 vs 26.2 as 順調, as published', () => {
    expect(report.direction).toBe('maintain');
    expect(report.years[0].category).toBe('順調');
    expect(report.years[0].explanation).toContain('実績 30.1 / 目安 26.2 = 114.9% ≥ 100% → 順調');
  });

  it('R3–R5 `−` → 実績値なし; their `−` benchmarks stay empty, as the sheet says', () => {
    for (const y of report.years.slice(1, 4)) {
      expect(y.category).toBe('実績値なし');
      expect(y.benchmark).toBeNull();
      expect(y.benchmarkSource).toBeNull();
    }
  });

  it('R6 is not judged with as-of 2023', () => {
    expect(report.years[4].category).toBeNull();
  });

  it('agrees with every published status', () => {
    expect(report.disagreements).toEqual([]);
  });
});

describe('000 seed R5 summary (lines 291–315)', () => {
  // 人口の社会動態の増加数（計画期間の累計）: target 1,500 (R6), cumulative from 0 at R1; R5 目安 1,200, 実績 1,253.
  const shakaiDoutai = kpiOf({
    name: '人口の社会動態の増加数（計画期間の累計）',
    unit: '人',
    cumulative: true,
    baseline: null,
    target: ['R6', 2024, '1,500'],
    years: [
      ['R2', 2020, { a: null }],
      ['R3', 2021, { a: null }],
      ['R4', 2022, { a: null }],
      ['R5', 2023, { a: '1,253', s: '順調' }],
      ['R6', 2024, {}],
    ],
  });
  // 合計特殊出生率: R5 目安 1.72, 実績 −, published 未公表.
  const tfr = kpiOf({
    name: '合計特殊出生率',
    baseline: ['H30', 2018, '1.59'],
    target: ['R6', 2024, '1.77'],
    years: [['R5', 2023, { b: '1.72', a: '−', s: '未公表' }]],
  });
  // 市内事業所の従業員数: R5 目安 −, 実績 −, published 実績値なし.
  const employees = kpiOf({
    name: '市内事業所の従業員数',
    unit: '人',
    baseline: ['H28', 2016, '40,327'],
    target: ['R6', 2024, '41,800'],
    years: [['R5', 2023, { b: '−', a: '−', s: '実績値なし' }]],
  });

  it('benchmarks a cumulative KPI from 0 at the plan start: 300, 600, 900, 1,200', () => {
    const r = evaluateKpi(shakaiDoutai, saku, asOf2023);
    expect(r.years.map((y) => y.benchmark)).toEqual([300, 600, 900, 1200, 1500]);
    expect(r.years[3].category).toBe('順調');
    expect(r.years[3].explanation).toBe('実績 1,253 / 目安 1,200 = 104.4% ≥ 100% → 順調');
  });

  it('keeps 未公表 already written for a missing actual (1.72 / −)', () => {
    const r = evaluateKpi(tfr, saku, asOf2023);
    expect(r.years[0].category).toBe('未公表');
    expect(r.years[0].benchmarkSource).toBe('sheet');
    expect(r.disagreements).toEqual([]);
  });

  it('− / − → 実績値なし', () => {
    const r = evaluateKpi(employees, saku, asOf2023);
    expect(r.years[0].category).toBe('実績値なし');
    expect(r.disagreements).toEqual([]);
  });

  it('counts each KPI once, for its latest judged year, as the overview does', () => {
    const { kpis, counts } = evaluateKpis([sumiyasui, shakaiDoutai, tfr, employees], saku, asOf2023);
    expect(counts).toEqual({ 順調: 1, 概ね順調: 1, 努力を要する: 0, 未公表: 1, 実績値なし: 1 });
    for (const k of kpis) expect(() => kpiReportSchema.parse(k)).not.toThrow();
  });
});
