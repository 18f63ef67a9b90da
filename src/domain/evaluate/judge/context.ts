import type { Direction } from '../../kpi';
import type { Comparator } from '../../cells/types';
import type { ProblemCode } from '../../problems';
import type { YearBasis } from '../../report';
import type { ActualState } from '../actual';
import type { BenchmarkPoint } from '../benchmark';
import { formatNumber } from '../format';

/** A number with the decimals to show it with. */
export interface Shown {
  value: number;
  decimals: number;
}

/** Everything a scheme needs to judge one year. */
export interface YearContext {
  direction: Direction;
  actual: ActualState;
  /** Decimals of the actual as written. */
  actualDecimals: number;
  benchmark: BenchmarkPoint;
  /** The baseline as a level (an aggregate baseline counts here; it is only excluded from lines and trends). */
  baseline: Shown | null;
  target: (Shown & { comparator: Comparator | null }) | null;
  unit: string | null;
  name: string;
}

export interface Judgment {
  category: string | null;
  basis: YearBasis;
  basisValue: number | null;
  ratio: number | null;
  explanation: string;
  problems: { code: ProblemCode; message: string }[];
}

export function show(s: Shown): string {
  return formatNumber(s.value, s.decimals);
}

/** Why there is no actual, in a few words (`実績値が未公表`). */
export function missingPhrase(actual: ActualState & { kind: 'missing' }, decimals: number): string {
  switch (actual.cause) {
    case 'empty':
      return '実績値が空欄';
    case 'dash':
      return actual.reason === 'unpublished' ? '実績値が未公表' : '実績値が「−」';
    case 'unpublished':
      return '実績値が未公表';
    case 'no-data':
      return '実績値なし（調査なし等）';
    case 'ended':
      return '事業終了のため実績値なし';
    case 'unreadable':
      return '実績値を読み取れない';
    case 'reference':
      return actual.reference !== null ? `実績欄は参考値（${formatNumber(actual.reference, decimals)}）のみ` : '実績欄は参考値のみ';
    case 'no-value':
      return '実績値なし';
  }
}

export function isUnpublished(actual: ActualState): boolean {
  return actual.kind === 'missing' && (actual.cause === 'unpublished' || actual.reason === 'unpublished');
}

export const DIRECTION_NOTE: Record<Direction, string> = {
  up: '',
  down: '（低いほど良い指標）',
  maintain: '（維持を目指す指標: 下回らなければ順調とみなす）',
};

/** The same notes for band schemes, where "順調" is not a category. */
export const BAND_DIRECTION_NOTE: Record<Direction, string> = {
  up: '',
  down: '（低いほど良い指標）',
  maintain: '（維持を目指す指標: 下回らなければ到達とみなす）',
};

export function judgment(partial: Partial<Judgment> & Pick<Judgment, 'category' | 'explanation'>): Judgment {
  // Written out, not `{ defaults, ...partial }`: one judgment per year of every KPI, and a spread copy is slow.
  return {
    category: partial.category,
    basis: partial.basis ?? 'none',
    basisValue: partial.basisValue ?? null,
    ratio: partial.ratio ?? null,
    explanation: partial.explanation,
    problems: partial.problems ?? [],
  };
}
