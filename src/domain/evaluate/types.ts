import type { Direction } from '../kpi';

/** How a category looks and what it means; the text is always written, colour is only a second signal. */
export interface CategoryStyle {
  label: string;
  /** Fill colour, `#RRGGBB`. */
  fill: string;
  /** Font colour, `#RRGGBB`, chosen for contrast with `fill`. */
  font: string;
  meaning: { ja: string; en: string };
}

export interface EvaluateOptions {
  /** Fiscal year of the evaluation: years after it are not judged. null = every year with an actual. */
  asOf: number | null;
  /** Per-KPI direction chosen by the user, keyed by `Kpi.id`. */
  directionOverrides?: Record<string, Direction>;
}
