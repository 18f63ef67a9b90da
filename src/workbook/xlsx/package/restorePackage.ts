import { parseA1 } from '../../../domain/address';
import type { WorkbookGrid } from '../../../domain/grid';
import { valueAt } from '../../../domain/grid';
import type { BackupRow } from '../../../domain/plan/backup';
import { isSummaryNotice } from '../../../domain/plan';
import { BACKUP_SHEET, SETTINGS_SHEET } from '../../../domain/settings';
import type { NoteEdit } from './commentsPart';
import { idmapAllocator, writeNotes } from './notesParts';
import { closePackage, everyRangeIn, openPackage, ownRuleRanges, worksheetOf } from './openedPackage';
import { REL } from './parts';
import type { WorkbookParts } from './workbookPart';
import { sameSheetName } from './workbookPart';
import type { CellEdit } from './worksheetPart';
import { attr, rootElement } from './xml';
import type { PackageCodec, XlsxPackage } from './xlsxPackage';

export interface PackageRestoreResult {
  cells: number;
  rules: number;
  sheetsRemoved: string[];
  /** Sheets the backup says this tool created that do not look like its own: kept, never deleted. */
  sheetsKept: string[];
}

/**
 * Puts back every cell the backup lists (its value before the first run, and its note), removes the colour
 * rules and the sheets this tool added, then the backup itself. `grid` is the workbook as read (to recognise
 * this tool's summary by its notice in A2, so a tampered backup cannot get a user's sheet deleted).
 */
export async function restorePackage(bytes: Uint8Array, rows: readonly BackupRow[], grid: WorkbookGrid, codec: PackageCodec): Promise<{ bytes: Uint8Array; result: PackageRestoreResult }> {
  const opened = await openPackage(bytes, codec);
  const { pkg, wb } = opened;
  const result: PackageRestoreResult = { cells: 0, rules: 0, sheetsRemoved: [], sheetsKept: [] };
  const cellsBySheet = new Map<string, { edits: CellEdit[]; notes: NoteEdit[] }>();
  for (const r of rows) {
    if (r.kind !== 'cell') continue;
    const pos = parseA1(r.ref);
    const entry = wb.find(r.sheet);
    if (!pos || !entry?.worksheet) continue;
    let list = cellsBySheet.get(entry.name);
    if (!list) cellsBySheet.set(entry.name, (list = { edits: [], notes: [] }));
    list.edits.push({ row: pos.row, col: pos.col, value: r.previous });
    list.notes.push({ row: pos.row, col: pos.col, text: r.previousNote });
    result.cells++;
  }
  const ownRules = ownRuleRanges(rows);
  const nextBlock = idmapAllocator(pkg);
  for (const s of wb.sheets()) {
    const cells = cellsBySheet.get(s.name);
    const refs = [...ownRules].find(([name]) => sameSheetName(name, s.name))?.[1];
    if (!cells && !refs) continue;
    const { part, ws } = await worksheetOf(wb, pkg, s.name);
    if (cells) {
      ws.setCells(cells.edits, { replaceFormulas: true });
      await writeNotes(wb, pkg, part, ws, cells.notes, nextBlock);
    }
    if (refs) result.rules += ws.replaceConditionalFormats(everyRangeIn(refs), () => []);
    pkg.setText(part, ws.toXml());
  }
  const created = rows.filter((r) => r.kind === 'created').map((r) => r.sheet);
  for (const name of [...created, BACKUP_SHEET]) {
    const entry = wb.find(name);
    if (!entry || result.sheetsRemoved.includes(entry.name)) continue;
    if (name !== BACKUP_SHEET && !(await looksOwn(wb, pkg, grid, entry.name))) {
      result.sheetsKept.push(entry.name);
      continue;
    }
    await wb.removeSheet(entry.name);
    result.sheetsRemoved.push(entry.name);
  }
  return { bytes: await closePackage(opened), result };
}

/** A sheet this tool made: its settings sheet, or a summary (a `Shinchoku_` table, or its notice in A2). */
async function looksOwn(wb: WorkbookParts, pkg: XlsxPackage, grid: WorkbookGrid, name: string): Promise<boolean> {
  if (sameSheetName(name, SETTINGS_SHEET)) return true;
  const entry = wb.find(name);
  if (entry?.part) {
    for (const r of (await wb.relsOf(entry.part)).ofType(REL.table)) {
      const xml = r.part ? await pkg.text(r.part) : null;
      if (xml && /^Shinchoku_/.test(attr(xml.slice(0, rootElement(xml).openEnd), 'name') ?? '')) return true;
    }
  }
  const sheet = grid.sheets.find((s) => sameSheetName(s.name, name));
  return sheet !== undefined && isSummaryNotice(valueAt(sheet, 1, 0));
}
