import type { Line, Point } from './point';

/**
 * Ordinary least squares through `points`: slope = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)², intercept = ȳ − slope·x̄
 * (centred sums, so years near 2020 lose no precision).
 * Degenerate input, decided: fewer than 2 points → null; every x equal (no slope exists) → null; every y equal →
 * slope exactly 0, intercept that y (not a float-noise slope of 1e-17). Any non-finite result → null.
 */
export function linearRegression(points: readonly Point[]): Line | null {
  const n = points.length;
  if (n < 2) return null;
  const y0 = points[0][1];
  if (points.every((p) => p[1] === y0)) {
    return points.every((p) => p[0] === points[0][0]) ? null : { slope: 0, intercept: y0 };
  }
  // `p[0]`, `p[1]` rather than `[x, y]` destructuring, which goes through an iterator (once per KPI).
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    sx += p[0];
    sy += p[1];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p[0] - mx) * (p[0] - mx);
    sxy += (p[0] - mx) * (p[1] - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  return Number.isFinite(slope) && Number.isFinite(intercept) ? { slope, intercept } : null;
}
