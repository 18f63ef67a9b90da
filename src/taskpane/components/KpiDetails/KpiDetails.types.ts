import type * as React from 'react';
import type { CategoryStyle } from '../../../domain/evaluate';
import type { KpiReport, ProblemReport } from '../../../domain/report';
import type { KpiChartAction } from '../kpiChart';
import type { SelectRangeHandler } from '../selectRange';

export interface KpiDetailsProps {
  kpi: KpiReport;
  /** The scheme's categories by label (for the badges' colours). */
  categories: ReadonlyMap<string, CategoryStyle>;
  /** Given in Excel: "show in sheet" selects the KPI's cells. */
  onSelectRange?: SelectRangeHandler;
  /** Given when the host can add a chart (Excel): 「グラフをシートに追加」 for this KPI. */
  kpiChart?: KpiChartAction;
}

/** 「グラフをシートに追加」 for this KPI. */
export interface KpiChartButton {
  label: string;
  /** Why it cannot be used (no actual value, no summary sheet yet), shown under it and read with it; or null. */
  blocked: string | null;
  /** Other long work runs (or this chart is being added): the button waits. */
  busy: boolean;
  descriptionId: string;
  onClick: (ev: React.MouseEvent<HTMLButtonElement>) => void;
  /** The last addition of this KPI's chart: a confirmation (success) or only notices (warning). */
  result: { intent: 'success' | 'warning'; title: string | null; lines: string[] } | null;
}

export interface KpiYearRow {
  key: string;
  label: string;
  actual: string;
  provisional: boolean;
  benchmark: string;
  category: string | null;
  style: CategoryStyle | null;
}

export interface KpiDetailsState {
  kpi: KpiReport;
  facts: { term: string; detail: string }[];
  rows: KpiYearRow[];
  explanations: { key: string; text: string }[];
  trend: { text: string; tentative: string | null } | null;
  disagreements: { key: string; text: string; detail: string }[];
  problems: ProblemReport[];
  onShowInSheet?: (ev: React.SyntheticEvent) => void;
  onSelectRange?: SelectRangeHandler;
  chart: KpiChartButton | null;
  text: {
    yearsCaption: string;
    colYear: string;
    colActual: string;
    colBenchmark: string;
    colCategory: string;
    provisional: string;
    notJudged: string;
    explanationsLabel: string;
    trendLabel: string;
    trendNone: string;
    disagreementsLabel: string;
    kpiProblemsLabel: string;
    showInSheet: string;
  };
}
