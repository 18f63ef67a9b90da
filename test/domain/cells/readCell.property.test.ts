import fc from 'fast-check';
import { readCell } from '../../../src/domain/cells';
import type { ReadCellOptions } from '../../../src/domain/cells';
import type { RawValue } from '../../../src/domain/grid';
import { normalizeText } from '../../../src/domain/text';
import { invariantViolations } from './invariants';

/** The seeds' vocabulary, so random cells hit the grammar (signs, units, scales, parentheses, labels, years). */
const VOCABULARY = [
  '0', '1', '2', '5', '9', '12', '78', '0.75', '78.1', '1,498', '165,120', '12,34', '.', ',', '00',
  '▲', '△', '-', '−', '–', '+', '±', '(', ')', '（', '）', '※', ' ', '　', '\n', '\t',
  '千', '万', '百万', '億', '円', '人', '%', '％', '歳', '件', '種', '世帯', '時間', 'P', 'm2', 'mg/L', '/年', '/',
  '以上', '以下', '以内', '未満', '超', '≧', '≦', '>=', '<', '~', '〜',
  '小', '中', '男性', '女性', '約', ':', 'R', 'R1', 'R2', 'H30', '令和', '平成', '元', '年度', '年', '2020',
  '確定値', '速報値', '見込', '内', 'うち', '5年間の合計', '5年間の平均', '毎年度実績', '計画終了時', '参考',
  '未公表', '算定中', '調査なし', 'なし', '事業終了', '—', 'ー', '―', '#N/A', '#DIV/0!', '9'.repeat(40), '9'.repeat(320),
  '７', '８', '．', '１', '\u3099', '\u200b', '\ud800', 'e', 'E+', 'NaN', 'Infinity',
];

const vocabularyText = fc
  .tuple(fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 12 }), fc.constantFrom('', ' '))
  .map(([words, sep]) => words.join(sep));

/** Shapes of real value cells with random numbers in them. */
const shapedText = fc
  .tuple(
    fc.constantFrom('', '▲', '-', '+', '小', '男性', '(', '約'),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.constantFrom('', '千円', '人', '%', ' %', '歳', '/年', '以上', '以内', '未満', '超', '人/年', '億円', '世帯'),
    fc.constantFrom('', ')', '(803)', ' (5年間の合計)', '(R1確定値)', '(R2速報値)', '(内26件)', ' ※注', ' 女性85.1', '9人'),
  )
  .map(([pre, n, unit, post]) => `${pre}${Math.abs(n).toLocaleString('en-US', { maximumFractionDigits: 3 })}${unit}${post}`);

const raw: fc.Arbitrary<RawValue> = fc.oneof(
  { weight: 2, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...VOCABULARY), maxLength: 8 }) },
  { weight: 4, arbitrary: vocabularyText },
  { weight: 4, arbitrary: shapedText },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((error) => ({ error })) },
);

const options: fc.Arbitrary<ReadCellOptions | undefined> = fc.option(
  fc.record(
    {
      numberFormat: fc.option(
        fc.oneof(
          fc.constantFrom('0.0%', '0%', '0.00%', '#,##0', '0.0', 'General', 'G/標準', 'yyyy/m/d', '#,##0,"千円"', '0"人"', '[Red]0.0;(0.0)', '@', ''),
          fc.string({ maxLength: 12 }),
        ),
      ),
      columnYear: fc.option(fc.integer({ min: 1900, max: 2100 })),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

describe('readCell properties', () => {
  test('never throws, and every reading keeps the invariants', () => {
    fc.assert(
      fc.property(raw, options, (value, opts) => {
        const r = readCell(value, opts);
        const broken = invariantViolations(r);
        if (broken.length > 0) throw new Error(`${broken.join(', ')}: ${JSON.stringify(r)}`);
      }),
      { numRuns: 100000, seed: 42 },
    );
  });

  test('reading twice gives the same reading (the unit and label caches change nothing)', () => {
    fc.assert(
      fc.property(raw, options, (value, opts) => {
        expect(JSON.stringify(readCell(value, opts))).toBe(JSON.stringify(readCell(value, opts)));
      }),
      { numRuns: 10000, seed: 7 },
    );
  });

  test('text reads the same as its normalised form', () => {
    fc.assert(
      fc.property(fc.oneof(vocabularyText, shapedText, fc.string({ unit: 'binary', maxLength: 20 })), (text) => {
        expect(JSON.stringify(readCell(normalizeText(text)))).toBe(JSON.stringify(readCell(text)));
      }),
      { numRuns: 10000, seed: 42 },
    );
  });

  test('a value cell read from text keeps its sign: ▲ and - flip the number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.constantFrom('▲', '△', '-', '−'), (n, minus) => {
        const plain = readCell(`${n.toLocaleString('en-US')}人`);
        const negative = readCell(`${minus}${n.toLocaleString('en-US')}人`);
        expect(plain.value).toBe(n);
        expect(negative.value).toBe(-n);
        expect(negative.unit).toBe('人');
      }),
      { numRuns: 2000, seed: 42 },
    );
  });
});
