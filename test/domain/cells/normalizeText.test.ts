import fc from 'fast-check';
import { excerpt, normalizeText } from '../../../src/domain/text';

/** The definition, without the fast paths. */
const reference = (s: string): string =>
  s.normalize('NFKC').replace(/[\u200b-\u200d\u2060]/g, '').replace(/\s+/g, ' ').trim();

describe('normalizeText', () => {
  test.each([
    ['７８．１％', '78.1%'],
    ['（７９．１２歳）', '(79.12歳)'],
    ['　22.6　 %\n', '22.6 %'],
    ['R1\n（基準値）', 'R1 (基準値)'], // 000 seed lines 322–323: a header broken over two lines
    ['a\t\tb', 'a b'],
    ['78\u200b.1', '78.1'],
    ['－', '-'],
    ['～', '~'],
    ['ｶﾞ', 'ガ'], // half-width kana with its voiced mark compose
    ['か\u3099', 'が'],
    ['1,498千円', '1,498千円'],
    ['', ''],
    ['  ', ''],
  ])('%j → %j', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  test('tidy text is returned as the same string', () => {
    const s = '1,498千円';
    expect(normalizeText(s)).toBe(s);
  });

  test('equals NFKC + zero-width removal + whitespace collapsing, for any text', () => {
    const pieces = fc.constantFrom('a', ' ', '　', '\n', '\t', '７', 'ｶ', 'ﾞ', 'か', '\u3099', '\u0301', 'e', '\u1100',
      '\u1161', '\u11a8', '가', '①', '㎡', '千', '円', '\u200b', '\u00a0', '\ufeff', '\u2028', '▲', '※', '\ud83d', '\ude00');
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: pieces, maxLength: 12 }), fc.string()),
        (s) => {
          expect(normalizeText(s)).toBe(reference(s));
        },
      ),
      { numRuns: 20000, seed: 42 },
    );
  });

  test('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 5000, seed: 42 },
    );
  });
});

describe('excerpt', () => {
  test('keeps short text and cuts long text at 40 characters with …', () => {
    expect(excerpt('未公表')).toBe('未公表');
    expect(excerpt('x'.repeat(41))).toBe(`${'x'.repeat(40)}…`);
  });
});
