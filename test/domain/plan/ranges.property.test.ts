import fc from 'fast-check';
import { a1 } from '../../../src/domain/address';
import { compressCells } from '../../../src/domain/plan/ranges';

/** The rule written out plainly: group by row, dedupe, runs of adjacent columns, stack identical runs downwards. */
function reference(cells: readonly { row: number; col: number }[]): string[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c.col]);
  const runs: { top: number; bottom: number; left: number; right: number }[] = [];
  const open = new Map<string, (typeof runs)[number]>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const rowRuns: [number, number][] = [];
    for (const col of cols) {
      const last = rowRuns[rowRuns.length - 1];
      if (last && col === last[1] + 1) last[1] = col;
      else rowRuns.push([col, col]);
    }
    for (const [left, right] of rowRuns) {
      const run = open.get(`${left}:${right}`);
      if (run && run.bottom === row - 1) run.bottom = row;
      else {
        const fresh = { top: row, bottom: row, left, right };
        runs.push(fresh);
        open.set(`${left}:${right}`, fresh);
      }
    }
  }
  return runs.map((r) => (r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`));
}

const cell = fc.record({ row: fc.integer({ min: 0, max: 12 }), col: fc.integer({ min: 0, max: 8 }) });

describe('compressCells (property)', () => {
  it('gives the reference ranges for cells in any order, with duplicates', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (cells) => {
        expect(compressCells(cells)).toEqual(reference(cells));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the reference ranges for cells already in sheet order (the usual case)', () => {
    const byRowThenCol = (a: { row: number; col: number }, b: { row: number; col: number }) => a.row - b.row || a.col - b.col;
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (cells) => {
        const sorted = [...cells].sort(byRowThenCol);
        expect(compressCells(sorted)).toEqual(reference(sorted));
      }),
      { numRuns: 2000 },
    );
  });
});
