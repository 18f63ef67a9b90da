import { parseA1, parseRange } from '../../domain/address';
import type { Work } from './batches';
import { jsonBytes, OP_OVERHEAD_BYTES } from './batches';
import type { SheetCache } from './sheetCache';

/**
 * Colour rules, the same as the xlsx adapter's (src/workbook/xlsx/applyPlan.ts): per status range, one custom
 * rule per category, `=TRIM(<top-left>)="<label>"` (exact text, so 順調 does not colour 概ね順調), with the
 * category's fill and font. Shinchoku's rules are recognised by that formula shape on the ranges listed in the
 * backup: a custom rule whose formula is `TRIM(<the range's own top-left>)="…"`. Nothing else is removed.
 */
export interface RuleStyle {
  text: string;
  fill: string;
  font: string;
}

export function ruleFormula(topLeft: string, text: string): string {
  return `=TRIM(${topLeft})="${text.replace(/"/g, '""')}"`;
}

const OWN_RULE = /^=TRIM\(\$?([A-Za-z]{1,3})\$?(\d{1,7})\)="(?:[^"]|"")*"$/;

/** The top-left cell a Shinchoku rule formula refers to (`D5`), or null for any other formula. */
export function ownRuleTopLeft(formula: unknown): string | null {
  if (typeof formula !== 'string') return null;
  const m = OWN_RULE.exec(formula.trim());
  return m ? `${m[1].toUpperCase()}${m[2]}` : null;
}

function topLeftOf(ref: string): string | null {
  const box = parseRange(ref);
  if (!box) return null;
  const start = ref.split(':')[0].replace(/\$/g, '').toUpperCase();
  return parseA1(start) ? start : null;
}

/**
 * Loads the rules meeting one range and keeps (by id, so a rule met through two ranges is deleted once) those
 * Shinchoku added on exactly this range.
 */
export function findOwnRulesWork(
  sheet: string,
  ref: string,
  cache: SheetCache,
  found: Map<string, Excel.ConditionalFormat>,
): Work {
  let formats: Excel.ConditionalFormatCollection | null = null;
  const topLeft = topLeftOf(ref);
  return {
    bytes: OP_OVERHEAD_BYTES * 2 + 400,
    sheet,
    queue() {
      formats = cache.get(sheet).getRange(ref).conditionalFormats;
      formats.load('items/id, items/type, items/customOrNullObject/rule/formula');
    },
    collect() {
      if (!formats || !topLeft) return;
      for (const cf of formats.items) {
        if (cf.type !== 'Custom') continue;
        const custom = cf.customOrNullObject;
        if (custom.isNullObject) continue;
        if (ownRuleTopLeft(custom.rule.formula) === topLeft) found.set(`${sheet}|${cf.id}`, cf);
      }
    },
  };
}

export function deleteRulesWork(rules: readonly Excel.ConditionalFormat[], sheet?: string): Work {
  return {
    bytes: OP_OVERHEAD_BYTES * rules.length,
    sheet,
    queue() {
      for (const cf of rules) cf.delete();
    },
  };
}

/** One work per range: every category's rule on it. */
export function addRulesWorks(sheet: string, refs: readonly string[], rules: readonly RuleStyle[], cache: SheetCache): Work[] {
  return refs.map((ref) => {
    const topLeft = topLeftOf(ref) ?? ref;
    const formulas = rules.map((r) => ruleFormula(topLeft, r.text));
    return {
      bytes: rules.length * OP_OVERHEAD_BYTES * 4 + jsonBytes(formulas) + jsonBytes(rules),
      sheet,
      queue() {
        const range = cache.get(sheet).getRange(ref);
        rules.forEach((rule, i) => {
          const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
          cf.custom.rule.formula = formulas[i];
          cf.custom.format.fill.color = rule.fill;
          cf.custom.format.font.color = rule.font;
        });
      },
    };
  });
}
