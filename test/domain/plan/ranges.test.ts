import { compressCells } from '../../../src/domain/plan/ranges';

describe('compressCells', () => {
  it('joins adjacent columns of a row into one range (a 佐久市 進捗区分 row D5:G5)', () => {
    expect(compressCells([3, 4, 5, 6].map((col) => ({ row: 4, col })))).toEqual(['D5:G5']);
  });

  it('stacks identical column runs over adjacent rows, keeps separate blocks apart', () => {
    const cells = [
      { row: 4, col: 3 },
      { row: 4, col: 4 },
      { row: 5, col: 3 },
      { row: 5, col: 4 },
      { row: 9, col: 3 },
      { row: 9, col: 6 },
    ];
    expect(compressCells(cells)).toEqual(['D5:E6', 'D10', 'G10']);
  });

  it('ignores duplicates and order', () => {
    expect(compressCells([{ row: 1, col: 2 }, { row: 1, col: 1 }, { row: 1, col: 2 }])).toEqual(['B2:C2']);
  });

  it('gives nothing for no cells', () => {
    expect(compressCells([])).toEqual([]);
  });
});
