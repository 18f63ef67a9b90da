import { useMemo } from 'react';
import { useMessages } from '../../i18n';
import type { KpiListProps, KpiListState } from './KpiList.types';

/** Turns detected KPIs into display rows: name, unit and the year labels as the sheet writes them. */
export function useKpiList(props: KpiListProps): KpiListState {
  const t = useMessages();
  const rows = useMemo(
    () =>
      props.kpis.map((kpi) => ({
        id: kpi.id,
        name: kpi.name,
        group: kpi.group,
        unit: kpi.unit ?? t.noUnit,
        years: kpi.years.length > 0 ? kpi.years.map((y) => y.label).join(t.listSeparator) : t.noYears,
      })),
    [props.kpis, t],
  );
  return { label: t.kpiListLabel, unitLabel: t.unitLabel, yearsLabel: t.yearsLabel, rows };
}
