/**
 * The port's input: one worksheet as plain data, the same whether it came from ExcelJS (CLI, browser page)
 * or from the Office JavaScript API (add-in). Coordinates are 0-based; `values[r][c]` is the cell at sheet row `top + r`,
 * column `left + c`.
 */

/** An Excel error value (`#N/A`, `#DIV/0!` …), kept as its text. */
export interface ExcelError {
  readonly error: string;
}

/** A cell's value as Excel gives it. Dates arrive as serial numbers with a date number format. */
export type RawValue = number | string | boolean | null | ExcelError;

/** A rectangle of cells, 0-based and inclusive on both ends. */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Sheet row of `values[0]` (0-based). */
  top: number;
  /** Sheet column of `values[r][0]` (0-based). */
  left: number;
  /** Rectangular: every row has the same length. Merged areas hold their value in the top-left cell only. */
  values: RawValue[][];
  /** Same shape as `values`; `null` means "all General". */
  numberFormats: (string | null)[][] | null;
  /** Cells holding a formula, keyed by A1 address (`"E5"`), value = the formula text without `=`. */
  formulas: Record<string, string>;
  merges: CellBox[];
  /** Cell notes (comments) keyed by A1 address; absent when the host does not provide them. */
  notes?: Record<string, string>;
  /** The sheet is protected: nothing may be written into it. */
  protected: boolean;
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

export function isExcelError(value: RawValue): value is ExcelError {
  return typeof value === 'object' && value !== null && typeof (value as ExcelError).error === 'string';
}

/** The raw value at a sheet position (0-based), or `null` outside the grid. */
export function valueAt(sheet: SheetGrid, row: number, col: number): RawValue {
  const line = sheet.values[row - sheet.top];
  if (!line) return null;
  const v = line[col - sheet.left];
  return v === undefined ? null : v;
}

export function numberFormatAt(sheet: SheetGrid, row: number, col: number): string | null {
  if (!sheet.numberFormats) return null;
  const line = sheet.numberFormats[row - sheet.top];
  if (!line) return null;
  return line[col - sheet.left] ?? null;
}

/** Last row/column (0-based, inclusive) covered by the grid; -1 when the sheet is empty. */
export function gridBottom(sheet: SheetGrid): number {
  return sheet.top + sheet.values.length - 1;
}

export function gridRight(sheet: SheetGrid): number {
  const width = sheet.values.length > 0 ? sheet.values[0].length : 0;
  return sheet.left + width - 1;
}

/** Builds a grid from rows starting at A1 — convenient for fixtures and tests. */
export function gridFromRows(
  name: string,
  rows: RawValue[][],
  extra: Partial<Omit<SheetGrid, 'name' | 'values'>> = {},
): SheetGrid {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const values = rows.map((r) => {
    const line = r.slice();
    while (line.length < width) line.push(null);
    return line;
  });
  return {
    name,
    top: 0,
    left: 0,
    values,
    numberFormats: null,
    formulas: {},
    merges: [],
    protected: false,
    visibility: 'visible',
    ...extra,
  };
}
