import { chartModel, kpiSeries } from '../../src/taskpane/components/TrendChart';
import { kpiReport as kpi, yearResult as year } from '../helpers/kpiReport';

const finite = (n: number) => Number.isFinite(n);

describe('trend chart geometry', () => {
  const saku = kpi({
    baseline: { label: 'R1', fiscalYear: 2019, value: 78 },
    target: { label: 'R6', fiscalYear: 2024, value: 80 },
    years: [year('R2', 2020, 81.4, 78.4), year('R3', 2021, 77.3, 78.8), year('R6', 2024, null, 80)],
    trend: { method: 'ols', points: 3, slope: -0.41, intercept: 907.1, r2: 0.1, theilSenSlope: -0.2, projectedAtTarget: 77.3, outlook: '未達見込み', yearReached: null, requiredPace: 2, observedPace: -0.41, tentative: true, tentativeReasons: [] },
  });

  it('puts the baseline first in the actual series and ends the benchmark at the target', () => {
    const s = kpiSeries(saku);
    expect(s.actual.map((p) => [p.label, p.value])).toEqual([['R1', 78], ['R2', 81.4], ['R3', 77.3]]);
    expect(s.benchmark.map((p) => p.label)).toEqual(['R1', 'R2', 'R3', 'R6']);
    expect(s.target).toEqual({ year: 2024, label: 'R6', value: 80 });
  });

  it('maps years left to right and values bottom to top inside the drawing, the trend to the target year', () => {
    const m = chartModel(saku);
    if (!m) throw new Error('no chart');
    const xs = m.actual.map((p) => p.cx);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const r2 = m.actual[1];
    const r3 = m.actual[2];
    expect(r2.cy).toBeLessThan(r3.cy); // 81.4 is drawn above 77.3
    expect(m.trend?.[1].cx).toBe(m.target?.cx);
    expect(m.xTicks.map((t) => t.label)).toEqual(['R1', 'R2', 'R3', 'R6']);
  });

  it('degenerate input never gives NaN: one point, a constant series, no fiscal year', () => {
    const one = chartModel(kpi({ years: [year('R2', 2020, 5, null)] }));
    expect(one?.actual).toHaveLength(1);
    expect([one?.actual[0].cx, one?.actual[0].cy].every((n) => finite(n as number))).toBe(true);
    const flat = chartModel(kpi({ years: [year('R2', 2020, 0, 0), year('R3', 2021, 0, 0)] }));
    expect(flat?.actual.every((p) => finite(p.cx) && finite(p.cy))).toBe(true);
    expect(flat?.yTicks).toHaveLength(1);
    expect(chartModel(kpi({ years: [year('実績', null, 5, null)] }))).toBeNull();
  });

  it('long year labels are shown at both ends only (they would overlap)', () => {
    const m = chartModel(kpi({ years: ['令和2年度', '令和3年度', '令和4年度'].map((l, i) => year(l, 2020 + i, i, null)) }));
    expect(m?.xTicks.map((t) => t.label)).toEqual(['令和2年度', '令和4年度']);
  });
});
