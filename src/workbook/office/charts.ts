import { a1, columnLetters } from '../../domain/address';
import type { SummaryPlan } from '../../domain/plan/types';
import type { KpiChartRequest, WriteOutcome } from '../port';
import type { Work } from './batches';
import { jsonBytes, OP_OVERHEAD_BYTES } from './batches';
import { textInput } from './cellInput';
import { sheetMissingError } from './errors';
import type { OfficeFeatures } from './features';
import type { SheetCache } from './sheetCache';
import { CHART_PREFIX } from './summarySheet';

export const COUNTS_CHART = `${CHART_PREFIX}Counts`;
const KPI_CHART = `${CHART_PREFIX}Kpi_`;

/**
 * Where the counts block sits in the summary head: the row holding the category labels after a first cell
 * (the group header), followed by one row per group. Found by content, so a change of the head's layout in
 * src/domain/plan/summary.ts cannot silently point the chart at the legend.
 */
export function countsBlock(summary: SummaryPlan): { headerRow: number; groups: number; categories: number; title: string } | null {
  const labels = summary.rules.map((r) => r.text);
  if (labels.length === 0 || summary.counts.length === 0) return null;
  const headerRow = summary.head.findIndex(
    (line) => line.length === labels.length + 2 && labels.every((label, i) => line[i + 1]?.value === label),
  );
  if (headerRow < 0) return null;
  const title = summary.head[headerRow - 1]?.[0]?.value;
  return { headerRow, groups: summary.counts.length, categories: labels.length, title: typeof title === 'string' ? title : '' };
}

/**
 * A stacked bar of categories per group (ExcelApi 1.1), from the counts block (groups × categories, without
 * the total column), placed to the right of the counts block, within the head so it does not cover the table.
 */
export function countsChartWork(summary: SummaryPlan, sheet: string, cache: SheetCache): Work | null {
  const block = countsBlock(summary);
  if (!block) return null;
  const source = `A${block.headerRow + 1}:${columnLetters(block.categories)}${block.headerRow + 1 + block.groups}`;
  const left = block.categories + 3;
  const bottom = Math.max(summary.table.top - 2, block.headerRow + block.groups, 14);
  return {
    bytes: OP_OVERHEAD_BYTES * (6 + summary.rules.length * 2) + jsonBytes(block.title),
    sheet,
    queue() {
      const ws = cache.get(sheet);
      const chart = ws.charts.add(Excel.ChartType.barStacked, ws.getRange(source), Excel.ChartSeriesBy.columns);
      chart.name = COUNTS_CHART;
      chart.title.text = block.title;
      chart.setPosition(a1(0, left), a1(bottom, left + 7));
      summary.rules.forEach((rule, i) => chart.series.getItemAt(i).format.fill.setSolidColor(rule.fill));
    },
  };
}

/**
 * A line chart of one KPI (actual and benchmark by year) with a linear trendline of the actual forecast to the
 * target year and its R² (ExcelApi 1.7 / 1.8, each checked). Its data goes to three columns right of everything
 * on the sheet, so it never covers the summary; regenerating the summary removes it with its data.
 * Three round trips: the sheet (missing → clear message), its used range and charts, then data and chart.
 */
export async function addKpiChart(request: KpiChartRequest, features: OfficeFeatures): Promise<WriteOutcome> {
  const notices: string[] = [];
  if (!features.charts) {
    notices.push('この Excel ではグラフを作れません（ExcelApi 1.1 が必要） / Charts need ExcelApi 1.1');
    return { statusCells: 0, summarySheet: request.sheet, charts: 'unsupported', notices };
  }
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(request.sheet);
    sheet.load('name');
    await context.sync();
    if (sheet.isNullObject) throw sheetMissingError(request.sheet);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('columnIndex, columnCount');
    const charts = sheet.charts;
    charts.load('items/name');
    await context.sync();
    const column = used.isNullObject ? 0 : used.columnIndex + used.columnCount + 1;
    const count = charts.items.filter((c) => c.name.startsWith(KPI_CHART)).length;
    const rows = [
      [textInput('年度'), textInput('実績'), textInput('目安')],
      ...request.labels.map((label, i) => [textInput(label), request.actual[i] ?? '', request.benchmark[i] ?? '']),
    ];
    const data = sheet.getRange(`${a1(0, column)}:${a1(rows.length - 1, column + 2)}`);
    data.values = rows;
    const chart = sheet.charts.add(Excel.ChartType.lineMarkers, data, Excel.ChartSeriesBy.columns);
    chart.name = `${KPI_CHART}${count + 1}`;
    chart.title.text = request.title;
    chart.setPosition(a1(rows.length + 1, column), a1(rows.length + 16, column + 7));
    if (features.trendlines) {
      const trend = chart.series.getItemAt(0).trendlines.add(Excel.ChartTrendlineType.linear);
      if (features.trendlineForecast) {
        trend.forwardPeriod = Math.max(0, request.forecastPeriods);
        trend.showRSquared = true;
      } else {
        notices.push('この Excel では近似直線の延長と R² を表示できません（ExcelApi 1.8 が必要） / Trendline forecast and R² need ExcelApi 1.8');
      }
    } else {
      notices.push('この Excel では近似直線を引けません（ExcelApi 1.7 が必要） / Trendlines need ExcelApi 1.7');
    }
    await context.sync();
    return { statusCells: 0, summarySheet: request.sheet, charts: 'added', notices };
  });
}
