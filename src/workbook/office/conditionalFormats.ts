import { parseA1, parseRange } from '../../domain/address';
import { conditionalFormatGroups } from '../conditionalFormatGroups';
import { categoryRuleFormula } from '../formulas';
import type { Work } from './batches';
import { jsonBytes, OP_OVERHEAD_BYTES } from './batches';
import type { SheetCache } from './sheetCache';

/**
 * Colour rules, the same as the xlsx adapter's (src/workbook/xlsx/applyPlan.ts): one custom rule per category,
 * `=TRIM(<top-left>)="<label>"` (exact text, so 順調 does not colour 概ね順調), with the category's fill and font.
 * With ExcelApi 1.9 one rule set covers a group of up to 100 status ranges (`conditionalFormatGroups`: same left
 * column, top to bottom, so the first range's top-left is the top-left of them all and the relative formula
 * means the same in every area), added through `Worksheet.getRanges("D6:L6,D9:L9,…")`: 10,000 KPIs in the 佐久市
 * layout get 500 rules instead of 50,000. Without 1.9, one rule set per range. Finding them again: ownRules.ts.
 */
export interface RuleStyle {
  text: string;
  fill: string;
  font: string;
}

export function ruleFormula(topLeft: string, text: string): string {
  return `=${categoryRuleFormula(topLeft, text)}`;
}

const OWN_RULE = /^=TRIM\(\$?([A-Za-z]{1,3})\$?(\d{1,7})\)="(?:[^"]|"")*"$/;

/** The top-left cell a Shinchoku rule formula refers to (`D5`), or null for any other formula. */
export function ownRuleTopLeft(formula: unknown): string | null {
  if (typeof formula !== 'string') return null;
  const m = OWN_RULE.exec(formula.trim());
  return m ? `${m[1].toUpperCase()}${m[2]}` : null;
}

/** `$D$6:L6` → `D6`; null when the text is not an A1 range. */
export function topLeftOf(ref: string): string | null {
  const box = parseRange(ref);
  if (!box) return null;
  const start = ref.split(':')[0].replace(/\$/g, '').toUpperCase();
  return parseA1(start) ? start : null;
}

/**
 * The ranges of each rule set: the groups of `conditionalFormatGroups` (`grouped`), else one range each. No cut
 * by characters is needed: Excel takes 8,192 characters in a `getRanges` address (longer ones are truncated:
 * "Range return character limit", Troubleshooting Excel add-ins; OfficeDev/office-js#5198 saw refusals just past
 * it), and 100 ranges of the longest A1 form (`XFD1048575:XFD1048576,`) take 2,200 (tested; the fake refuses more).
 */
export function ruleGroups(refs: readonly string[], grouped: boolean): string[][] {
  return grouped ? conditionalFormatGroups(refs) : refs.map((ref) => [ref]);
}

/**
 * One work per rule set: every category's rule on a group of ranges (`grouped`, ExcelApi 1.9: `getRanges`, a
 * single range through `getRange`) or on one range each (`grouped` false: before 1.9, and the summary sheet).
 */
export function addRulesWorks(sheet: string, refs: readonly string[], rules: readonly RuleStyle[], cache: SheetCache, grouped = false): Work[] {
  return ruleGroups(refs, grouped).map((group) => {
    const topLeft = topLeftOf(group[0]) ?? group[0];
    const formulas = rules.map((r) => ruleFormula(topLeft, r.text));
    const address = group.join(',');
    const areas = group.length > 1;
    return {
      bytes: (areas ? jsonBytes(address) + OP_OVERHEAD_BYTES : 0) + rules.length * OP_OVERHEAD_BYTES * 4 + jsonBytes(formulas) + jsonBytes(rules),
      sheet,
      queue() {
        const ws = cache.get(sheet);
        const formats = areas ? ws.getRanges(address).conditionalFormats : ws.getRange(address).conditionalFormats;
        rules.forEach((rule, i) => {
          const cf = formats.add(Excel.ConditionalFormatType.custom);
          cf.custom.rule.formula = formulas[i];
          cf.custom.format.fill.color = rule.fill;
          cf.custom.format.font.color = rule.font;
        });
      },
    };
  });
}
