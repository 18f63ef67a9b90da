import type { Kpi, KpiAnchor, KpiYear } from '../kpi';
import type { Problem } from '../problems';
import type { KpiReport, YearResult } from '../report';
import { actualCellFilled, readActual } from './actual';
import type { ActualState } from './actual';
import { auditKpi, normaliseStatus } from './audit';
import { benchmarksFor } from './benchmark';
import type { BenchmarkPoint } from './benchmark';
import { inferDirection } from './direction';
import { decimalsOf } from './format';
import type { YearContext, Shown } from './judge/context';
import { judgeYear } from './judge/judgeYear';
import { finiteOrNull } from './numbers';
import type { Scheme } from './scheme';
import { labelOf } from './scheme';
import { computeTrend } from './trend/trend';
import type { Point } from './trend/point';
import type { EvaluateOptions } from './types';
import { flatString } from '../text';

function intOrNull(v: number | null | undefined): number | null {
  return v !== null && v !== undefined && Number.isSafeInteger(v) ? v : null;
}

function shownOf(anchor: KpiAnchor | null, scale: number): Shown | null {
  const v = anchor?.value?.value;
  if (v === null || v === undefined || !Number.isFinite(v) || anchor?.value?.reading.reference) return null;
  return { value: v, decimals: decimalsOf(anchor?.value, scale) };
}

function plainProblem(p: Problem): Problem {
  return { sheet: p.sheet, cell: p.cell, code: p.code, message: p.message };
}

function anchorReport(anchor: KpiAnchor | null): KpiReport['baseline'] {
  if (!anchor) return null;
  return { label: anchor.label, fiscalYear: intOrNull(anchor.fiscalYear), value: finiteOrNull(anchor.value?.value) };
}

/**
 * One year's result as one object literal, same keys in the same order as before. Not `{ ...common, ratio, … }`:
 * in Node 20 (V8 11.3) a property added after a spread takes a slow path, ≈ 10× a literal (1.9 s of 4.6 s at
 * 10,000 KPIs in `npm run bench`).
 */
function yearResult(
  year: KpiYear,
  bench: BenchmarkPoint,
  actual: ActualState,
  existing: string | null,
  ratio: number | null,
  category: string | null,
  basis: YearResult['basis'],
  basisValue: number | null,
  explanation: string,
): YearResult {
  const benchmark = finiteOrNull(bench.value);
  return {
    label: year.label,
    fiscalYear: intOrNull(year.fiscalYear),
    benchmark,
    benchmarkSource: benchmark === null ? null : bench.source,
    actual: actual.kind === 'value' ? finiteOrNull(actual.value) : null,
    missingReason: actual.kind === 'missing' ? actual.reason : null,
    statusCell: year.status?.cell ?? null,
    existing,
    provisional: actual.kind === 'value' && actual.provisional,
    ratio,
    category,
    basis,
    basisValue,
    explanation: flatString(explanation),
  };
}

/**
 * Sorts points by year, stably. The years of a sheet are almost always in order, with the baseline added last:
 * that case is an insertion, and a sort (which copies its array) is left for the rest.
 */
function sortByYear(points: Point[]): void {
  let unsorted = 0;
  for (let i = 1; i < points.length; i++) if (points[i][0] < points[i - 1][0]) unsorted++;
  if (unsorted === 0) return;
  const last = points[points.length - 1];
  if (unsorted === 1 && last[0] < points[points.length - 2][0]) {
    let at = points.length - 1;
    while (at > 0 && points[at - 1][0] > last[0]) {
      points[at] = points[at - 1];
      at--;
    }
    points[at] = last;
    return;
  }
  points.sort((p, q) => p[0] - q[0]);
}

/**
 * Whether a year is judged: with an as-of year, every year up to it (an empty actual cell then counts as
 * missing) and no year after it; a year without a fiscal year (the row layout's 実績 column) is the current
 * one. Without an as-of year, only years whose actual cell holds something (a value, a dash, a worded reason).
 */
export function isJudgedYear(year: KpiYear, asOf: number | null): boolean {
  if (asOf === null) return actualCellFilled(year);
  return year.fiscalYear === null || year.fiscalYear <= asOf;
}

/**
 * Evaluates one KPI under `scheme` (SPEC §4): direction and why, each year's benchmark, category and explanation,
 * the trend of the judged actuals, and every disagreement with status text already in the sheet. A missing
 * actual whose status cell already says the scheme's "unpublished" label (未公表) keeps it. Never throws on data;
 * every number in the result is finite or null, so the result passes `kpiReportSchema`.
 */
export function evaluateKpi(kpi: Kpi, scheme: Scheme, options: EvaluateOptions): KpiReport {
  const inferred = inferDirection(kpi, options.directionOverrides?.[kpi.id] ?? null);
  const direction = inferred.direction;
  const benchmarks = benchmarksFor(kpi, direction);
  const baseline = shownOf(kpi.baseline, kpi.scale);
  const targetShown = shownOf(kpi.target, kpi.scale);
  const target = targetShown
    ? { value: targetShown.value, decimals: targetShown.decimals, comparator: kpi.target?.value?.reading.comparator ?? null }
    : null;
  // The report's own copies (plain `{ sheet, cell, code, message }`); the years' problems are made here.
  const problems: Problem[] = [];
  for (const p of kpi.problems) problems.push(plainProblem(p));
  for (const p of inferred.problems) problems.push(plainProblem(p));
  const unpublishedLabel = scheme.kind === 'saku' ? labelOf(scheme, 'unpublished') : null;
  const notJudged =
    options.asOf !== null ? `評価年度（${options.asOf}年度）より後のため判定しません` : '実績値が空欄のため判定しません';

  const years: YearResult[] = kpi.years.map((year, i) => {
    const bench: BenchmarkPoint = benchmarks[i];
    const actual = readActual(year);
    const existingText = year.status?.existing?.trim() ? year.status.existing.trim() : null;
    if (!isJudgedYear(year, options.asOf)) return yearResult(year, bench, actual, existingText, null, null, 'none', null, notJudged);
    const ctx: YearContext = {
      direction,
      actual,
      actualDecimals: decimalsOf(year.actual, kpi.scale),
      benchmark: bench,
      baseline,
      target,
      unit: kpi.unit,
      name: kpi.name,
    };
    const j = judgeYear(scheme, ctx);
    let { category, explanation } = j;
    if (unpublishedLabel && actual.kind === 'missing' && category !== unpublishedLabel && normaliseStatus(existingText) === normaliseStatus(unpublishedLabel)) {
      category = unpublishedLabel;
      explanation = `${explanation.replace(/ → [^→]*$/, '')} → 進捗区分に「${unpublishedLabel}」と記入済みのため ${unpublishedLabel}`;
    }
    if (actual.kind === 'value' && actual.provisional) explanation += '（速報値）';
    if (j.problems.length > 0) {
      const where = flatString(`${kpi.name} ${year.label}: `); // kept as one piece before the shared message
      for (const p of j.problems) {
        problems.push({ sheet: kpi.sheet, cell: year.benchmark?.cell ?? year.actual?.cell ?? null, code: p.code, message: where + p.message });
      }
    }
    return yearResult(year, bench, actual, existingText, finiteOrNull(j.ratio), category, j.basis, finiteOrNull(j.basisValue), explanation);
  });

  const points: Point[] = [];
  years.forEach((y) => {
    if (y.category !== null && y.actual !== null && y.fiscalYear !== null) points.push([y.fiscalYear, y.actual]);
  });
  const b = kpi.baseline;
  if (b && !b.aggregate && baseline && b.fiscalYear !== null && Number.isFinite(b.fiscalYear) && !points.some((p) => p[0] === b.fiscalYear)) {
    points.push([b.fiscalYear, baseline.value]);
  }
  sortByYear(points);
  const trend = computeTrend(points, { value: target?.value ?? null, fiscalYear: intOrNull(kpi.target?.fiscalYear), direction });

  return {
    id: kpi.id,
    sheet: kpi.sheet,
    range: kpi.range,
    layout: kpi.layout,
    group: kpi.group,
    name: kpi.name,
    unit: kpi.unit,
    direction,
    directionReason: flatString(inferred.reason),
    baseline: anchorReport(kpi.baseline),
    target: anchorReport(kpi.target),
    years,
    trend,
    disagreements: auditKpi(kpi, years, scheme),
    problems,
  };
}
