import type { RawValue, WorkbookGrid } from '../../src/domain/grid';
import { parseBackupRows } from '../../src/domain/plan';
import type { RunRequest, RunResult } from '../../src/domain/pipeline';
import { runEvaluation } from '../../src/domain/pipeline';
import { parseSettingsText } from '../../src/domain/settings';

/** What a host read hands the engine (a `HostSnapshot`, or a loaded file's grid with its stored sheets). */
export interface StoredWorkbook {
  workbook: WorkbookGrid;
  settingsText: string | null;
  backupCells: RawValue[][] | null;
}

/**
 * One run as the task pane and the CLI make it: the settings and the backup stored in the workbook, plus
 * `extra` (scheme, notes, overwrite …). Throws when the run is refused (a test's own mistake).
 */
export function evaluateStored(stored: StoredWorkbook, extra: Partial<RunRequest> = {}): RunResult {
  const { settings, problems } = parseSettingsText(stored.settingsText);
  const outcome = runEvaluation({
    workbook: stored.workbook,
    settings,
    settingsProblems: problems,
    previousBackup: stored.backupCells ? parseBackupRows(stored.backupCells).rows : [],
    input: 'test.xlsx',
    ...extra,
  });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('; '));
  return outcome.result;
}
