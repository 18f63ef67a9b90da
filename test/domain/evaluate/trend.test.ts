import { computeTrend, linearRegression, median, rSquared, theilSenSlope, yearReached } from '../../../src/domain/evaluate';
import type { Point } from '../../../src/domain/evaluate';
import { trendSchema } from '../../../src/domain/report';

const EPS = 1e-9;

describe('worked example 1: 000 seed 住みやすい, R1 baseline + R2–R5 actuals', () => {
  // Points: (2019, 78.0) (2020, 81.4) (2021, 77.3) (2022, 78.5) (2023, 77.4)
  // x̄ = 2021, ȳ = 392.6 / 5 = 78.52
  // x − x̄ = −2, −1, 0, 1, 2;  y − ȳ = −0.52, 2.88, −1.22, −0.02, −1.12
  // Sxy = 1.04 − 2.88 + 0 − 0.02 − 2.24 = −4.10;  Sxx = 4 + 1 + 0 + 1 + 4 = 10
  // slope = −0.41;  intercept = 78.52 + 0.41 × 2021 = 907.13
  // SStot = 0.2704 + 8.2944 + 1.4884 + 0.0004 + 1.2544 = 11.308;  SSreg = slope × Sxy = 1.681
  // R² = 1.681 / 11.308 = 0.148655819...
  // Pairwise slopes: 3.4, −0.35, 1/6, −0.15, −4.1, −1.45, −4/3, 1.2, 0.05, −1.1
  //   sorted: −4.1, −1.45, −1.333, −1.1, −0.35, −0.15, 0.05, 0.1667, 1.2, 3.4 → median (−0.35 − 0.15)/2 = −0.25
  // Projection at 2024: 78.52 − 0.41 × 3 = 77.29 < 80 → 未達見込み; slope < 0 → yearReached null
  // Required pace: (80 − 77.4) / (2024 − 2023) = 2.6; observed pace −0.41
  const points: Point[] = [
    [2019, 78.0],
    [2020, 81.4],
    [2021, 77.3],
    [2022, 78.5],
    [2023, 77.4],
  ];
  const t = computeTrend(points, { value: 80, fiscalYear: 2024, direction: 'up' });

  it('matches the hand arithmetic to 1e-9', () => {
    expect(t).not.toBeNull();
    if (!t) return;
    expect(Math.abs(t.slope - -0.41)).toBeLessThan(EPS);
    expect(Math.abs(t.intercept - 907.13)).toBeLessThan(1e-8); // intercept at year 0: 1e-9 relative to 2021 × slope
    expect(Math.abs((t.r2 as number) - 1.681 / 11.308)).toBeLessThan(EPS);
    expect(Math.abs((t.theilSenSlope as number) - -0.25)).toBeLessThan(EPS);
    expect(Math.abs((t.projectedAtTarget as number) - 77.29)).toBeLessThan(EPS);
    expect(Math.abs((t.requiredPace as number) - 2.6)).toBeLessThan(EPS);
    expect(t.observedPace).toBe(t.slope);
    expect(t.outlook).toBe('未達見込み');
    expect(t.yearReached).toBeNull();
    expect(t.points).toBe(5);
  });

  it('is tentative because R² < 0.5, and only for that', () => {
    expect(t?.tentative).toBe(true);
    expect(t?.tentativeReasons).toEqual(['決定係数 R² = 0.15（0.5未満）']);
    expect(() => trendSchema.parse(t)).not.toThrow();
  });
});

describe('worked example 2: a rising series that reaches its target late', () => {
  // Points: (2020, 10) (2021, 12) (2022, 15) (2023, 17); x̄ = 2021.5, ȳ = 13.5
  // x − x̄ = −1.5, −0.5, 0.5, 1.5; y − ȳ = −3.5, −1.5, 1.5, 3.5
  // Sxy = 5.25 + 0.75 + 0.75 + 5.25 = 12; Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5; slope = 2.4
  // intercept = 13.5 − 2.4 × 2021.5 = −4838.1
  // SStot = 12.25 + 2.25 + 2.25 + 12.25 = 29; SSreg = 2.4 × 12 = 28.8; R² = 28.8 / 29
  // Pairwise slopes: 2, 2.5, 7/3, 3, 2.5, 2 → sorted 2, 2, 2.333, 2.5, 2.5, 3 → median (7/3 + 2.5)/2 = 29/12
  // Target 25 in 2025: projection 13.5 + 2.4 × 3.5 = 21.9 → 未達見込み
  //   line ≥ 25 ⇔ x ≥ 2021.5 + 11.5/2.4 = 2026.29… → first whole year 2027
  //   required pace (25 − 17) / (2025 − 2023) = 4
  // Target 20: projection 21.9 ≥ 20 → 達成見込み; x ≥ 2021.5 + 6.5/2.4 = 2024.21 → 2025
  const points: Point[] = [
    [2020, 10],
    [2021, 12],
    [2022, 15],
    [2023, 17],
  ];

  it('target 25: 未達見込み, reached in 2027', () => {
    const t = computeTrend(points, { value: 25, fiscalYear: 2025, direction: 'up' });
    if (!t) throw new Error('trend expected');
    expect(Math.abs(t.slope - 2.4)).toBeLessThan(EPS);
    expect(Math.abs(t.intercept - -4838.1)).toBeLessThan(1e-8);
    expect(Math.abs((t.r2 as number) - 28.8 / 29)).toBeLessThan(EPS);
    expect(Math.abs((t.theilSenSlope as number) - 29 / 12)).toBeLessThan(EPS);
    expect(Math.abs((t.projectedAtTarget as number) - 21.9)).toBeLessThan(EPS);
    expect(t.outlook).toBe('未達見込み');
    expect(t.yearReached).toBe(2027);
    expect(Math.abs((t.requiredPace as number) - 4)).toBeLessThan(EPS);
    expect(t.tentative).toBe(false);
    expect(t.tentativeReasons).toEqual([]);
  });

  it('target 20: 達成見込み, reached in 2025', () => {
    const t = computeTrend(points, { value: 20, fiscalYear: 2025, direction: 'up' });
    expect(t?.outlook).toBe('達成見込み');
    expect(t?.yearReached).toBe(2025);
  });

  it('a down KPI with the same line never reaches a lower target', () => {
    const t = computeTrend(points, { value: 5, fiscalYear: 2025, direction: 'down' });
    expect(t?.outlook).toBe('未達見込み');
    expect(t?.yearReached).toBeNull();
  });

  it('a line already past the target reaches it in the latest year', () => {
    expect(yearReached({ slope: 2.4, intercept: -4838.1 }, 15, 'up', 2023)).toBe(2023);
  });
});

describe('degenerate input is decided, never NaN', () => {
  it('no point or one point → null', () => {
    expect(computeTrend([], { value: 1, fiscalYear: 2024, direction: 'up' })).toBeNull();
    expect(computeTrend([[2020, 5]], { value: 1, fiscalYear: 2024, direction: 'up' })).toBeNull();
    expect(linearRegression([[2020, 5]])).toBeNull();
  });

  it('all x equal → null (no slope exists)', () => {
    expect(linearRegression([[2020, 1], [2020, 3]])).toBeNull();
    expect(theilSenSlope([[2020, 1], [2020, 3], [2020, 4]])).toBeNull();
    expect(computeTrend([[2020, 1], [2020, 3], [2020, 4]], { value: 5, fiscalYear: 2024, direction: 'up' })).toBeNull();
  });

  it('two points: slope and intercept, no R² or Theil–Sen, tentative', () => {
    // (2020, 1), (2022, 5): slope 4/2 = 2, intercept 1 − 2 × 2020 = −4039
    const t = computeTrend([[2020, 1], [2022, 5]], { value: 9, fiscalYear: 2024, direction: 'up' });
    expect(t).toMatchObject({ slope: 2, intercept: -4039, r2: null, theilSenSlope: null, projectedAtTarget: 9, outlook: '達成見込み', yearReached: 2024 });
    expect(t?.tentativeReasons).toEqual(['実績の点が2個（4個未満）']);
  });

  it('constant y: slope exactly 0, R² undefined (null) and not a reason for 参考', () => {
    const pts: Point[] = [[2020, 0.1], [2021, 0.1], [2022, 0.1], [2023, 0.1]];
    expect(linearRegression(pts)).toEqual({ slope: 0, intercept: 0.1 });
    expect(rSquared(pts, { slope: 0, intercept: 0.1 })).toBeNull();
    const t = computeTrend(pts, { value: 0.1, fiscalYear: 2024, direction: 'up' });
    expect(t).toMatchObject({ slope: 0, r2: null, theilSenSlope: 0, outlook: '達成見込み', yearReached: 2023, tentative: false });
    const miss = computeTrend(pts, { value: 0.2, fiscalYear: 2024, direction: 'up' });
    expect(miss).toMatchObject({ outlook: '未達見込み', yearReached: null });
  });

  it('OLS and Theil–Sen of opposite signs make the trend 参考', () => {
    // One outlier drags OLS down while most pairs rise: slopes of (1,2,3,4,−20).
    const pts: Point[] = [[2019, 1], [2020, 2], [2021, 3], [2022, 4], [2023, -20]];
    const t = computeTrend(pts, { value: 10, fiscalYear: 2024, direction: 'up' });
    expect((t?.slope as number) < 0 && (t?.theilSenSlope as number) > 0).toBe(true);
    expect(t?.tentativeReasons).toContain('最小二乗法と Theil–Sen 法で傾きの向きが逆');
  });

  it('no target: no projection, outlook, year or pace', () => {
    const t = computeTrend([[2020, 1], [2021, 2], [2022, 3]], { value: null, fiscalYear: null, direction: 'up' });
    expect(t).toMatchObject({ projectedAtTarget: null, outlook: null, yearReached: null, requiredPace: null });
  });

  it('huge values: a slope that overflows gives null; finite parts survive, overflowing ones become null', () => {
    expect(computeTrend([[2020, -1.7e308], [2021, 0], [2022, 1.7e308]], { value: 1, fiscalYear: 2024, direction: 'up' })).toBeNull();
    expect(linearRegression([[2020, -1.7e308], [2021, 1.7e308]])).toBeNull();
    // Symmetric: slope exactly 0, but SStot overflows → R² null; pair slopes of ±2e308 are skipped by Theil–Sen.
    const t = computeTrend([[2020, 1e308], [2021, -1e308], [2022, 1e308]], { value: 1, fiscalYear: 2024, direction: 'up' });
    expect(t).toMatchObject({ slope: 0, r2: null, theilSenSlope: 0 });
    expect(() => trendSchema.parse(t)).not.toThrow();
  });

  it('a crossing after year 9999 is "never"', () => {
    expect(yearReached({ slope: 1e-9, intercept: 0 }, 1, 'up', 2023)).toBeNull();
  });

  it('median of an even count averages the middle two and does not mutate', () => {
    const xs = [3, 1, 4, 2];
    expect(median(xs)).toBe(2.5);
    expect(xs).toEqual([3, 1, 4, 2]);
    expect(median([])).toBeNull();
  });
});
