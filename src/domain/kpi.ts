import type { CellReading, TargetBasis } from './cells/types';
import type { Problem } from './problems';

export type Layout = 'year-columns' | 'row-per-kpi';
export type Direction = 'up' | 'down' | 'maintain';

/** One cell of a KPI with its reading and the number used by evaluation. */
export interface KpiValue {
  /** A1 address on the KPI's sheet, or null when the value does not come from a cell. */
  cell: string | null;
  /** Read-only: readings of identical cells are one shared (frozen) object. */
  reading: Readonly<CellReading>;
  /**
   * The number in the KPI's unit and scale (`kpi.scale`), or null when there is none to use
   * (missing, reference-only, compound without a part for this KPI).
   */
  value: number | null;
}

export interface KpiYear {
  /** Header label as written (`R2`, `令和2年度`, `2020年度`). */
  label: string;
  fiscalYear: number | null;
  benchmark: KpiValue | null;
  actual: KpiValue | null;
  /** The status cell of this year (block layout: the 進捗区分 row; row layout: the 状況 column). */
  status: StatusCell | null;
}

export interface StatusCell {
  cell: string;
  /** What the cell holds now, as text (`順調`, `''`), or null when empty. */
  existing: string | null;
  /** The cell holds a formula: never written. */
  formula: boolean;
  /** The cell is inside a merged area and is not its top-left cell. */
  mergedInside: boolean;
}

export interface KpiAnchor {
  label: string;
  fiscalYear: number | null;
  /** `H27〜H30の累計`: the baseline is an aggregate, not a point of the series. */
  aggregate: boolean;
  value: KpiValue | null;
}

export interface KpiTarget extends KpiAnchor {
  basis: TargetBasis | null;
}

/** A KPI as detected on a sheet: where its cells are and what they say. Plain data, no evaluation yet. */
export interface Kpi {
  /** Stable within a workbook: `sheet!range` (plus `#part` for a compound part). Keys per-KPI overrides. */
  id: string;
  sheet: string;
  /** A1 range covering the KPI's cells. */
  range: string;
  layout: Layout;
  group: string | null;
  /** Optional grouping column inside a table (アウトプット指標 / アウトカム指標). */
  category: string | null;
  name: string;
  nameCell: string | null;
  /** Circled number or other ordering mark stripped from the name (① → 1). */
  order: number | null;
  /** `【企画課】` source/department suffixes, kept apart from the name. */
  sources: string[];
  unit: string | null;
  /** Multiplier of the KPI's display unit (千円 → 1000); every `KpiValue.value` is in this scale. */
  scale: number;
  baseline: KpiAnchor | null;
  target: KpiTarget | null;
  years: KpiYear[];
  /** The KPI counts a running total over the plan (計画期間の累計, (5年間の合計)). */
  cumulative: boolean;
  problems: Problem[];
}

/** One detected table: where it is and which KPIs it gave. */
export interface DetectedTable {
  sheet: string;
  range: string;
  layout: Layout;
  header: string;
  kpis: Kpi[];
  /** Cells inside the table that were not understood. */
  problems: Problem[];
}

export interface Detection {
  tables: DetectedTable[];
  kpis: Kpi[];
  problems: Problem[];
}
