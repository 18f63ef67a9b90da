import type { Kpi } from '../kpi';
import type { KpiReport, YearResult } from '../report';
import { actualCellInformative } from './actual';
import { evaluateKpi } from './evaluateKpi';
import type { Scheme } from './scheme';
import { categoriesOf } from './scheme';
import type { EvaluateOptions } from './types';

/**
 * The year a KPI's overview counts: its latest judged year (a category, including 未公表 / 実績値なし), by
 * fiscal year, then by position for years without one. Null when no year was judged.
 */
export function latestJudgedYear(report: KpiReport): YearResult | null {
  let best: YearResult | null = null;
  let bestKey = -Infinity;
  for (const y of report.years) {
    if (y.category === null) continue;
    const key = y.fiscalYear ?? -Infinity;
    if (best === null || key >= bestKey) {
      best = y;
      bestKey = key;
    }
  }
  return best;
}

/**
 * Evaluates every KPI and counts categories the way the reports' overview does (000 seed lines 291–315,
 * "R5の進捗状況"): one count per KPI, for its latest judged year. Every category of the scheme is present in
 * `counts` (0 when unused), in the scheme's order; KPIs with no judged year are not counted.
 */
export function evaluateKpis(kpis: readonly Kpi[], scheme: Scheme, options: EvaluateOptions): { kpis: KpiReport[]; counts: Record<string, number> } {
  const reports = kpis.map((k) => evaluateKpi(k, scheme, options));
  const counts: Record<string, number> = {};
  for (const c of categoriesOf(scheme)) counts[c.label] = 0;
  for (const r of reports) {
    const y = latestJudgedYear(r);
    if (y?.category) counts[y.category] = (counts[y.category] ?? 0) + 1;
  }
  return { kpis: reports, counts };
}

/**
 * The as-of year to use when the user gives none: the latest fiscal year in which any KPI's actual cell holds a
 * value or a worded reason (未公表, 調査なし …). A lone dash does not count: sheets pre-fill future columns with
 * `−`. Null when no actual cell says anything.
 */
export function defaultAsOf(kpis: readonly Kpi[]): number | null {
  let latest: number | null = null;
  for (const k of kpis) {
    for (const y of k.years) {
      if (y.fiscalYear !== null && Number.isSafeInteger(y.fiscalYear) && actualCellInformative(y) && (latest === null || y.fiscalYear > latest)) latest = y.fiscalYear;
    }
  }
  return latest;
}
