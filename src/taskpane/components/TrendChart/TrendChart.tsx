import { renderTrendChart } from './renderTrendChart';
import type { TrendChartProps } from './TrendChart.types';
import { useTrendChart } from './useTrendChart';
import { useTrendChartStyles } from './useTrendChartStyles.styles';

/**
 * A KPI's actual values, benchmark and OLS trend line as a small inline SVG (no chart library). The SVG is an
 * image with a name and a description listing every value; the legend repeats the series in text.
 */
export const TrendChart = (props: TrendChartProps) => {
  const state = useTrendChart(props);
  const styles = useTrendChartStyles();
  return renderTrendChart(state, styles);
};
