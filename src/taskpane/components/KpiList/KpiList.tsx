import type { KpiListProps } from './KpiList.types';
import { renderKpiList } from './renderKpiList';
import { useKpiList } from './useKpiList';
import { useKpiListStyles } from './useKpiListStyles.styles';

/** The KPIs found on a sheet: name, unit, years. */
export const KpiList = (props: KpiListProps) => {
  const state = useKpiList(props);
  const styles = useKpiListStyles();
  return renderKpiList(state, styles);
};
