import { readCell } from '../../../src/domain/cells';
import { FULL_WIDTH_FIXTURES, SEED_FIXTURES } from './readCell.fixtures';
import type { ExpectedReading } from './readCell.fixtures';
import { invariantViolations } from './invariants';

const label = (raw: unknown): string => (typeof raw === 'string' ? raw : JSON.stringify(raw));

describe('readCell on the seeds’ cell texts', () => {
  test.each(SEED_FIXTURES.map((f) => [label(f.raw), f] as const))('%s', (_name, f) => {
    const r = readCell(f.raw, f.options);
    expect(r).toMatchObject(f.expected);
    expect(invariantViolations(r)).toEqual([]);
  });
});

describe('readCell on full-width variants (NFKC)', () => {
  test.each(FULL_WIDTH_FIXTURES.map((f) => [label(f.raw), f] as const))('%s', (_name, f) => {
    const r = readCell(f.raw, f.options);
    expect(r).toMatchObject(f.expected);
    expect(invariantViolations(r)).toEqual([]);
  });
});

describe('readCell on raw values that are not text', () => {
  test('empty cell: null and blank text are missing "empty" with no problem', () => {
    for (const raw of [null, '', '   ', '\u3000\n']) {
      expect(readCell(raw)).toMatchObject({ kind: 'missing', missing: 'empty', missingReason: null, problems: [] });
    }
  });

  test.each(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!'])(
    'Excel error %s is missing "excel-error" with an excel-error problem naming it',
    (error) => {
      const r = readCell({ error });
      expect(r).toMatchObject({ kind: 'missing', missing: 'excel-error', missingReason: null, text: error });
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0].code).toBe('excel-error');
      expect(r.problems[0].message).toContain(error);
    },
  );

  test('an Excel error typed as text reads the same as the error value', () => {
    expect(readCell('#DIV/0!')).toMatchObject({ missing: 'excel-error', problems: [{ code: 'excel-error' }] });
  });

  test.each([true, false])('boolean %s is unreadable with a problem', (b) => {
    const r = readCell(b);
    expect(r).toMatchObject({ kind: 'missing', missing: 'unreadable', text: b ? 'TRUE' : 'FALSE' });
    expect(r.problems.map((p) => p.code)).toEqual(['unparsed-value']);
  });

  test.each([NaN, Infinity, -Infinity])('number %s is unreadable with a not-finite problem', (n) => {
    const r = readCell(n);
    expect(r).toMatchObject({ kind: 'missing', missing: 'unreadable', value: null });
    expect(r.problems.map((p) => p.code)).toEqual(['not-finite']);
  });

  test('a number overflowing to Infinity once ×100 by a percent format is not-finite, not Infinity', () => {
    const r = readCell(Number.MAX_VALUE, { numberFormat: '0%' });
    expect(r.problems.map((p) => p.code)).toEqual(['not-finite']);
  });

  test('a value of an unexpected type (a rich-text object from a careless host) is reported, not thrown', () => {
    const r = readCell({ richText: [] } as unknown as null);
    expect(r).toMatchObject({ kind: 'missing', missing: 'unreadable' });
    expect(r.problems).toHaveLength(1);
  });
});

describe('readCell on JS numbers and number formats', () => {
  test('decimals come from the number format when given (78 shown as 78.0)', () => {
    expect(readCell(78, { numberFormat: '0.0' })).toMatchObject({ value: 78, decimals: 1, text: '78.0' });
    expect(readCell(1498, { numberFormat: '#,##0' })).toMatchObject({ value: 1498, decimals: 0 });
    expect(readCell(98.7, { numberFormat: '0.00' })).toMatchObject({ value: 98.7, decimals: 2 });
  });

  test('without a format, decimals come from the number as Excel shows it (15 significant digits)', () => {
    expect(readCell(78.1)).toMatchObject({ value: 78.1, decimals: 1, unit: null, percentFormat: false });
    expect(readCell(0.1 + 0.2)).toMatchObject({ value: 0.3, decimals: 1, text: '0.3' });
    expect(readCell(1e-7)).toMatchObject({ value: 1e-7, decimals: 7 });
    expect(readCell(-0)).toMatchObject({ value: 0, text: '0' });
    expect(Object.is(readCell(-0).value, -0)).toBe(false);
    expect(readCell(42, { numberFormat: 'General' })).toMatchObject({ value: 42, decimals: 0 });
    expect(readCell(42.5, { numberFormat: 'G/標準' })).toMatchObject({ value: 42.5, decimals: 1 });
  });

  test.each([
    [0.781, '0.0%', 78.1, 1],
    [0.781, '0%', 78.1, 0],
    [0.7812, '0.00%', 78.12, 2],
    [0.1 + 0.2, '0.0%', 30, 1],
    [0.0038, '0.00%', 0.38, 2],
    [-0.0038, '0.00%', -0.38, 2],
    [1.0001, '0.0%', 100.01, 1],
  ])('percent format: %p with %s reads %p (no float noise), unit %%', (raw, format, v, decimals) => {
    const r = readCell(raw, { numberFormat: format });
    expect(r).toMatchObject({ kind: 'value', value: v, decimals, unit: '%', percentFormat: true, problems: [] });
  });

  test('a percent-formatted 0.781 compares equal to the text 78.1%', () => {
    expect(readCell(0.781, { numberFormat: '0.0%' }).value).toBe(readCell('78.1%').value);
  });

  test('a literal unit in the format is the unit; trailing commas scale the shown number', () => {
    expect(readCell(1498, { numberFormat: '#,##0"千円"' })).toMatchObject({ value: 1498, unit: '円', scale: 1000 });
    expect(readCell(1498000, { numberFormat: '#,##0,"千円"' })).toMatchObject({ value: 1498, scale: 1000 });
    expect(readCell(17, { numberFormat: '0"種"' })).toMatchObject({ value: 17, unit: '種' });
  });

  test('a date-formatted number is not a KPI value', () => {
    const r = readCell(44000, { numberFormat: 'yyyy/m/d' });
    expect(r).toMatchObject({ kind: 'missing', missing: 'unreadable' });
    expect(r.problems.map((p) => p.code)).toEqual(['unparsed-value']);
  });
});

describe('readCell decisions on ambiguous text', () => {
  test('a compound cell has value null; a one-label cell is still one part', () => {
    expect(readCell('男性80.5')).toMatchObject({ value: null, parts: [{ label: '男性', value: 80.5 }] });
  });

  test('labels and unlabelled numbers do not mix; untagged and tagged year values do not mix', () => {
    expect(readCell('男性80.0 85.1').missing).toBe('unreadable');
    expect(readCell('42.7(R1確定値) 40.2').missing).toBe('unreadable');
    expect(readCell('42.7 40.2').missing).toBe('unreadable');
    expect(readCell('小93.5(R1)').missing).toBe('unreadable');
  });

  test('a year written in a value cell is not a labelled value', () => {
    expect(readCell('令和2年度').missing).toBe('unreadable');
    expect(readCell('R5').missing).toBe('unreadable');
    expect(readCell('2020年度').missing).toBe('unreadable');
  });

  test('a bare number in parentheses is a secondary total even when it looks like a year', () => {
    expect(readCell('1,234(2019)')).toMatchObject({ value: 1234, secondary: 2019, yearValues: [] });
    expect(readCell('2(R2)')).toMatchObject({ value: 2, yearValues: [{ fiscalYear: 2020 }] });
  });

  test('(参考) before or after marks a reference figure; 速報値 marks a provisional one', () => {
    expect(readCell('(参考)79.12')).toMatchObject({ value: 79.12, reference: true });
    expect(readCell('79.12(参考)')).toMatchObject({ value: 79.12, reference: true });
    expect(readCell('40.2(速報値)')).toMatchObject({ value: 40.2, provisional: true });
    expect(readCell('40.2速報値')).toMatchObject({ value: 40.2, provisional: true, unit: null });
    expect(readCell('40.2%速報値')).toMatchObject({ value: 40.2, provisional: true, unit: '%' });
    expect(readCell('5以上見込')).toMatchObject({ value: 5, provisional: true, comparator: 'ge' });
    expect(readCell('42.7確定値')).toMatchObject({ value: 42.7, provisional: false, unit: null });
  });

  test('Japanese large numbers glued with their scale words are one number', () => {
    expect(readCell('1万2千')).toMatchObject({ value: 12, scale: 1000 });
    expect(readCell('▲1億2,000万円')).toMatchObject({ value: -12000, scale: 1e4, unit: '円' });
  });

  test('malformed thousands groups and ranges are not numbers', () => {
    for (const t of ['12,34', '1234,567', '5~10', '5 - 10', '1.', '.5']) expect(readCell(t).missing).toBe('unreadable');
  });

  test('a note-only cell is unreadable; a reason with a note keeps the note', () => {
    expect(readCell('※平成30年度数値').missing).toBe('unreadable');
    expect(readCell('未公表 ※R6公表予定')).toMatchObject({ missing: 'unpublished', note: 'R6公表予定' });
  });
});

describe('readCell problem messages', () => {
  test('quote the text, Japanese first then English', () => {
    const r = readCell('移住定住促進事業との共通指標'); // 001 seed line 446
    expect(r.problems).toEqual([
      {
        code: 'unparsed-value',
        message: '数値として読めません「移住定住促進事業との共通指標」 / Could not read a number from "移住定住促進事業との共通指標"',
      },
    ]);
  });

  test('truncate long text to 40 characters', () => {
    const long = 'あ'.repeat(100);
    const [p] = readCell(long).problems;
    expect(p.message).toContain(`「${'あ'.repeat(40)}…」`);
    expect(p.message).not.toContain('あ'.repeat(41));
  });
});

describe('readCell on 10,000-character strings', () => {
  const cases: [string, string, ExpectedReading][] = [
    ['digits', '9'.repeat(10000), { missing: 'unreadable' }],
    ['digits with a unit', `${'1'.repeat(10000)}人`, { missing: 'unreadable' }],
    ['words', '指標'.repeat(5000), { missing: 'unreadable' }],
    ['open parentheses', `5${'('.repeat(9999)}`, { missing: 'unreadable' }],
    ['nested parentheses', `${'('.repeat(5000)}5${')'.repeat(4999)}`, { missing: 'unreadable' }],
    ['a reason in a long text', `${'あ'.repeat(9000)}未公表${'い'.repeat(997)}`, { missing: 'unpublished' }],
    ['many compound parts', '小1 '.repeat(2500), { kind: 'value', value: null }],
    ['spaces', ' '.repeat(10000), { missing: 'empty' }],
    ['status words after a number', `1${'速報'.repeat(5000)}`, { missing: 'unreadable' }],
  ];
  test.each(cases)('%s', (_name, text, expected) => {
    const r = readCell(text);
    expect(r).toMatchObject(expected);
    expect(invariantViolations(r)).toEqual([]);
    for (const p of r.problems) expect(p.message.length).toBeLessThan(200);
  });

  test('decimals are capped at 20, in text and in number formats, so toFixed(decimals) is safe', () => {
    expect(readCell(`0.${'1'.repeat(30)}`).decimals).toBe(20);
    expect(readCell(`0.${'1'.repeat(30)}以内`).decimals).toBe(20);
    expect(readCell(0.5, { numberFormat: `0.${'0'.repeat(30)}` }).decimals).toBe(20);
    expect(readCell(5e-324).decimals).toBe(20);
  });

  test('a 400-digit number is not-finite, never Infinity', () => {
    const r = readCell('9'.repeat(400));
    expect(r.problems.map((p) => p.code)).toEqual(['not-finite']);
    expect(r.value).toBeNull();
  });
});
