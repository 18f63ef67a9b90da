import type { CellBox } from '../../domain/grid';
import type { ReadScope } from '../port';
import type { SyncStats } from './batches';
import { abortedError } from './errors';
import type { OfficeFeatures } from './features';

/** A worksheet as listed in the first round trip of a read. */
export interface SheetInfo {
  name: string;
  /** `Excel.SheetVisibility` text: `Visible` | `Hidden` | `VeryHidden`. */
  visibility: string;
  protected: boolean;
}

/** Note contents loaded from `Worksheet.notes`; their cells come one round trip later (`Note.getLocation`). */
export type NoteItems = Excel.Note[];

export interface Survey {
  sheets: SheetInfo[];
  activeSheet: string;
  workbookName: string | null;
  /** The sheet the scope reads first and its box, when the scope names one (active sheet, selection). */
  target: { name: string; box: CellBox | null; notes: NoteItems | null } | null;
}

/** The used range's box (0-based); the caller has checked `isNullObject` (an empty sheet). */
export function usedBox(used: Excel.Range): CellBox {
  return {
    top: used.rowIndex,
    left: used.columnIndex,
    bottom: used.rowIndex + used.rowCount - 1,
    right: used.columnIndex + used.columnCount - 1,
  };
}

export function intersect(a: CellBox | null, b: CellBox | null): CellBox | null {
  if (!a || !b) return null;
  const box = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return box.top > box.bottom || box.left > box.right ? null : box;
}

/**
 * The first round trip of a read: every sheet's name, visibility and protection, the active sheet, the
 * workbook's name, and — for the active-sheet and selection scopes — the target sheet's used range (and the
 * selection), so that its data can be read in the very next round trip.
 */
export async function runSurvey(
  context: Excel.RequestContext,
  scope: ReadScope | 'own-sheets',
  features: OfficeFeatures,
  stats: SyncStats,
  signal?: AbortSignal,
): Promise<Survey> {
  if (signal?.aborted) throw abortedError('survey');
  const workbook = context.workbook;
  const sheets = workbook.worksheets;
  sheets.load('items/name, items/visibility, items/protection/protected');
  const active = sheets.getActiveWorksheet();
  active.load('name');
  if (features.workbookName) workbook.load('name');
  const selected = scope === 'selection' ? workbook.getSelectedRange() : null;
  if (selected) selected.load('rowIndex, columnIndex, rowCount, columnCount');
  const targetSheet = scope === 'active-sheet' ? active : selected ? selected.worksheet : null;
  if (targetSheet) targetSheet.load('name');
  const used = targetSheet ? targetSheet.getUsedRangeOrNullObject(true) : null;
  if (used) used.load('rowIndex, columnIndex, rowCount, columnCount');
  const notes = targetSheet && features.notes ? targetSheet.notes : null;
  if (notes) notes.load('items/content');
  await context.sync();
  stats.syncs++;

  let target: Survey['target'] = null;
  if (targetSheet && used) {
    let box = used.isNullObject ? null : usedBox(used);
    if (selected) {
      box = intersect(box, {
        top: selected.rowIndex,
        left: selected.columnIndex,
        bottom: selected.rowIndex + selected.rowCount - 1,
        right: selected.columnIndex + selected.columnCount - 1,
      });
    }
    target = { name: targetSheet.name, box, notes: notes ? notes.items : null };
  }
  return {
    sheets: sheets.items.map((s) => ({ name: s.name, visibility: String(s.visibility), protected: s.protection.protected })),
    activeSheet: active.name,
    workbookName: features.workbookName ? workbook.name : null,
    target,
  };
}
