import type { Messages } from '../../i18n';
import type { Evaluated, OverwriteOption, Task } from './App.types';

/** What the progress bar says for each piece of long work. */
export const PROGRESS: Record<Task, (t: Messages) => string> = {
  open: (t) => t.progressOpen,
  read: (t) => t.progressRead,
  evaluate: (t) => t.progressEvaluate,
  write: (t) => t.progressWrite,
  restore: (t) => t.progressRestore,
  download: (t) => t.progressDownload,
  chart: (t) => t.progressChart,
};

export function occupiedCells(evaluated: Evaluated): number {
  return evaluated.result.plan.problems.filter((p) => p.code === 'occupied-cell').length;
}

export function writeSection(evaluated: Evaluated, t: Messages) {
  const plan = evaluated.result.plan;
  return {
    writeSummary: t.writeSummary(plan.statusWrites.length, plan.summary.name),
    refused: plan.problems.length > 0 ? t.refusedCells(plan.problems.length) : null,
  };
}

/** The confirmation SPEC §5 asks for before replacing text that is not a category. */
export function overwriteOption(evaluated: Evaluated, remembered: number, t: Messages, set: (checked: boolean) => void): OverwriteOption | null {
  const checked = evaluated.choices.overwrite;
  const count = checked ? remembered : occupiedCells(evaluated);
  if (!checked && count === 0) return null;
  return { label: t.overwriteLabel(count), checked, onChange: (_ev, data) => set(data.checked === true) };
}
