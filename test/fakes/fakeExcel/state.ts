import { boxToA1 } from '../../../src/domain/address';
import type { CellBox } from '../../../src/domain/grid';
import { fail } from './errors';

/**
 * The workbook behind the fake Excel: plain data that tests build, inspect and compare. Coordinates are 0-based.
 * Cell values follow Office.js: a value is a number, boolean, text or error; a formula cell keeps its formula
 * and a computed value; a merged area holds its value in the top-left cell only.
 */
export type CellValue = number | string | boolean | { error: string };

export interface FakeCell {
  value: CellValue | null;
  formula?: string;
  numberFormat?: string;
  /** Typed with a leading apostrophe (Excel's "this is text" mark, a format property). */
  quotePrefix?: boolean;
  style?: { bold?: boolean; fill?: string; font?: string; underline?: string; wrap?: boolean; vertical?: string };
}

export interface FakeRule {
  id: string;
  /** Set by delete/clearAll; deleted rules are dropped from `rules` lazily (the fake stays fast at 50,000 rules). */
  deleted?: boolean;
  /** The ranges it applies to ("applies to" `D6:L6,D9:L9`): one for a rule added on a Range, several on RangeAreas. */
  areas: CellBox[];
  type: string;
  formula: string | null;
  fill: string | null;
  font: string | null;
}

export interface FakeChart {
  name: string;
  type: string;
  source: CellBox;
  seriesBy: string;
  title: string;
  position: [string, string] | null;
  seriesFills: Record<number, string>;
  trendlines: { series: number; type: string; forwardPeriod: number; showRSquared: boolean }[];
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function key(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export class FakeSheet {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  readonly cells = new Map<number, FakeCell>();
  private mergeList: CellBox[] = [];
  private insideIndex: Map<number, CellBox> | null = null;
  private ruleList: FakeRule[] = [];
  private rulesDirty = false;
  tables: { name: string; box: CellBox; style: string }[] = [];
  charts: FakeChart[] = [];
  readonly notes = new Map<number, string>();
  readonly columnWidths = new Map<number, number>();

  constructor(public name: string) {}

  /** The live conditional-format rules of the sheet. */
  get rules(): FakeRule[] {
    if (this.rulesDirty) this.ruleList = this.ruleList.filter((r) => !r.deleted);
    this.rulesDirty = false;
    return this.ruleList;
  }

  deleteRule(rule: FakeRule): void {
    rule.deleted = true;
    this.rulesDirty = true;
  }

  addRule(rule: FakeRule): void {
    this.ruleList.push(rule);
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  get merges(): CellBox[] {
    return this.mergeList;
  }

  set merges(list: CellBox[]) {
    this.mergeList = list;
    this.insideIndex = null;
  }

  /** The merged area whose inside (not its top-left) holds this cell. */
  mergedInside(row: number, col: number): CellBox | undefined {
    if (!this.insideIndex) {
      this.insideIndex = new Map();
      for (const m of this.mergeList)
        for (let r = m.top; r <= m.bottom; r++)
          for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) this.insideIndex.set(key(r, c), m);
    }
    return this.insideIndex.get(key(row, col));
  }

  /** Bounding box of the cells holding a value or formula (`getUsedRange(true)`), or null. */
  usedBox(): CellBox | null {
    let box: CellBox | null = null;
    for (const [k, c] of this.cells) {
      if (c.value === null && c.formula === undefined) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      if (!box) box = { top: row, left: col, bottom: row, right: col };
      else {
        box.top = Math.min(box.top, row);
        box.bottom = Math.max(box.bottom, row);
        box.left = Math.min(box.left, col);
        box.right = Math.max(box.right, col);
      }
    }
    return box;
  }

  /** Cells in a box that exist in the map (fast for big, sparse boxes). */
  cellsIn(box: CellBox): [number, FakeCell][] {
    const size = (box.bottom - box.top + 1) * (box.right - box.left + 1);
    const out: [number, FakeCell][] = [];
    if (size > this.cells.size) {
      for (const [k, c] of this.cells) if (inBox(box, Math.floor(k / MAX_COLS), k % MAX_COLS)) out.push([k, c]);
    } else {
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) {
          const cell = this.cells.get(key(r, c));
          if (cell) out.push([key(r, c), cell]);
        }
    }
    return out;
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  active = 0;
  selection: { sheet: string; box: CellBox } | null = null;
  name = 'Book1.xlsx';
  private nextId = 1;

  id(): string {
    return `{00000000-0000-0000-0000-${String(this.nextId++).padStart(12, '0')}}`;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`FakeWorkbook.sheet: no sheet "${name}"`);
    return s;
  }

  addSheet(name: string): FakeSheet {
    checkSheetName(name, this);
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }
}

/** Excel's sheet-name rules: 1–31 characters, none of `: \ / ? * [ ]`, no leading or trailing `'`, unique ignoring case. */
export function checkSheetName(name: string, book: FakeWorkbook, except?: FakeSheet): void {
  if (name.length < 1 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history') {
    fail('InvalidArgument', `The sheet name "${name}" is not valid.`, 'WorksheetCollection.add');
  }
  const other = book.find(name);
  if (other && other !== except) fail('ItemAlreadyExists', `A sheet named "${name}" already exists.`, 'WorksheetCollection.add');
}

export function inBox(b: CellBox, row: number, col: number): boolean {
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

export function intersects(a: CellBox, b: CellBox): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** A sheet and some ranges of it: a Range (one area) or a RangeAreas. */
export interface AreasTarget {
  sheet: FakeSheet;
  areas: CellBox[];
}

/** Whether any area of one list meets any area of the other. */
export function areasMeet(a: readonly CellBox[], b: readonly CellBox[]): boolean {
  return a.some((x) => b.some((y) => intersects(x, y)));
}

/** Excel's documented limit for a `getRange`/`getRanges` address (it truncates a longer one; the fake refuses it). */
export const MAX_ADDRESS_CHARS = 8_192;

/** `D6:L6, D9:L9` → boxes (the `getRanges` argument); a part that is not an address → InvalidArgument. */
export function parseAreas(address: string): CellBox[] {
  if (address.length > MAX_ADDRESS_CHARS) fail('InvalidArgument', `The address is longer than ${MAX_ADDRESS_CHARS} characters (${address.length}).`, 'Worksheet.getRanges');
  const parts = address.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) fail('InvalidArgument', `The address "${address}" is not valid.`, 'Worksheet.getRanges');
  return parts.map(parseAddress);
}

/** A1 address of a box, as Excel reports `Range.address` (without the sheet). */
export const boxAddress = boxToA1;

/** Sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits, `_` or `.`. */
export function quoteName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function colOf(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `A1`, `$A$1:B2`, `A:C`, `3:5` → box; anything else → InvalidArgument, as Excel does. */
export function parseAddress(address: string): CellBox {
  const text = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').trim();
  const [from, to = from] = text.split(':');
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const colOnly = /^([A-Za-z]{1,3})$/;
  const rowOnly = /^(\d{1,7})$/;
  let a: { r: number; c: number; R?: number; C?: number };
  let b: { r: number; c: number };
  const m1 = cell.exec(from);
  const m2 = cell.exec(to);
  if (m1 && m2) {
    a = { r: Number(m1[2]) - 1, c: colOf(m1[1]) };
    b = { r: Number(m2[2]) - 1, c: colOf(m2[1]) };
  } else if (colOnly.test(from) && colOnly.test(to)) {
    a = { r: 0, c: colOf(from) };
    b = { r: MAX_ROWS - 1, c: colOf(to) };
  } else if (rowOnly.test(from) && rowOnly.test(to)) {
    a = { r: Number(from) - 1, c: 0 };
    b = { r: Number(to) - 1, c: MAX_COLS - 1 };
  } else {
    return fail('InvalidArgument', `The address "${address}" is not valid.`, 'Worksheet.getRange');
  }
  const box = { top: Math.min(a.r, b.r), left: Math.min(a.c, b.c), bottom: Math.max(a.r, b.r), right: Math.max(a.c, b.c) };
  if (box.top < 0 || box.bottom >= MAX_ROWS || box.right >= MAX_COLS) fail('InvalidArgument', `The address "${address}" is outside the sheet.`, 'Worksheet.getRange');
  return box;
}
