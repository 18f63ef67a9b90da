import type { RawValue, SheetGrid, WorkbookGrid } from '../domain/grid';
import type { WritePlan } from '../domain/plan';

/**
 * What the task pane needs from wherever the workbook lives. Chosen once at start-up (src/taskpane/index.tsx):
 * `office` inside Excel (Office.js, src/workbook/office), `browser` when the page is opened outside Office
 * (ExcelJS on a file the user picked, src/workbook/browser). The UI talks to this port only; it never calls
 * Office or ExcelJS directly (STYLE.md, "Data flows one way": host → Grid → domain → WritePlan → host).
 */

/** Which part of the workbook to read. */
export type ReadScope = 'active-sheet' | 'selection' | 'all-sheets';

/** Reports how far a long read or write has come (for a progress bar). */
export type ProgressListener = (done: number, total: number) => void;

export interface HostSnapshot {
  /**
   * The sheets read for this scope, plus an empty grid (name only) for every other sheet of the workbook, so
   * that sheet-name collisions can be checked. A `selection` scope gives the selected range only.
   */
  workbook: WorkbookGrid;
  /** The settings JSON stored in the workbook (very hidden sheet), or null. */
  settingsText: string | null;
  /** The backup sheet's rows (hidden sheet), or null when the workbook was never evaluated. */
  backupCells: RawValue[][] | null;
  /** The sheet that was active when read (for the UI's default scope and messages). */
  activeSheet: string | null;
  /** Name shown in the report's `input` (file name in the browser, workbook name in Excel when known). */
  label: string;
}

export interface WriteOutcome {
  statusCells: number;
  summarySheet: string;
  /** Charts on the summary sheet: added, left out because the host lacks the API, or none requested. */
  charts: 'added' | 'unsupported' | 'none';
  /** Messages about features left out (e.g. an old Excel without ExcelApi 1.x): shown, never fatal. */
  notices: string[];
}

/**
 * Parts of a workbook that the host cannot save (the browser page saves through ExcelJS, which leaves out charts,
 * pivot tables, shapes, …), named in each UI language, e.g. `グラフ 1（基本目標1）` / `charts 1 (基本目標1)`.
 * The host does not know the UI language; the pane picks one. Excel keeps everything and never reports any.
 */
export interface UnsavableParts {
  ja: string;
  en: string;
}

export interface OpenOutcome {
  /**
   * What of the opened file a write, a restore and so the download will not contain, or null when nothing. It
   * stays true of the file for as long as it is open: after a write the download still lacks these.
   */
  unsavable: UnsavableParts | null;
}

/** Options of a change to the workbook. */
export interface ChangeOptions {
  /**
   * The user agreed that the host's `unsavable` parts go (browser page). Without it a host that would drop parts
   * refuses (`BrowserHostError` code `unsavable-parts`) and changes nothing; hosts that keep everything ignore it.
   */
  acceptLoss?: boolean;
}

export interface RestoreOutcome {
  cells: number;
  sheetsRemoved: string[];
  /** Sheets the backup lists as created that do not look like Shinchoku's (a tampered backup): kept. */
  sheetsKept?: string[];
}

export interface WorkbookHost {
  kind: 'office' | 'browser';
  /**
   * Reads the scope into grids. Rejects with the host's own error (never swallowed): the caller shows what
   * failed. Nothing is written. Cancellable through `signal` between round trips.
   */
  read(scope: ReadScope, options?: { signal?: AbortSignal; onProgress?: ProgressListener }): Promise<HostSnapshot>;
  /**
   * Carries the plan out: backup first, then status cells, colour rules, summary sheet, settings. On failure
   * it rejects with an error saying what was left unchanged or that the backup allows a restore.
   */
  write(
    plan: WritePlan,
    options?: { signal?: AbortSignal; onProgress?: ProgressListener; charts?: boolean } & ChangeOptions,
  ): Promise<WriteOutcome>;
  /** Puts back the cells of the last run from the backup sheet (元に戻す). */
  restore(options?: ChangeOptions): Promise<RestoreOutcome>;
  /** Selects a KPI's cells in the workbook (Excel only; the browser page has no selection). */
  selectRange?(sheet: string, range: string): Promise<void>;
  /** Adds a line chart of one KPI (actual, benchmark, linear trend to the target year). Excel only. */
  addKpiChart?(request: KpiChartRequest): Promise<WriteOutcome>;
  /** Browser page only: load a workbook the user picked; says what of it the page cannot save. */
  open?(file: { name: string; bytes: ArrayBuffer }): Promise<OpenOutcome>;
  /** Browser page only: the evaluated workbook, for download. */
  download?(): Promise<{ name: string; bytes: Uint8Array }>;
}

export interface KpiChartRequest {
  /** Sheet the chart is placed on (the summary sheet). */
  sheet: string;
  title: string;
  /** Fiscal-year labels of the x axis (through the target year). */
  labels: string[];
  actual: (number | null)[];
  benchmark: (number | null)[];
  /** Extend a linear trendline of the actual series to the target year. */
  forecastPeriods: number;
}

/** Convenience for tests and the browser page: a grid with a name and no cells. */
export function emptySheet(name: string): SheetGrid {
  return {
    name,
    top: 0,
    left: 0,
    values: [],
    numberFormats: null,
    formulas: {},
    merges: [],
    protected: false,
    visibility: 'visible',
  };
}
