import { auditKpi, evaluateKpi, normaliseStatus, presetScheme } from '../../../src/domain/evaluate';
import type { Scheme } from '../../../src/domain/evaluate';
import { disagreementSchema } from '../../../src/domain/report';
import { kpiOf, rowKpiOf } from '../../helpers/kpiBuilder';

const saku = presetScheme('saku') as Scheme;

const withStatuses = (r2: string | null, r3: string | null) =>
  kpiOf({
    name: '「佐久市は住みやすい」と回答する人の割合',
    baseline: ['R1', 2019, '78.0'],
    target: ['R6', 2024, '80.0'],
    years: [
      ['R2', 2020, { b: '78.4', a: '81.4', s: r2 }],
      ['R3', 2021, { b: '78.8', a: '77.3', s: r3 }],
    ],
  });

describe('audit', () => {
  it('lists a disagreement with the numbers behind the computed category', () => {
    const r = evaluateKpi(withStatuses('順調', '努力を要する'), saku, { asOf: 2021 });
    expect(r.disagreements).toEqual([
      { fiscalYear: 2021, cell: 'E6', existing: '努力を要する', computed: '概ね順調', detail: '実績 77.3 / 目安 78.8 = 98.1% ≥ 80% → 概ね順調' },
    ]);
    expect(() => disagreementSchema.parse(r.disagreements[0])).not.toThrow();
  });

  it('normalises the existing text (NFKC, spaces) before comparing', () => {
    expect(evaluateKpi(withStatuses(' 順調 ', '概ね 順調'), saku, { asOf: 2021 }).disagreements).toEqual([]);
    expect(normaliseStatus('　－　')).toBe('-');
    expect(normaliseStatus('')).toBeNull();
    expect(normaliseStatus(null)).toBeNull();
  });

  it('text that is no category of the scheme, or an empty cell, is not a disagreement', () => {
    expect(evaluateKpi(withStatuses('低調', '※要確認'), saku, { asOf: 2021 }).disagreements).toEqual([]);
    expect(evaluateKpi(withStatuses(null, ''), saku, { asOf: 2021 }).disagreements).toEqual([]);
  });

  it('a year not judged is not audited', () => {
    const r = evaluateKpi(withStatuses('順調', '努力を要する'), saku, { asOf: 2020 });
    expect(r.years[1].category).toBeNull();
    expect(r.disagreements).toEqual([]);
  });

  it('a dash variant in the status cell matches the iwamizawa `-`', () => {
    const iw = presetScheme('iwamizawa') as Scheme;
    const k = rowKpiOf({ name: '健康寿命', baseline: '79.56歳', target: '80.65歳', actual: '(79.12歳)', status: '―' });
    expect(evaluateKpi(k, iw, { asOf: null }).disagreements).toEqual([]);
    const wrong = rowKpiOf({ name: '健康寿命', baseline: '79.56歳', target: '80.65歳', actual: '(79.12歳)', status: '順調' });
    expect(evaluateKpi(wrong, iw, { asOf: null }).disagreements.map((d) => [d.existing, d.computed])).toEqual([['順調', '-']]);
  });

  it('auditKpi works on given results directly', () => {
    const k = withStatuses('概ね順調', null);
    const years = evaluateKpi(k, saku, { asOf: 2020 }).years;
    expect(auditKpi(k, years, saku).map((d) => d.cell)).toEqual(['D6']);
  });
});
