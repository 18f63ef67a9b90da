import { a1 } from '../../domain/address';
import type { RawValue } from '../../domain/grid';

/**
 * What goes into `Range.values` so that Excel stores exactly the value meant. `Range.values` behaves like
 * typing: a string starting with `=`, `+`, `-` (or `@`) becomes a formula, `0012` or `１２３` a number, `TRUE` a
 * boolean, `#N/A` an error, `4/1` or `令和2年4月1日` a date, and a leading apostrophe is eaten.
 *
 * Decision (SPEC §5, "text that starts with = + - @ is written as text"): such text gets a leading apostrophe,
 * Excel's own "this is text" mark. It changes no number format of the user's cell (restore has nothing extra to
 * put back), the cell reads back as the text itself, and it works on every ExcelApi version. The alternative,
 * numberFormat `@` before the value, would leave the user's cell formatted as Text after the run. Exception: a
 * cell ALREADY formatted as Text (`@`) stores what is typed literally, apostrophe included, so it gets the text
 * as is. Shinchoku's own sheets (backup, settings) have their formats cleared before writing, so the apostrophe
 * rule applies to them uniformly.
 */
export function needsQuotePrefix(text: string): boolean {
  if (text === '') return false;
  if (/^[\t\r\n]/.test(text)) return true;
  const t = text.normalize('NFKC').trimStart();
  if (t === '') return false;
  // formula starters, an apostrophe that would be eaten, and anything Excel may read as a number, currency,
  // percentage, date, time or error value (digits, sign, decimal point, parentheses, currency signs, #)
  if (/^[=+\-@'0-9.,($¥€£%#]/.test(t)) return true;
  if (/^(true|false)$/i.test(t.trim())) return true;
  // Japanese-locale dates and times: 令和2年4月1日, R2.4.1, H30/4/1, 午前10:00
  if (/^(明治|大正|昭和|平成|令和|[MTSHR])\s*[0-9元]/i.test(t)) return true;
  if (/^(午前|午後)/.test(t)) return true;
  return false;
}

/** Text as it must be typed to be stored as that text. */
export function textInput(text: string, cellIsText = false): string {
  return !cellIsText && needsQuotePrefix(text) ? `'${text}` : text;
}

export type CellInput = string | number | boolean;

/**
 * A backed-up value put back by restore. `''` clears the cell (`null` in `Range.values` would mean "leave it").
 * An error value is typed as its text (`#N/A`), which Excel turns back into the error.
 */
export function rawInput(value: RawValue, cellIsText = false): CellInput {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return textInput(value, cellIsText);
  return value.error;
}

/** True for Excel's Text number format. */
export function isTextFormat(format: unknown): boolean {
  return format === '@';
}

/** A rectangle of cells written with one `Range.values` assignment. */
export interface Rect<T> {
  top: number;
  left: number;
  values: T[][];
}

export function rectAddress(rect: Rect<unknown>): string {
  const start = a1(rect.top, rect.left);
  const end = a1(rect.top + rect.values.length - 1, rect.left + (rect.values[0]?.length ?? 1) - 1);
  return start === end ? start : `${start}:${end}`;
}

/**
 * Groups single-cell writes into rectangles: runs of adjacent columns in a row, then identical runs stacked
 * over adjacent rows. Only the given cells are covered (no neighbour is overwritten). A later write to the same
 * cell wins. `isolate` cells (anchors of merged areas) always get a rectangle of their own.
 */
export function toRectangles<T>(
  cells: readonly { row: number; col: number; value: T }[],
  isolate: (row: number, col: number) => boolean = () => false,
): Rect<T>[] {
  const byRow = new Map<number, Map<number, T>>();
  for (const c of cells) {
    const line = byRow.get(c.row) ?? new Map<number, T>();
    line.set(c.col, c.value);
    byRow.set(c.row, line);
  }
  const rects: Rect<T>[] = [];
  const open = new Map<string, Rect<T>>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const line = byRow.get(row) as Map<number, T>;
    const cols = [...line.keys()].sort((a, b) => a - b);
    const runs: number[][] = [];
    for (const col of cols) {
      const last = runs[runs.length - 1];
      const alone = isolate(row, col);
      if (last && !alone && last[last.length - 1] === col - 1 && !isolate(row, last[0])) last.push(col);
      else runs.push([col]);
    }
    for (const run of runs) {
      const key = `${run[0]}:${run.length}`;
      const values = run.map((col) => line.get(col) as T);
      const prev = open.get(key);
      const stackable = run.length > 1 || !isolate(row, run[0]);
      if (prev && stackable && prev.top + prev.values.length === row) {
        prev.values.push(values);
      } else {
        const rect = { top: row, left: run[0], values: [values] };
        rects.push(rect);
        if (stackable) open.set(key, rect);
        else open.delete(key);
      }
    }
  }
  return rects;
}

/** Items grouped by key, first-seen order kept. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
