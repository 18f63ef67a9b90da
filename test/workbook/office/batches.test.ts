import { jsonBytes, MERGE_BAND_CELLS, mergeBands, packWork, rowBands, sliceRows } from '../../../src/workbook/office/batches';
import type { Work } from '../../../src/workbook/office/batches';

const work = (bytes: number): Work => ({ bytes, queue: () => undefined });

describe('batches: planning round trips by size', () => {
  it('estimates non-ASCII characters at their \\uXXXX worst case', () => {
    expect(jsonBytes('ab')).toBe(4);
    expect(jsonBytes('順調')).toBe(2 + 12);
  });

  it('packs work in order into groups under the budget; one oversized item gets a group of its own', () => {
    const groups = packWork([work(3), work(3), work(3), work(10), work(1)], 6);
    expect(groups.map((g) => g.map((w) => w.bytes))).toEqual([[3, 3], [3], [10], [1]]);
  });

  it('slices a matrix into row slices of at most maxBytes, keeping the offsets', () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`row${i}`]);
    const slices = sliceRows(rows, 30);
    expect(slices.flatMap((s) => s.rows)).toEqual(rows);
    expect(slices.every((s) => s.bytes <= 30)).toBe(true);
    expect(slices.map((s) => s.offset)).toEqual(slices.map((_, i) => slices.slice(0, i).reduce((n, s) => n + s.rows.length, 0)));
  });

  it('cuts a box into row bands of at most n cells', () => {
    expect(rowBands({ top: 0, left: 0, bottom: 9, right: 2 }, 9)).toEqual([
      { top: 0, left: 0, bottom: 2, right: 2 },
      { top: 3, left: 0, bottom: 5, right: 2 },
      { top: 6, left: 0, bottom: 8, right: 2 },
      { top: 9, left: 0, bottom: 9, right: 2 },
    ]);
  });

  it('merge bands hold at most 512 cells each (so at most 512 merged areas), also for very wide ranges', () => {
    for (const box of [{ top: 0, left: 0, bottom: 29_999, right: 8 }, { top: 0, left: 0, bottom: 3, right: 2_000 }]) {
      const bands = mergeBands(box);
      expect(bands.every((b) => (b.bottom - b.top + 1) * (b.right - b.left + 1) <= MERGE_BAND_CELLS)).toBe(true);
      const cells = bands.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
      expect(cells).toBe((box.bottom - box.top + 1) * (box.right - box.left + 1));
    }
  });
});
