import type { Scheme } from '../../domain/evaluate';
import type { Direction } from '../../domain/kpi';
import type { Settings } from '../../domain/settings';

/** What the user chose in the task pane; stored in the workbook's settings when the results are written. */
export interface EvaluationChoices {
  /** A preset id, or a whole scheme (a preset with edited thresholds, or one stored in the workbook). */
  scheme: string | Scheme;
  /** Fiscal year of the evaluation; null = the latest year of each KPI. */
  asOf: number | null;
  /** Per-KPI direction, keyed by KPI id (`sheet!range`); a KPI not listed is automatic. */
  directionOverrides: Record<string, Direction>;
  /** Write the basis of each judgment in a cell note. */
  notes: boolean;
  /** Replace status cells that hold other text (the user confirmed it for this run). Never stored. */
  overwrite: boolean;
}

/** The choices the workbook's stored settings say, before the user changes anything. */
export function choicesFromSettings(settings: Settings): EvaluationChoices {
  return {
    scheme: settings.scheme as string | Scheme,
    asOf: settings.asOf,
    directionOverrides: { ...settings.directionOverrides },
    notes: settings.notes,
    overwrite: false,
  };
}

/** The stored settings with the user's choices over them (what this run uses and the plan stores). */
export function settingsWithChoices(stored: Settings, choices: EvaluationChoices): Settings {
  return {
    ...stored,
    scheme: choices.scheme as Settings['scheme'],
    asOf: choices.asOf,
    notes: choices.notes,
    directionOverrides: { ...choices.directionOverrides },
  };
}

/** `choices` with one KPI's direction set, or back to automatic when `direction` is null. */
export function withDirection(choices: EvaluationChoices, kpiId: string, direction: Direction | null): EvaluationChoices {
  const directionOverrides = { ...choices.directionOverrides };
  if (direction === null) delete directionOverrides[kpiId];
  else directionOverrides[kpiId] = direction;
  return { ...choices, directionOverrides };
}
