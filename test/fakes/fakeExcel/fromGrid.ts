import { parseA1 } from '../../../src/domain/address';
import type { RawValue, SheetGrid } from '../../../src/domain/grid';
import type { FakeCell } from './state';
import { boxAddress, FakeWorkbook, key, MAX_COLS } from './state';

/** A fake workbook holding these grids (values, formulas, number formats, merges, notes, protection, visibility). */
export function bookFromGrids(grids: readonly SheetGrid[], name = 'Book1.xlsx'): FakeWorkbook {
  const book = new FakeWorkbook();
  book.name = name;
  for (const grid of grids) {
    const sheet = book.addSheet(grid.name);
    sheet.protected = grid.protected;
    sheet.visibility = grid.visibility === 'veryHidden' ? 'VeryHidden' : grid.visibility === 'hidden' ? 'Hidden' : 'Visible';
    sheet.merges = grid.merges.map((m) => ({ ...m }));
    grid.values.forEach((line, r) =>
      line.forEach((value, c) => {
        const format = grid.numberFormats?.[r]?.[c] ?? null;
        if (value === null && format === null) return;
        const cell: FakeCell = { value: value === null ? null : typeof value === 'object' ? { error: value.error } : value };
        if (format !== null) cell.numberFormat = format;
        sheet.cells.set(key(grid.top + r, grid.left + c), cell);
      }),
    );
    for (const [address, formula] of Object.entries(grid.formulas)) {
      const pos = parseA1(address);
      if (!pos) continue;
      const cell = sheet.cells.get(key(pos.row, pos.col)) ?? { value: null };
      sheet.cells.set(key(pos.row, pos.col), { ...cell, formula: `=${formula}` });
    }
    for (const [address, text] of Object.entries(grid.notes ?? {})) {
      const pos = parseA1(address);
      if (pos) sheet.notes.set(key(pos.row, pos.col), text);
    }
  }
  book.active = Math.max(0, book.sheets.findIndex((s) => s.visibility === 'Visible'));
  return book;
}

/** Every non-empty cell value of the named sheets (all when omitted) as `sheet!A1 → value`, like test/helpers/cli cellMap. */
export function bookCells(book: FakeWorkbook, only?: readonly string[]): Map<string, RawValue> {
  const map = new Map<string, RawValue>();
  for (const sheet of book.sheets) {
    if (only && !only.includes(sheet.name)) continue;
    const entries = [...sheet.cells].sort((a, b) => a[0] - b[0]);
    for (const [k, cell] of entries) {
      const v = cell.value;
      if (v === null || v === '') continue;
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      if (sheet.mergedInside(row, col)) continue;
      map.set(`${sheet.name}!${boxAddress({ top: row, left: col, bottom: row, right: col })}`, typeof v === 'object' ? { error: v.error } : v);
    }
  }
  return map;
}
