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
  const rows: SummaryCell[][] = input.results.map((r, i) => {
    const kpi = input.kpis[i];
    const latest = latestJudgedYear(r);
    const style = latest?.category ? styleOf.get(latest.category) : undefined;
    const trend = r.trend;
    // Numbers shown with the precision the sheet uses (an interpolated 目安値 41,615.875 shows as 41,616).
    const decimals = kpi ? kpiDecimals(kpi) : 2;
    const fmt = numberFormatFor(decimals);
    const trendFmt = numberFormatFor(Math.min(decimals + 2, 4));
    return [
      { value: r.group ?? r.sheet },
      { value: r.name },
      { value: r.unit },
      { value: r.baseline?.value ?? null, numberFormat: fmt },
      { value: r.baseline ? r.baseline.label : null },
      { value: r.target?.value ?? null, numberFormat: fmt },
      { value: r.target ? r.target.label : null },
      { value: latest?.actual ?? null, numberFormat: fmt },
      { value: latest ? latest.label : null },
      { value: latest?.benchmark ?? null, numberFormat: fmt },
      { value: latest?.ratio ?? null, numberFormat: '0.0%' },
      { value: latest?.category ?? null, fill: style?.fill, font: style?.font },
      { value: L.directions[r.direction] },
      { value: trend ? round(trend.slope, 6) : null, numberFormat: trendFmt },
      { value: trend?.projectedAtTarget != null ? round(trend.projectedAtTarget, 6) : null, numberFormat: fmt },
      { value: trend?.outlook ?? null },
      { value: trend ? (trend.tentative ? L.tentativeMark : '') : null },
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

function numberFormatFor(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

function firstCell(range: string): string {
  return range.split(':')[0];
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
