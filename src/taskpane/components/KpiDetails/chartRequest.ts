import type { KpiReport } from '../../../domain/report';
import { formatFiscalYear } from '../../../domain/years/eras';
import type { KpiChartRequest } from '../../../workbook/port';
import type { Language } from '../../i18n';
import { kpiSeries } from '../TrendChart';

/** Why a KPI gets no chart: no actual value in any year, or actual values but none with a fiscal year. */
export type KpiChartRefusal = 'no-actual' | 'no-years';

export type KpiChartOutcome = { ok: true; request: KpiChartRequest } | { ok: false; reason: KpiChartRefusal };

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A label for a fiscal year the KPI has no column for, written like the KPI's own labels (R1 / 令和元年度 /
 * 2019年 / 2019年度), so that the axis has one position per year and the trendline's slope is per year.
 */
function labelLike(labels: readonly string[]): (fiscalYear: number) => string {
  for (const label of labels) {
    const letter = /^[MTSHR]\s*\d{1,2}(年度)?$/i.exec(label);
    if (letter) return (fy) => `${formatFiscalYear(fy, 'letter')}${letter[1] ?? ''}`;
    if (/^(明治|大正|昭和|平成|令和)/.test(label)) return (fy) => formatFiscalYear(fy, 'kanji');
    if (/^\d{4}年(?!度)/.test(label)) return (fy) => `${fy}年`;
    if (/^\d{4}$/.test(label)) return (fy) => String(fy);
  }
  return (fy) => formatFiscalYear(fy, 'western');
}

/**
 * The request behind 「グラフをシートに追加」 (SPEC §5: one KPI's actual, benchmark and a linear trendline
 * extended to the target year), from the KPI's report as the pane shows it. Pure. Rules:
 * - The points are those of the pane's own chart (`kpiSeries`): the actuals with the baseline as the first one,
 *   the benchmarks with the baseline and the target. A year without a fiscal year (the row layout's 実績) has no
 *   place on a year axis and is left out, as in the pane's chart.
 * - `labels`: one per fiscal year, over the KPI's years, its baseline point and its target year (so through the
 *   target year): the KPI's own label for that year (a year's, else the baseline's or the target's), else one
 *   written like the KPI's labels (a gap such as H27 → R2 is filled with H28…R1).
 * - `actual` / `benchmark`: the value at each label's year, null where there is none.
 * - `forecastPeriods`: years (= label positions) from the last actual to the target year; 0 when the target
 *   year is unknown or not after the last actual, and when there are fewer than two actuals (no line to extend).
 * - `title`: the KPI's name, with its unit in brackets when it has one.
 * Refused (no point to draw) with `no-actual` when no year has an actual value (a baseline without a fiscal
 * year does not count), and `no-years` when years have actual values but none has a fiscal year (row layout).
 */
export function kpiChartRequest(kpi: KpiReport, options: { sheet: string; lang: Language }): KpiChartOutcome {
  const series = kpiSeries(kpi);
  if (series.actual.length === 0) {
    return { ok: false, reason: kpi.years.some((y) => finite(y.actual)) ? 'no-years' : 'no-actual' };
  }

  const ownLabels = new Map<number, string>();
  const named = (fy: number | null | undefined, label: string) => {
    if (typeof fy === 'number' && Number.isInteger(fy) && !ownLabels.has(fy)) ownLabels.set(fy, label);
  };
  for (const y of kpi.years) named(y.fiscalYear, y.label);
  for (const p of series.actual) named(p.year, p.label);
  named(kpi.target?.fiscalYear, kpi.target?.label ?? '');

  const years = [...ownLabels.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const labelFor = labelLike([...kpi.years.map((y) => y.label), kpi.baseline?.label ?? '', kpi.target?.label ?? '']);

  const byYear = (points: readonly { year: number; value: number }[]) => {
    const values = new Map<number, number>();
    for (const p of points) if (!values.has(p.year)) values.set(p.year, p.value);
    return values;
  };
  const actualAt = byYear(series.actual);
  const benchmarkAt = byYear(series.benchmark);

  const labels: string[] = [];
  const actual: (number | null)[] = [];
  const benchmark: (number | null)[] = [];
  for (let fy = first; fy <= last; fy++) {
    labels.push(ownLabels.get(fy) || labelFor(fy));
    actual.push(actualAt.get(fy) ?? null);
    benchmark.push(benchmarkAt.get(fy) ?? null);
  }

  const lastActual = series.actual[series.actual.length - 1].year;
  const targetYear = kpi.target?.fiscalYear ?? null;
  const forecastPeriods =
    targetYear !== null && targetYear > lastActual && series.actual.length >= 2 ? targetYear - lastActual : 0;

  const unit = kpi.unit?.trim() ? kpi.unit.trim() : null;
  const title = unit === null ? kpi.name : options.lang === 'en' ? `${kpi.name} (${unit})` : `${kpi.name}（${unit}）`;

  return { ok: true, request: { sheet: options.sheet, title, labels, actual, benchmark, forecastPeriods } };
}
