import { median } from './median';
import type { Point } from './point';

/**
 * Theil–Sen slope: the median of the slopes (yj − yi)/(xj − xi) over all pairs i < j; pairs with equal x are
 * skipped. Robust to one outlying year. Degenerate input: no pair with distinct x (fewer than 2 points, or every
 * x equal) → null; non-finite pair slopes are skipped. The trend reports it only for n ≥ 3.
 */
export function theilSenSlope(points: readonly Point[]): number | null {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dx = points[j][0] - points[i][0];
      if (dx === 0) continue;
      const s = (points[j][1] - points[i][1]) / dx;
      if (Number.isFinite(s)) slopes.push(s);
    }
  }
  const m = median(slopes);
  return m !== null && Number.isFinite(m) ? m : null;
}
