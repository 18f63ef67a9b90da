import { parseAreasAddress, parseAreasAddressStrict, toSheetGrid, type LoadedSheet } from '../../../src/workbook/office/toSheetGrid';

function loaded(extra: Partial<LoadedSheet> = {}): LoadedSheet {
  return {
    name: '基本目標1',
    visibility: 'Visible',
    protected: false,
    mergedAreasAddress: null,
    used: {
      rowIndex: 2,
      columnIndex: 1,
      values: [
        ['指標名', '単位', 0.781, ''],
        ['#N/A', 12, true, '=A1'],
      ],
      valueTypes: [
        ['String', 'String', 'Double', 'Empty'],
        ['Error', 'Double', 'Boolean', 'String'],
      ],
      numberFormat: [
        ['General', 'General', '0.0%', 'General'],
        ['General', '#,##0', 'General', '@'],
      ],
      formulas: [
        ['指標名', '単位', '=C5/100', ''],
        ['=VLOOKUP(1,A:A,2,FALSE)', 12, true, '=A1'],
      ],
    },
    ...extra,
  };
}

describe('toSheetGrid (Office.js load result → SheetGrid)', () => {
  it('places the used range at its sheet position, 0-based', () => {
    const grid = toSheetGrid(loaded());
    expect(grid.name).toBe('基本目標1');
    expect({ top: grid.top, left: grid.left }).toEqual({ top: 2, left: 1 });
  });

  it('turns empty cells into null and error cells into { error }', () => {
    const grid = toSheetGrid(loaded());
    expect(grid.values).toEqual([
      ['指標名', '単位', 0.781, null],
      [{ error: '#N/A' }, 12, true, '=A1'],
    ]);
  });

  it('keeps number formats except General (a percent-formatted 0.781 stays recognisable)', () => {
    const grid = toSheetGrid(loaded());
    expect(grid.numberFormats).toEqual([
      [null, null, '0.0%', null],
      [null, '#,##0', null, '@'],
    ]);
  });

  it('gives numberFormats null when every cell is General', () => {
    const base = loaded();
    const used = { ...base.used!, numberFormat: base.used!.numberFormat.map((r) => r.map(() => 'General')) };
    expect(toSheetGrid({ ...base, used }).numberFormats).toBeNull();
  });

  it('records formulas by A1 address without "=", but not text that merely starts with "="', () => {
    expect(toSheetGrid(loaded()).formulas).toEqual({ D3: 'C5/100', B4: 'VLOOKUP(1,A:A,2,FALSE)' });
  });

  it('maps visibility and protection', () => {
    const grid = toSheetGrid(loaded({ visibility: 'VeryHidden', protected: true }));
    expect({ visibility: grid.visibility, protected: grid.protected }).toEqual({
      visibility: 'veryHidden',
      protected: true,
    });
  });

  it('gives an empty grid for an empty sheet (used range was a null object)', () => {
    const grid = toSheetGrid(loaded({ used: null, mergedAreasAddress: null }));
    expect(grid.values).toEqual([]);
    expect(grid.formulas).toEqual({});
    expect(grid.merges).toEqual([]);
  });

  it('reads merged areas into 0-based boxes', () => {
    const grid = toSheetGrid(loaded({ mergedAreasAddress: '基本目標1!A3:A5,基本目標1!$I$3:$I$5' }));
    expect(grid.merges).toEqual([
      { top: 2, left: 0, bottom: 4, right: 0 },
      { top: 2, left: 8, bottom: 4, right: 8 },
    ]);
  });

  it('keeps a merged area met by two read bands once', () => {
    const grid = toSheetGrid(loaded({ mergedAreasAddress: '基本目標1!A3:A5,基本目標1!I3:I5,基本目標1!A3:A5' }));
    expect(grid.merges).toHaveLength(2);
  });
});

describe('parseAreasAddress', () => {
  it('splits only at commas outside quoted sheet names', () => {
    expect(parseAreasAddress("'a,b ''x'''!B2:C3, 'a,b ''x'''!D4")).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
  });

  it('ignores parts that are not ranges', () => {
    expect(parseAreasAddress('Sheet1!#REF!,Sheet1!A1')).toEqual([{ top: 0, left: 0, bottom: 0, right: 0 }]);
  });

  it('strict: all the areas or null when any part is not an A1 range (a whole column, an error, nothing)', () => {
    expect(parseAreasAddressStrict("'a,b'!$D$6:$L$6, 'a,b'!D9")).toEqual([
      { top: 5, left: 3, bottom: 5, right: 11 },
      { top: 8, left: 3, bottom: 8, right: 3 },
    ]);
    expect(parseAreasAddressStrict('Sheet1!D6:L6,Sheet1!D:D')).toBeNull();
    expect(parseAreasAddressStrict('Sheet1!#REF!,Sheet1!A1')).toBeNull();
    expect(parseAreasAddressStrict('')).toBeNull();
  });
});
