import { eraOfYear, formatFiscalYear, parseYearLabel, westernYear, eraByKanji } from '../../../src/domain/years';

describe('eras', () => {
  test('first years: 令和元 = 2019, 平成元 = 1989, 昭和元 = 1926, 大正元 = 1912, 明治元 = 1868', () => {
    expect(['令和', '平成', '昭和', '大正', '明治'].map((k) => westernYear(eraByKanji(k)!, 1))).toEqual([
      2019, 1989, 1926, 1912, 1868,
    ]);
  });

  test('the era a fiscal year is written in', () => {
    expect(eraOfYear(2019)?.kanji).toBe('令和'); // 令和元年度, not 平成31年度
    expect(eraOfYear(2018)?.kanji).toBe('平成');
    expect(eraOfYear(1867)).toBeNull();
  });
});

describe('formatFiscalYear', () => {
  test.each([
    [2020, 'kanji', '令和2年度'],
    [2019, 'kanji', '令和元年度'],
    [2019, 'letter', 'R1'],
    [2018, 'letter', 'H30'],
    [2020, 'western', '2020年度'],
    [2020, 'both', '令和2年度（2020年度）'],
    [1988, 'kanji', '昭和63年度'],
    [1800, 'kanji', '1800年度'],
  ] as const)('%i as %s → %s', (fy, style, text) => {
    expect(formatFiscalYear(fy, style)).toBe(text);
  });

  test('every style parses back to the same year', () => {
    for (let fy = 1900; fy <= 2060; fy++) {
      for (const style of ['kanji', 'letter', 'western', 'both'] as const) {
        expect(parseYearLabel(formatFiscalYear(fy, style))?.fiscalYear).toBe(fy);
      }
    }
  });
});
