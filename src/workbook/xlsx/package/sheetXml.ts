import type { RawValue } from '../../../domain/grid';
import { categoryRuleFormula } from '../../formulas';
import { escapeText, textElement } from './xml';

/** The XML of one cell and of one colour rule set, as every sheet this writer touches or makes holds them. */

/** The error values a cell can hold; anything else in an error cell makes Excel repair (and empty) the file. */
export const EXCEL_ERRORS = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!',
  '#BLOCKED!', '#UNKNOWN!', '#BUSY!', '#CONNECT!', '#EXTERNAL!', '#PYTHON!',
]);

/** The `<c>` element for a value (`p`: the part's namespace prefix). Text is always text: never a formula. */
export function cellXml(p: string, ref: string, style: number, value: RawValue): string {
  const s = style > 0 ? ` s="${style}"` : '';
  if (value === null) return style > 0 ? `<${p}c r="${ref}"${s}/>` : '';
  if (typeof value === 'number') return `<${p}c r="${ref}"${s}><${p}v>${Object.is(value, -0) ? 0 : value}</${p}v></${p}c>`;
  if (typeof value === 'boolean') return `<${p}c r="${ref}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (typeof value === 'object') {
    // A tampered backup's `{ "error": "=cmd|…" }` goes back as the text it holds, not as an error cell.
    if (EXCEL_ERRORS.has(value.error)) return `<${p}c r="${ref}"${s} t="e"><${p}v>${escapeText(value.error)}</${p}v></${p}c>`;
    return cellXml(p, ref, style, String(value.error));
  }
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is>${textElement(`${p}t`, value)}</${p}is></${p}c>`;
}

/** One `<conditionalFormatting>` with a rule per category: exact match of the trimmed text of each cell. */
export function conditionalFormatXml(
  p: string,
  ranges: readonly string[],
  rules: readonly { text: string; dxfId: number }[],
  priorityStart: number,
): string {
  const topLeft = ranges[0].split(':')[0];
  const cfRules = rules
    .map(
      (r, i) =>
        `<${p}cfRule type="expression" dxfId="${r.dxfId}" priority="${priorityStart + i}"><${p}formula>${escapeText(categoryRuleFormula(topLeft, r.text))}</${p}formula></${p}cfRule>`,
    )
    .join('');
  return `<${p}conditionalFormatting sqref="${ranges.join(' ')}">${cfRules}</${p}conditionalFormatting>`;
}

