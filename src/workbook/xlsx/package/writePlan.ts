import { parseA1 } from '../../../domain/address';
import type { WorkbookGrid } from '../../../domain/grid';
import { valueAt } from '../../../domain/grid';
import type { BackupRow } from '../../../domain/plan/backup';
import { backupRowsToCells } from '../../../domain/plan/backup';
import type { StatusWrite, WritePlan } from '../../../domain/plan/types';
import { BACKUP_SHEET, SETTINGS_SHEET } from '../../../domain/settings';
import { conditionalFormatGroups } from '../../conditionalFormatGroups';
import { settingsRows } from '../settingsRows';
import type { NoteEdit } from './commentsPart';
import { idmapBlocks, patchNotes } from './commentsPart';
import { summarySheetXml, textSheetXml } from './ownSheets';
import { CONTENT_TYPE, REL } from './parts';
import { StylesPart } from './stylesPart';
import type { SheetState } from './workbookPart';
import { sameSheetName, WorkbookParts } from './workbookPart';
import type { CellEdit } from './worksheetPart';
import { conditionalFormatXml, WorksheetPart } from './worksheetPart';
import { attr, rootElement } from './xml';
import type { PackageCodec } from './xlsxPackage';
import { PackageError, XlsxPackage } from './xlsxPackage';

/**
 * Carries a write plan out on the .xlsx itself, part by part (CLI and browser page): the sheets holding status
 * cells get those cells, their colour rules and notes; the summary, backup and settings sheets are written
 * whole; every other part of the file — charts, pivot tables, shapes, pictures, other sheets — is copied as it
 * was, byte for byte. A file it cannot make sense of is a `PackageError`: nothing is written.
 */

const NOTE_AUTHOR = 'Shinchoku';

/** Adds or rewrites one of this tool's sheets; returns its part name. */
async function writeWholeSheet(wb: WorkbookParts, pkg: XlsxPackage, name: string, state: SheetState, xml: string): Promise<string> {
  const existing = wb.find(name);
  if (existing && !existing.worksheet) throw new PackageError(`"${name}" is a chart sheet: it cannot be rewritten`);
  const entry = existing ?? wb.addSheet(name, state);
  if (existing && existing.state !== state) wb.setState(name, state);
  if (!entry.part) throw new PackageError(`sheet "${name}" has no part`);
  pkg.setText(entry.part, xml);
  return entry.part;
}

/** The part of a sheet the plan writes into, as a worksheet. */
async function worksheetOf(wb: WorkbookParts, pkg: XlsxPackage, sheet: string): Promise<{ part: string; ws: WorksheetPart }> {
  const entry = wb.find(sheet);
  if (!entry || !entry.part || !entry.worksheet) throw new PackageError(`sheet "${sheet}" from the plan is not a worksheet of the file`);
  const xml = await pkg.text(entry.part);
  if (xml === null) throw new PackageError(`the part of sheet "${sheet}" is missing`);
  return { part: entry.part, ws: new WorksheetPart(xml, sheet) };
}

/** Table names and ids in use by the workbook's tables, except those of `exceptSheetPart`. */
async function tablesInUse(wb: WorkbookParts, pkg: XlsxPackage, exceptSheetPart: string | null): Promise<{ names: Set<string>; ids: Set<number>; maxId: number }> {
  const names = new Set<string>();
  const ids = new Set<number>();
  let maxId = 0;
  for (const s of wb.sheets()) {
    if (!s.part || s.part === exceptSheetPart) continue;
    for (const r of (await wb.relsOf(s.part)).ofType(REL.table)) {
      const xml = r.part ? await pkg.text(r.part) : null;
      if (!xml) continue;
      const tag = xml.slice(0, rootElement(xml).openEnd);
      names.add((attr(tag, 'displayName') ?? attr(tag, 'name') ?? '').toLowerCase());
      const id = Number(attr(tag, 'id') ?? 0);
      ids.add(id);
      maxId = Math.max(maxId, id);
    }
  }
  return { names, ids, maxId };
}

/**
 * Rewrites the summary sheet in place (same tab, same part, same table part and relationship, so a second run
 * writes the same bytes) or adds it. A drawing placed on it (the add-in's charts, a picture) is kept.
 */
async function writeSummary(wb: WorkbookParts, pkg: XlsxPackage, plan: WritePlan, styles: StylesPart): Promise<void> {
  const name = plan.summary.name;
  const existing = wb.find(name);
  const hasTable = plan.summary.table.rows.length > 0;
  let kept = '';
  let part: string;
  let table: { id: string; part: string } | null = null;
  if (existing) {
    if (!existing.part || !existing.worksheet) throw new PackageError(`"${name}" is not a worksheet: the summary cannot be written there`);
    part = existing.part;
    const old = await pkg.text(part);
    const drawing = old === null ? null : new WorksheetPart(old, name).relationshipOf('drawing');
    if (drawing) kept = `<drawing r:id="${drawing}"/>`;
    const rels = await wb.relsOf(part);
    for (const r of rels.list()) {
      if (r.id === drawing) continue;
      if (r.type === REL.table && r.part && hasTable && table === null) {
        table = { id: r.id, part: r.part };
        continue;
      }
      rels.remove(r.id);
      if (r.part && r.type === REL.table) {
        pkg.remove(r.part);
        wb.types.removeOverride(r.part);
      }
    }
  } else {
    part = wb.addSheet(name, 'visible').part as string;
  }
  const tables = await tablesInUse(wb, pkg, part);
  let tableName = plan.summary.table.name;
  for (let n = 2; tables.names.has(tableName.toLowerCase()); n++) tableName = `${plan.summary.table.name}_${n}`;
  if (hasTable && table === null) {
    const tablePart = wb.freePartName('xl/tables/table', '.xml');
    table = { id: (await wb.relsOf(part)).add(REL.table, tablePart), part: tablePart };
  }
  const previousId = table ? await tableIdOf(pkg, table.part) : null;
  const tableId = previousId !== null && !tables.ids.has(previousId) ? previousId : tables.maxId + 1;
  const out = summarySheetXml(plan.summary, { styles, tableId, tableName, tableRelId: table?.id ?? '', kept });
  pkg.setText(part, out.sheetXml);
  if (out.tableXml !== null && table) {
    pkg.setText(table.part, out.tableXml);
    wb.types.override(table.part, CONTENT_TYPE.table);
  }
}

/** The id of the table a part holds, or null. */
async function tableIdOf(pkg: XlsxPackage, part: string): Promise<number | null> {
  const xml = await pkg.text(part);
  if (!xml) return null;
  const id = Number(attr(xml.slice(0, rootElement(xml).openEnd), 'id'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** Sets or removes notes on one worksheet: its comments part and VML drawing, created or removed as needed. */
async function writeNotes(wb: WorkbookParts, pkg: XlsxPackage, part: string, ws: WorksheetPart, edits: NoteEdit[], nextBlock: () => Promise<number>): Promise<void> {
  if (edits.length === 0) return;
  const rels = await wb.relsOf(part);
  const commentsRel = rels.ofType(REL.comments)[0];
  const vmlId = ws.relationshipOf('legacyDrawing');
  const vmlRel = vmlId ? rels.byId(vmlId) : undefined;
  const comments = commentsRel?.part ? await pkg.text(commentsRel.part) : null;
  if (comments === null && edits.every((e) => e.text === null)) return; // nothing to remove
  const vml = vmlRel?.part ? await pkg.text(vmlRel.part) : null;
  const out = patchNotes({ comments, vml, edits, idmapBlock: vml === null ? await nextBlock() : 0, author: NOTE_AUTHOR });
  if (out.comments !== null) {
    const name = commentsRel?.part ?? wb.freePartName('xl/comments', '.xml');
    if (!commentsRel?.part) {
      rels.add(REL.comments, name);
      wb.types.override(name, CONTENT_TYPE.comments);
    }
    pkg.setText(name, out.comments);
  } else if (commentsRel) {
    rels.remove(commentsRel.id);
    if (commentsRel.part) {
      pkg.remove(commentsRel.part);
      wb.types.removeOverride(commentsRel.part);
    }
  }
  if (out.vml !== null) {
    const name = vmlRel?.part ?? wb.freePartName('xl/drawings/vmlDrawing', '.vml');
    if (!vmlRel?.part) {
      wb.types.ensureDefault('vml', CONTENT_TYPE.vml);
      ws.addRelationshipElement('legacyDrawing', rels.add(REL.vmlDrawing, name));
    }
    pkg.setText(name, out.vml);
  } else if (vmlRel) {
    rels.remove(vmlRel.id);
    ws.removeElement('legacyDrawing');
    if (vmlRel.part) pkg.remove(vmlRel.part);
  }
}

/** Hands out o:idmap blocks no VML part of the package uses yet. */
function idmapAllocator(pkg: XlsxPackage): () => Promise<number> {
  let next: number | null = null;
  return async () => {
    if (next === null) {
      next = 1;
      for (const name of pkg.names()) {
        if (!/\.vml$/i.test(name)) continue;
        const blocks = idmapBlocks((await pkg.text(name)) ?? '');
        // a part with more than 1,023 shapes spans the blocks after its own
        next = Math.max(next, ...blocks.map((b) => b + 2));
      }
    }
    return next++;
  };
}

interface Opened {
  pkg: XlsxPackage;
  wb: WorkbookParts;
  styles: StylesPart;
  stylesName: string | null;
}

async function openPackage(bytes: Uint8Array, codec: PackageCodec): Promise<Opened> {
  const pkg = XlsxPackage.open(bytes, codec);
  const wb = await WorkbookParts.open(pkg);
  const stylesName = wb.stylesPart();
  return { pkg, wb, stylesName, styles: new StylesPart(stylesName ? await pkg.text(stylesName) : null) };
}

async function closePackage({ pkg, wb, styles, stylesName }: Opened): Promise<Uint8Array> {
  if (styles.changed) {
    const name = stylesName ?? 'xl/styles.xml';
    if (!stylesName) wb.addStylesPart(name);
    pkg.setText(name, styles.toXml());
  }
  wb.dropCalcChain();
  wb.flush();
  return pkg.toBytes();
}

/** Colour-rule ranges this tool recorded in its backup, per sheet. */
function ownRuleRanges(rows: readonly BackupRow[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.kind !== 'cf') continue;
    const set = out.get(r.sheet) ?? new Set<string>();
    set.add(r.ref);
    out.set(r.sheet, set);
  }
  return out;
}

const everyRangeIn = (refs: ReadonlySet<string>) => (sqref: string) => {
  const ranges = sqref.trim().split(/\s+/);
  return ranges.length > 0 && ranges.every((r) => refs.has(r));
};

/** The plan carried out on the file's bytes; the new file's bytes. */
export async function writePlanToPackage(bytes: Uint8Array, plan: WritePlan, codec: PackageCodec): Promise<Uint8Array> {
  const opened = await openPackage(bytes, codec);
  const { pkg, wb, styles } = opened;
  await writeWholeSheet(wb, pkg, plan.backup.sheetName, 'hidden', textSheetXml(backupRowsToCells(plan.backup.rows)));
  await writeWholeSheet(wb, pkg, plan.settings.sheetName, 'veryHidden', textSheetXml(settingsRows(plan.settings.json)));

  const sheets = new Map<string, string>();
  for (const w of plan.statusWrites) if (!sheets.has(w.sheet.toLowerCase())) sheets.set(w.sheet.toLowerCase(), w.sheet);
  for (const c of plan.conditionalFormats) if (!sheets.has(c.sheet.toLowerCase())) sheets.set(c.sheet.toLowerCase(), c.sheet);
  const writesBySheet = new Map<string, StatusWrite[]>();
  for (const w of plan.statusWrites) {
    const key = w.sheet.toLowerCase();
    const list = writesBySheet.get(key);
    if (list) list.push(w);
    else writesBySheet.set(key, [w]);
  }
  const ownRules = ownRuleRanges(plan.backup.rows);
  const nextBlock = idmapAllocator(pkg);
  for (const sheet of sheets.values()) {
    const { part, ws } = await worksheetOf(wb, pkg, sheet);
    const writes = writesBySheet.get(sheet.toLowerCase()) ?? [];
    ws.setCells(writes.map((w) => ({ row: w.row, col: w.col, value: w.value })), { replaceFormulas: false });
    for (const cf of plan.conditionalFormats.filter((c) => sameSheetName(c.sheet, sheet))) {
      const rules = cf.rules.map((r) => ({ text: r.text, dxfId: styles.dxf({ fill: r.fill, font: r.font }) }));
      ws.replaceConditionalFormats(everyRangeIn(ownRules.get(cf.sheet) ?? new Set(cf.ranges)), (start) =>
        conditionalFormatGroups(cf.ranges).map((group, i) => conditionalFormatXml(ws.prefix, group, rules, start + i * rules.length)),
      );
    }
    const notes = writes.filter((w) => w.note !== null).map((w) => ({ row: w.row, col: w.col, text: w.note }));
    await writeNotes(wb, pkg, part, ws, notes, nextBlock);
    pkg.setText(part, ws.toXml());
  }
  await writeSummary(wb, pkg, plan, styles);
  return closePackage(opened);
}

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
  const a2 = sheet ? valueAt(sheet, 1, 0) : null;
  return typeof a2 === 'string' && /進捗 \(Shinchoku\)|^Shinchoku made this sheet/.test(a2);
}
