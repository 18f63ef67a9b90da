import type ExcelJS from 'exceljs';
import { parseA1 } from '../../domain/address';
import type { BackupRow } from '../../domain/plan/backup';
import { isSummaryNotice } from '../../domain/plan';
import { BACKUP_SHEET, SETTINGS_SHEET } from '../../domain/settings';
import { conditionalFormattingsOf, fromRawValue, removeOwnConditionalFormats, xmlSafe } from './applyPlan';

export interface RestoreResult {
  cells: number;
  rules: number;
  sheetsRemoved: string[];
  /** Sheets the backup says Shinchoku created that do not look like its own: kept, never deleted. */
  sheetsKept: string[];
}

/**
 * A sheet Shinchoku made: its settings sheet, or a summary (it holds the `Shinchoku_KPI` table or, with no KPI,
 * the sheet's title line). A tampered backup naming a user's sheet as "created" must not get it deleted.
 */
function looksOwn(ws: ExcelJS.Worksheet): boolean {
  if (ws.name === SETTINGS_SHEET) return true;
  const tables = (ws as unknown as { tables?: Record<string, unknown> }).tables ?? {};
  if (Object.keys(tables).some((name) => name.startsWith('Shinchoku_'))) return true;
  return isSummaryNotice(ws.getCell('A2').value);
}

/**
 * Puts back every cell Shinchoku changed (its value before the first run), removes the colour rules and
 * the sheets it added, then the backup itself. Throws only for programmer errors; a missing backup is
 * reported by the caller before this is called.
 */
export function restoreWorkbook(wb: ExcelJS.Workbook, rows: readonly BackupRow[]): RestoreResult {
  const result: RestoreResult = { cells: 0, rules: 0, sheetsRemoved: [], sheetsKept: [] };
  const cfBySheet = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.kind === 'cell') {
      const ws = wb.getWorksheet(r.sheet);
      const pos = parseA1(r.ref);
      if (!ws || !pos) continue;
      const cell = ws.getCell(pos.row + 1, pos.col + 1);
      cell.value = fromRawValue(r.previous);
      if (r.previousNote !== null) cell.note = xmlSafe(r.previousNote);
      else if (cell.note !== undefined) (cell as unknown as { note?: string }).note = undefined;
      result.cells++;
    } else if (r.kind === 'cf') {
      const set = cfBySheet.get(r.sheet) ?? new Set<string>();
      set.add(r.ref);
      cfBySheet.set(r.sheet, set);
    }
  }
  for (const [sheet, refs] of cfBySheet) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const before = conditionalFormattingsOf(ws).length;
    removeOwnConditionalFormats(ws, refs);
    result.rules += before - conditionalFormattingsOf(ws).length;
  }
  const created = rows.filter((r) => r.kind === 'created').map((r) => r.sheet);
  for (const name of [...created, BACKUP_SHEET]) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    if (name !== BACKUP_SHEET && !looksOwn(ws)) {
      result.sheetsKept.push(name);
      continue;
    }
    wb.removeWorksheet(ws.id);
    result.sheetsRemoved.push(name);
  }
  return result;
}
