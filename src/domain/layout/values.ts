import { scaleWord, valueInScale } from '../cells';
import type { CellReading } from '../cells/types';
import { numberFormatAt } from '../grid';
import type { KpiValue, StatusCell } from '../kpi';
import { problemAt } from '../problems';
import type { Problem } from '../problems';
import { normalizeText } from '../text';
import type { SheetView } from './sheetView';

/** One cell read for a KPI, before its value is put in the KPI's scale. */
export interface CellRead {
  row: number;
  col: number;
  cell: string;
  /** Shared between identical cells: never mutated. */
  reading: Readonly<CellReading>;
}

/** Reads a cell with its number format (percent cells) and, for year columns, the column's fiscal year. */
export function readAt(view: SheetView, row: number, col: number, columnYear: number | null = null): CellRead {
  const reading = view.readings.read(view.raw(row, col), numberFormatAt(view.sheet, row, col), columnYear);
  return { row, col, cell: view.address(row, col), reading };
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
export function resolveUnit(unitText: string | null, readings: CellReading[]): KpiUnit {
  if (unitText !== null && unitText.trim() !== '') return parseUnitText(unitText);
  const counts = new Map<string, { n: number; unit: KpiUnit }>();
  for (const r of readings) {
    if (r.kind !== 'value' || (r.unit === null && r.scale === 1)) continue;
    const base = r.unit === null ? null : tidyUnit(r.unit);
    const k = `${r.scale}|${base ?? ''}`;
    const entry = counts.get(k);
    if (entry) entry.n++;
    else
      counts.set(k, {
        n: 1,
        unit: { unit: `${SCALE_NAME.get(r.scale) ?? ''}${base ?? ''}` || null, base, scale: r.scale },
      });
  }
  let best: { n: number; unit: KpiUnit } | null = null;
  for (const e of counts.values()) if (!best || e.n > best.n) best = e;
  return best ? best.unit : { unit: null, base: null, scale: 1 };
}

function compatible(a: string, b: string): boolean {
  return a === b || a.startsWith(b) || b.startsWith(a);
}

/**
 * Puts a cell's number in the KPI's scale. A number written without unit or scale word is taken as written
 * (a `千円` KPI with `1,498` means 1,498 千円); one written with them is converted (`1.8兆` in a 百万円 KPI).
 * `part` picks one label of a compound cell (`小93.5 中98.1`): the reading returned is narrowed to that part,
 * so a sub-KPI looks like a plain KPI to evaluation. Problems of the cell are pushed onto `problems`.
 */
export function kpiValue(
  sheet: string,
  read: CellRead,
  unit: KpiUnit,
  part: string | null,
  problems: Problem[],
): KpiValue {
  for (const p of read.reading.problems) problems.push(problemAt(sheet, read.cell, p));
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
  return { cell: read.cell, reading, value: number };
}

function compoundMismatch(sheet: string, cell: string, part: string): Problem {
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
  for (const r of readings) for (const p of r.parts) if (!labels.includes(p.label)) labels.push(p.label);
  return labels;
}
