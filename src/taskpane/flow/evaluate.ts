import type { Lang } from '../../domain/plan';
import type { RunOutcome } from '../../domain/pipeline';
import type { WorkbookHost } from '../../workbook/port';
import type { HostSnapshot } from '../../workbook/port';
import type { Engine } from '../engine';
import type { EvaluationChoices } from './choices';
import { choicesFromSettings, settingsWithChoices } from './choices';

/**
 * One evaluation of what the host read, with the user's choices (or, when `choices` is null, the choices
 * stored in the workbook). Pure and synchronous: changing a choice re-runs it without reading the workbook
 * again. The stored settings are read here each time, so problems with them are always reported.
 */
export function evaluateSnapshot(
  engine: Engine,
  snapshot: HostSnapshot,
  choices: EvaluationChoices | null,
  lang: Lang,
): { outcome: RunOutcome; choices: EvaluationChoices } {
  const { settings: stored, problems: settingsProblems } = engine.parseSettingsText(snapshot.settingsText);
  const chosen = choices ?? choicesFromSettings(stored);
  const backup = snapshot.backupCells ? engine.parseBackupRows(snapshot.backupCells) : { rows: [], bad: [] };
  const outcome = engine.runEvaluation({
    workbook: snapshot.workbook,
    settings: settingsWithChoices(stored, chosen),
    settingsProblems,
    previousBackup: backup.rows,
    input: snapshot.label,
    overwrite: chosen.overwrite,
    lang,
  });
  if (!outcome.ok && choices === null && typeof chosen.scheme !== 'string') {
    // The scheme stored in the workbook is not valid: evaluate with the default and say so (the problems of
    // the stored one are kept in the report), rather than leaving the user with nothing to choose from.
    const fallback: EvaluationChoices = { ...chosen, scheme: 'saku' };
    const retry = engine.runEvaluation({
      workbook: snapshot.workbook,
      settings: settingsWithChoices(stored, fallback),
      settingsProblems: [...settingsProblems, ...outcome.problems],
      previousBackup: backup.rows,
      input: snapshot.label,
      overwrite: false,
      lang,
    });
    return { outcome: retry, choices: fallback };
  }
  return { outcome, choices: chosen };
}

/** True when `snapshot` shows an earlier run of Shinchoku (so 元に戻す has something to do). */
export function hasBackup(snapshot: HostSnapshot | null): boolean {
  return snapshot !== null && snapshot.backupCells !== null && snapshot.backupCells.length > 1;
}

export type HostKind = WorkbookHost['kind'];
