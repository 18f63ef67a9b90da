import type { KpiReport } from '../../../domain/report';

/** Size of the chart's drawing, in SVG units (scaled to the pane's width by the viewBox). */
export const CHART = { width: 288, height: 132, left: 44, right: 10, top: 10, bottom: 22 } as const;

export interface SeriesPoint {
  /** Fiscal year. */
  year: number;
  label: string;
  value: number;
}

export interface PlotPoint extends SeriesPoint {
  cx: number;
  cy: number;
}

export interface ChartModel {
  actual: PlotPoint[];
  benchmark: PlotPoint[];
  /** Two ends of the OLS line, from the first actual to the target year (or the last year shown). */
  trend: [PlotPoint, PlotPoint] | null;
  target: PlotPoint | null;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; value: number }[];
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The points of a KPI's series by fiscal year: actuals (baseline first), benchmarks, and the target. */
export function kpiSeries(kpi: KpiReport): { actual: SeriesPoint[]; benchmark: SeriesPoint[]; target: SeriesPoint | null } {
  const actual: SeriesPoint[] = [];
  const benchmark: SeriesPoint[] = [];
  const b = kpi.baseline;
  const years = kpi.years.filter((y) => y.fiscalYear !== null);
  if (b && b.fiscalYear !== null && finite(b.value) && !years.some((y) => y.fiscalYear === b.fiscalYear && finite(y.actual))) {
    actual.push({ year: b.fiscalYear, label: b.label, value: b.value });
    benchmark.push({ year: b.fiscalYear, label: b.label, value: b.value });
  }
  for (const y of years) {
    const year = y.fiscalYear as number;
    if (finite(y.actual)) actual.push({ year, label: y.label, value: y.actual });
    if (finite(y.benchmark)) benchmark.push({ year, label: y.label, value: y.benchmark });
  }
  const t = kpi.target;
  const target = t && t.fiscalYear !== null && finite(t.value) ? { year: t.fiscalYear, label: t.label, value: t.value } : null;
  if (target && !benchmark.some((p) => p.year === target.year)) benchmark.push(target);
  const byYear = (p: SeriesPoint, q: SeriesPoint) => p.year - q.year;
  return { actual: actual.sort(byYear), benchmark: benchmark.sort(byYear), target };
}

/**
 * Where everything goes in the SVG. Null when nothing can be drawn (no point with a fiscal year). Degenerate
 * ranges are widened (one year → ±1 year; a constant value → ±1, or ±10% of it) so no coordinate is NaN.
 */
export function chartModel(kpi: KpiReport): ChartModel | null {
  const { actual, benchmark, target } = kpiSeries(kpi);
  const all = [...actual, ...benchmark, ...(target ? [target] : [])];
  if (all.length === 0) return null;

  let x0 = Math.min(...all.map((p) => p.year));
  let x1 = Math.max(...all.map((p) => p.year));
  const trend = kpi.trend && actual.length >= 2 ? kpi.trend : null;
  const trendEnds = trend
    ? [actual[0].year, Math.max(target?.year ?? x1, actual[actual.length - 1].year)].map((year) => ({
        year,
        value: trend.slope * year + trend.intercept,
      }))
    : [];
  const values = [...all.map((p) => p.value), ...trendEnds.map((p) => p.value)].filter(Number.isFinite);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  let y0 = lo;
  let y1 = hi;
  if (x0 === x1) {
    x0 -= 1;
    x1 += 1;
  }
  if (y0 === y1) {
    const pad = y0 === 0 ? 1 : Math.abs(y0) * 0.1;
    y0 -= pad;
    y1 += pad;
  } else {
    const pad = (y1 - y0) * 0.08;
    y0 -= pad;
    y1 += pad;
  }
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const sx = (year: number) => CHART.left + ((year - x0) / (x1 - x0)) * plotW;
  const sy = (value: number) => CHART.top + (1 - (value - y0) / (y1 - y0)) * plotH;
  const plot = (p: SeriesPoint): PlotPoint => ({ ...p, cx: round(sx(p.year)), cy: round(sy(p.value)) });

  const labels = new Map<number, string>();
  for (const p of all) if (!labels.has(p.year)) labels.set(p.year, p.label);
  const years = [...labels.keys()].sort((a, b) => a - b);
  const short = years.every((y) => (labels.get(y) ?? '').length <= 3);
  // Short labels (R2, H30) fit under every point; long ones (令和2年度) only at both ends.
  const shown = short ? years : [years[0], years[years.length - 1]].filter((y, i, a) => a.indexOf(y) === i);

  return {
    actual: actual.map(plot),
    benchmark: benchmark.map(plot),
    trend:
      trendEnds.length === 2
        ? [plot({ ...trendEnds[0], label: '' }), plot({ ...trendEnds[1], label: '' })]
        : null,
    target: target ? plot(target) : null,
    xTicks: shown.map((y) => ({ x: round(sx(y)), label: labels.get(y) ?? String(y) })),
    yTicks: (hi === lo ? [hi] : [hi, lo]).map((v) => ({ y: round(sy(v)), value: v })),
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** SVG path through the points in order. */
export function pathOf(points: readonly { cx: number; cy: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.cx} ${p.cy}`).join(' ');
}
