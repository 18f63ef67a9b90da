export { KpiDetails } from './KpiDetails';
export type { KpiDetailsProps } from './KpiDetails.types';
export { benchmarkSourceText, directionText, latestCategory, trendText } from './describeKpi';
export { kpiChartRequest } from './chartRequest';
export type { KpiChartOutcome, KpiChartRefusal } from './chartRequest';
