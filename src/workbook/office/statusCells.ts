import type { StatusWrite, WritePlan } from '../../domain/plan/types';
import type { Work } from './batches';
import { jsonBytes, OP_OVERHEAD_BYTES } from './batches';
import { groupBy, rectAddress, textInput, toRectangles } from './cellInput';
import { addRulesWorks } from './conditionalFormats';
import type { OfficeFeatures } from './features';
import { deleteRulesWork, sheetOfRuleKey } from './ownRules';
import type { Preflight } from './preflight';
import type { SheetCache } from './sheetCache';

/**
 * The user's sheets: the previous colour rules out, the status values in (one `Range.values` per rectangle of
 * adjacent status cells — a 佐久市 status row is one rectangle), the notes, the new colour rules.
 */
export function statusValueWorks(writes: readonly StatusWrite[], pre: Preflight, cache: SheetCache): Work[] {
  const works: Work[] = [];
  for (const [sheet, list] of groupBy(writes, (w) => w.sheet)) {
    const cells = list.map((w) => ({
      row: w.row,
      col: w.col,
      value: textInput(w.value, pre.textCells.has(`${sheet}!${w.cell}`)),
    }));
    const anchors = new Set(list.filter((w) => pre.anchors.has(`${sheet}!${w.cell}`)).map((w) => `${w.row},${w.col}`));
    for (const rect of toRectangles(cells, (row, col) => anchors.has(`${row},${col}`))) {
      const address = rectAddress(rect);
      works.push({
        bytes: jsonBytes(rect.values) + jsonBytes(address) + OP_OVERHEAD_BYTES * 2,
        sheet,
        queue() {
          cache.get(sheet).getRange(address).values = rect.values;
        },
      });
    }
  }
  return works;
}

function noteWorks(writes: readonly StatusWrite[], pre: Preflight, cache: SheetCache): Work[] {
  return writes
    .filter((w) => w.note !== null)
    .map((w) => {
      const text = w.note as string;
      const existing = pre.notes.get(`${w.sheet}!${w.cell}`);
      return {
        bytes: jsonBytes(text) + OP_OVERHEAD_BYTES * 2,
        sheet: w.sheet,
        queue() {
          if (existing) existing.content = text;
          else {
            const ws = cache.get(w.sheet);
            ws.notes.add(ws.getRange(w.cell), text);
          }
        },
      };
    });
}

export function cellsWorks(plan: WritePlan, features: OfficeFeatures, pre: Preflight, cache: SheetCache, notices: string[]): Work[] {
  const works: Work[] = [];
  if (features.conditionalFormats) {
    const bySheet = groupBy([...pre.oldRules.rules], ([key]) => sheetOfRuleKey(key));
    for (const [sheet, entries] of bySheet) {
      const rules = entries.map(([, cf]) => cf);
      for (let i = 0; i < rules.length; i += 500) works.push(deleteRulesWork(rules.slice(i, i + 500), sheet));
    }
  }
  works.push(...statusValueWorks(plan.statusWrites, pre, cache));
  if (plan.statusWrites.some((w) => w.note !== null)) {
    if (features.notes) works.push(...noteWorks(plan.statusWrites, pre, cache));
    else notices.push('この Excel ではメモを書けないため、根拠のメモは省きました（ExcelApi 1.18 が必要） / Notes need ExcelApi 1.18; the basis notes were left out');
  }
  if (plan.conditionalFormats.length > 0) {
    if (features.conditionalFormats) {
      for (const cf of plan.conditionalFormats) works.push(...addRulesWorks(cf.sheet, cf.ranges, cf.rules, cache, features.rangeAreas));
    } else {
      notices.push('この Excel では条件付き書式を使えないため、区分の色分けは省きました（文字は書き込み済み、ExcelApi 1.6 が必要） / Conditional formats need ExcelApi 1.6; the status text is written without colours');
    }
  }
  return works;
}
