import type { CellProblem } from '../problems';
import type { EraName } from './eras';

/** What a header note says the column is: `R1（基準値）`, `R6（目標値）`, `計画策定時`, `現状値`. */
export type YearRoleHint = 'baseline' | 'target' | null;

export interface YearLabel {
  /** The label as written, normalised (NFKC, spaces collapsed). */
  label: string;
  /** Fiscal year (年度) or calendar year (年) in Western numbering, or null for an aggregate/range. */
  fiscalYear: number | null;
  /** `年` without `度`: a calendar year. */
  calendar: boolean;
  /** `H27〜H30の累計`, `2015～2019平均`: the years covered; null for a single year. */
  range: { from: number; to: number } | null;
  /** `累計`/`合計` → total, `平均` → average; null for a single year. */
  aggregate: 'total' | 'average' | null;
  /** `過去5年の累計`: a span counted back, with no absolute year. */
  relativeYears: number | null;
  roleHint: YearRoleHint;
  problems: CellProblem[];
  /** Era the (first) year is written in (`平成2年度` → heisei), null for a Western year; absent without a year. */
  era?: EraName | null;
  /** The number written after the era (`2` of `平成2年度`), null for a Western year. */
  eraYear?: number | null;
}

/** Parses a header or note text; null when it names no year (and no role hint). */
export type ParseYearLabel = (text: string) => YearLabel | null;
