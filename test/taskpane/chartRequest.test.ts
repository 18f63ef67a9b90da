import type { KpiReport } from '../../src/domain/report';
import { kpiChartRequest } from '../../src/taskpane/components/KpiDetails';
import { kpiReport as kpi, yearResult as year } from '../helpers/kpiReport';

const ja = { sheet: 'KPI集計', lang: 'ja' as const };

function request(report: KpiReport, options: { sheet: string; lang: 'ja' | 'en' } = ja) {
  const outcome = kpiChartRequest(report, options);
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
  return outcome.request;
}

// 佐久市 基本目標1 as the pane's tests read it: R3's actual unreadable, R6 the target year with no actual yet.
const saku = kpi({
  name: '「佐久市は住みやすい」と回答する人の割合',
  unit: '%',
  baseline: { label: 'R1', fiscalYear: 2019, value: 78 },
  target: { label: 'R6', fiscalYear: 2024, value: 80 },
  years: [
    year('R2', 2020, 81.4, 78.4),
    year('R3', 2021, null, 78.8),
    year('R4', 2022, 78.5, 79.2),
    year('R5', 2023, 77.4, 79.6),
    year('R6', 2024, null, 80),
  ],
});

describe('kpiChartRequest', () => {
  it('puts the baseline first, aligns actual and benchmark to the labels with null gaps, and forecasts to the target', () => {
    expect(request(saku)).toEqual({
      sheet: 'KPI集計',
      title: '「佐久市は住みやすい」と回答する人の割合（%）',
      labels: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'],
      actual: [78, 81.4, null, 78.5, 77.4, null],
      benchmark: [78, 78.4, 78.8, 79.2, 79.6, 80],
      forecastPeriods: 1,
    });
  });

  it('adds the target year’s label when the years stop before it, and fills a skipped year in the same style', () => {
    const r = request(
      kpi({
        target: { label: 'R6', fiscalYear: 2024, value: 90 },
        years: [year('R2', 2020, 10, 12), year('R3', 2021, 11, 13)],
      }),
    );
    expect(r.labels).toEqual(['R2', 'R3', 'R4', 'R5', 'R6']);
    expect(r.actual).toEqual([10, 11, null, null, null]);
    expect(r.benchmark).toEqual([12, 13, null, null, 90]);
    expect(r.forecastPeriods).toBe(3);
  });

  it('keeps one label per year across a gap (H27 baseline, R2…R6 years), so the trend’s slope is per year', () => {
    const r = request(
      kpi({
        baseline: { label: 'H27', fiscalYear: 2015, value: 26.2 },
        target: { label: 'R6', fiscalYear: 2024, value: 26.2 },
        years: [year('R2', 2020, 30.1, 26.2), year('R3', 2021, null, null), year('R6', 2024, null, 26.2)],
      }),
    );
    expect(r.labels).toEqual(['H27', 'H28', 'H29', 'H30', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
    expect(r.actual).toEqual([26.2, null, null, null, null, 30.1, null, null, null, null]);
    expect(r.forecastPeriods).toBe(4);
  });

  it('writes filled years like the KPI’s labels: 令和…年度, 2021年度, 2019年', () => {
    const kanji = request(
      kpi({
        baseline: { label: '令和6年度', fiscalYear: 2024, value: 1997 },
        target: { label: '令和11年度', fiscalYear: 2029, value: 2097 },
      }),
    );
    expect(kanji.labels).toEqual(['令和6年度', '令和7年度', '令和8年度', '令和9年度', '令和10年度', '令和11年度']);
    expect(kanji.benchmark).toEqual([1997, null, null, null, null, 2097]);
    const western = request(kpi({ years: [year('2020年度', 2020, 1, null), year('2022年度', 2022, 2, null)] }));
    expect(western.labels).toEqual(['2020年度', '2021年度', '2022年度']);
    const calendar = request(kpi({ years: [year('2018年', 2018, 1, null), year('2020年', 2020, 2, null)] }));
    expect(calendar.labels).toEqual(['2018年', '2019年', '2020年']);
  });

  it('does not extend the trend when the target is within the actuals, unknown, or there is one actual only', () => {
    const years = [year('R2', 2020, 1, null), year('R3', 2021, 2, null), year('R4', 2022, 3, null)];
    const within = request(kpi({ target: { label: 'R3', fiscalYear: 2021, value: 5 }, years }));
    expect(within.labels).toEqual(['R2', 'R3', 'R4']);
    expect(within.forecastPeriods).toBe(0);
    const unknown = request(kpi({ target: { label: '目標値', fiscalYear: null, value: 5 }, years }));
    expect(unknown.labels).toEqual(['R2', 'R3', 'R4']);
    expect(unknown.forecastPeriods).toBe(0);
    // 小諸市: a baseline without a year (計画策定時) is not a point; one actual gives no line to extend.
    const single = request(
      kpi({
        baseline: { label: '計画策定時', fiscalYear: null, value: 13.2 },
        target: { label: '令和5年度', fiscalYear: 2023, value: 13.2 },
        years: [year('令和2年度', 2020, 13.4, 13.2), year('令和3年度', 2021, null, 13.2), year('令和5年度', 2023, null, 13.2)],
      }),
    );
    expect(single.labels).toEqual(['令和2年度', '令和3年度', '令和4年度', '令和5年度']);
    expect(single.actual).toEqual([13.4, null, null, null]);
    expect(single.benchmark).toEqual([13.2, 13.2, null, 13.2]);
    expect(single.forecastPeriods).toBe(0);
  });

  it('titles the chart with the unit in the pane’s language, or the name alone without a unit', () => {
    expect(request(saku, { sheet: 'KPI集計', lang: 'en' }).title).toBe('「佐久市は住みやすい」と回答する人の割合 (%)');
    expect(request({ ...saku, unit: null }).title).toBe('「佐久市は住みやすい」と回答する人の割合');
    expect(request({ ...saku, unit: '  ' }).title).toBe('「佐久市は住みやすい」と回答する人の割合');
    expect(request(saku, { sheet: 'KPI集計 (2)', lang: 'ja' }).sheet).toBe('KPI集計 (2)');
  });

  it('refuses a KPI with no actual value (a baseline without a year does not count)', () => {
    expect(kpiChartRequest(kpi({ years: [year('R2', 2020, null, 5)] }), ja)).toEqual({ ok: false, reason: 'no-actual' });
    expect(
      kpiChartRequest(kpi({ baseline: { label: '計画策定時', fiscalYear: null, value: 93.5 }, years: [year('令和2年度', 2020, null, 100)] }), ja),
    ).toEqual({ ok: false, reason: 'no-actual' });
    expect(kpiChartRequest(kpi({}), ja)).toEqual({ ok: false, reason: 'no-actual' });
  });

  it('refuses actual values that have no fiscal year (the row layout’s 実績 column)', () => {
    const row = kpi({
      layout: 'row-per-kpi',
      baseline: { label: '2016~2018年平均', fiscalYear: null, value: 28903 },
      target: { label: '目標値', fiscalYear: null, value: 29000 },
      years: [year('実績', null, 30201, null)],
    });
    expect(kpiChartRequest(row, ja)).toEqual({ ok: false, reason: 'no-years' });
  });

  it('charts a baseline with a year even when the actual has none (as the pane’s own chart does)', () => {
    const row = kpi({
      layout: 'row-per-kpi',
      baseline: { label: '2018年', fiscalYear: 2018, value: 1498 },
      target: { label: '目標値', fiscalYear: null, value: 1600 },
      years: [year('実績', null, 1622, null)],
    });
    expect(request(row)).toMatchObject({ labels: ['2018年'], actual: [1498], benchmark: [1498], forecastPeriods: 0 });
  });
});
