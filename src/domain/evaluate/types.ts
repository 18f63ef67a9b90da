import type { Direction } from '../kpi';

/** How a category looks and what it means; the text is always written, colour is only a second signal. */
export interface CategoryStyle {
  label: string;
  /** Fill colour, `#RRGGBB`. */
  fill: string;
  /** Font colour, `#RRGGBB`, chosen for contrast with `fill`. */
  font: string;
  meaning: { ja: string; en: string };
  /**
   * What the category stands for inside its scheme (`good`, `fair`, `poor`, `unpublished`, `no-data`,
   * `target-reached`, `band`, `missing`), so labels can be renamed without changing the rule. Optional for
   * consumers that only draw legends.
   */
  role?: string;
}

export interface EvaluateOptions {
  /** Fiscal year of the evaluation: years after it are not judged. null = every year with an actual. */
  asOf: number | null;
  /** Per-KPI direction chosen by the user, keyed by `Kpi.id`. */
  directionOverrides?: Record<string, Direction>;
}
