import type { Direction } from '../../../domain/kpi';
import type { KpiReport } from '../../../domain/report';
import { formatSigned, formatValue } from '../../format';
import type { Messages } from '../../i18n';

export function directionText(direction: Direction, t: Messages): string {
  return direction === 'up' ? t.directionUp : direction === 'down' ? t.directionDown : t.directionMaintain;
}

/** Where the benchmarks came from: the sheet, the baseline→target line, or both (naming the interpolated years). */
export function benchmarkSourceText(kpi: KpiReport, t: Messages): string {
  const withBenchmark = kpi.years.filter((y) => y.benchmarkSource !== null);
  if (withBenchmark.length === 0) return t.benchmarkNone;
  const interpolated = withBenchmark.filter((y) => y.benchmarkSource === 'interpolated');
  if (interpolated.length === 0) return t.benchmarkSheet;
  if (interpolated.length === withBenchmark.length) return t.benchmarkInterpolated;
  return t.benchmarkMixed(interpolated.map((y) => y.label).join(t.listSeparator));
}

/** A value with its unit as a report writes it: `78%`, `1,498千円` in Japanese; `78%`, `1,498 千円` in English. */
export function valueText(value: number | null, unit: string | null, t: Messages): string {
  if (value === null || !Number.isFinite(value)) return t.noValue;
  const gap = unit && t.language === 'en' && !/^[%％]/.test(unit) ? ' ' : '';
  return `${formatValue(value, t.language)}${unit ? `${gap}${unit}` : ''}`;
}

/** One sentence on the trend: pace per year, projection at the target year, outlook. */
export function trendText(kpi: KpiReport, t: Messages): string | null {
  const tr = kpi.trend;
  if (!tr) return null;
  const parts = [t.trendPerYear(formatSigned(tr.slope, t.language))];
  if (tr.projectedAtTarget !== null && kpi.target) {
    parts.push(t.trendProjected(kpi.target.label, valueText(tr.projectedAtTarget, kpi.unit, t)));
  }
  if (tr.outlook !== null) parts.push(tr.outlook === '達成見込み' ? t.outlookReach : t.outlookMiss);
  return parts.join(t.listSeparator);
}

/** The latest year with a category (what the summary counts), or null. */
export function latestCategory(kpi: KpiReport): { label: string; category: string } | null {
  for (let i = kpi.years.length - 1; i >= 0; i--) {
    const y = kpi.years[i];
    if (y.category !== null) return { label: y.label, category: y.category };
  }
  return null;
}
