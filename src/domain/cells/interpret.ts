/**
 * Scanned items → the fields of a `CellReading`: one value, year-tagged values, or compound parts; what the
 * parentheses say (secondary total, breakdown, year tag, target basis, reference, remark).
 */
import { parseYearLabel } from '../years/parseYearLabel';
import type { YearLabel } from '../years/types';
import type { ScannedItem } from './scan';
import { scanItems } from './scan';
import type { CellPart, CellReading, Comparator, YearTaggedValue } from './types';
import {
  basisOf,
  isProvisional,
  isReferenceMark,
  isOnlyStatusWords,
  withoutStatusWords,
} from './words';

/** Fills `r` from the items; false when the items do not form a value (mixed labels, untagged year values…). */
export function interpretItems(items: ScannedItem[], r: CellReading, columnYear: number | null): boolean {
  if (items.length === 1) {
    const item = items[0];
    const tag = item.parens.length > 0 ? readParens(item, r, true) : null;
    if (tag && item.label !== null) return false; // `小93.5(R1)`: as in a longer cell, labels and tags do not mix
    if (tag) {
      r.yearValues = [yearTagged(item, tag)];
      setValue(r, item);
      r.provisional = r.provisional || r.yearValues[0].provisional;
    } else if (item.label !== null) setParts(r, [part(item, item.label)]);
    else setValue(r, item);
    return true;
  }
  const tags = items.map((item) => readParens(item, r, false));
  const tagged = tags.filter((t) => t !== null).length;
  const labelled = items.filter((item) => item.label !== null).length;

  if (tagged > 0) {
    // `42.7(R1確定値) 40.2(R2速報値)` (002 seed line 789): every item carries its year.
    if (tagged !== items.length || labelled > 0) return false;
    r.yearValues = items.map((item, k) => yearTagged(item, tags[k] as YearTag));
    const pick = chooseYearValue(r.yearValues, columnYear);
    setValue(r, items[pick]);
    r.provisional = r.provisional || r.yearValues[pick].provisional;
    return true;
  }
  if (labelled === items.length) {
    // `小93.5 中98.1`, `男性83.6以上 女性85.1以上` (002 seed lines 52, 947).
    setParts(r, items.map((item) => part(item, item.label as string)));
    return true;
  }
  if (labelled > 0) return false;

  const merged = mergeScaleWords(items);
  if (merged.length === 1) {
    setValue(r, merged[0]);
    return true;
  }
  // `3世帯9人` (001 seed line 437): one part per unit, labelled by the unit as written.
  const units = new Set(merged.map((item) => item.unitText));
  if (units.has(null) || units.size !== merged.length) return false;
  setParts(r, merged.map((item) => part(item, item.unitText as string)));
  return true;
}

function setValue(r: CellReading, item: ScannedItem): void {
  r.kind = 'value';
  r.missing = null;
  r.value = item.value === 0 ? 0 : item.value;
  r.decimals = item.decimals;
  r.unit = item.unit;
  r.scale = item.scale;
  r.perYear = r.perYear || item.perYear;
  r.comparator = item.comparator;
  r.provisional = r.provisional || item.provisional;
}

function setParts(r: CellReading, parts: CellPart[]): void {
  r.kind = 'value';
  r.missing = null;
  r.parts = parts;
  r.decimals = parts.reduce((m, p) => Math.max(m, p.decimals), 0);
  r.unit = shared(parts.map((p) => p.unit ?? null));
  r.scale = shared(parts.map((p) => p.scale ?? 1)) ?? 1;
  r.comparator = shared<Comparator | null>(parts.map((p) => p.comparator));
}

function part(item: ScannedItem, label: string): CellPart {
  return {
    label,
    value: item.value === 0 ? 0 : item.value,
    decimals: item.decimals,
    comparator: item.comparator,
    unit: item.unit,
    scale: item.scale,
  };
}

function shared<T>(values: T[]): T | null {
  return values.every((v) => v === values[0]) ? values[0] : null;
}

interface YearTag {
  content: string;
  year: YearLabel;
}

function yearTagged(item: ScannedItem, tag: YearTag): YearTaggedValue {
  return {
    label: withoutStatusWords(tag.content),
    fiscalYear: tag.year.fiscalYear,
    value: item.value === 0 ? 0 : item.value,
    provisional: item.provisional || isProvisional(tag.content),
  };
}

/** The value of the column's year; else the latest year; ties and unknown years: the last written. */
function chooseYearValue(values: YearTaggedValue[], columnYear: number | null): number {
  if (columnYear !== null) {
    const k = values.findIndex((v) => v.fiscalYear === columnYear);
    if (k >= 0) return k;
  }
  let best = values.length - 1;
  for (let k = 0; k < values.length; k++) {
    const y = values[k].fiscalYear;
    const b = values[best].fiscalYear;
    if (y !== null && (b === null || y > b)) best = k;
  }
  return best;
}

/**
 * Reads the parentheses after an item into `r`; returns the year tag when one names a year.
 * Order: a bare number is a secondary total (`595(803)`, 002 seed line 539), `内…`/`うち…` a breakdown
 * (002 seed line 1202), a basis word the target basis (001 seed line 330), a year (`R1確定値`) a tag,
 * `参考` marks a reference, status words mark a provisional value, anything else is kept as a note
 * (`329 (算定中)`, 001 seed line 177).
 */
function readParens(item: ScannedItem, r: CellReading, single: boolean): YearTag | null {
  let tag: YearTag | null = null;
  for (const content of item.parens) {
    if (content === '') continue;
    const secondary = single && r.secondary === null ? bareNumber(content) : null;
    if (secondary !== null) {
      r.secondary = secondary;
      continue;
    }
    if (content.startsWith('内') || content.startsWith('うち')) {
      r.breakdown = r.breakdown === null ? content : `${r.breakdown} / ${content}`;
      continue;
    }
    const basis = basisOf(content);
    if (basis !== null) {
      r.basis = r.basis ?? basis;
      if (isProvisional(content)) item.provisional = true;
      continue;
    }
    const year: YearTag | null = tag === null ? yearTag(content) : null;
    if (year !== null) tag = year;
    else if (isReferenceMark(content)) r.reference = true;
    else if (isOnlyStatusWords(content)) item.provisional = item.provisional || isProvisional(content);
    else r.note = r.note === null ? content : `${r.note} / ${content}`;
  }
  return tag;
}

function yearTag(content: string): YearTag | null {
  const year = parseYearLabel(content);
  return year !== null && year.fiscalYear !== null && year.range === null ? { content, year } : null;
}

/** `803`, `1.27`, `273 人`: one unlabelled number. */
function bareNumber(content: string): number | null {
  const items = scanItems(content);
  if (!items || items.length !== 1) return null;
  const item = items[0];
  if (item.label !== null || item.parens.length > 0 || item.comparator !== null) return null;
  return item.value === 0 ? 0 : item.value;
}

/**
 * `32億4,046万円` (001 seed line 303): a number with a bare larger scale word glued to one with a smaller scale
 * is one number, here 324,046 万円.
 */
function mergeScaleWords(items: ScannedItem[]): ScannedItem[] {
  const out: ScannedItem[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.gluedToNext &&
      prev.unit === null &&
      !prev.perYear &&
      prev.comparator === null &&
      prev.parens.length === 0 &&
      !item.signed &&
      prev.scale > item.scale
    ) {
      const factor = prev.scale / item.scale;
      const magnitude = Math.abs(prev.value) * factor + item.value;
      out[out.length - 1] = {
        ...item,
        value: Number((prev.value < 0 || Object.is(prev.value, -0) ? -magnitude : magnitude).toPrecision(15)),
        signed: prev.signed,
      };
      continue;
    }
    out.push(item);
  }
  return out;
}
