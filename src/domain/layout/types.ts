import type { Layout } from '../kpi';

/** Roles a header cell or a row label can play in a KPI table (SPEC §2). */
export type Role = 'name' | 'baseline' | 'target' | 'benchmark' | 'actual' | 'status' | 'unit' | 'group';

/** Words per role, matched on normalised text (NFKC, spaces removed). Configurable per workbook. */
export type Synonyms = Record<Role, string[]>;

/** A column (`'D'`) and the year label it stands for (`'R2'`, `'令和2年度'`). */
export interface MappedYearColumn {
  column: string;
  label: string;
}

/**
 * The user's correction of one table: which rows/columns play which role inside `range`.
 * Rows are 1-based sheet rows, columns are letters, as the user sees them in Excel.
 */
export interface TableMapping {
  sheet: string;
  /** A1 range of the whole table, header included. */
  range: string;
  layout: Layout;
  /** Sheet row (1-based) of the header naming the columns. */
  headerRow: number;
  nameColumn: string;
  /** year-columns: the column holding 目安値/実績値/進捗区分. */
  labelColumn?: string;
  unitColumn?: string;
  baselineColumn?: string;
  targetColumn?: string;
  /** year-columns: every year column; row-per-kpi: the 実績 column (one entry). */
  yearColumns?: MappedYearColumn[];
  /** row-per-kpi: the 状況 column. */
  statusColumn?: string;
  /** year-columns: the row labels, replacing the synonyms inside this table. */
  rowLabels?: { benchmark?: string[]; actual?: string[]; status?: string[] };
  /** Group (基本目標…) of every KPI of the table. */
  group?: string;
}

export interface DetectOptions {
  synonyms?: Partial<Synonyms>;
  mappings?: TableMapping[];
  /** Only these sheet names. Without it every sheet but the very hidden ones (the tool's own) is read. */
  sheets?: string[];
}
