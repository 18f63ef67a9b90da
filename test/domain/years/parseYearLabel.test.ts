import fc from 'fast-check';
import { parseYearLabel } from '../../../src/domain/years';
import type { YearLabel } from '../../../src/domain/years';

type Expected = Partial<YearLabel>;

const year = (fiscalYear: number, more: Expected = {}): Expected => ({
  fiscalYear,
  range: null,
  aggregate: null,
  relativeYears: null,
  problems: [],
  ...more,
});

const CASES: [string, Expected][] = [
  // --- 令和 / 平成 / 昭和 / 大正 / 明治, kanji
  ['令和2年度', year(2020, { calendar: false, roleHint: null, era: 'reiwa', eraYear: 2 })], // 002 seed line 51
  ['令和元年度', year(2019, { calendar: false, eraYear: 1 })], // 002 seed line 1280 (in a sentence)
  ['令和11年度', year(2029)], // 004 seed line 268
  ['令和 5 年', year(2023, { calendar: true })], // 003 seed line 316
  ['令和5年', year(2023, { calendar: true })], // 003 seed line 328
  ['平成30年度', year(2018, { era: 'heisei', eraYear: 30 })], // 002 seed line 424 (in a sentence)
  ['平成元年', year(1989, { calendar: true })], // synthetic
  ['平成32年度', year(2020)], // synthetic: plans written before 2019 count on past 平成31
  ['昭和64年', year(1989, { calendar: true, era: 'showa' })], // synthetic
  ['大正15年', year(1926, { era: 'taisho' })], // synthetic
  ['明治45年', year(1912, { era: 'meiji' })], // synthetic
  ['㋿2年度', year(2020, { label: '令和2年度' })], // synthetic: the square era sign, through NFKC
  ['令和２年度', year(2020)], // synthetic: full-width digit
  // --- letters, zero-padded, 元
  ['R2', year(2020, { calendar: false, era: 'reiwa' })], // 000 seed line 323
  ['R02', year(2020, { eraYear: 2 })], // synthetic: zero-padded (SPEC §3)
  ['R元', year(2019)], // synthetic: SPEC §3
  ['H30', year(2018, { era: 'heisei' })], // 002 seed line 1019 (H30⇒R1)
  ['H27', year(2015)], // 000 seed line 385
  ['S63', year(1988, { era: 'showa' })], // synthetic
  ['T10', year(1921, { era: 'taisho' })], // synthetic
  ['M45', year(1912, { era: 'meiji' })], // synthetic
  ['R3年度', year(2021)], // 002 seed line 363
  // --- role hints
  ['R1（基準値）', year(2019, { roleHint: 'baseline', label: 'R1(基準値)' })], // 000 seed lines 322–323
  ['R6（目標値）', year(2024, { roleHint: 'target' })], // 000 seed lines 323–325
  ['H27（基準値）', year(2015, { roleHint: 'baseline' })], // 000 seed lines 385–386
  ['計画策定時', { fiscalYear: null, roleHint: 'baseline', range: null }], // 002 seed line 51
  ['策定時', { fiscalYear: null, roleHint: 'baseline' }], // synthetic: SPEC §2
  ['現状値', { fiscalYear: null, roleHint: 'baseline' }], // 004 seed line 267
  ['基準値', { fiscalYear: null, roleHint: 'baseline' }], // 001 seed line 235
  ['目標値', { fiscalYear: null, roleHint: 'target' }], // 001 seed line 235
  // --- years with header words
  ['R5目安値', year(2023, { roleHint: null })], // 000 seed line 291
  ['R5実績値', year(2023)], // 000 seed line 294
  ['R5の実績値', year(2023)], // 000 seed line 227
  ['令和2年度（実績）', year(2020)], // 001 seed line 301
  ['令和3年度（見込）', year(2021)], // 001 seed line 301
  // --- Western years
  ['2020', year(2020, { calendar: false, era: null, eraYear: null })], // synthetic: bare year in a header
  ['2020年度', year(2020, { calendar: false })], // 001 seed line 321
  ['2020年', year(2020, { calendar: true })], // 001 seed line 176
  ['FY2020', year(2020, { calendar: false })], // synthetic: SPEC §3
  ['ＦＹ２０２０', year(2020)], // synthetic: full-width
  // --- era and Western together
  ['令和2年度（2020年度）', year(2020, { problems: [] })], // synthetic: SPEC §3
  ['R1（2019）', year(2019)], // 000 seed line 115
  ['H30（2018）', year(2018)], // 000 seed line 126
  ['令和２年（2020年）', year(2020, { calendar: true })], // 000 seed line 6
  // --- ranges and aggregates
  ['H27〜H30の累計', { fiscalYear: null, range: { from: 2015, to: 2018 }, aggregate: 'total', problems: [] }], // SPEC §3
  ['2015～2019平均', { fiscalYear: null, range: { from: 2015, to: 2019 }, aggregate: 'average' }], // SPEC §3
  ['2015～ 2019平均', { fiscalYear: null, range: { from: 2015, to: 2019 }, aggregate: 'average' }], // 001 seed line 176
  ['2016~2018年平均', { range: { from: 2016, to: 2018 }, aggregate: 'average', calendar: true }], // 001 seed line 245
  ['平成27年度～令和元年度', { fiscalYear: null, range: { from: 2015, to: 2019 }, aggregate: null }], // 001 seed line 301
  ['令和2～3年度', { fiscalYear: null, range: { from: 2020, to: 2021 } }], // 002 seed line 1279
  ['R3年度～R7年度', { range: { from: 2021, to: 2025 } }], // 002 seed line 363
  ['過去5年の累計', { fiscalYear: null, range: null, relativeYears: 5, aggregate: 'total' }], // SPEC §3
  ['5年間の合計', { fiscalYear: null, relativeYears: 5, aggregate: 'total' }], // 001 seed line 330
  ['直近3か年の平均', { relativeYears: 3, aggregate: 'average' }], // 004 seed line 360 (in a sentence)
];

const NOT_YEARS: [string, string][] = [
  ['指標名', '002 seed line 48'],
  ['単位', '002 seed line 50'],
  ['年度別評価', '000 seed lines 319–320'],
  ['1年以内に、差別や偏見など人権を侵害されたことのある人の割合(市民意識調査)', '002 seed line 457'],
  ['1年以内に', 'synthetic: 1年 is not a year'],
  ['過去3年以内に、区等で開催された行事や活動に参加したことがある市民の割合', '002 seed line 1631'],
  ['令和元年度改訂版佐久市人口ビジョン', '000 seed line 1'],
  ['目標値の考え方', '004 seed line 272'],
  ['重要業績評価指標 (KPI)', '001 seed line 235'],
  ['2022年5月10日～5月20日', '003 seed line 215'],
  ['転出超過数を2014年の2分の1に抑制', '001 seed line 252'],
  ['実績', '002 seed line 53: a row label, no year'],
  ['㎡', 'synthetic: NFKC makes it m2, not Meiji 2'],
  ['1999.5', 'synthetic: a decimal is no year'],
  ['1,500', 'synthetic: a thousands group is no year'],
  ['', 'synthetic: empty'],
];

describe('parseYearLabel', () => {
  test.each(CASES)('%s', (text, expected) => {
    expect(parseYearLabel(text)).toMatchObject(expected);
  });

  test.each(NOT_YEARS)('%s is not a year label (%s)', (text) => {
    expect(parseYearLabel(text)).toBeNull();
  });

  test('the label is the normalised text', () => {
    expect(parseYearLabel('　R1\n（基準値）')?.label).toBe('R1 (基準値)');
  });

  test('an era year and a Western year that disagree: the first wins, a year-typo problem says so', () => {
    const y = parseYearLabel('令和3年度（2020年度）');
    expect(y).toMatchObject({ fiscalYear: 2021 });
    expect(y?.problems.map((p) => p.code)).toEqual(['year-typo']);
    expect(y?.problems[0].message).toMatch(/2021.*2020.* \/ .*disagree/);
  });

  test('two different Western years without a range mark: year-unparsed', () => {
    expect(parseYearLabel('2015年比 (2021)')?.problems.map((p) => p.code)).toEqual(['year-unparsed']); // 001 seed line 176
  });

  test('a backwards range is read in order and reported', () => {
    const y = parseYearLabel('H30〜H27の累計');
    expect(y).toMatchObject({ range: { from: 2015, to: 2018 }, aggregate: 'total' });
    expect(y?.problems.map((p) => p.code)).toEqual(['year-typo']);
  });

  test('never throws; a year it reports is between 1868 and 2118', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary', maxLength: 20 }),
          fc.string({
            unit: fc.constantFrom('令和', '平成', 'R', 'H', 'S', '元', '0', '1', '2', '9', '年', '年度', '~', '〜',
              '(', ')', '基準値', '目標値', '累計', '平均', '過去', 'FY', ' ', '2020', '1899', '2101'),
            maxLength: 8,
          }),
        ),
        (text) => {
          const y = parseYearLabel(text);
          if (y === null) return;
          for (const n of [y.fiscalYear, y.range?.from, y.range?.to]) {
            if (n === null || n === undefined) continue;
            expect(Number.isInteger(n)).toBe(true);
            expect(n).toBeGreaterThanOrEqual(1868);
            expect(n).toBeLessThanOrEqual(2118);
          }
          expect(y.fiscalYear === null || y.range === null).toBe(true);
          expect(y.fiscalYear !== null || y.range !== null || y.relativeYears !== null || y.roleHint !== null).toBe(true);
        },
      ),
      { numRuns: 20000, seed: 42 },
    );
  });
});
