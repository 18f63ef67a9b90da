import { useMemo } from 'react';
import { useMessages } from '../../i18n';
import { inLanguage } from '../../localize';
import type { ResultPanelProps, ResultPanelState } from './ResultPanel.types';

export function useResultPanel(props: ResultPanelProps): ResultPanelState {
  const t = useMessages();
  const { outcome, result, categories } = props;

  const derived = useMemo(() => {
    const counts = result.report.counts;
    const known = new Set(categories.map((c) => c.label));
    const rows = [
      ...categories.map((c) => ({ label: c.label, style: c, count: counts[c.label] ?? 0 })),
      ...Object.entries(counts)
        .filter(([label]) => !known.has(label))
        .map(([label, count]) => ({ label, style: null, count })),
    ];
    const total = rows.reduce((n, r) => n + r.count, 0);
    const groups = result.plan.summary.counts
      .filter((g) => g.total > 0)
      .map((g, i) => ({
        key: `${i}:${g.group}`,
        text: `${g.group}: ${Object.entries(g.counts)
          .filter(([, n]) => n > 0)
          .map(([label, n]) => `${label} ${n}`)
          .join(t.listSeparator)}`,
      }));
    const disagreements = result.results.flatMap((k) =>
      k.disagreements.map((d, i) => ({
        key: `${k.id}:${i}`,
        kpi: k.name,
        text: t.disagreement(`${k.sheet}!${d.cell}`, d.existing, d.computed),
        detail: inLanguage(d.detail, t.language),
      })),
    );
    return {
      counts: rows,
      total: t.countsTotal(total),
      groups,
      disagreements,
      disagreementsHeading: disagreements.length > 0 ? t.disagreementsHeading(disagreements.length) : null,
      refused: result.plan.problems,
    };
  }, [result, categories, t]);

  return {
    changed: t.resultChanged(outcome.statusCells, outcome.summarySheet),
    charts: outcome.charts === 'added' ? t.chartsAdded : outcome.charts === 'unsupported' ? t.chartsUnsupported : null,
    notices: [...outcome.notices.map((n) => inLanguage(n, t.language)), ...(props.notices ?? [])],
    ...derived,
    disabled: props.disabled,
    onDownload: props.onDownload,
    onRestore: props.onRestore,
    onBack: props.onBack,
    onSelectRange: props.onSelectRange,
    text: {
      countsHeading: t.countsHeading,
      countsLabel: t.countsLabel,
      groupCounts: t.groupCounts,
      noDisagreements: t.noDisagreements,
      refusedHeading: t.refusedHeading,
      download: t.download,
      downloadHint: t.downloadHint,
      restore: t.restore,
      restoreHint: t.restoreHint,
      backToReview: t.backToReview,
    },
  };
}
