import type { KpiReport, YearResult } from '../../src/domain/report';

/** One year of a KPI's report with neutral defaults (not judged, benchmark from the sheet when given). */
export function yearResult(label: string, fiscalYear: number | null, actual: number | null, benchmark: number | null): YearResult {
  return {
    label,
    fiscalYear,
    benchmark,
    benchmarkSource: benchmark === null ? null : 'sheet',
    actual,
    missingReason: null,
    ratio: null,
    category: null,
    statusCell: null,
    existing: null,
    basis: 'none',
    basisValue: null,
    explanation: '',
    provisional: false,
  };
}

/** A KPI's report as the task pane receives it, with neutral defaults overridden by `partial`. */
export function kpiReport(partial: Partial<KpiReport>): KpiReport {
  return {
    id: 's!A1:A3',
    sheet: 's',
    range: 'A1:A3',
    layout: 'year-columns',
    group: null,
    name: '指標',
    unit: null,
    direction: 'up',
    directionReason: '',
    baseline: null,
    target: null,
    years: [],
    trend: null,
    disagreements: [],
    problems: [],
    ...partial,
  };
}
