import { a1, columnLetters } from '../../../domain/address';
import type { SummaryCell, SummaryPlan } from '../../../domain/plan/types';
import { cellXml, conditionalFormatXml } from './sheetXml';
import type { CellLook, StylesPart } from './stylesPart';
import { NS } from './parts';
import { escapeAttr, escapeText, xmlSafe, xmlSafeJson } from './xml';
import { hyperlinkFormula } from '../../formulas';

/**
 * The sheets this tool owns, written whole: the backup and settings sheets (rows of text) and the summary sheet
 * (head, an Excel table with links, colour rules on the category column). Same cells as the ExcelJS writer.
 */

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PAGE_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

function worksheet(parts: { dimension: string; cols?: string; rows: string[]; after?: string }): string {
  return (
    `${DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><dimension ref="${parts.dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${parts.cols ?? ''}` +
    `<sheetData>${parts.rows.join('')}</sheetData>${parts.after ?? PAGE_MARGINS}</worksheet>`
  );
}

function dimension(rows: number, cols: number): string {
  return rows === 0 || cols === 0 ? 'A1' : `A1:${a1(rows - 1, cols - 1)}`;
}

/** Backup and settings rows: JSON kept exactly (characters XML cannot hold escaped inside its strings). */
export function textSheetXml(rows: readonly (readonly string[])[]): string {
  let width = 0;
  const xml = rows.map((line, r) => {
    width = Math.max(width, line.length);
    const cells = line.map((text, c) => (text === '' ? '' : cellXml('', a1(r, c), 0, xmlSafeJson(text)))).join('');
    return `<row r="${r + 1}">${cells}</row>`;
  });
  return worksheet({ dimension: dimension(rows.length, width), rows: xml });
}

function lookOf(sc: SummaryCell): CellLook {
  return { bold: sc.bold, font: sc.font, fill: sc.fill, link: sc.link !== undefined, numberFormat: sc.numberFormat, wrap: sc.wrap };
}

export interface SummaryParts {
  sheetXml: string;
  /** The table part, or null when there is no KPI row (the header is then written as bold text). */
  tableXml: string | null;
}

export interface SummaryContext {
  styles: StylesPart;
  /** The table's id, unique among the workbook's tables. */
  tableId: number;
  /** The table's name, unique among the workbook's tables and names. */
  tableName: string;
  /** `r:id` of the table part from the sheet, when there is a table. */
  tableRelId: string;
  /** Elements kept from the sheet this one replaces (`<drawing r:id>`: the add-in's charts stay). */
  kept: string;
}

/** The summary sheet and its table. */
export function summarySheetXml(summary: SummaryPlan, ctx: SummaryContext): SummaryParts {
  const styleIds = new Map<SummaryCell, number>();
  const styleOf = (sc: SummaryCell): number => {
    let id = styleIds.get(sc);
    if (id === undefined) styleIds.set(sc, (id = ctx.styles.cellXf(lookOf(sc))));
    return id;
  };
  const letters: string[] = [];
  const cell = (row: number, col: number, sc: SummaryCell): string => {
    const ref = (letters[col] ??= columnLetters(col)) + (row + 1);
    if (sc.link) {
      const text = xmlSafe(sc.link.text);
      return `<c r="${ref}" s="${styleOf(sc)}" t="str"><f>${escapeText(hyperlinkFormula({ ...sc.link, text }))}</f><v>${escapeText(text)}</v></c>`;
    }
    return cellXml('', ref, styleOf(sc), sc.value ?? null);
  };
  const rows: string[] = [];
  let width = 0;
  summary.head.forEach((line, r) => {
    width = Math.max(width, line.length);
    if (line.length > 0) rows.push(`<row r="${r + 1}">${line.map((sc, c) => cell(r, c, sc)).join('')}</row>`);
  });
  const t = summary.table;
  width = Math.max(width, t.columns.length);
  const hasTable = t.rows.length > 0;
  const header = t.columns.map((col, c) => (hasTable ? cellXml('', a1(t.top, c), 0, xmlSafe(col.header)) : cell(t.top, c, { value: col.header, bold: true })));
  rows.push(`<row r="${t.top + 1}">${header.join('')}</row>`);
  t.rows.forEach((line, r) => {
    const row = t.top + 1 + r;
    rows.push(`<row r="${row + 1}">${line.map((sc, c) => cell(row, c, sc)).join('')}</row>`);
  });
  const cols = t.columns.length
    ? `<cols>${t.columns.map((col, c) => `<col min="${c + 1}" max="${c + 1}" width="${col.width}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const ref = `A${t.top + 1}:${columnLetters(Math.max(0, t.columns.length - 1))}${t.top + 1 + t.rows.length}`;
  let after = '';
  if (hasTable) {
    const col = columnLetters(summary.categoryColumn);
    const rules = summary.rules.map((rule) => ({ text: xmlSafe(rule.text), dxfId: ctx.styles.dxf({ fill: rule.fill, font: rule.font }) }));
    after += conditionalFormatXml('', [`${col}${t.top + 2}:${col}${t.top + 1 + t.rows.length}`], rules, 1);
  }
  after += PAGE_MARGINS + ctx.kept;
  if (hasTable) after += `<tableParts count="1"><tablePart r:id="${ctx.tableRelId}"/></tableParts>`;
  const sheetXml = worksheet({ dimension: dimension(t.top + 1 + t.rows.length, width), cols, rows, after });
  if (!hasTable) return { sheetXml, tableXml: null };
  const columns = t.columns.map((col, c) => `<tableColumn id="${c + 1}" name="${escapeAttr(tableColumnName(col.header))}"/>`).join('');
  const tableXml =
    `${DECLARATION}<table xmlns="${NS.main}" id="${ctx.tableId}" name="${escapeAttr(ctx.tableName)}" displayName="${escapeAttr(ctx.tableName)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.columns.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>';
  return { sheetXml, tableXml };
}

/** A table column's name as Excel stores it: the header text, line breaks as `_x000a_`. */
function tableColumnName(header: string): string {
  return xmlSafe(header).replace(/\r?\n/g, '_x000a_');
}
