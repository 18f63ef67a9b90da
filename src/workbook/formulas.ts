import { quoteSheetName } from '../domain/address';
import type { SummaryCell } from '../domain/plan/types';

/** The formulas every adapter writes, the same text everywhere (without the leading `=`). */

/** Excel text literal inside a formula: `"` doubled. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The summary's link to a KPI's cells: `HYPERLINK("#'基本目標1'!A3","基本目標1!A3:I5")`. An internal link needs no
 * relationship part and survives copying the sheet.
 */
export function hyperlinkFormula(link: NonNullable<SummaryCell['link']>): string {
  return `HYPERLINK(${formulaString(`#${quoteSheetName(link.sheet)}!${link.cell}`)},${formulaString(link.text)})`;
}

/**
 * A category's colour rule: exact match of the cell's trimmed text, relative to the top-left cell of the ranges
 * it covers (`TRIM(D6)="順調"`), so that 順調 does not colour 概ね順調 and a hand edit recolours itself.
 */
export function categoryRuleFormula(topLeft: string, category: string): string {
  return `TRIM(${topLeft})=${formulaString(category)}`;
}
