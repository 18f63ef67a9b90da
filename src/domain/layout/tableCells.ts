import type { Problem } from '../problems';
import { excerpt } from '../text';
import type { SheetView } from './sheetView';

/**
 * The cells of one KPI's rows that a role claimed (name, label, value, status …), inside the table's columns.
 * A bitmap: one is made per KPI, and a `Set` of cell ids cost more than the cells it held.
 */
export class ClaimedCells {
  private readonly width: number;
  private readonly marks: Uint8Array;

  constructor(
    private readonly top: number,
    bottom: number,
    private readonly left: number,
    right: number,
  ) {
    this.width = Math.max(0, right - left + 1);
    this.marks = new Uint8Array(Math.max(0, bottom - top + 1) * this.width);
  }

  private index(row: number, col: number): number {
    const c = col - this.left;
    const r = row - this.top;
    return c >= 0 && c < this.width && r >= 0 ? r * this.width + c : -1;
  }

  /** Claims a cell; a cell outside the rows and columns is never reported anyway. */
  add(row: number, col: number): void {
    const i = this.index(row, col);
    if (i >= 0 && i < this.marks.length) this.marks[i] = 1;
  }

  has(row: number, col: number): boolean {
    const i = this.index(row, col);
    return i >= 0 && this.marks[i] === 1;
  }
}

/** Every non-empty cell of the rows that no role claimed: reported with its address, never guessed at. */
export function unrecognisedCells(
  view: SheetView,
  top: number,
  bottom: number,
  left: number,
  right: number,
  used: ClaimedCells,
): Problem[] {
  const problems: Problem[] = [];
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      if (view.isEmpty(r, c) || used.has(r, c) || view.isCovered(r, c)) continue;
      const cell = view.address(r, c);
      const text = excerpt(view.text(r, c));
      problems.push({
        sheet: view.name,
        cell,
        code: 'unrecognised-cell',
        message: `表の中のこのセルの役割が分かりません「${text}」 / cell inside the table with no known role: "${text}"`,
      });
    }
  }
  return problems;
}

const MAX_CATEGORY_CHARS = 30;

/**
 * The optional grouping column left of a table (アウトプット指標 / アウトカム指標): the merged cell covering
 * `row`, or the nearest filled cell above it down to `stopRow`. Prose is not a category.
 */
export function categoryLeftOf(view: SheetView, tableLeft: number, row: number, stopRow: number): string | null {
  const col = tableLeft - 1;
  if (col < view.left) return null;
  for (let r = row; r >= Math.min(row, stopRow); r--) {
    const a = view.anchorOf(r, col);
    const text = view.text(a.row, a.col);
    if (text === '') continue;
    return text.length <= MAX_CATEGORY_CHARS && !text.includes('。') ? text.replace(/\s*[\r\n]+\s*/g, '') : null;
  }
  return null;
}

/** Problems listed once, in order (compound sub-KPIs share their cells). */
export function dedupeProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const p of problems) {
    const k = `${p.sheet}|${p.cell}|${p.code}|${p.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(p);
  }
  return out;
}
