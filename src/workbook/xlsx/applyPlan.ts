import type ExcelJS from 'exceljs';
import { a1, columnLetters } from '../../domain/address';
import type { RawValue } from '../../domain/grid';
import { backupRowsToCells } from '../../domain/plan/backup';
import type { BackupRow } from '../../domain/plan/backup';
import type { ConditionalFormatPlan, SummaryCell, SummaryPlan, WritePlan } from '../../domain/plan/types';
import { conditionalFormatGroups } from '../conditionalFormatGroups';
import { categoryRuleFormula, hyperlinkFormula } from '../formulas';
import { EXCEL_ERRORS } from './package/sheetXml';
import { xmlSafe, xmlSafeJson } from './package/xml';
import { settingsRows } from './settingsRows';

export { xmlSafe };

/** `#RRGGBB` → ExcelJS ARGB. */
function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/**
 * RawValue (from the backup) → ExcelJS cell value. Text stays text: ExcelJS never turns a string into a
 * formula. A tampered backup's `{ "error": "=cmd|…" }` is put back as the text it holds, not as an error cell.
 */
export function fromRawValue(value: RawValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'object') {
    return EXCEL_ERRORS.has(value.error) ? { error: value.error as ExcelJS.CellErrorValue['error'] } : xmlSafe(String(value.error));
  }
  return typeof value === 'string' ? xmlSafe(value) : value;
}

/** ExcelJS keeps the rules read from the file here (not in its typings). */
export function conditionalFormattingsOf(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

/**
 * Removes the colour rules an earlier run added on these ranges, so a second run does not duplicate them. A rule
 * may cover several of the ranges (`D6:L6 D9:L9`, see `addConditionalFormats`): it is ours when all of them are.
 */
export function removeOwnConditionalFormats(ws: ExcelJS.Worksheet, refs: ReadonlySet<string>): void {
  ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => !cf.ref.split(' ').every((r) => refs.has(r)));
}

function addConditionalFormats(ws: ExcelJS.Worksheet, cf: ConditionalFormatPlan, priorityStart: number): void {
  let priority = priorityStart;
  for (const group of conditionalFormatGroups(cf.ranges)) {
    const topLeft = group[0].split(':')[0];
    ws.addConditionalFormatting({
      ref: group.join(' '),
      rules: cf.rules.map((rule) => ({
        type: 'expression',
        priority: priority++,
        // Exact match on the whole text, relative to the range's top-left cell: 順調 must not colour 概ね順調.
        formulae: [categoryRuleFormula(topLeft, xmlSafe(rule.text))],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) }, fgColor: { argb: argb(rule.fill) } },
          font: { color: { argb: argb(rule.font) } },
        },
      })),
    });
  }
}

/** Summary cells that look alike share one style object (see `summaryStyle`). */
type StyleCache = Map<string, Partial<ExcelJS.Style>>;

/**
 * The cell's style, one object per distinct look: ExcelJS serialises each new style object to XML to find its
 * id, once per cell (0.8 s for a 10,000-KPI summary, `npm run bench`), but remembers objects it has seen.
 * Shared objects are never changed after they are handed out.
 */
function summaryStyle(sc: SummaryCell, cache: StyleCache): Partial<ExcelJS.Style> | null {
  const link = sc.link !== undefined;
  if (!link && !sc.bold && !sc.font && !sc.fill && !sc.numberFormat && !sc.wrap) return null;
  const key = `${link ? 'L' : ''}|${sc.bold ? 'B' : ''}|${sc.font ?? ''}|${sc.fill ?? ''}|${sc.numberFormat ?? ''}|${sc.wrap ? 'W' : ''}`;
  let style = cache.get(key);
  if (style) return style;
  style = {};
  if (link || sc.bold || sc.font) {
    const font: Partial<ExcelJS.Font> = link ? { color: { argb: 'FF0B5CAD' }, underline: true } : {};
    if (sc.bold || sc.font) font.bold = sc.bold ?? false;
    if (sc.font) font.color = { argb: argb(sc.font) };
    style.font = font;
  }
  if (sc.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(sc.fill) } };
  if (sc.numberFormat) style.numFmt = sc.numberFormat;
  if (sc.wrap) style.alignment = { wrapText: true, vertical: 'top' };
  cache.set(key, style);
  return style;
}

function writeSummaryCell(cell: ExcelJS.Cell, sc: SummaryCell, styles: StyleCache): void {
  if (sc.link) {
    const link = { ...sc.link, text: xmlSafe(sc.link.text) };
    cell.value = { formula: hyperlinkFormula(link), result: link.text };
  } else {
    cell.value = typeof sc.value === 'string' ? xmlSafe(sc.value) : sc.value;
  }
  const style = summaryStyle(sc, styles);
  if (style) cell.style = style;
}

/**
 * Regenerates the summary sheet at the same place in the tab order (ExcelJS has no undo stack to keep, so
 * it is rebuilt; the Office adapter clears it in place instead).
 */
function writeSummary(wb: ExcelJS.Workbook, summary: SummaryPlan): void {
  const old = wb.getWorksheet(summary.name);
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(summary.name, { views: [{ state: 'frozen', ySplit: 0 }] });
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;

  const styles: StyleCache = new Map();
  summary.head.forEach((line, r) => line.forEach((sc, c) => writeSummaryCell(ws.getCell(r + 1, c + 1), sc, styles)));
  const t = summary.table;
  t.columns.forEach((col, c) => {
    ws.getColumn(c + 1).width = col.width;
  });
  if (t.rows.length > 0) {
    ws.addTable({
      name: t.name,
      ref: a1(t.top, 0),
      headerRow: true,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: t.columns.map((col) => ({ name: xmlSafe(col.header), filterButton: true })),
      rows: t.rows.map((row) => row.map((sc) => (sc.link ? xmlSafe(sc.link.text) : typeof sc.value === 'string' ? xmlSafe(sc.value) : sc.value))),
    });
    t.rows.forEach((row, r) =>
      row.forEach((sc, c) => {
        const cell = ws.getCell(t.top + 2 + r, c + 1);
        if (sc.link || sc.numberFormat || sc.wrap) writeSummaryCell(cell, sc, styles);
      }),
    );
    const first = t.top + 1;
    const last = t.top + t.rows.length;
    const col = columnLetters(summary.categoryColumn);
    addConditionalFormats(ws, { sheet: summary.name, ranges: [`${col}${first + 1}:${col}${last + 1}`], rules: summary.rules }, 1);
  } else {
    t.columns.forEach((col, c) => writeSummaryCell(ws.getCell(t.top + 1, c + 1), { value: col.header, bold: true }, styles));
  }
}

/** Backup and settings rows: JSON (escaped, so nothing is lost) and sheet names / A1 refs (replaced). */
function writeTextRows(ws: ExcelJS.Worksheet, rows: string[][]): void {
  rows.forEach((line, r) =>
    line.forEach((text, c) => {
      ws.getCell(r + 1, c + 1).value = xmlSafeJson(text);
    }),
  );
}

/** Replaces a Shinchoku-owned sheet's contents (backup, settings) with the given rows. */
function rewriteOwnSheet(wb: ExcelJS.Workbook, name: string, state: 'hidden' | 'veryHidden', rows: string[][]): void {
  const old = wb.getWorksheet(name);
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name, { state });
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  writeTextRows(ws, rows);
}

/**
 * Carries a write plan out on an ExcelJS workbook (CLI and browser page). The backup and settings sheets are
 * written first: if a later step fails, whatever was changed is already in the backup, so `restore` brings the
 * workbook back (the CLI then writes nothing at all; the browser page reloads its last saved bytes).
 */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: WritePlan): void {
  for (const w of plan.statusWrites) {
    if (!wb.getWorksheet(w.sheet)) throw new Error(`applyPlanToWorkbook: sheet "${w.sheet}" from the plan is not in the workbook`);
  }
  rewriteOwnSheet(wb, plan.backup.sheetName, 'hidden', backupRowsToCells(plan.backup.rows as BackupRow[]));
  rewriteOwnSheet(wb, plan.settings.sheetName, 'veryHidden', settingsRows(plan.settings.json));
  for (const w of plan.statusWrites) {
    const ws = wb.getWorksheet(w.sheet) as ExcelJS.Worksheet;
    const cell = ws.getCell(w.row + 1, w.col + 1);
    cell.value = xmlSafe(w.value); // a string is always written as text, `-` and `=…` included
    if (w.note !== null) cell.note = xmlSafe(w.note);
  }
  const ownCf = new Map<string, Set<string>>();
  for (const r of plan.backup.rows) {
    if (r.kind !== 'cf') continue;
    const set = ownCf.get(r.sheet) ?? new Set<string>();
    set.add(r.ref);
    ownCf.set(r.sheet, set);
  }
  for (const cf of plan.conditionalFormats) {
    const ws = wb.getWorksheet(cf.sheet);
    if (!ws) continue;
    removeOwnConditionalFormats(ws, ownCf.get(cf.sheet) ?? new Set(cf.ranges));
    addConditionalFormats(ws, cf, 1);
  }
  writeSummary(wb, plan.summary);
}
