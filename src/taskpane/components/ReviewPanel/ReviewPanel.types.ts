import type { AccordionToggleData, AccordionToggleEvent } from '@fluentui/react-components';
import type { CategoryStyle } from '../../../domain/evaluate';
import type { RunResult } from '../../../domain/pipeline';
import type { KpiReport, ProblemReport } from '../../../domain/report';
import type { KpiChartAction } from '../kpiChart';
import type { SelectRangeHandler } from '../selectRange';

export interface ReviewPanelProps {
  result: RunResult;
  /** The scheme's categories (engine's `categoriesOf(result.scheme)`), for the badges' colours. */
  categories: readonly CategoryStyle[];
  /** Given in Excel: opening a KPI selects its cells; problem cells become buttons. */
  onSelectRange?: SelectRangeHandler;
  /** Given in Excel: each KPI's details offer 「グラフをシートに追加」. */
  kpiChart?: KpiChartAction;
}

export interface ReviewKpi {
  id: string;
  name: string;
  group: string | null;
  latest: { label: string; category: string; style: CategoryStyle | null } | null;
  report: KpiReport;
}

export interface ReviewTable {
  key: string;
  heading: string;
  meta: string;
  listLabel: string;
  kpis: ReviewKpi[];
}

export interface ReviewPanelState {
  summary: string;
  problemsSummary: string | null;
  tables: ReviewTable[];
  problems: ProblemReport[];
  categories: ReadonlyMap<string, CategoryStyle>;
  openItems: string[];
  onToggle: (ev: AccordionToggleEvent, data: AccordionToggleData<string>) => void;
  onSelectRange?: SelectRangeHandler;
  kpiChart?: KpiChartAction;
  text: { noCategoryYet: string; problemsHeading: string; latest: (label: string) => string };
}
