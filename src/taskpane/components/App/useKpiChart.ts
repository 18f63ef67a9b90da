import { useState } from 'react';
import type { HostSnapshot, WorkbookHost } from '../../../workbook/port';
import type { Messages } from '../../i18n';
import { inLanguage } from '../../localize';
import type { KpiChartAction, KpiChartDone } from '../kpiChart';
import type { Evaluated, Failure } from './App.types';
import type { useTask } from './useTask';

interface KpiChartDeps {
  host: WorkbookHost;
  t: Messages;
  evaluated: Evaluated | null;
  /** useTask's: one piece of long work at a time, with the progress bar. */
  run: ReturnType<typeof useTask>['run'];
  busy: boolean;
  clearMessages: () => void;
  fail: (task: Failure['task'], err: unknown, consequence: string) => void;
}

/**
 * 「グラフをシートに追加」 on the review screen (SPEC §5: on request a line chart of one KPI). Offered only when the
 * host has `addKpiChart` (Excel). The chart goes on the summary sheet, so it waits until the workbook as read
 * has that sheet (結果を書き込む made it). A failure goes to the pane's error bar like every other host failure.
 */
export function useKpiChart(deps: KpiChartDeps): KpiChartAction | undefined {
  const { host, t, evaluated, run, busy, clearMessages, fail } = deps;
  // The confirmation belongs to the read it was made on: a new read (a write rebuilds the summary and its
  // charts) forgets it.
  const [done, setDone] = useState<(KpiChartDone & { snapshot: HostSnapshot }) | null>(null);

  const addKpiChart = host.addKpiChart?.bind(host);
  if (!addKpiChart || !evaluated) return undefined;

  const sheet = evaluated.result.plan.summary.name;
  const key = sheet.toLowerCase();
  const exists = evaluated.snapshot.workbook.sheets.some((s) => s.name.toLowerCase() === key);

  return {
    sheet,
    unavailable: exists ? null : t.kpiChartNoSummary(sheet),
    busy,
    done: done && done.snapshot === evaluated.snapshot ? done : null,
    onAdd: (_ev, data) => {
      if (busy) return;
      const snapshot = evaluated.snapshot;
      clearMessages();
      setDone(null);
      void run('chart', false, () => addKpiChart(data.request)).then((res) => {
        if (!res.ok) {
          fail('chart', res.error, t.kpiChartUnchanged);
          return;
        }
        const added = res.value.charts === 'added';
        const notices = res.value.notices.map((n) => inLanguage(n, t.language));
        setDone({
          snapshot,
          kpiId: data.kpiId,
          confirmation: added ? t.kpiChartAdded(data.kpiName, res.value.summarySheet || data.request.sheet) : null,
          notices: added || notices.length > 0 ? notices : [t.kpiChartNotAdded],
        });
      });
    },
  };
}
