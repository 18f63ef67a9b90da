import { useId } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { KpiReport } from '../../../domain/report';
import type { Messages } from '../../i18n';
import type { KpiChartAction } from '../kpiChart';
import { kpiChartRequest } from './chartRequest';
import type { KpiChartButton } from './KpiDetails.types';

/**
 * 「グラフをシートに追加」 for one KPI: the request is built here from the KPI's report (chartRequest.ts) and
 * handed to the pane, which sends it to the host. Null when the host cannot add charts (the browser page).
 */
export function useKpiChartButton(kpi: KpiReport, action: KpiChartAction | undefined, t: Messages): KpiChartButton | null {
  const descriptionId = useId('kpi-chart-desc-');
  const sheet = action?.sheet ?? null;
  const outcome = useMemo(
    () => (sheet === null ? null : kpiChartRequest(kpi, { sheet, lang: t.language })),
    [kpi, sheet, t.language],
  );
  if (!action || !outcome) return null;

  // The KPI's own reason first: writing the results does not give it an actual value.
  const blocked = outcome.ok
    ? action.unavailable
    : outcome.reason === 'no-actual'
      ? t.kpiChartNoActual
      : t.kpiChartNoYears;
  const done = action.done?.kpiId === kpi.id ? action.done : null;
  return {
    label: t.kpiChartAdd,
    blocked,
    busy: action.busy,
    descriptionId,
    onClick: (ev) => {
      if (outcome.ok && blocked === null) action.onAdd(ev, { kpiId: kpi.id, kpiName: kpi.name, request: outcome.request });
    },
    result: done && {
      intent: done.confirmation !== null ? 'success' : 'warning',
      title: done.confirmation,
      lines: done.notices,
    },
  };
}
