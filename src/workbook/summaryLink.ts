import { quoteSheetName } from '../domain/address';
import type { SummaryCell } from '../domain/plan/types';

/** Excel text literal inside a formula: `"` doubled. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The summary's link to a KPI's cells, as every adapter writes it: `HYPERLINK("#'基本目標1'!A3","基本目標1!A3:I5")`
 * (without the leading `=`). An internal link needs no relationship part and survives copying the sheet.
 */
export function hyperlinkFormula(link: NonNullable<SummaryCell['link']>): string {
  return `HYPERLINK(${formulaString(`#${quoteSheetName(link.sheet)}!${link.cell}`)},${formulaString(link.text)})`;
}
