import type { RawValue } from '../grid';
import type { CellProblem } from '../problems';

/** `以上` ge, `超` gt, `以下`/`以内` le, `未満` lt. */
export type Comparator = 'ge' | 'gt' | 'le' | 'lt';

/** Why a value is missing, in the report's words (SPEC §6). */
export type MissingReason = 'unpublished' | 'no-data' | 'ended';

/**
 * What the cell holds when it is not a value:
 * empty cell, a lone dash, a worded reason, an Excel error, or text that could not be read.
 */
export type MissingCause = 'empty' | 'dash' | 'unpublished' | 'no-data' | 'ended' | 'excel-error' | 'unreadable';

/** How a target is counted, from `(5年間の合計)`, `(5年間の平均)`, `(毎年度実績)`, `(計画終了時)`. */
export type TargetBasis = 'total' | 'average' | 'annual' | 'final';

/** One labelled part of a compound cell (`小93.5 中98.1`, `男性80.0 女性85.1`). */
export interface CellPart {
  label: string;
  value: number;
  decimals: number;
  comparator: Comparator | null;
  /** Base unit of this part when written with it (`人` of `3世帯9人`), else null; absent means null. */
  unit?: string | null;
  /** Scale word multiplier of this part (`千人` → 1000); absent means 1. */
  scale?: number;
}

/** One year-tagged value (`42.7(R1確定値)`). */
export interface YearTaggedValue {
  label: string;
  fiscalYear: number | null;
  value: number;
  provisional: boolean;
}

export interface CellReading {
  /** The text as normalised (NFKC, trimmed); `''` for an empty cell. Numbers give their plain text. */
  text: string;
  /** `value`: at least one number was read; `missing`: see `missing`. */
  kind: 'value' | 'missing';
  /** The primary number as written (sign applied, scale NOT applied): `1,498千円` → 1498. */
  value: number | null;
  /** Decimals as written, for display (`78.0` → 1). */
  decimals: number;
  /** Base unit without its scale word (`円`, `人`, `%`, `歳`), or null. */
  unit: string | null;
  /** Scale word multiplier: 1, 1e3 (千), 1e4 (万), 1e6 (百万), 1e8 (億). */
  scale: number;
  comparator: Comparator | null;
  /** Set when kind === 'missing'. */
  missing: MissingCause | null;
  /** Report reason derived from `missing` (empty/dash/error/unreadable → null). */
  missingReason: MissingReason | null;
  /** 速報値 / 暫定値 / 見込. */
  provisional: boolean;
  /** The whole cell is in parentheses, `(79.12歳)`: a reference figure, not an actual. */
  reference: boolean;
  /** The value came from a percent number format (0.781 shown `78.1%` → 78.1). */
  percentFormat: boolean;
  /** `595(803)` → 803. */
  secondary: number | null;
  /** `171(内空き家バンク契約数26件)` → `内空き家バンク契約数26件`. */
  breakdown: string | null;
  /** Compound values; empty for a plain cell. When non-empty, `value` is null. */
  parts: CellPart[];
  /** Year-tagged values; when a column year was given, `value` is the one of that year. */
  yearValues: YearTaggedValue[];
  basis: TargetBasis | null;
  /** `/年` after the unit: an annual figure. */
  perYear: boolean;
  /** `※…` note text, without the mark. */
  note: string | null;
  problems: CellProblem[];
}

export interface ReadCellOptions {
  /** The cell's Excel number format (`0.0%`, `#,##0`, `General`). */
  numberFormat?: string | null;
  /** Fiscal year of the column the cell is in, to pick among year-tagged values. */
  columnYear?: number | null;
}

/** Reads one cell. Never throws; every oddity is a problem in the result. */
export type ReadCell = (raw: RawValue, options?: ReadCellOptions) => CellReading;
