import type { Direction } from '../../kpi';
import type { Comparator } from '../../cells/types';
import { atLeast, atMost, nearlyEqual } from '../numbers';

/**
 * How an actual compares with a reference (a benchmark or the target):
 * - `ratio` actual/reference, `inverse-ratio` reference/actual for a down KPI (1 = on the reference);
 * - `progress` (actual − baseline)/(reference − baseline) when a value is negative: a ratio of signed numbers
 *   means nothing (▲312 → ▲275, 001 seed line 250), progress along the planned path does (1 = on the reference);
 * - `comparison` only "reached or not", when neither works (a zero reference, a zero actual of a down KPI,
 *   negative values without a usable baseline);
 * - `both-zero`: reference and actual both 0 (000 seed line 236: 実績値なし).
 * A maintain KPI is judged like an up KPI: "at least the reference" (000 seed line 385: 人口密度 target 26.2 =
 * baseline 26.2, actual 30.1 → 順調).
 */
export type Measure =
  | { kind: 'ratio' | 'inverse-ratio'; value: number; strictMiss: boolean }
  | { kind: 'progress'; value: number; baseline: number; strictMiss: boolean }
  | { kind: 'comparison'; reached: boolean; why: 'zero-reference' | 'zero-actual' | 'negative-without-baseline' }
  | { kind: 'both-zero' };

/** The actual is on the good side of (or equal to) the reference. A strict comparator (未満, 超) makes equality a miss. */
export function reaches(actual: number, reference: number, direction: Direction, comparator: Comparator | null = null): boolean {
  if ((comparator === 'lt' || comparator === 'gt') && nearlyEqual(actual, reference)) return false;
  return direction === 'down' ? atMost(actual, reference) : atLeast(actual, reference);
}

export function measureAgainst(
  actual: number,
  reference: number,
  baseline: number | null,
  direction: Direction,
  comparator: Comparator | null = null,
): Measure {
  const down = direction === 'down';
  const strictMiss = (comparator === 'lt' || comparator === 'gt') && nearlyEqual(actual, reference);
  if (actual === 0 && reference === 0) return { kind: 'both-zero' };
  const progress = (): Measure | null => {
    if (baseline === null || nearlyEqual(reference, baseline)) return null;
    const value = (actual - baseline) / (reference - baseline);
    return Number.isFinite(value) ? { kind: 'progress', value, baseline, strictMiss } : null;
  };
  if (actual < 0 || reference < 0 || (baseline !== null && baseline < 0)) {
    return progress() ?? { kind: 'comparison', reached: reaches(actual, reference, direction, comparator), why: 'negative-without-baseline' };
  }
  if (reference === 0) {
    // up: any positive actual beats a zero benchmark. down: a positive actual misses it; how far, progress says.
    if (!down) return { kind: 'comparison', reached: true, why: 'zero-reference' };
    return progress() ?? { kind: 'comparison', reached: false, why: 'zero-reference' };
  }
  if (actual === 0 && down) return { kind: 'comparison', reached: true, why: 'zero-actual' };
  const value = down ? reference / actual : actual / reference;
  if (!Number.isFinite(value)) return { kind: 'comparison', reached: reaches(actual, reference, direction, comparator), why: 'zero-actual' };
  return { kind: down ? 'inverse-ratio' : 'ratio', value, strictMiss };
}
