import type { KpiReport } from '../../../domain/report';
import type { ChartModel } from './chartModel';

export interface TrendChartProps {
  kpi: KpiReport;
}

export interface TrendChartState {
  /** Accessible name of the chart (`<title>`). */
  title: string;
  /** Every value the chart shows, in words (`<desc>`): a screen reader gets the same facts as the eye. */
  description: string;
  titleId: string;
  descriptionId: string;
  model: ChartModel | null;
  noChart: string;
  yLabel: (value: number) => string;
  legend: { actual: string; benchmark: string; trend: string; target: string };
}
