import type { CategoryStyle } from '../evaluate/types';
import type { Kpi } from '../kpi';
import type { KpiReport, YearResult } from '../report';
import type { Lang } from './labels';
import { summaryLabels } from './labels';
import type { SummaryCell, SummaryPlan } from './types';

export interface SummaryInput {
  name: string;
  kpis: readonly Kpi[];
  results: readonly KpiReport[];
  categories: readonly CategoryStyle[];
  schemeName: string;
  asOf: number | null;
  lang: Lang;
}

/** The year a KPI is summarised by: the latest judged one (category set). */
export function latestJudgedYear(result: KpiReport): YearResult | null {
  for (let i = result.years.length - 1; i >= 0; i--) {
    if (result.years[i].category !== null) return result.years[i];
  }
  return null;
}

/**
 * The summary sheet (SPEC §5): as-of year and scheme legend, counts by category per group and in total,
 * then one row per KPI as an Excel table with a link to the KPI's cells.
 */
export function planSummary(input: SummaryInput): SummaryPlan {
  const L = summaryLabels(input.lang);
  const labels = input.categories.map((c) => c.label);
  const styleOf = new Map(input.categories.map((c) => [c.label, c]));

  const groupOrder: string[] = [];
  const perGroup = new Map<string, Record<string, number>>();
  input.results.forEach((r) => {
    const group = r.group ?? r.sheet;
    if (!perGroup.has(group)) {
      groupOrder.push(group);
      perGroup.set(group, Object.fromEntries(labels.map((l) => [l, 0])));
    }
    const latest = latestJudgedYear(r);
    if (latest?.category != null) {
      const counts = perGroup.get(group) as Record<string, number>;
      counts[latest.category] = (counts[latest.category] ?? 0) + 1;
    }
  });
  const counts = groupOrder.map((group) => {
    const c = perGroup.get(group) as Record<string, number>;
    return { group, counts: c, total: Object.values(c).reduce((a, b) => a + b, 0) };
  });

  const head: SummaryCell[][] = [];
  head.push([{ value: L.title, bold: true }]);
  head.push([{ value: L.generatedBy }]);
  head.push([{ value: L.asOf, bold: true }, { value: input.asOf ?? L.asOfLatest }]);
  head.push([{ value: L.scheme, bold: true }, { value: input.schemeName }]);
  head.push([{ value: L.legend, bold: true }]);
  for (const c of input.categories) {
    head.push([{ value: c.label, fill: c.fill, font: c.font, bold: true }, { value: c.meaning[input.lang] }]);
  }
  head.push([]);
  head.push([{ value: L.countsTitle, bold: true }]);
  head.push([
    { value: L.group, bold: true },
    ...input.categories.map((c) => ({ value: c.label, bold: true, fill: c.fill, font: c.font })),
    { value: L.total, bold: true },
  ]);
  const totals: Record<string, number> = Object.fromEntries(labels.map((l) => [l, 0]));
  for (const g of counts) {
    head.push([{ value: g.group }, ...labels.map((l) => ({ value: g.counts[l] ?? 0 })), { value: g.total }]);
    for (const l of labels) totals[l] += g.counts[l] ?? 0;
  }
  head.push([
    { value: L.total, bold: true },
    ...labels.map((l) => ({ value: totals[l], bold: true })),
    { value: Object.values(totals).reduce((a, b) => a + b, 0), bold: true },
  ]);
  head.push([]);
  head.push([{ value: L.kpiTitle, bold: true }]);

  const C = L.columns;
  const columns = [
    { header: C.group, width: 18 },
    { header: C.name, width: 40 },
    { header: C.unit, width: 8 },
    { header: C.baseline, width: 11 },
    { header: C.baselineYear, width: 9 },
    { header: C.target, width: 11 },
    { header: C.targetYear, width: 9 },
    { header: C.actual, width: 11 },
    { header: C.actualYear, width: 9 },
    { header: C.benchmark, width: 11 },
    { header: C.ratio, width: 9, numberFormat: '0.0%' },
    { header: C.category, width: 13 },
    { header: C.direction, width: 10 },
    { header: C.slope, width: 12 },
    { header: C.projection, width: 13 },
    { header: C.outlook, width: 11 },
    { header: C.tentative, width: 10 },
    { header: C.source, width: 22 },
  ];
  const categoryColumn = 11;
  const cell = cellPool();
  const categoryCells = new Map<string | null, SummaryCell>();
  const categoryCell = (category: string | null): SummaryCell => {
    let c = categoryCells.get(category);
    if (!c) {
      const style = category ? styleOf.get(category) : undefined;
      categoryCells.set(category, (c = Object.freeze({ value: category, fill: style?.fill, font: style?.font })));
    }
    return c;
  };
  const rows: SummaryCell[][] = input.results.map((r, i) => {
    const kpi = input.kpis[i];
    const latest = latestJudgedYear(r);
    const trend = r.trend;
    // Numbers shown with the precision the sheet uses (an interpolated 目安値 41,615.875 shows as 41,616).
    const decimals = kpi ? kpiDecimals(kpi) : 2;
    const fmt = numberFormatFor(decimals);
    const trendFmt = numberFormatFor(Math.min(decimals + 2, 4));
    return [
      cell(r.group ?? r.sheet),
      cell(r.name),
      cell(r.unit),
      cell(r.baseline?.value ?? null, fmt),
      cell(r.baseline ? r.baseline.label : null),
      cell(r.target?.value ?? null, fmt),
      cell(r.target ? r.target.label : null),
      cell(latest?.actual ?? null, fmt),
      cell(latest ? latest.label : null),
      cell(latest?.benchmark ?? null, fmt),
      cell(latest?.ratio ?? null, '0.0%'),
      categoryCell(latest?.category ?? null),
      cell(L.directions[r.direction]),
      cell(trend ? round(trend.slope, 6) : null, trendFmt),
      cell(trend?.projectedAtTarget != null ? round(trend.projectedAtTarget, 6) : null, fmt),
      cell(trend?.outlook ?? null),
      cell(trend ? (trend.tentative ? L.tentativeMark : '') : null),
      { value: null, link: { sheet: r.sheet, cell: firstCell(kpi?.range ?? r.range), text: `${r.sheet}!${r.range}` } },
    ];
  });
  return {
    name: input.name,
    head,
    table: { name: 'Shinchoku_KPI', top: head.length, columns, rows },
    counts,
    categoryColumn,
    rules: input.categories.map((c) => ({ text: c.label, fill: c.fill, font: c.font })),
  };
}

/**
 * Table cells other than links are plain values, and most repeat (a group, a year label, an empty number): one
 * frozen object per distinct cell (10,000 KPIs: 180,000 cells, ~30,000 distinct), so fewer objects are kept.
 */
function cellPool(): (value: string | number | null, numberFormat?: string) => SummaryCell {
  const pools = new Map<string | undefined, Map<string | number | null, SummaryCell>>();
  return (value, numberFormat) => {
    if (Object.is(value, -0)) return numberFormat === undefined ? { value } : { value, numberFormat }; // a Map key would be 0
    let pool = pools.get(numberFormat);
    if (!pool) pools.set(numberFormat, (pool = new Map()));
    let c = pool.get(value);
    if (!c) pool.set(value, (c = Object.freeze(numberFormat === undefined ? { value } : { value, numberFormat })));
    return c;
  };
}

/** The most decimals any value of the KPI is written with (capped at 3). */
function kpiDecimals(kpi: Kpi): number {
  let d = 0;
  const take = (v: { reading: { decimals: number } } | null | undefined): void => {
    if (v) d = Math.max(d, v.reading.decimals);
  };
  take(kpi.baseline?.value);
  take(kpi.target?.value);
  for (const y of kpi.years) {
    take(y.benchmark);
    take(y.actual);
  }
  return Math.min(d, 3);
}

/** `#,##0`, `#,##0.0` …: one string per number of decimals (two per summary row). */
const numberFormats: string[] = [];

function numberFormatFor(decimals: number): string {
  let format = numberFormats[decimals];
  if (format === undefined) {
    format = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
    if (Number.isInteger(decimals) && decimals >= 0 && decimals <= 20) numberFormats[decimals] = format;
  }
  return format;
}

function firstCell(range: string): string {
  const colon = range.indexOf(':');
  return colon < 0 ? range : range.slice(0, colon);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
