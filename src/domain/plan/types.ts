import type { RawValue } from '../grid';
import type { Problem } from '../problems';
import type { BackupRow } from './backup';

/**
 * The port's output: everything a run will change, as plain data. Both adapters (ExcelJS and the Office JavaScript API)
 * carry out the same plan; nothing else in a user's sheet is touched.
 */

/** One status cell to write. `value` is always text: categories are never numbers or formulas. */
export interface StatusWrite {
  sheet: string;
  /** A1 address. */
  cell: string;
  row: number;
  col: number;
  value: string;
  /** What the cell held before (for the backup). */
  previous: RawValue;
  /** Optional note with the basis (`実績 77.4 / 目安 79.6 = 97.2% → 概ね順調`). */
  note: string | null;
}

/** One colour rule per category over the status cells of one sheet; a hand edit recolours itself. */
export interface ConditionalFormatPlan {
  sheet: string;
  /** A1 ranges (status cells, merged into runs where possible). */
  ranges: string[];
  rules: { text: string; fill: string; font: string }[];
}

export interface SummaryCell {
  value: string | number | null;
  bold?: boolean;
  fill?: string;
  font?: string;
  numberFormat?: string;
  /** Internal link to a cell of the workbook. */
  link?: { sheet: string; cell: string; text: string };
  /** Indent or wrap hints for readability. */
  wrap?: boolean;
}

export interface SummaryTablePlan {
  /** Excel table name (letters, digits, underscore). */
  name: string;
  /** 0-based sheet row of the header row. */
  top: number;
  columns: { header: string; width: number; numberFormat?: string }[];
  rows: SummaryCell[][];
}

export interface SummaryPlan {
  name: string;
  /** Rows written from A1 above the table (title, as-of, legend, counts). */
  head: SummaryCell[][];
  table: SummaryTablePlan;
  /** Category counts per group, for the chart (add-in) and tests. */
  counts: { group: string; counts: Record<string, number>; total: number }[];
  /** 0-based column of the category inside the table, for conditional formatting. */
  categoryColumn: number;
  /** Colour rules for the category column (same as the status cells'). */
  rules: { text: string; fill: string; font: string }[];
}

/** The previous contents of one cell, kept so that restore can put it back. */
export interface BackupEntry {
  sheet: string;
  cell: string;
  /** Previous value; null = empty. */
  previous: RawValue;
  /** Previous note text, when the run writes a note. */
  previousNote: string | null;
}

export interface BackupPlan {
  sheetName: string;
  /** Every cell changed, colour rule and sheet added since the first run, with the cells' original values. */
  rows: BackupRow[];
}

export interface WritePlan {
  statusWrites: StatusWrite[];
  conditionalFormats: ConditionalFormatPlan[];
  summary: SummaryPlan;
  backup: BackupPlan;
  settings: { sheetName: string; json: string };
  /** Cells the plan refused to write, with why (formula, occupied, merged, protected). */
  problems: Problem[];
}
