import type { Detection } from '../../../domain/kpi';
import type { WorkbookHost } from '../../../workbook/port';
import type { Messages } from '../../i18n';

export interface AppProps {
  /** Chosen once at start-up: Excel (Office.js) or the plain browser. */
  host: WorkbookHost;
  /** Office.js loaded but failed to initialise: shown as a warning, the pane runs as the browser version. */
  startupProblem?: string;
}

/** Where the "scan this sheet" action stands. `stage` says which step failed: reading or detecting. */
export type ScanStatus =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'done'; sheet: string; detection: Detection }
  | { kind: 'failed'; stage: 'read' | 'detect'; detail: string };

export interface AppState {
  hostKind: WorkbookHost['kind'];
  startupProblem: string | null;
  status: ScanStatus;
  messages: Messages;
  onScan: () => void;
}
