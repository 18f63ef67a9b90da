import type * as React from 'react';
import type { CategoryStyle, Scheme } from '../../../domain/evaluate';
import type { RunResult } from '../../../domain/pipeline';
import type { HostSnapshot, RestoreOutcome, WorkbookHost, WriteOutcome } from '../../../workbook/port';
import type { EvaluationChoices } from '../../flow/choices';
import type { Messages } from '../../i18n';
import type { KpiChartAction } from '../kpiChart';
import type { LossConsentProps } from '../LossConsent';
import type { ResultPanelProps } from '../ResultPanel';
import type { ReviewView } from '../ReviewTabs';
import type { SettingsChange } from '../SettingsPanel';
import type { SelectRangeHandler } from '../selectRange';
import type { StartPanelProps } from '../StartPanel';
import type { WorkProgressProps } from '../WorkProgress';

export interface AppProps {
  /** Chosen once at start-up: Excel (Office.js) or the browser page (ExcelJS on a file the user opens). */
  host: WorkbookHost;
  /** Office.js loaded but failed to initialise: shown as a warning, the pane runs as the browser version. */
  startupProblem?: string;
  /** Hands the evaluated workbook to the user (browser page). Default: a download link; tests pass a fake. */
  saveFile?: (name: string, bytes: Uint8Array) => void;
}

/** Long work: which, how far (0…1 or unknown), and whether it can be cancelled. */
export type Task = 'open' | 'read' | 'evaluate' | 'write' | 'restore' | 'download' | 'chart';
export interface Busy {
  task: Task;
  done: number;
  total: number;
  cancellable: boolean;
}

/** What failed, the host's own words, and what it means for the workbook. */
export interface Failure {
  task: Task | 'select';
  detail: string;
  consequence: string;
  /** Extra lines (e.g. every problem of an invalid scheme). */
  lines?: string[];
}

/** A read and evaluated workbook, before writing. */
export interface Evaluated {
  snapshot: HostSnapshot;
  choices: EvaluationChoices;
  result: RunResult;
  categories: CategoryStyle[];
  /** The workbook's own scheme when it is not a preset (kept selectable). */
  ownScheme: Scheme | null;
}

/** The confirmation SPEC §5 asks for before replacing a status cell's text that is not a category. */
export interface OverwriteOption {
  label: string;
  checked: boolean;
  onChange: (ev: React.ChangeEvent<HTMLInputElement>, data: { checked: boolean | 'mixed' }) => void;
}

export type Phase = 'start' | 'review' | 'result' | 'restored';

export interface AppState {
  t: Messages;
  hostKind: WorkbookHost['kind'];
  startupProblem: string | null;
  phase: Phase;
  start: StartPanelProps;
  progress: WorkProgressProps | null;
  failure: Failure | null;
  notice: string | null;
  /** Browser page: the opened file has parts the page cannot save (warned before anything is written). */
  unsavable: { title: string; text: string } | null;
  headingRef: React.RefObject<HTMLHeadingElement>;
  review: {
    evaluated: Evaluated;
    presets: readonly Scheme[];
    thresholdError: { key: string; message: string } | null;
    view: ReviewView;
    onViewChange: (ev: React.SyntheticEvent, data: { view: ReviewView }) => void;
    onSettingsChange: (ev: React.SyntheticEvent, data: SettingsChange) => void;
    onSelectRange?: SelectRangeHandler;
    /** Given when the host can add a KPI's chart (Excel): 「グラフをシートに追加」 in each KPI's details. */
    kpiChart?: KpiChartAction;
    writeSummary: string;
    refused: string | null;
    overwrite: OverwriteOption | null;
    chartsNote: string | null;
    canWrite: boolean;
    /** Browser page: 結果を書き込む was pressed and parts would be lost: the user is asked (see useLossGuard). */
    writeConsent: LossConsentProps | null;
    /** The same for 元に戻す. */
    restoreConsent: LossConsentProps | null;
    onWrite: (ev: React.MouseEvent<HTMLButtonElement>) => void;
    /** An earlier run's backup is in the workbook (or a write failed halfway): offer 元に戻す. */
    onRestore: ((ev: React.MouseEvent<HTMLButtonElement>) => void) | null;
    restoreText: string;
  } | null;
  result: ResultPanelProps | null;
  restored: { text: string; notice: string | null; onDownload?: (ev: React.MouseEvent<HTMLButtonElement>) => void } | null;
}

export type { RestoreOutcome, ReviewView, WriteOutcome };
