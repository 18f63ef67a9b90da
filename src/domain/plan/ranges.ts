import { a1 } from '../address';

interface Cell {
  row: number;
  col: number;
}

interface Run {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const byRowThenColumn = (a: Cell, b: Cell): number => a.row - b.row || a.col - b.col;

/**
 * Compresses cells into few A1 ranges: runs of adjacent columns in a row, then identical column runs stacked
 * over adjacent rows. Keeps conditional-format rules short (one rule per category over a handful of ranges).
 */
export function compressCells(cells: readonly Cell[]): string[] {
  // Status cells arrive in sheet order (KPI by KPI, left to right): sorted only when they are not.
  const inOrder = cells.every((c, i) => i === 0 || byRowThenColumn(cells[i - 1], c) <= 0);
  const sorted = inOrder ? cells : [...cells].sort(byRowThenColumn);
  const runs: Run[] = [];
  const open = new Map<string, Run>();
  const close = (row: number, left: number, right: number): void => {
    const key = `${left}:${right}`;
    const run = open.get(key);
    if (run && run.bottom === row - 1) {
      run.bottom = row;
    } else {
      const fresh = { top: row, bottom: row, left, right };
      runs.push(fresh);
      open.set(key, fresh);
    }
  };
  for (let i = 0; i < sorted.length; ) {
    const row = sorted[i].row;
    let left = sorted[i].col;
    let right = left;
    for (i++; i < sorted.length && sorted[i].row === row; i++) {
      const col = sorted[i].col;
      if (col <= right + 1) {
        right = col; // the next column, or a duplicate
        continue;
      }
      close(row, left, right);
      left = col;
      right = col;
    }
    close(row, left, right);
  }
  return runs.map((r) => {
    const start = a1(r.top, r.left);
    const end = a1(r.bottom, r.right);
    return start === end ? start : `${start}:${end}`;
  });
}
