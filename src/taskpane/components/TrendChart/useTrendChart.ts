import { useId } from '@fluentui/react-components';
import { useMemo } from 'react';
import { formatCompact, formatSigned, formatValue } from '../../format';
import { useMessages } from '../../i18n';
import type { TrendChartProps, TrendChartState } from './TrendChart.types';
import { chartModel, kpiSeries } from './chartModel';

export function useTrendChart(props: TrendChartProps): TrendChartState {
  const t = useMessages();
  const lang = t.language;
  const titleId = useId('trend-title-');
  const descriptionId = useId('trend-desc-');
  const { kpi } = props;
  return useMemo(() => {
    const series = kpiSeries(kpi);
    const list = (points: { label: string; value: number }[]) =>
      points.map((p) => `${p.label} ${formatValue(p.value, lang)}`).join(t.listSeparator);
    const parts = [
      t.chartSeries(t.chartActual, list(series.actual) || t.noValue),
      t.chartSeries(t.chartBenchmark, list(series.benchmark) || t.noValue),
    ];
    if (series.target) parts.push(t.chartSeries(t.chartTarget, list([series.target])));
    if (kpi.trend) parts.push(t.chartSeries(t.chartTrend, t.trendPerYear(formatSigned(kpi.trend.slope, lang))));
    return {
      title: t.chartName(kpi.name),
      description: parts.join(t.sentenceSeparator),
      titleId,
      descriptionId,
      model: chartModel(kpi),
      noChart: t.chartNoYears,
      yLabel: (value: number) => formatCompact(value, lang),
      legend: { actual: t.chartActual, benchmark: t.chartBenchmark, trend: t.chartTrend, target: t.chartTarget },
    };
  }, [kpi, t, lang, titleId, descriptionId]);
}
