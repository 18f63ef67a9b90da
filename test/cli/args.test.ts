import { parseArgs, UsageError } from '../../src/cli/args';

describe('shinchoku arguments', () => {
  it('reads the SPEC §6 evaluate form', () => {
    const a = parseArgs(['evaluate', 'in.xlsx', '--out', 'o.xlsx', '--report=r.json', '--scheme', 'iwamizawa', '--sheets', '基本目標1, 基本目標2', '--as-of', 'R5', '--overwrite', '--lang', 'en']);
    expect(a).toMatchObject({
      command: 'evaluate',
      files: ['in.xlsx'],
      out: 'o.xlsx',
      report: 'r.json',
      scheme: 'iwamizawa',
      sheets: ['基本目標1', '基本目標2'],
      asOf: 2023,
      overwrite: true,
      lang: 'en',
    });
  });

  it.each([
    ['2023', 2023],
    ['令和5年度', 2023],
    ['H30', 2018],
    ['R元', 2019],
  ])('--as-of %s is fiscal year %d', (text, year) => {
    expect(parseArgs(['evaluate', 'a.xlsx', '--as-of', text]).asOf).toBe(year);
  });

  it.each([
    [['evaluate'], '入力ファイル'],
    [['frobnicate', 'a.xlsx'], '不明なコマンド'],
    [['evaluate', 'a.xlsx', '--bogus'], '--bogus'],
    [['evaluate', 'a.xlsx', '--out'], '--out'],
    [['evaluate', 'a.xlsx', '--as-of', 'someday'], 'someday'],
    [['evaluate', 'a.xlsx', '--lang', 'fr'], '--lang'],
    [['evaluate', 'a.xlsx', 'b.xlsx', '--out', 'o.xlsx'], '--out-dir'],
  ])('%j is a usage error naming the argument', (argv, fragment) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(fragment);
  });

  it('--help and no arguments ask for usage', () => {
    expect(parseArgs([]).command).toBe('help');
    expect(parseArgs(['evaluate', '--help']).command).toBe('help');
  });
});
