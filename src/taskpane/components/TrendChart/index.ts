export { TrendChart } from './TrendChart';
export type { TrendChartProps } from './TrendChart.types';
export { chartModel, kpiSeries } from './chartModel';
export type { ChartModel } from './chartModel';
