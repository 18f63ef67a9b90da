import type { Direction } from '../../kpi';
import type { TrendResult } from '../../report';
import { atLeast, atMost, finiteOrNull } from '../numbers';
import { linearRegression } from './linearRegression';
import { lineAt } from './point';
import type { Point } from './point';
import { rSquared } from './rSquared';
import { theilSenSlope } from './theilSenSlope';
import { yearReached } from './yearReached';

export interface TrendTarget {
  /** Final target value, or null. */
  value: number | null;
  /** Fiscal year of the target, or null. */
  fiscalYear: number | null;
  direction: Direction;
}

/** Fewer points than this, and the trend is 参考 (tentative). */
export const MIN_POINTS_FIRM = 4;
/** An R² below this, and the trend is 参考. */
export const MIN_R2_FIRM = 0.5;

/**
 * The trend of a KPI's actual series (SPEC §4): OLS slope and intercept (n ≥ 2); R² and Theil–Sen slope (n ≥ 3);
 * the line's value at the target year and the outlook (達成見込み when it reaches the target in the KPI's
 * direction, maintain as up); the first year the line reaches the target; the pace needed from the latest point
 * ((target − latest)/(target year − latest year), null when the target year is not after it) versus the observed
 * pace (the slope). 参考 (tentative) when n < 4, R² < 0.5, or OLS and Theil–Sen slopes have opposite signs
 * (one of them 0 is not a disagreement); an undefined R² (constant y) does not make it tentative.
 * Degenerate input: non-finite points are dropped; fewer than 2 points, or all x equal → null; any optional
 * number that would not be finite → null; never NaN or Infinity.
 */
export function computeTrend(input: readonly Point[], target: TrendTarget): TrendResult | null {
  const points = input.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  const line = linearRegression(points);
  if (!line) return null;
  const n = points.length;
  const r2 = n >= 3 ? rSquared(points, line) : null;
  const ts = n >= 3 ? theilSenSlope(points) : null;

  const latest = points.reduce((best, p) => (p[0] >= best[0] ? p : best), points[0]);
  const tv = target.value !== null && Number.isFinite(target.value) ? target.value : null;
  const ty = target.fiscalYear !== null && Number.isFinite(target.fiscalYear) ? target.fiscalYear : null;

  const projected = ty !== null ? finiteOrNull(lineAt(line, ty)) : null;
  let outlook: TrendResult['outlook'] = null;
  if (projected !== null && tv !== null) {
    const ok = target.direction === 'down' ? atMost(projected, tv) : atLeast(projected, tv);
    outlook = ok ? '達成見込み' : '未達見込み';
  }
  const reached = tv !== null ? yearReached(line, tv, target.direction, latest[0]) : null;
  const requiredPace = tv !== null && ty !== null && ty > latest[0] ? finiteOrNull((tv - latest[1]) / (ty - latest[0])) : null;

  const reasons: string[] = [];
  if (n < MIN_POINTS_FIRM) reasons.push(`実績の点が${n}個（${MIN_POINTS_FIRM}個未満）`);
  if (r2 !== null && r2 < MIN_R2_FIRM) reasons.push(`決定係数 R² = ${r2.toFixed(2)}（${MIN_R2_FIRM}未満）`);
  if (ts !== null && line.slope * ts < 0) reasons.push('最小二乗法と Theil–Sen 法で傾きの向きが逆');

  return {
    method: 'ols',
    points: n,
    slope: finiteOrNull(line.slope) ?? 0,
    intercept: finiteOrNull(line.intercept) ?? 0,
    r2: finiteOrNull(r2),
    theilSenSlope: finiteOrNull(ts),
    projectedAtTarget: projected,
    outlook,
    yearReached: reached,
    requiredPace,
    observedPace: finiteOrNull(line.slope),
    tentative: reasons.length > 0,
    tentativeReasons: reasons,
  };
}
