/**
 * Data problems are collected, never thrown (STYLE.md, "zod's core"): each names its cell when it has one.
 */
export type ProblemCode =
  // cell text (Engine I)
  | 'unparsed-value'
  | 'excel-error'
  | 'not-finite'
  | 'unit-mismatch'
  | 'scale-mixed'
  | 'year-typo'
  | 'year-unparsed'
  | 'reference-only'
  | 'compound-mismatch'
  // layout (Engine II)
  | 'no-kpi-table'
  | 'missing-year-header'
  | 'missing-actual-row'
  | 'unrecognised-cell'
  | 'duplicate-year'
  | 'mapping-invalid'
  // evaluation (Engine III)
  | 'direction-conflict'
  | 'no-benchmark'
  | 'ratio-not-meaningful'
  | 'category-disagreement'
  | 'scheme-invalid'
  // writing back
  | 'formula-cell'
  | 'occupied-cell'
  | 'merged-status-cell'
  | 'shared-status-cell'
  | 'protected-sheet'
  | 'sheet-name-taken'
  | 'settings-invalid'
  // reading the file (adapters)
  | 'sheet-too-large';

export interface Problem {
  /** Sheet the cell is on; null for workbook-level problems. */
  sheet: string | null;
  /** A1 address (`E4`) or range, or null when the problem has no single cell. */
  cell: string | null;
  code: ProblemCode;
  message: string;
}

/** A problem found inside one cell before its address is known (Engine I output). */
export interface CellProblem {
  code: ProblemCode;
  message: string;
}

export function problemAt(sheet: string | null, cell: string | null, p: CellProblem): Problem {
  return { sheet, cell, code: p.code, message: p.message };
}
