import { a1 } from '../../domain/address';
import { backupRowsToCells } from '../../domain/plan/backup';
import type { WritePlan } from '../../domain/plan/types';
import type { Work } from './batches';
import { OP_OVERHEAD_BYTES, sliceRows } from './batches';
import { textInput } from './cellInput';
import type { Preflight } from './preflight';
import type { SheetCache } from './sheetCache';

/**
 * Shinchoku's own sheets: the backup (hidden) and the settings (very hidden). Both are created once and then
 * rewritten in place, never deleted and re-added: sheet creation and visibility changes are among the calls
 * that clear Excel's undo stack (docs/office-adapter.md), so they happen only on a first run.
 */

/** Excel keeps at most 32,767 characters per cell: the settings JSON is split over column A (same as xlsx). */
export const SETTINGS_CHUNK_CHARS = 30_000;

export function settingsCells(json: string): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < json.length; i += SETTINGS_CHUNK_CHARS) rows.push([json.slice(i, i + SETTINGS_CHUNK_CHARS)]);
  return rows.length > 0 ? rows : [['']];
}

/** Text rows written from A1: formats cleared first, so every text is typed into a General cell (cellInput.ts). */
function textRowsWorks(sheet: string, rows: readonly string[][], cache: SheetCache): Work[] {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 1);
  const typed = rows.map((r) => Array.from({ length: width }, (_, c) => textInput(r[c] ?? '')));
  return sliceRows(typed).map((slice) => ({
    bytes: slice.bytes + OP_OVERHEAD_BYTES * 3,
    sheet,
    queue() {
      const range = cache.get(sheet).getRange(`A${slice.offset + 1}:${a1(slice.offset + slice.rows.length - 1, width - 1)}`);
      range.clear(Excel.ClearApplyTo.formats);
      range.values = slice.rows;
    },
  }));
}

function ensureSheet(name: string, visibility: Excel.SheetVisibility, pre: Preflight, cache: SheetCache): Work[] {
  const existing = pre.sheets.get(name.toLowerCase());
  if (existing && existing.visibility === visibility) return [];
  return [
    {
      bytes: OP_OVERHEAD_BYTES * 2,
      sheet: name,
      queue() {
        const ws = existing ? cache.get(existing.name) : cache.add(name);
        ws.visibility = visibility;
      },
    },
  ];
}

/**
 * The backup, written FIRST and in a round trip of its own: once it has reached Excel, anything that fails
 * later can be restored. Rows are rewritten from A1 in place (the new backup starts with the old rows, in the
 * same order: mergeBackup only appends), so a backup cut short by a failure still holds every old row; rows
 * below the new end are cleared last.
 */
export function backupWorks(plan: WritePlan, pre: Preflight, cache: SheetCache): Work[] {
  const name = pre.sheets.get(plan.backup.sheetName.toLowerCase())?.name ?? plan.backup.sheetName;
  const rows = backupRowsToCells(plan.backup.rows);
  return [
    ...ensureSheet(name, Excel.SheetVisibility.hidden, pre, cache),
    ...textRowsWorks(name, rows, cache),
    {
      bytes: OP_OVERHEAD_BYTES * 2,
      sheet: name,
      queue() {
        cache.get(name).getRange(`A${rows.length + 1}:E1048576`).clear(Excel.ClearApplyTo.contents);
      },
    },
  ];
}

export function settingsWorks(plan: WritePlan, pre: Preflight, cache: SheetCache): Work[] {
  const existing = pre.sheets.get(plan.settings.sheetName.toLowerCase());
  const name = existing?.name ?? plan.settings.sheetName;
  const works = ensureSheet(name, Excel.SheetVisibility.veryHidden, pre, cache);
  if (existing) {
    works.push({
      bytes: OP_OVERHEAD_BYTES,
      sheet: name,
      queue() {
        cache.get(name).getRange().clear(Excel.ClearApplyTo.contents);
      },
    });
  }
  return [...works, ...textRowsWorks(name, settingsCells(plan.settings.json), cache)];
}
