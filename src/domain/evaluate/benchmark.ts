import type { Direction, Kpi, KpiYear } from '../kpi';
import type { Comparator } from '../cells/types';
import { decimalsForDerived, decimalsOf } from './format';

export interface BenchmarkPoint {
  /** The benchmark (目安値) of the year in the KPI's scale, or null when there is none. */
  value: number | null;
  source: 'sheet' | 'interpolated' | null;
  /** `13.2以内` → le: the benchmark is a limit. */
  comparator: Comparator | null;
  /** Decimals to show. */
  decimals: number;
}

interface Line {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  decimals: number;
  /** Plan-start origin of a cumulative KPI: says so in explanations. */
  cumulative: boolean;
}

function finite(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && Number.isFinite(v);
}

/** The KPI counts a running total from the plan start (計画期間の累計, (5年間の合計)). */
export function isCumulative(kpi: Kpi): boolean {
  return kpi.cumulative || kpi.target?.basis === 'total' || kpi.target?.value?.reading.basis === 'total';
}

/** First fiscal year column minus one: where a cumulative KPI starts from 0 (000 seed line 119: R2–R6 plan, start R1). */
export function planStartYear(kpi: Kpi): number | null {
  const years = kpi.years.map((y) => y.fiscalYear).filter((y): y is number => y !== null);
  return years.length === 0 ? null : Math.min(...years) - 1;
}

/** The straight line the benchmarks follow when the sheet gives none, or null when it cannot be drawn. */
export function benchmarkLine(kpi: Kpi): Line | null {
  const t = kpi.target;
  const tv = t?.value?.value;
  if (!t || t.fiscalYear === null || !finite(tv)) return null;
  const tDec = decimalsOf(t.value, kpi.scale);
  if (isCumulative(kpi)) {
    const start = planStartYear(kpi);
    if (start === null || start >= t.fiscalYear) return null;
    return { x0: start, y0: 0, x1: t.fiscalYear, y1: tv, decimals: tDec, cumulative: true };
  }
  const b = kpi.baseline;
  const bv = b?.value?.value;
  // An aggregate baseline (H27〜H30の累計, 2015～2019平均) is not a point in time: no line from it.
  if (!b || b.aggregate || b.fiscalYear === null || !finite(bv) || b.fiscalYear >= t.fiscalYear) return null;
  return { x0: b.fiscalYear, y0: bv, x1: t.fiscalYear, y1: tv, decimals: Math.max(tDec, decimalsOf(b.value, kpi.scale)), cumulative: false };
}

function onLine(line: Line, x: number): number {
  if (x >= line.x1) return line.y1;
  return line.y0 + ((line.y1 - line.y0) * (x - line.x0)) / (line.x1 - line.x0);
}

function sheetPoint(year: KpiYear, kpi: Kpi): BenchmarkPoint | null {
  const kv = year.benchmark;
  if (!kv || kv.reading.reference || !finite(kv.value)) return null;
  return { value: kv.value, source: 'sheet', comparator: kv.reading.comparator, decimals: decimalsOf(kv, kpi.scale) };
}

const NONE: BenchmarkPoint = { value: null, source: null, comparator: null, decimals: 0 };

/**
 * The benchmark (目安値) of every year of `kpi`, in the order of `kpi.years` (SPEC §4):
 * - the sheet's own value when the cell holds one (a comparator `13.2以内` makes it a limit: value 13.2, `le`);
 * - otherwise (empty, or `−` when the year has an actual) on the line from (baseline year, baseline) to (target year, target): the 佐久市 standard
 *   pattern (000 seed, note under line 243); years after the target year hold the target; years before the
 *   baseline year, or without a fiscal year, have none;
 * - a cumulative KPI's line starts from 0 at the plan start, the year before the first year column;
 * - a target that is an average over the plan (`(5年間の平均)`) is every year's benchmark;
 * - without a line, a target written as a limit in the KPI's direction (`13.2以内` for a down KPI) is every year's
 *   benchmark, and the target year itself has the target.
 * Degenerate input (no target, baseline year ≥ target year, non-finite numbers) gives `{ value: null, source: null }`.
 */
export function benchmarksFor(kpi: Kpi, direction: Direction): BenchmarkPoint[] {
  const line = benchmarkLine(kpi);
  const t = kpi.target;
  const tv = t?.value?.value;
  const tCmp = t?.value?.reading.comparator ?? null;
  const tDec = decimalsOf(t?.value, kpi.scale);
  const targetPoint: BenchmarkPoint | null = finite(tv) ? { value: tv, source: 'interpolated', comparator: tCmp, decimals: tDec } : null;
  const averageTarget = (t?.basis ?? t?.value?.reading.basis) === 'average';
  const limitTarget =
    tCmp !== null && ((direction === 'down' && (tCmp === 'le' || tCmp === 'lt')) || (direction !== 'down' && (tCmp === 'ge' || tCmp === 'gt')));

  return kpi.years.map((year) => {
    const fromSheet = sheetPoint(year, kpi);
    if (fromSheet) return fromSheet;
    // The sheet says "no 目安値 this year" (`−`, 000 seed line 395) and there is no actual to judge either:
    // show none rather than a made-up line value. With an actual, the line still gives the year a benchmark.
    if (year.benchmark?.reading.missing === 'dash' && (year.actual?.value ?? null) === null) return NONE;
    if (targetPoint && averageTarget) return targetPoint;
    const x = year.fiscalYear;
    if (x !== null && line && x >= line.x0) {
      const value = onLine(line, x);
      if (!Number.isFinite(value)) return NONE;
      const atTarget = x >= line.x1;
      return {
        value,
        source: 'interpolated',
        comparator: atTarget ? tCmp : null,
        decimals: atTarget ? tDec : decimalsForDerived(value, line.decimals),
      };
    }
    if (line) return NONE;
    if (targetPoint && limitTarget) return targetPoint;
    if (targetPoint && x !== null && t && t.fiscalYear !== null && x >= t.fiscalYear) return targetPoint;
    return NONE;
  });
}
