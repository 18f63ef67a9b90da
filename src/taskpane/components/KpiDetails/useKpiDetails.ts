import { useCallback, useMemo } from 'react';
import { useMessages } from '../../i18n';
import { inLanguage } from '../../localize';
import { benchmarkSourceText, directionText, trendText, valueText } from './describeKpi';
import type { KpiDetailsProps, KpiDetailsState } from './KpiDetails.types';
import { useKpiChartButton } from './useKpiChartButton';

export function useKpiDetails(props: KpiDetailsProps): KpiDetailsState {
  const t = useMessages();
  const { kpi, categories, onSelectRange } = props;
  const chart = useKpiChartButton(kpi, props.kpiChart, t);
  const derived = useMemo(() => {
    const anchor = (a: KpiDetailsProps['kpi']['baseline']) => (a ? `${a.label} ${valueText(a.value, kpi.unit, t)}` : t.noValue);
    return {
      facts: [
        { term: t.directionLabel, detail: directionText(kpi.direction, t) },
        { term: t.reasonLabel, detail: inLanguage(kpi.directionReason, t.language) },
        { term: t.unitLabel, detail: kpi.unit ?? t.noUnit },
        { term: t.baselineLabel, detail: anchor(kpi.baseline) },
        { term: t.targetLabel, detail: anchor(kpi.target) },
        { term: t.benchmarkLabel, detail: benchmarkSourceText(kpi, t) },
      ],
      rows: kpi.years.map((y, i) => ({
        key: `${i}:${y.label}`,
        label: y.label,
        actual: valueText(y.actual, null, t),
        provisional: y.provisional,
        benchmark: valueText(y.benchmark, null, t),
        category: y.category,
        style: y.category !== null ? (categories.get(y.category) ?? null) : null,
      })),
      explanations: kpi.years
        .filter((y) => y.category !== null && y.explanation !== '')
        .map((y, i) => ({ key: `${i}:${y.label}`, text: `${y.label}: ${inLanguage(y.explanation, t.language)}` })),
      trend: kpi.trend
        ? {
            text: trendText(kpi, t) ?? '',
            tentative: kpi.trend.tentative
              ? `${t.trendTentative}${kpi.trend.tentativeReasons.length > 0 ? t.trendTentativeWhy(kpi.trend.tentativeReasons.join(t.listSeparator)) : ''}`
              : null,
          }
        : null,
      disagreements: kpi.disagreements.map((d, i) => ({
        key: `${i}:${d.cell}`,
        text: t.disagreement(`${kpi.sheet}!${d.cell}`, d.existing, d.computed),
        detail: inLanguage(d.detail, t.language),
      })),
    };
  }, [kpi, categories, t]);

  const onShowInSheet = useCallback(
    (ev: React.SyntheticEvent) => onSelectRange?.(ev, { sheet: kpi.sheet, range: kpi.range }),
    [onSelectRange, kpi.sheet, kpi.range],
  );

  return {
    kpi,
    ...derived,
    problems: kpi.problems,
    onShowInSheet: onSelectRange ? onShowInSheet : undefined,
    onSelectRange,
    chart,
    text: {
      yearsCaption: t.yearsCaption,
      colYear: t.colYear,
      colActual: t.colActual,
      colBenchmark: t.colBenchmark,
      colCategory: t.colCategory,
      provisional: t.provisional,
      notJudged: t.notJudged,
      explanationsLabel: t.explanationsLabel,
      trendLabel: t.trendLabel,
      trendNone: t.trendNone,
      disagreementsLabel: t.disagreementsLabel,
      kpiProblemsLabel: t.kpiProblemsLabel,
      showInSheet: t.showInSheet,
    },
  };
}
