import { parseRange } from '../../domain/address';
import type { CellBox } from '../../domain/grid';
import type { Work } from './batches';
import { jsonBytes, OP_OVERHEAD_BYTES } from './batches';
import { ownRuleTopLeft, topLeftOf } from './conditionalFormats';
import type { OfficeFeatures } from './features';
import type { SheetCache } from './sheetCache';
import { parseAreasAddressStrict } from './toSheetGrid';

/**
 * Shinchoku's colour rules found again (a re-run removes the previous run's, restore removes them all), from the
 * ranges the backup lists (`cf` rows, one per status range), in two reads that share round trips with others:
 * 1. `findOwnRulesWork` per listed range: the rules meeting it (`Range.conditionalFormats`). A custom rule whose
 *    formula is `TRIM(<this range's top-left>)="…"` is a candidate. A rule over a group of ranges names its FIRST
 *    range's top-left (conditionalFormats.ts), so it is a candidate through that range only, kept once by id.
 * 2. `checkOwnRulesWorks` per candidate: the ranges it applies to (`ConditionalFormat.getRanges`, ExcelApi 1.9;
 *    before, `getRangeOrNullObject`, a null object for a rule over several ranges). It is Shinchoku's only when
 *    the listed ranges of its sheet cover every one. Anything else stays: a rule the user extended to other cells
 *    (copying a status cell's format), a user's rule of the same shape, a several-range rule an Excel without 1.9
 *    cannot show (that Excel adds its own one-range rules next to it: same colours, more rules).
 * The write reads 1 in its preflight and 2 with the backup (still four round trips); restore reads 2 with its note
 * locations.
 */
export interface OwnRules {
  /** Candidates, and after the check Shinchoku's rules, by `sheet|id`. */
  rules: Map<string, Excel.ConditionalFormat>;
  /** How many listed ranges each rule of Shinchoku's formula shape met, by `sheet|id`: sizes the check's reply. */
  met: Map<string, number>;
  /** The backup's ranges by sheet. */
  ranges: Map<string, CellBox[]>;
}

export function emptyOwnRules(): OwnRules {
  return { rules: new Map(), met: new Map(), ranges: new Map() };
}

/** `sheet|id` → sheet (ids hold no `|`, sheet names may). */
export function sheetOfRuleKey(key: string): string {
  return key.slice(0, key.lastIndexOf('|'));
}

/** Loads the rules meeting one listed range; keeps those naming its top-left as candidates (by id: once). */
export function findOwnRulesWork(sheet: string, ref: string, cache: SheetCache, own: OwnRules): Work {
  let formats: Excel.ConditionalFormatCollection | null = null;
  const topLeft = topLeftOf(ref);
  const box = parseRange(ref.replace(/\$/g, ''));
  if (box) {
    const list = own.ranges.get(sheet) ?? [];
    list.push(box);
    own.ranges.set(sheet, list);
  }
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
        const named = ownRuleTopLeft(custom.rule.formula);
        if (named === null) continue;
        const key = `${sheet}|${cf.id}`;
        own.met.set(key, (own.met.get(key) ?? 0) + 1);
        if (named === topLeft) own.rules.set(key, cf);
      }
    },
  };
}

function boxKey(b: CellBox): string {
  return `${b.top},${b.left},${b.bottom},${b.right}`;
}

function intersects(a: CellBox, b: CellBox): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * Whether the union of `boxes` covers every cell of `box` (Excel may report adjacent areas of a rule as one).
 * Row by row where the covering boxes change: each such row's column spans must close the gap left to right.
 */
export function coveredBy(box: CellBox, boxes: readonly CellBox[]): boolean {
  const parts = boxes.filter((b) => intersects(b, box));
  const rows = new Set([box.top]);
  for (const p of parts) {
    if (p.top > box.top) rows.add(p.top);
    if (p.bottom < box.bottom) rows.add(p.bottom + 1);
  }
  for (const row of rows) {
    const spans = parts.filter((p) => p.top <= row && row <= p.bottom).sort((a, b) => a.left - b.left);
    let next = box.left;
    for (const p of spans) {
      if (p.left > next) break;
      next = Math.max(next, p.right + 1);
    }
    if (next <= box.right) return false;
  }
  return true;
}

/** One work per candidate: loads the ranges it applies to; drops it from `own.rules` unless all are listed. */
export function checkOwnRulesWorks(own: OwnRules, features: OfficeFeatures): Work[] {
  const exact = new Map<string, Set<string>>();
  const listed = (sheet: string, area: CellBox): boolean => {
    let keys = exact.get(sheet);
    if (!keys) exact.set(sheet, (keys = new Set((own.ranges.get(sheet) ?? []).map(boxKey))));
    return keys.has(boxKey(area)) || coveredBy(area, own.ranges.get(sheet) ?? []);
  };
  return [...own.rules].map(([key, cf]) => {
    const sheet = sheetOfRuleKey(key);
    let extent: Excel.RangeAreas | Excel.Range | null = null;
    return {
      // the reply: the address of each area, sheet name included (`'基本目標1'!D6:L6, …`)
      bytes: OP_OVERHEAD_BYTES * 2 + (own.met.get(key) ?? 1) * (jsonBytes(sheet) + 24),
      sheet,
      queue() {
        extent = features.rangeAreas ? cf.getRanges() : cf.getRangeOrNullObject();
        extent.load('address');
      },
      collect() {
        const areas = !extent || extent.isNullObject ? null : parseAreasAddressStrict(extent.address);
        if (!areas || areas.length === 0 || !areas.every((a) => listed(sheet, a))) own.rules.delete(key);
      },
    };
  });
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
