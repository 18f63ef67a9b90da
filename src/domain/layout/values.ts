import { scaleWord, valueInScale } from '../cells';
import type { CellReading } from '../cells/types';
import { numberFormatAt } from '../grid';
import type { KpiValue, StatusCell } from '../kpi';
import { problemAt } from '../problems';
import type { Problem } from '../problems';
import { normalizeText } from '../text';
import type { SheetView } from './sheetView';

/**
 * Reads a cell with its number format (percent cells) and, for year columns, the column's fiscal year. The
 * value stays null until the KPI's unit is known: `kpiValue` fills it in (the object becomes the KPI's own).
 */
export function readAt(view: SheetView, row: number, col: number, columnYear: number | null = null): KpiValue {
  const reading = view.readings.read(view.raw(row, col), numberFormatAt(view.sheet, row, col), columnYear);
  return { cell: view.address(row, col), reading, value: null };
}

/** The status cell of a year: what it holds now, and whether it may be written. */
export function statusCellAt(view: SheetView, row: number, col: number): StatusCell {
  const text = view.text(row, col);
  const cell = view.address(row, col);
  return {
    cell,
    existing: text === '' ? null : text,
    formula: view.formulaAtAddress(cell),
    mergedInside: view.isCovered(row, col),
  };
}

/** A KPI's display unit (`千円`, `%`, `人/ha`), its unit without the scale word, and the scale. */
export interface KpiUnit {
  unit: string | null;
  base: string | null;
  scale: number;
}

const SCALE_NAME = new Map<number, string>([
  [1e3, '千'],
  [1e4, '万'],
  [1e5, '十万'],
  [1e6, '百万'],
  [1e7, '千万'],
  [1e8, '億'],
  [1e12, '兆'],
]);

const tidyCache = new Map<string, string>();

/** Cached: called for every cell with a unit, and a workbook has few distinct units. */
function tidyUnit(text: string): string {
  let tidy = tidyCache.get(text);
  if (tidy === undefined) {
    tidy = normalizeText(text)
      .replace(/\s+/g, '')
      .replace(/^\((.+)\)$/, '$1');
    if (tidyCache.size < 1000) tidyCache.set(text, tidy);
  }
  return tidy;
}

const unitCache = new Map<string, KpiUnit>();

/** A 単位 cell: `千円` → 円 × 1000; `％` → `%`; `人/ha`, `mg/L` → scale 1. Cached: a sheet has few units. */
export function parseUnitText(text: string): KpiUnit {
  let cached = unitCache.get(text);
  if (cached) return cached;
  const unit = tidyUnit(text);
  const parts = unit === '' ? null : scaleWord(unit);
  cached = parts ? { unit, base: parts.unit, scale: parts.scale } : { unit: null, base: null, scale: 1 };
  if (unitCache.size < 1000) unitCache.set(text, cached);
  return cached;
}

/**
 * The KPI's unit: the unit cell when there is one, else the unit most of its cells carry (first seen on a tie),
 * else none. Scale words count: `18,113百万円` everywhere gives `百万円`, scale 1e6.
 */
export function resolveUnit(unitText: string | null, readings: readonly CellReading[]): KpiUnit {
  if (unitText !== null && unitText.trim() !== '') return parseUnitText(unitText);
  // A KPI's cells carry one or two distinct units: a list in order of first appearance, not a map of keys.
  const counts: { n: number; scale: number; base: string | null }[] = [];
  for (const r of readings) {
    if (r.kind !== 'value' || (r.unit === null && r.scale === 1)) continue;
    const base = r.unit === null ? null : tidyUnit(r.unit);
    let entry = null;
    for (const e of counts) if (e.scale === r.scale && (e.base ?? '') === (base ?? '')) entry = e; // at most one
    if (entry) entry.n++;
    else counts.push({ n: 1, scale: r.scale, base });
  }
  let best: { n: number; scale: number; base: string | null } | null = null;
  for (const e of counts) if (!best || e.n > best.n) best = e;
  if (!best) return { unit: null, base: null, scale: 1 };
  return { unit: `${SCALE_NAME.get(best.scale) ?? ''}${best.base ?? ''}` || null, base: best.base, scale: best.scale };
}

function compatible(a: string, b: string): boolean {
  return a === b || a.startsWith(b) || b.startsWith(a);
}

/**
 * Puts a cell's number in the KPI's scale. A number written without unit or scale word is taken as written
 * (a `千円` KPI with `1,498` means 1,498 千円); one written with them is converted (`1.8兆` in a 百万円 KPI).
 * `part` picks one label of a compound cell (`小93.5 中98.1`): the reading returned is narrowed to that part,
 * so a sub-KPI looks like a plain KPI to evaluation. Problems of the cell are pushed onto `problems`.
 * Without a part, `read` itself (from `readAt`) gets the value and is returned; a part gets a new object.
 */
export function kpiValue(
  sheet: string,
  read: KpiValue,
  unit: KpiUnit,
  part: string | null,
  problems: Problem[],
): KpiValue {
  // Most readings have no problem (a shared frozen array): not iterated at all.
  if (read.reading.problems.length > 0) for (const p of read.reading.problems) problems.push(problemAt(sheet, read.cell, p));
  let reading = read.reading;
  let number: number | null = null;
  if (reading.kind === 'value' && !reading.reference) {
    if (part !== null && reading.parts.length === 0 && reading.value !== null) {
      problems.push(compoundMismatch(sheet, read.cell, part));
    } else if (part !== null) {
      const p = reading.parts.find((x) => x.label === part);
      if (p) {
        reading = {
          ...reading,
          value: p.value,
          decimals: p.decimals,
          comparator: p.comparator,
          unit: p.unit ?? reading.unit,
          scale: p.scale ?? 1,
          parts: [],
        };
      } else {
        problems.push(compoundMismatch(sheet, read.cell, part));
      }
    }
    if (reading.parts.length === 0) number = reading.value;
  }
  if (number !== null && (reading.unit !== null || reading.scale !== 1)) {
    const cellBase = reading.unit === null ? null : tidyUnit(reading.unit);
    if (cellBase !== null && unit.base !== null && !compatible(cellBase, unit.base)) {
      problems.push({
        sheet,
        cell: read.cell,
        code: 'unit-mismatch',
        message: `単位「${cellBase}」が指標の単位「${unit.unit}」と異なります / unit "${cellBase}" differs from the KPI's "${unit.unit}"`,
      });
      number = null;
    } else {
      number = valueInScale(reading, unit.scale);
    }
  }
  if (part !== null) return { cell: read.cell, reading, value: number };
  read.value = number;
  return read;
}

function compoundMismatch(sheet: string, cell: string | null, part: string): Problem {
  return {
    sheet,
    cell,
    code: 'compound-mismatch',
    message: `「${part}」の値がありません / no value labelled "${part}" in this cell`,
  };
}

/** Part labels of a KPI's compound cells, in order of first appearance (`小`, `中`; `男性`, `女性`). */
export function compoundLabels(readings: CellReading[]): string[] {
  const labels: string[] = [];
  for (const r of readings) {
    if (r.parts.length === 0) continue; // shared frozen arrays: skipped before any iteration
    for (const p of r.parts) if (!labels.includes(p.label)) labels.push(p.label);
  }
  return labels;
}
