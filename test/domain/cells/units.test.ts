import { numberFormatInfo, partValueInScale, readCell, scaleWord, valueInScale } from '../../../src/domain/cells';

describe('scaleWord', () => {
  test.each([
    ['千円', { unit: '円', scale: 1000, perYear: false }], // 001 seed line 236
    ['百万円', { unit: '円', scale: 1e6, perYear: false }], // 001 seed line 239
    ['億円', { unit: '円', scale: 1e8, perYear: false }], // 004 seed line 269
    ['万人', { unit: '人', scale: 1e4, perYear: false }],
    ['千人', { unit: '人', scale: 1000, perYear: false }], // 004 seed line 348
    ['人/年', { unit: '人', scale: 1, perYear: true }], // 001 seed line 375
    ['件/年度', { unit: '件', scale: 1, perYear: true }],
    ['％', { unit: '%', scale: 1, perYear: false }], // 000 seed line 336
    ['(千円)', { unit: '円', scale: 1000, perYear: false }],
    ['千', { unit: null, scale: 1000, perYear: false }],
    ['パーセント', { unit: '%', scale: 1, perYear: false }],
    ['人/ha', { unit: '人/ha', scale: 1, perYear: false }], // 000 seed line 397
    ['', { unit: null, scale: 1, perYear: false }],
  ])('%s', (text, expected) => {
    expect(scaleWord(text)).toEqual(expected);
  });
});

describe('valueInScale', () => {
  test('moves a value between scales without float noise', () => {
    expect(valueInScale(readCell('1,498千円'), 1)).toBe(1498000);
    expect(valueInScale(readCell('1,498千円'), 1e6)).toBe(1.498);
    expect(valueInScale(readCell('21.6億円'), 1e4)).toBe(216000); // 001 seed line 359
    expect(valueInScale(readCell('18,113百万円'), 1e8)).toBe(181.13); // 001 seed line 239
    expect(valueInScale(readCell('78.1'), 1)).toBe(78.1);
  });

  test('is null without a value (missing, or compound)', () => {
    expect(valueInScale(readCell('未公表'), 1)).toBeNull();
    expect(valueInScale(readCell('小93.5 中98.1'), 1)).toBeNull();
  });

  test('a part moves with its own scale', () => {
    const [part] = readCell('小3千 中4千').parts;
    expect(partValueInScale(part, 1)).toBe(3000);
  });

  test('a target scale that is not a positive number is a programmer error', () => {
    expect(() => valueInScale(readCell('1'), 0)).toThrow(/valueInScale/);
  });
});

describe('numberFormatInfo', () => {
  test.each([
    ['0.0%', { decimals: 1, percent: true, date: false, divisor: 1 }],
    ['0%', { decimals: 0, percent: true }],
    ['0.00%', { decimals: 2, percent: true }],
    ['#,##0', { decimals: 0, percent: false, divisor: 1 }],
    ['#,##0.0_);[Red](#,##0.0)', { decimals: 1 }],
    ['#,##0,"千円"', { decimals: 0, divisor: 1000, literal: '千円' }],
    ['0.0"%"', { decimals: 1, percent: false, literal: '%' }],
    ['General', { decimals: null, date: false }],
    ['G/標準', { decimals: null }],
    ['@', { decimals: null }],
    ['yyyy/m/d', { date: true, decimals: null }],
    ['[$-ja-JP]ggge"年"m"月"d"日"', { date: true }],
    ['h:mm', { date: true }],
    ['0.00E+00', { date: false, decimals: 2 }],
    ['0"日"', { date: false, literal: '日' }],
  ])('%s', (format, expected) => {
    expect(numberFormatInfo(format)).toMatchObject(expected);
  });

  test('no format is General', () => {
    expect(numberFormatInfo(null)).toMatchObject({ decimals: null, percent: false, date: false });
  });
});
