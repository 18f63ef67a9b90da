import { backupRowsToCells } from '../../../domain/plan/backup';
import type { StatusWrite, WritePlan } from '../../../domain/plan/types';
import { conditionalFormatGroups } from '../../conditionalFormatGroups';
import { settingsRows } from '../settingsRows';
import { idmapAllocator, writeNotes } from './notesParts';
import { closePackage, everyRangeIn, openPackage, ownRuleRanges, worksheetOf } from './openedPackage';
import { summarySheetXml, textSheetXml } from './ownSheets';
import { CONTENT_TYPE, REL } from './parts';
import type { StylesPart } from './stylesPart';
import type { SheetState, WorkbookParts } from './workbookPart';
import { sameSheetName } from './workbookPart';
import { conditionalFormatXml } from './sheetXml';
import { WorksheetPart } from './worksheetPart';
import { attr, rootElement } from './xml';
import type { PackageCodec, XlsxPackage } from './xlsxPackage';
import { PackageError } from './xlsxPackage';

/**
 * Carries a write plan out on the .xlsx itself, part by part (CLI and browser page): the sheets holding status
 * cells get those cells, their colour rules and notes; the summary, backup and settings sheets are written
 * whole; every other part of the file — charts, pivot tables, shapes, pictures, other sheets — is copied as it
 * was, byte for byte. A file it cannot make sense of is a `PackageError`: nothing is written. Restoring is
 * restorePackage.ts.
 */

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

