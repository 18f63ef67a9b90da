import type { Kpi } from '../../../domain/kpi';

export interface KpiListProps {
  kpis: readonly Kpi[];
}

/** One line of the list, as text ready to show. */
export interface KpiListRow {
  id: string;
  name: string;
  group: string | null;
  unit: string;
  years: string;
}

export interface KpiListState {
  label: string;
  unitLabel: string;
  yearsLabel: string;
  rows: KpiListRow[];
}
