import { gridFromRows } from '../../../src/domain/grid';
import type { FakeExcel } from '../../fakes/fakeExcel';
import { bookCells, bookFromGrids, boxAddress, FakeWorkbook, installFakeExcel, key } from '../../fakes/fakeExcel';

/** The fake must refuse what Excel refuses, or the adapter's tests prove nothing. */
describe('fake Excel enforces the Office.js rules the adapter relies on', () => {
  let fake: FakeExcel;
  afterEach(() => fake.uninstall());

  const book = (): FakeWorkbook =>
    bookFromGrids([
      gridFromRows('基本目標1', [['指標名', 'R2'], ['人口', 12]], { merges: [{ top: 0, left: 2, bottom: 1, right: 2 }] }),
      gridFromRows('保護', [['x']], { protected: true }),
    ]);

  it('reading a property before load and sync throws PropertyNotLoaded', async () => {
    fake = installFakeExcel(book());
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('基本目標1').getRange('A1:B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['指標名', 'R2'], ['人口', 12]]);
      expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('a values array that does not match the range is InvalidArgument; null leaves a cell, "" empties it', async () => {
    fake = installFakeExcel(book());
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('基本目標1').getRange('A1:B2').values = [['a', 'b']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('基本目標1').getRange('A2:B2').values = [[null, '']];
      await context.sync();
    });
    expect(bookCells(fake.book, ['基本目標1']).get('基本目標1!A2')).toBe('人口');
    expect(bookCells(fake.book, ['基本目標1']).has('基本目標1!B2')).toBe(false);
  });

  it('types strings like Excel: formulas, numbers, booleans, errors, dates; an apostrophe or a Text cell keeps text', async () => {
    fake = installFakeExcel(book());
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('基本目標1');
      ws.getRange('D1').numberFormat = [['@']];
      ws.getRange('A5:J5').values = [['=1+1', '-2+3', '１２３', 'TRUE', '#N/A', '令和2年4月1日', "'=x", '-', '順調', '1,498']];
      ws.getRange('D1').values = [['=not a formula']];
      await context.sync();
    });
    const cells = bookCells(fake.book, ['基本目標1']);
    expect([...'ABCDEFGHIJ'].map((c) => cells.get(`基本目標1!${c}5`))).toEqual([
      { error: '#NAME?' },
      { error: '#NAME?' },
      123,
      true,
      { error: '#N/A' },
      expect.any(Number),
      '=x',
      '-',
      '順調',
      1498,
    ]);
    expect(cells.get('基本目標1!D1')).toBe('=not a formula');
  });

  it('refuses a request or a response over the payload limit', async () => {
    fake = installFakeExcel(book(), { limitBytes: 1_000 });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('基本目標1').getRange('A1:A100').values = Array.from({ length: 100 }, () => ['0123456789']);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('基本目標1').getRange('A1:Z200').load('values, numberFormat');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(fake.syncs.every((s) => !s.ok)).toBe(true);
  });

  it('enforces sheet-name rules: 31 characters, no : \\ / ? * [ ], unique ignoring case', async () => {
    fake = installFakeExcel(book());
    fake.book.addSheet('Data');
    for (const [name, code] of [
      ['a'.repeat(32), 'InvalidArgument'],
      ['a/b', 'InvalidArgument'],
      ['x[1]', 'InvalidArgument'],
      ["'quoted'", 'InvalidArgument'],
      ['基本目標1', 'ItemAlreadyExists'],
      ['DATA', 'ItemAlreadyExists'],
    ] as const) {
      await expect(
        Excel.run(async (context) => {
          context.workbook.worksheets.add(name);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code });
    }
    expect(fake.book.sheets).toHaveLength(3);
  });

  it('a write to a protected sheet is AccessDenied; calls before it in the batch stay done', async () => {
    fake = installFakeExcel(book());
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('基本目標1').getRange('E1').values = [['before']];
        context.workbook.worksheets.getItem('保護').getRange('A1').values = [['x2']];
        context.workbook.worksheets.getItem('基本目標1').getRange('E2').values = [['after']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    const cells = bookCells(fake.book);
    expect(cells.get('基本目標1!E1')).toBe('before');
    expect(cells.get('保護!A1')).toBe('x');
    expect(cells.has('基本目標1!E2')).toBe(false);
  });

  it('a merged area gives its value in the top-left cell only, and refuses a value inside it', async () => {
    const b = book();
    b.sheet('基本目標1').cells.set(key(0, 2), { value: '単位' });
    fake = installFakeExcel(b);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('基本目標1').getRange('C1:C2');
      range.load('values, valueTypes');
      await context.sync();
      expect(range.values).toEqual([['単位'], ['']]);
      expect(range.valueTypes).toEqual([['String'], ['Empty']]);
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('基本目標1').getRange('C2').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('getItemOrNullObject / getUsedRangeOrNullObject give null objects; using one otherwise is ItemNotFound', async () => {
    fake = installFakeExcel(book());
    fake.book.addSheet('空');
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('なし');
      missing.load('name');
      const used = context.workbook.worksheets.getItem('空').getUsedRangeOrNullObject(true);
      used.load('address');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject('なし').getRange('A1').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('refuses to list more than 512 merged areas in one call', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => ({ top: i * 2, left: 0, bottom: i * 2 + 1, right: 0 }));
    fake = installFakeExcel(bookFromGrids([gridFromRows('多い', [['a']], { merges })]));
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('多い').getRange('A1:A1200').getMergedAreasOrNullObject().load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
  });

  it('counts syncs (an Excel.run with calls left queued syncs once more) and payload bytes', async () => {
    fake = installFakeExcel(book());
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('基本目標1').getRange('A1').load('values');
      await context.sync();
      context.workbook.worksheets.getItem('基本目標1').getRange('F1').values = [['x']];
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.maxPayloadBytes).toBeGreaterThan(0);
  });

  it('getRanges (ExcelApi 1.9): a RangeAreas whose conditional format applies to every area and is met through each', async () => {
    fake = installFakeExcel(book());
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('基本目標1');
      const areas = ws.getRanges('D6:L6, D9:L9');
      areas.load('address, areaCount');
      expect(() => areas.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const cf = areas.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=TRIM(D6)="順調"';
      cf.custom.format.fill.color = '#C6EFCE';
      await context.sync();
      expect(areas.address).toBe('基本目標1!D6:L6,基本目標1!D9:L9');
      expect(areas.areaCount).toBe(2);

      const met = ws.getRange('E9').conditionalFormats; // the second area only
      met.load('items/id, items/customOrNullObject/rule/formula');
      await context.sync();
      expect(met.items.map((i) => i.customOrNullObject.rule.formula)).toEqual(['=TRIM(D6)="順調"']);
      const ranges = met.items[0].getRanges();
      ranges.load('address');
      const one = met.items[0].getRangeOrNullObject();
      one.load('address');
      await context.sync();
      expect(ranges.address).toBe('基本目標1!D6:L6,基本目標1!D9:L9');
      expect(one.isNullObject).toBe(true); // applies to several ranges
    });
    expect(fake.book.sheet('基本目標1').rules.map((r) => [r.areas.map(boxAddress), r.formula, r.fill])).toEqual([[['D6:L6', 'D9:L9'], '=TRIM(D6)="順調"', '#C6EFCE']]);
  });

  it('getRanges: counts its address once per request, refuses one over 8,192 characters, and is ApiNotFound before ExcelApi 1.9', async () => {
    fake = installFakeExcel(book());
    const address = Array.from({ length: 400 }, (_, i) => `D${3 * i + 6}:L${3 * i + 6}`).join(',');
    await Excel.run(async (context) => {
      const formats = context.workbook.worksheets.getItem('基本目標1').getRanges(address).conditionalFormats;
      for (let i = 0; i < 5; i++) formats.add(Excel.ConditionalFormatType.custom).custom.rule.formula = `=TRIM(D6)="${i}"`;
      await context.sync();
    });
    expect(fake.syncs[0].requestBytes).toBeLessThan(address.length + 5_000); // 11 calls on the areas
    expect(fake.book.sheet('基本目標1').rules.every((r) => r.areas.length === 400)).toBe(true);

    const tooLong = Array.from({ length: 800 }, (_, i) => `D${3 * i + 6}:L${3 * i + 6}`).join(',');
    expect(tooLong.length).toBeGreaterThan(8_192);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('基本目標1').getRanges(tooLong).conditionalFormats.add(Excel.ConditionalFormatType.custom);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    fake.uninstall();

    fake = installFakeExcel(book(), { excelApi: 8 });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('基本目標1').getRanges('D6:L6,D9:L9').conditionalFormats.add(Excel.ConditionalFormatType.custom);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(fake.book.sheet('基本目標1').rules).toEqual([]);
  });

  it('answers isSetSupported for the configured ExcelApi version', () => {
    fake = installFakeExcel(book(), { excelApi: 12 });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.12')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
  });
});
