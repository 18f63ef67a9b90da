import type { KpiDetailsProps } from './KpiDetails.types';
import { renderKpiDetails } from './renderKpiDetails';
import { useKpiDetails } from './useKpiDetails';
import { useKpiDetailsStyles } from './useKpiDetailsStyles.styles';

/**
 * Everything about one KPI's judgment: direction and why, baseline, target, where the benchmarks came from,
 * the category per year (badge with text) and how it was reached, the trend chart, disagreements with the
 * sheet and problems with their cells.
 */
export const KpiDetails = (props: KpiDetailsProps) => {
  const state = useKpiDetails(props);
  const styles = useKpiDetailsStyles();
  return renderKpiDetails(state, styles);
};
