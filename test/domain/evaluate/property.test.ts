import fc from 'fast-check';
import { evaluateKpis, presetScheme } from '../../../src/domain/evaluate';
import type { Scheme } from '../../../src/domain/evaluate';
import type { Comparator, MissingCause, TargetBasis } from '../../../src/domain/cells/types';
import type { Direction, Kpi, KpiValue, KpiYear } from '../../../src/domain/kpi';
import { kpiReportSchema } from '../../../src/domain/report';
import { reading } from '../../helpers/kpiBuilder';

/** Any number a buggy upstream could hand over: 0, −0, negatives, huge, tiny, NaN, ±Infinity. */
const anyNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.8, 1e308, -1e308, 5e-324, Number.NaN, Infinity, -Infinity),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double(),
);
const comparator = fc.option(fc.constantFrom<Comparator>('ge', 'gt', 'le', 'lt'), { nil: null });

const kpiValue: fc.Arbitrary<KpiValue | null> = fc.oneof(
  fc.constant(null),
  fc.record({ n: anyNumber, cmp: comparator, prov: fc.boolean(), dec: fc.integer({ min: -2, max: 12 }), scale: fc.constantFrom(1, 1000, 0, Number.NaN) }).map(
    ({ n, cmp, prov, dec, scale }) => ({ cell: 'B2', reading: reading({ value: n, comparator: cmp, provisional: prov, decimals: dec, scale }), value: n }),
  ),
  fc.constantFrom<MissingCause>('empty', 'dash', 'unpublished', 'no-data', 'ended', 'excel-error', 'unreadable').map((missing) => ({
    cell: 'B3',
    reading: reading({
      kind: 'missing',
      missing,
      text: missing === 'empty' ? '' : missing,
      missingReason: missing === 'unpublished' || missing === 'no-data' || missing === 'ended' ? missing : null,
    }),
    value: null,
  })),
  anyNumber.map((n) => ({ cell: 'B4', reading: reading({ value: n, reference: true }), value: null })),
  anyNumber.map((n) => ({ cell: 'B5', reading: reading({ value: null, kind: 'value', text: '小1 中2', parts: [{ label: '小', value: n, decimals: 0, comparator: null }] }), value: null })),
);

const fiscalYear = fc.oneof(fc.constant(null), fc.integer({ min: 1990, max: 2040 }), fc.constantFrom(Number.NaN, 2020.5, 1e12));

const year: fc.Arbitrary<KpiYear> = fc
  .record({
    fy: fiscalYear,
    b: kpiValue,
    a: kpiValue,
    s: fc.option(fc.constantFrom('順調', '概ね順調', '努力を要する', '未公表', '実績値なし', '低調', '-', '－', 'A', 'S', '◎', '', ' ', '※メモ'), { nil: null }),
    hasStatus: fc.boolean(),
  })
  .map(({ fy, b, a, s, hasStatus }) => ({
    label: fy === null || !Number.isFinite(fy) ? '年度不明' : `FY${fy}`,
    fiscalYear: fy,
    benchmark: b,
    actual: a,
    status: hasStatus ? { cell: 'C6', existing: s, formula: false, mergedInside: false } : null,
  }));

const kpi: fc.Arbitrary<Kpi> = fc
  .record({
    name: fc.constantFrom('相談件数', '転出超過数', '健康寿命', '', '満足度'),
    unit: fc.option(fc.constantFrom('%', '人', '歳', '種'), { nil: null }),
    scale: fc.constantFrom(1, 1000, 0, Number.NaN),
    baseline: fc.option(fc.record({ fy: fiscalYear, v: kpiValue, aggregate: fc.boolean() }), { nil: null }),
    target: fc.option(fc.record({ fy: fiscalYear, v: kpiValue, basis: fc.option(fc.constantFrom<TargetBasis>('total', 'average', 'annual', 'final'), { nil: null }) }), { nil: null }),
    years: fc.array(year, { maxLength: 7 }),
    cumulative: fc.boolean(),
  })
  .map((d) => ({
    id: `S!${d.name}`,
    sheet: 'S',
    range: 'A1:H6',
    layout: 'year-columns' as const,
    group: null,
    category: null,
    name: d.name,
    nameCell: 'A2',
    order: null,
    sources: [],
    unit: d.unit,
    scale: d.scale,
    baseline: d.baseline ? { label: 'base', fiscalYear: d.baseline.fy, aggregate: d.baseline.aggregate, value: d.baseline.v } : null,
    target: d.target ? { label: 'target', fiscalYear: d.target.fy, aggregate: false, value: d.target.v, basis: d.target.basis } : null,
    years: d.years,
    cumulative: d.cumulative,
    problems: [],
  }));

const schemes = ['saku', 'iwamizawa', 'abcd', 'nagayo', 'marks'].map((id) => presetScheme(id) as Scheme);

describe('evaluateKpi on random KPIs', () => {
  it('never throws, and every report parses (no NaN / Infinity anywhere)', () => {
    fc.assert(
      fc.property(
        fc.array(kpi, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: schemes.length - 1 }),
        fc.option(fc.integer({ min: 1990, max: 2040 }), { nil: null }),
        fc.option(fc.constantFrom<Direction>('up', 'down', 'maintain'), { nil: undefined }),
        (kpis, s, asOf, override) => {
          const overrides = override ? { [kpis[0].id]: override } : undefined;
          const { kpis: reports, counts } = evaluateKpis(kpis, schemes[s], { asOf, directionOverrides: overrides });
          for (const r of reports) {
            kpiReportSchema.parse(r);
            expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity|undefined/);
          }
          for (const n of Object.values(counts)) expect(Number.isInteger(n)).toBe(true);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
    );
  });
});
