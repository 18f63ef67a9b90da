import type { Direction } from '../../kpi';
import { atLeast, atMost } from '../numbers';
import { lineAt } from './point';
import type { Line } from './point';

/** Years beyond this are "never" for a municipal plan (and keep the result a safe integer). */
export const LAST_YEAR_REPORTED = 9999;

/**
 * The first whole fiscal year ≥ `fromYear` (the latest point's year) where `line` reaches `target` in the KPI's
 * direction (maintain: at least the target, as for up). Null when the line never gets there: slope 0 or the
 * wrong way while not yet there, or only after `LAST_YEAR_REPORTED`. Float noise at the crossing is tolerated.
 */
export function yearReached(line: Line, target: number, direction: Direction, fromYear: number): number | null {
  const ok = (x: number): boolean => {
    const y = lineAt(line, x);
    return direction === 'down' ? atMost(y, target) : atLeast(y, target);
  };
  const start = Math.ceil(fromYear);
  if (!Number.isFinite(start) || start > LAST_YEAR_REPORTED) return null;
  if (ok(start)) return start;
  const towards = direction === 'down' ? line.slope < 0 : line.slope > 0;
  if (!towards) return null;
  const crossing = (target - line.intercept) / line.slope;
  if (!Number.isFinite(crossing) || crossing > LAST_YEAR_REPORTED + 1) return null;
  let year = Math.max(start, Math.ceil(crossing));
  while (year > start && ok(year - 1)) year -= 1;
  while (!ok(year) && year <= LAST_YEAR_REPORTED) year += 1;
  return year <= LAST_YEAR_REPORTED ? year : null;
}
