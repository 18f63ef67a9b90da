import type { Problem } from '../problems';
import { excerpt } from '../text';
import type { SheetView } from './sheetView';

/** Every non-empty cell of the rows that no role claimed (`used`: `SheetView.cellId`s): reported with its address, never guessed at. */
export function unrecognisedCells(
  view: SheetView,
  top: number,
  bottom: number,
  left: number,
  right: number,
  used: ReadonlySet<number>,
): Problem[] {
  const problems: Problem[] = [];
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      if (view.isEmpty(r, c) || used.has(view.cellId(r, c)) || view.isCovered(r, c)) continue;
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
