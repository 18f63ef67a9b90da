import type { Problem } from '../problems';

/**
 * What a table's rows and columns mean, found by detection or given by the user's mapping; the assemblers
 * (yearBlocks.ts, rowTable.ts) turn a spec into KPIs the same way in both cases.
 */

export interface YearColumn {
  col: number;
  /** As written, normalised, without its role note (`R2`, `令和2年度`). */
  label: string;
  fiscalYear: number | null;
}

export interface AnchorColumn extends YearColumn {
  /** `H27〜H30の累計`: an aggregate, not a point of the series. */
  aggregate: boolean;
}

export type RowRole = 'benchmark' | 'actual' | 'status';

export interface RowLabels {
  benchmark: ReadonlySet<string>;
  actual: ReadonlySet<string>;
  status: ReadonlySet<string>;
}

export interface YearTableSpec {
  layout: 'year-columns';
  headerRow: number;
  /** First row of the table: the header, or the `指標名 | name` row above it (002 seed line 48). */
  top: number;
  /** Last row the blocks may reach (a mapping's range); the sheet's bottom otherwise. */
  limit: number;
  left: number;
  right: number;
  labelCol: number;
  nameCol: number | null;
  unitCol: number | null;
  /** 小諸 variant: the name cell of the `指標名` row above the header. */
  nameAbove: { row: number; col: number } | null;
  /** 小諸 variant: `単位 | %` or `単位 g` above the header. */
  unitAbove: { text: string; row: number; col: number } | null;
  baseline: AnchorColumn | null;
  target: AnchorColumn | null;
  years: YearColumn[];
  labels: RowLabels;
  group: string | null;
  /** Header problems (era typo, unreadable year), reported with every KPI of the table. */
  problems: Problem[];
}

export interface RowTableSpec {
  layout: 'row-per-kpi';
  headerRow: number;
  top: number;
  /** First data row (after a year sub-header row, 004 seed line 268). */
  firstRow: number;
  limit: number;
  left: number;
  right: number;
  nameCol: number;
  /** Columns left of the name under the same header (001 seed line 236: the aim `総所得の向上`). */
  aimCols: number[];
  groupCol: number | null;
  unitCol: number | null;
  statusCol: number | null;
  baseline: AnchorColumn | null;
  target: AnchorColumn | null;
  /** The 実績 column(s): `実績` or a year (`2020年度`, 001 seed line 321). */
  years: YearColumn[];
  group: string | null;
  /** A mapping reads every row of its range; detection stops at prose and blank rows. */
  mapped: boolean;
  problems: Problem[];
}

export type TableSpec = YearTableSpec | RowTableSpec;
