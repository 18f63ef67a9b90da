export { KpiList } from './KpiList';
export type { KpiListProps, KpiListRow } from './KpiList.types';
