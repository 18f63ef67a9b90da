import fc from 'fast-check';
import { a1, columnLetters, parseA1 } from '../../src/domain/address';

/** The A1 grammar as a regex: what `parseA1` (a hand-written scanner) must accept, and nothing else. */
const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function byRegex(address: string): { row: number; col: number } | null {
  const m = CELL_RE.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return row < 1 ? null : { row: row - 1, col: col - 1 };
}

const PIECES = ['A', 'b', 'Z', 'XFD', 'AAAA', '$', '0', '1', '9', '10', '1048576', '12345678', ' ', '\t', '　', ':', '!', '@', '[', '`', '{', '-', 'é', 'Ａ', '１'];

describe('parseA1', () => {
  it('reads addresses as Excel writes them, with $ and surrounding spaces', () => {
    expect(parseA1('A1')).toEqual({ row: 0, col: 0 });
    expect(parseA1(' $D$6 ')).toEqual({ row: 5, col: 3 });
    expect(parseA1('xfd1048576')).toEqual({ row: 1048575, col: 16383 });
  });

  it('rejects what is not one cell address', () => {
    for (const text of ['', 'A', '1', 'A0', 'AAAA1', 'A12345678', 'A1:B2', 'A 1', '$$A1', 'A1$', 'Ａ１', '@1', '[1']) {
      expect(parseA1(text)).toBeNull();
    }
  });

  it('agrees with the A1 grammar on any text built from address-like pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }), (pieces) => {
        const text = pieces.join('');
        expect(parseA1(text)).toEqual(byRegex(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('round-trips every address `a1` writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1048575 }), fc.integer({ min: 0, max: 16383 }), (row, col) => {
        expect(parseA1(a1(row, col))).toEqual({ row, col });
      }),
    );
  });
});

describe('columnLetters', () => {
  it('gives the same letters the first time and from its cache', () => {
    for (const [col, letters] of [[0, 'A'], [25, 'Z'], [26, 'AA'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']] as const) {
      expect(columnLetters(col)).toBe(letters);
      expect(columnLetters(col)).toBe(letters);
    }
  });

  it('still throws on a bad index', () => {
    expect(() => columnLetters(-1)).toThrow('columnLetters');
    expect(() => columnLetters(1.5)).toThrow('columnLetters');
  });
});
