import { a1 } from '../address';

/**
 * Compresses cells into few A1 ranges: runs of adjacent columns in a row, then identical column runs stacked
 * over adjacent rows. Keeps conditional-format rules short (one rule per category over a handful of ranges).
 */
export function compressCells(cells: readonly { row: number; col: number }[]): string[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const cols = byRow.get(c.row) ?? [];
    cols.push(c.col);
    byRow.set(c.row, cols);
  }
  const runs: { top: number; bottom: number; left: number; right: number }[] = [];
  const open = new Map<string, { top: number; bottom: number; left: number; right: number }>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    let start = cols[0];
    let prev = cols[0];
    const rowRuns: [number, number][] = [];
    for (let i = 1; i <= cols.length; i++) {
      if (i < cols.length && cols[i] === prev + 1) {
        prev = cols[i];
        continue;
      }
      rowRuns.push([start, prev]);
      if (i < cols.length) {
        start = cols[i];
        prev = cols[i];
      }
    }
    for (const [left, right] of rowRuns) {
      const key = `${left}:${right}`;
      const run = open.get(key);
      if (run && run.bottom === row - 1) {
        run.bottom = row;
      } else {
        const fresh = { top: row, bottom: row, left, right };
        runs.push(fresh);
        open.set(key, fresh);
      }
    }
  }
  return runs.map((r) => {
    const start = a1(r.top, r.left);
    const end = a1(r.bottom, r.right);
    return start === end ? start : `${start}:${end}`;
  });
}
