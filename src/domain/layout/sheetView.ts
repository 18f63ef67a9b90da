import { columnLetters } from '../address';
import { ReadingCache } from '../cells/readingCache';
import { gridBottom, gridRight, isExcelError, valueAt } from '../grid';
import type { CellBox, RawValue, SheetGrid } from '../grid';
import { matchKey } from './keys';

/**
 * Read access to one sheet for detection: raw values, text, match keys and merged areas.
 * Positions are 0-based sheet rows/columns, as in `SheetGrid`.
 */
export class SheetView {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** Merged areas by row offset from `top` (most rows of a KPI sheet have one). */
  private mergesByRow: (CellBox[] | undefined)[] | null = null;
  private readonly letters: string[] = [];
  /** Most sheets have no formula: then no status cell needs an address lookup. */
  private readonly hasFormulas: boolean;

  /**
   * `readings`: value-cell readings shared between identical cells (see `ReadingCache`); one cache serves every
   * sheet of a detection, since sheets repeat each other's values.
   */
  constructor(
    readonly sheet: SheetGrid,
    readonly readings: ReadingCache = new ReadingCache(),
  ) {
    this.name = sheet.name;
    this.top = sheet.top;
    this.left = sheet.left;
    this.bottom = gridBottom(sheet);
    this.right = gridRight(sheet);
    this.hasFormulas = Object.keys(sheet.formulas).length > 0;
  }

  raw(row: number, col: number): RawValue {
    return valueAt(this.sheet, row, col);
  }

  isEmpty(row: number, col: number): boolean {
    const v = this.raw(row, col);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }

  /** The cell as text, trimmed; `''` when empty. */
  text(row: number, col: number): string {
    const v = this.raw(row, col);
    if (v === null) return '';
    if (isExcelError(v)) return v.error;
    return String(v).trim();
  }

  /** `matchKey` of the cell's text ('' for a number or an empty cell is the text of the number). */
  key(row: number, col: number): string {
    const v = this.raw(row, col);
    if (v === null) return '';
    return matchKey(typeof v === 'string' ? v : this.text(row, col));
  }

  /** The merged area covering the cell, or null. */
  mergeAt(row: number, col: number): CellBox | null {
    if (this.sheet.merges.length === 0) return null;
    if (!this.mergesByRow) this.mergesByRow = indexMerges(this.sheet.merges, this.top, this.bottom);
    const list = this.mergesByRow[row - this.top];
    if (!list) return null;
    for (const m of list) if (col >= m.left && col <= m.right) return m;
    return null;
  }

  /** Inside a merged area and not its top-left cell. */
  isCovered(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return m !== null && (m.top !== row || m.left !== col);
  }

  /** The top-left cell of the merge covering the cell, or the cell itself. */
  anchorOf(row: number, col: number): { row: number; col: number } {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  rowEmpty(row: number, left: number, right: number): boolean {
    for (let c = left; c <= right; c++) if (!this.isEmpty(row, c)) return false;
    return true;
  }

  /** First non-empty column of the row between `left` and `right`, or -1. */
  firstFilled(row: number, left = this.left, right = this.right): number {
    for (let c = left; c <= right; c++) if (!this.isEmpty(row, c)) return c;
    return -1;
  }

  /** A1 address; column letters are computed once per column (addresses are made for every cell read). */
  address(row: number, col: number): string {
    let letters = this.letters[col];
    if (letters === undefined) letters = this.letters[col] = columnLetters(col);
    return `${letters}${row + 1}`;
  }

  /** A number naming the cell, for sets of cells. */
  cellId(row: number, col: number): number {
    return (row - this.top) * (this.right - this.left + 2) + (col - this.left);
  }

  formulaAt(row: number, col: number): boolean {
    return this.hasFormulas && Object.prototype.hasOwnProperty.call(this.sheet.formulas, this.address(row, col));
  }

  /** `formulaAt` for a cell whose A1 address is already known. */
  formulaAtAddress(address: string): boolean {
    return this.hasFormulas && Object.prototype.hasOwnProperty.call(this.sheet.formulas, address);
  }
}

/** Merges indexed by the rows they span, clipped to the grid so that a whole-column merge stays cheap. */
function indexMerges(merges: CellBox[], top: number, bottom: number): (CellBox[] | undefined)[] {
  const byRow: (CellBox[] | undefined)[] = [];
  for (const m of merges) {
    const from = Math.max(m.top, top);
    const to = Math.min(m.bottom, bottom);
    for (let r = from; r <= to; r++) {
      const list = byRow[r - top];
      if (list) list.push(m);
      else byRow[r - top] = [m];
    }
  }
  return byRow;
}
