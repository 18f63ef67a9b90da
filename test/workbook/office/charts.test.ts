import { summaryLabels } from '../../../src/domain/plan';
import { addKpiChart, writePlanToExcel } from '../../../src/workbook/office';
import type { KpiChartRequest } from '../../../src/workbook/port';
import type { FakeExcel } from '../../fakes/fakeExcel';
import { bookCells, bookFromGrids, installFakeExcel } from '../../fakes/fakeExcel';
import { sakuWorkbook } from '../../fakes/sakuWorkbook';
import { features, planFor } from './helpers';

const request: KpiChartRequest = {
  sheet: 'KPI集計',
  title: '「佐久市は住みやすい」と回答する人の割合',
  labels: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'],
  actual: [78, 81.4, 77.3, 78.5, 77.4, null],
  benchmark: [null, 78.4, 78.8, 79.2, 79.6, 80],
  forecastPeriods: 1,
};

describe('Office adapter: charts', () => {
  let fake: FakeExcel;
  afterEach(() => fake.uninstall());

  async function evaluated(excelApi = 18): Promise<void> {
    const grids = sakuWorkbook(12, 4);
    fake = installFakeExcel(bookFromGrids(grids), { excelApi });
    await writePlanToExcel(planFor({ workbook: { sheets: grids }, settingsText: null, backupCells: null, activeSheet: null, label: 'x' }), { features: features(excelApi) });
  }

  it('the summary gets a stacked bar of categories per group, from the counts block, beside it', async () => {
    await evaluated();
    const [chart] = fake.book.sheet('KPI集計').charts;
    expect(chart).toMatchObject({ name: 'Shinchoku_Counts', type: 'BarStacked', seriesBy: 'Columns' });
    const cells = bookCells(fake.book, ['KPI集計']);
    const at = (row: number, col: number): unknown => cells.get(`KPI集計!${String.fromCharCode(65 + col)}${row + 1}`);
    // the source: group header + one row per group (3 sheets), category columns without the total
    expect(chart.source.bottom - chart.source.top).toBe(3);
    expect(at(chart.source.top + 1, 0)).toBe('基本目標1');
    expect(typeof at(chart.source.top + 1, chart.source.right)).toBe('number');
    expect(at(chart.source.top, chart.source.right + 1)).toBe(summaryLabels('ja').total); // the total column is left out
    expect(Object.keys(chart.seriesFills)).toHaveLength(chart.source.right - chart.source.left);
  });

  it('a KPI line chart with actual, benchmark and a linear trendline forecast to the target year, showing R²', async () => {
    await evaluated();
    const outcome = await addKpiChart(request, features());
    expect(outcome).toMatchObject({ charts: 'added', notices: [] });
    const chart = fake.book.sheet('KPI集計').charts.find((c) => c.name === 'Shinchoku_Kpi_1');
    expect(chart).toMatchObject({ type: 'LineMarkers', title: request.title, trendlines: [{ series: 0, type: 'Linear', forwardPeriod: 1, showRSquared: true }] });
    await addKpiChart(request, features());
    expect(fake.book.sheet('KPI集計').charts.map((c) => c.name)).toEqual(['Shinchoku_Counts', 'Shinchoku_Kpi_1', 'Shinchoku_Kpi_2']);
  });

  it('degrades with a notice: no forecast or R² before ExcelApi 1.8, no trendline before 1.7', async () => {
    await evaluated(7);
    const at7 = await addKpiChart(request, features(7));
    expect(at7.notices).toEqual([expect.stringContaining('ExcelApi 1.8')]);
    expect(fake.book.sheet('KPI集計').charts[1].trendlines).toEqual([{ series: 0, type: 'Linear', forwardPeriod: 0, showRSquared: false }]);
    const at6 = await addKpiChart(request, features(6));
    expect(at6.notices).toEqual([expect.stringContaining('ExcelApi 1.7')]);
    expect(fake.book.sheet('KPI集計').charts[2].trendlines).toEqual([]);
    expect((await addKpiChart(request, { ...features(), charts: false })).charts).toBe('unsupported');
  });

  it('a chart for a sheet that is gone gives a clear message', async () => {
    await evaluated();
    await expect(addKpiChart({ ...request, sheet: 'なし' }, features())).rejects.toMatchObject({ code: 'sheet-missing' });
  });
});
