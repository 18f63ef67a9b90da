import type { Direction, Kpi } from '../kpi';
import type { Comparator } from '../cells/types';
import type { Problem } from '../problems';
import { decimalsOf, formatNumber } from './format';
import { nearlyEqual } from './numbers';
import { readsHigherIsBetter } from './directionWords';

export type DirectionSource = 'override' | 'comparator' | 'target-vs-baseline' | 'benchmark-sequence' | 'default';

export interface DirectionInference {
  direction: Direction;
  /** Why, in Japanese, with the numbers (「目標値 80.0 が基準値 78.0 より大きいため上昇を目指す指標」). */
  reason: string;
  reasonEn: string;
  source: DirectionSource;
  /** `direction-conflict` warnings: the evidence disagrees; the user can set a direction override. */
  problems: Problem[];
}

const JA: Record<Direction, string> = { up: '上昇', down: '下降', maintain: '維持' };
const COMPARATOR_JA: Record<Comparator, string> = { ge: '以上', gt: '超', le: '以下・以内', lt: '未満' };
const FIX_JA = '意図と違う場合は、この指標の方向（上昇・下降・維持）を設定で上書きしてください';
const FIX_EN = 'if this is not what the plan means, set a direction override for this KPI';

function comparatorDirection(c: Comparator | null): Direction | null {
  if (c === 'le' || c === 'lt') return 'down';
  if (c === 'ge' || c === 'gt') return 'up';
  return null;
}

/**
 * Direction of the sheet's benchmark row, ordered by fiscal year (the target joins when the row has fewer than two
 * values); null when flat, mixed or too short.
 */
export function benchmarkSequenceDirection(kpi: Kpi): Direction | null {
  const points: [number, number][] = [];
  for (const y of kpi.years) {
    const v = y.benchmark?.value;
    if (y.fiscalYear !== null && v !== null && v !== undefined && Number.isFinite(v)) points.push([y.fiscalYear, v]);
  }
  const t = kpi.target;
  const tv = t?.value?.value;
  if (points.length < 2 && t && t.fiscalYear !== null && tv !== null && tv !== undefined && Number.isFinite(tv) && !points.some((p) => p[0] === t.fiscalYear)) {
    points.push([t.fiscalYear, tv]);
  }
  if (points.length < 2) return null;
  // Benchmark rows run in year order: sorting (which copies the array) only when they do not.
  if (points.some((p, i) => i > 0 && p[0] < points[i - 1][0])) points.sort((a, b) => a[0] - b[0]);
  let rises = 0;
  let falls = 0;
  for (let i = 1; i < points.length; i++) {
    if (nearlyEqual(points[i][1], points[i - 1][1])) continue;
    if (points[i][1] > points[i - 1][1]) rises++;
    else falls++;
  }
  if (rises > 0 && falls === 0) return 'up';
  if (falls > 0 && rises === 0) return 'down';
  return null;
}

/**
 * The direction a KPI aims at (SPEC §4), first that applies: the user's override; a comparator on the target or a
 * benchmark (以下/以内/未満 → down, 以上/超 → up); target vs baseline (equal → maintain); a rising or falling
 * benchmark row; else up. Without an override, disagreeing evidence gives `direction-conflict` problems:
 * comparator vs numbers, numbers vs benchmark row, and a target below the baseline for a name that reads
 * higher-is-better (001 seed lines 459–518). A KPI with no numbers at all gives `up` from `default`.
 */
export function inferDirection(kpi: Kpi, override?: Direction | null): DirectionInference {
  if (override) {
    return {
      direction: override,
      reason: `利用者の設定により${JA[override]}を目指す指標`,
      reasonEn: `set by the user: ${override}`,
      source: 'override',
      problems: [],
    };
  }
  const problems: Problem[] = [];
  const conflict = (cell: string | null, ja: string, en: string): void => {
    problems.push({ sheet: kpi.sheet, cell: cell ?? kpi.nameCell, code: 'direction-conflict', message: `${kpi.name}: ${ja}。${FIX_JA} / ${en}; ${FIX_EN}` });
  };

  // Comparators: the target's first, then the benchmarks'.
  const targetCmp = kpi.target?.value?.reading.comparator ?? null;
  const benchCmps: Comparator[] = [];
  for (const y of kpi.years) {
    const c = y.benchmark?.reading.comparator ?? null;
    if (c !== null) benchCmps.push(c);
  }
  const cmp = targetCmp ?? benchCmps[0] ?? null;
  const cmpDir = comparatorDirection(cmp);
  const disagrees = (c: Comparator | null): boolean => c !== null && comparatorDirection(c) !== cmpDir;
  if (cmpDir && (disagrees(targetCmp) || benchCmps.some(disagrees))) {
    conflict(kpi.target?.value?.cell ?? null, '目標値と目安値の「以上・以下」が食い違っています', 'the comparators of the target and the benchmarks disagree');
  }

  // Target vs baseline.
  const base = kpi.baseline?.value?.value;
  const target = kpi.target?.value?.value;
  let numbersDir: Direction | null = null;
  let numbersJa = '';
  let numbersEn = '';
  if (base !== null && base !== undefined && target !== null && target !== undefined && Number.isFinite(base) && Number.isFinite(target)) {
    const b = formatNumber(base, decimalsOf(kpi.baseline?.value, kpi.scale));
    const t = formatNumber(target, decimalsOf(kpi.target?.value, kpi.scale));
    if (nearlyEqual(target, base)) {
      numbersDir = 'maintain';
      numbersJa = `目標値 ${t} が基準値 ${b} と等しいため維持を目指す指標`;
      numbersEn = `target ${t} equals baseline ${b}: maintain`;
    } else if (target > base) {
      numbersDir = 'up';
      numbersJa = `目標値 ${t} が基準値 ${b} より大きいため上昇を目指す指標`;
      numbersEn = `target ${t} is above baseline ${b}: higher is better`;
    } else {
      numbersDir = 'down';
      numbersJa = `目標値 ${t} が基準値 ${b} より小さいため下降を目指す指標`;
      numbersEn = `target ${t} is below baseline ${b}: lower is better`;
    }
  }
  const seqDir = benchmarkSequenceDirection(kpi);

  if (cmpDir && cmp && numbersDir && numbersDir !== 'maintain' && numbersDir !== cmpDir) {
    conflict(
      kpi.target?.value?.cell ?? null,
      `「${COMPARATOR_JA[cmp]}」は${JA[cmpDir]}を示しますが、目標値と基準値の大小は${JA[numbersDir]}を示します。「${COMPARATOR_JA[cmp]}」に従い${JA[cmpDir]}として評価します`,
      `the comparator says ${cmpDir} but target vs baseline says ${numbersDir}; evaluated as ${cmpDir}`,
    );
  }
  if (numbersDir && seqDir && numbersDir !== 'maintain' && seqDir !== numbersDir) {
    conflict(
      kpi.target?.value?.cell ?? null,
      `目標値と基準値の大小は${JA[numbersDir]}を示しますが、目安値の並びは${JA[seqDir]}を示します`,
      `target vs baseline says ${numbersDir} but the benchmark row says ${seqDir}`,
    );
  }

  let result: Omit<DirectionInference, 'problems'>;
  if (cmpDir && cmp) {
    const where = targetCmp ? '目標値' : '目安値';
    result = {
      direction: cmpDir,
      reason: `${where}が「${COMPARATOR_JA[cmp]}」で示されているため${cmpDir === 'down' ? '低いほど良い（上限の）' : '高いほど良い'}指標`,
      reasonEn: `the ${targetCmp ? 'target' : 'benchmark'} is written with a comparator (${cmp}): ${cmpDir === 'down' ? 'lower is better (a limit)' : 'higher is better'}`,
      source: 'comparator',
    };
  } else if (numbersDir) {
    result = { direction: numbersDir, reason: numbersJa, reasonEn: numbersEn, source: 'target-vs-baseline' };
  } else if (seqDir) {
    result = {
      direction: seqDir,
      reason: `目安値が年々${seqDir === 'up' ? '増加' : '減少'}しているため${JA[seqDir]}を目指す指標`,
      reasonEn: `the benchmark row ${seqDir === 'up' ? 'rises' : 'falls'} year by year`,
      source: 'benchmark-sequence',
    };
  } else {
    result = {
      direction: 'up',
      reason: '基準値・目標値・目安値から方向を判断できないため上昇を目指す指標とみなす',
      reasonEn: 'no comparator, baseline/target pair or benchmark row: assumed higher is better',
      source: 'default',
    };
  }

  if (result.direction === 'down' && result.source !== 'comparator' && readsHigherIsBetter(kpi.name)) {
    conflict(
      kpi.target?.value?.cell ?? null,
      `${result.reason}と判定しましたが、指標名は多いほど良い数や率にも読めます（目標値を「下回らない」意味なら上昇です）`,
      `judged lower-is-better from the numbers, but the name reads like a count or rate where more is better`,
    );
  }
  // Written out, not `{ ...result, problems }`: a property after a spread is slow in Node 20 (once per KPI).
  return { direction: result.direction, reason: result.reason, reasonEn: result.reasonEn, source: result.source, problems };
}
