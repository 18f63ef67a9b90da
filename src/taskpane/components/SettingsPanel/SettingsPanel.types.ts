import type * as React from 'react';
import type { CategoryStyle, Scheme } from '../../../domain/evaluate';
import type { Direction } from '../../../domain/kpi';
import type { RunResult } from '../../../domain/pipeline';
import type { EvaluationChoices } from '../../flow/choices';
import type { ThresholdField } from '../../flow/scheme';

/** One change the user made; the App re-runs the evaluation with it (no new read of the workbook). */
export type SettingsChange =
  | { kind: 'scheme'; id: string }
  | { kind: 'threshold'; key: string; text: string }
  | { kind: 'asOf'; asOf: number | null }
  | { kind: 'notes'; notes: boolean }
  | { kind: 'direction'; kpiId: string; direction: Direction | null };

export interface SettingsPanelProps {
  result: RunResult;
  choices: EvaluationChoices;
  /** The preset schemes (engine's `presetScheme` of each `PRESET_IDS`). */
  presets: readonly Scheme[];
  /** The workbook's own scheme (not a preset), offered beside the presets; null when there is none. */
  ownScheme: Scheme | null;
  /** Categories of the scheme in use. */
  categories: readonly CategoryStyle[];
  /** A threshold the engine refused, with why; the field keeps what the user typed. */
  thresholdError: { key: string; message: string } | null;
  onChange: (ev: React.SyntheticEvent, data: SettingsChange) => void;
}

export interface SettingsThreshold extends ThresholdField {
  fieldLabel: string;
  draft: string;
  error: string | null;
  onDraftChange: (ev: React.ChangeEvent<HTMLInputElement>, data: { value: string }) => void;
  onCommit: (ev: React.SyntheticEvent) => void;
  onKeyDown: (ev: React.KeyboardEvent<HTMLInputElement>) => void;
}

export interface SettingsPanelState {
  schemeOptions: { value: string; label: string }[];
  schemeValue: string;
  basisText: string;
  legend: { label: string; style: CategoryStyle; meaning: string }[];
  thresholds: SettingsThreshold[];
  asOfOptions: { value: string; label: string }[];
  asOfValue: string;
  notes: boolean;
  directions: { id: string; name: string; value: string }[];
  directionOptions: { value: string; label: string }[];
  onSchemeChange: (ev: React.ChangeEvent<HTMLSelectElement>, data: { value: string }) => void;
  onAsOfChange: (ev: React.ChangeEvent<HTMLSelectElement>, data: { value: string }) => void;
  onNotesChange: (ev: React.ChangeEvent<HTMLInputElement>, data: { checked: boolean }) => void;
  onDirectionChange: (kpiId: string) => (ev: React.ChangeEvent<HTMLSelectElement>, data: { value: string }) => void;
  text: {
    schemeLabel: string;
    legendLabel: string;
    thresholdsLabel: string;
    thresholdsNone: string;
    asOfLabel: string;
    notesLabel: string;
    directionsHeading: string;
    settingsSaved: string;
  };
}
