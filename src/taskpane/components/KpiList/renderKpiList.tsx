import { Body1Strong, Caption1 } from '@fluentui/react-components';
import type { KpiListState } from './KpiList.types';
import type { KpiListStyles } from './useKpiListStyles.styles';

export function renderKpiList(state: KpiListState, styles: KpiListStyles) {
  return (
    <ul className={styles.list} aria-label={state.label}>
      {state.rows.map((row) => (
        <li key={row.id} className={styles.item}>
          {row.group !== null && <Caption1 className={styles.meta}>{row.group}</Caption1>}
          <Body1Strong>{row.name}</Body1Strong>
          <Caption1 className={styles.meta}>
            {state.unitLabel}: {row.unit} ・ {state.yearsLabel}: {row.years}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
