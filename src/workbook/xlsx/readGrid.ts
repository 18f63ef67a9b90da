import type ExcelJS from 'exceljs';
import { a1, boxToA1, parseRange } from '../../domain/address';
import type { CellBox, RawValue, SheetGrid } from '../../domain/grid';
import type { Problem } from '../../domain/problems';
import { formatCount } from './limits';

/** Excel's serial day for a JS date (1900 date system, as ExcelJS reads it). */
function dateToSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

/**
 * Turns an ExcelJS cell value into the port's `RawValue`: formulas give their cached result, rich text
 * and hyperlinks their text, dates their serial number (the number format says it is a date).
 */
export function toRawValue(value: ExcelJS.CellValue): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { error: '#NUM!' };
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateToSerial(value);
  if (typeof value === 'object') {
    if ('error' in value && typeof value.error === 'string') return { error: value.error };
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? '').join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : toRawValue(result as ExcelJS.CellValue);
    }
    if ('hyperlink' in value && 'text' in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text;
      return typeof text === 'string' ? text : toRawValue(text as ExcelJS.CellValue);
    }
  }
  return null;
}

function formulaOf(value: ExcelJS.CellValue): string | null {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    if ('formula' in value && typeof value.formula === 'string') return value.formula;
    if ('sharedFormula' in value) {
      const shared = value as ExcelJS.CellSharedFormulaValue;
      return shared.formula ?? shared.sharedFormula;
    }
  }
  return null;
}

function noteText(note: ExcelJS.Cell['note']): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as ExcelJS.Comment).texts;
  return Array.isArray(texts) ? texts.map((t) => (typeof t === 'string' ? t : t.text)).join('') : null;
}

/** The bounding box of the used cells, and what was left out to keep it within `maxCells`. */
export interface UsedBox {
  box: CellBox | null;
  /** The whole used range when it had to be cut, else null. */
  full: CellBox | null;
  /** Used cells outside `box`. */
  dropped: number;
}

/**
 * Shrinks the bounding box of `cells` (0-based positions) until its area fits `maxCells`, each step dropping
 * the outermost used row or column whose removal shrinks the area most, then tightening the box to the cells
 * left in it (a stray cell at XFD1048576 goes first, the table stays). About linear in the number of cells.
 */
export function usedBox(cells: readonly { row: number; col: number }[], maxCells: number): UsedBox {
  if (cells.length === 0) return { box: null, full: null, dropped: 0 };
  const byRow = new Map<number, number[]>();
  const byCol = new Map<number, number[]>();
  for (const { row, col } of cells) {
    (byRow.get(row) ?? byRow.set(row, []).get(row) as number[]).push(col);
    (byCol.get(col) ?? byCol.set(col, []).get(col) as number[]).push(row);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const cols = [...byCol.keys()].sort((a, b) => a - b);
  const rowCount = new Map([...byRow].map(([r, list]) => [r, list.length]));
  const colCount = new Map([...byCol].map(([c, list]) => [c, list.length]));
  let i = 0;
  let j = rows.length - 1;
  let k = 0;
  let l = cols.length - 1;
  const full: CellBox = { top: rows[0], bottom: rows[j], left: cols[0], right: cols[l] };
  const area = (): number => (rows[j] - rows[i] + 1) * (cols[l] - cols[k] + 1);
  if (area() <= maxCells) return { box: full, full: null, dropped: 0 };
  const dropRow = (r: number): void => {
    for (const c of byRow.get(r) ?? []) {
      if (c < cols[k] || c > cols[l]) continue;
      colCount.set(c, (colCount.get(c) ?? 1) - 1);
      rowCount.set(r, (rowCount.get(r) ?? 1) - 1);
    }
  };
  const dropCol = (c: number): void => {
    for (const r of byCol.get(c) ?? []) {
      if (r < rows[i] || r > rows[j]) continue;
      rowCount.set(r, (rowCount.get(r) ?? 1) - 1);
      colCount.set(c, (colCount.get(c) ?? 1) - 1);
    }
  };
  const empty = (counts: Map<number, number>, key: number): boolean => counts.get(key) === 0;
  const tighten = (): void => {
    for (;;) {
      if (j > i && empty(rowCount, rows[j])) j--;
      else if (i < j && empty(rowCount, rows[i])) i++;
      else if (l > k && empty(colCount, cols[l])) l--;
      else if (k < l && empty(colCount, cols[k])) k++;
      else return;
    }
  };
  while (area() > Math.max(1, maxCells)) {
    const height = rows[j] - rows[i] + 1;
    const width = cols[l] - cols[k] + 1;
    // candidates in order of preference on ties: bottom row, right column, top row, left column
    const options: [number, () => void][] = [];
    if (j > i) options.push([(rows[j - 1] - rows[i] + 1) * width, () => (dropRow(rows[j]), j--)]);
    if (l > k) options.push([height * (cols[l - 1] - cols[k] + 1), () => (dropCol(cols[l]), l--)]);
    if (j > i) options.push([(rows[j] - rows[i + 1] + 1) * width, () => (dropRow(rows[i]), i++)]);
    if (l > k) options.push([height * (cols[l] - cols[k + 1] + 1), () => (dropCol(cols[k]), k++)]);
    if (options.length === 0) break;
    options.reduce((best, o) => (o[0] < best[0] ? o : best))[1]();
    tighten();
  }
  const box: CellBox = { top: rows[i], bottom: rows[j], left: cols[k], right: cols[l] };
  const dropped = cells.filter((c) => c.row < box.top || c.row > box.bottom || c.col < box.left || c.col > box.right).length;
  return { box, full, dropped };
}

export interface ReadSheetOptions {
  /** Cap on the grid's cells (its bounding box); past it the grid covers the largest part that fits. */
  maxCells?: number;
  /** Receives a `sheet-too-large` problem when the grid had to be cut. */
  problems?: Problem[];
  /**
   * The sheet's merged areas as its XML declares them (`inspectXlsx`), given when ExcelJS was told not to read
   * them; else ExcelJS's own are used. Either way only an area's top-left cell keeps a value, and the areas count
   * as used cells.
   */
  merges?: readonly string[];
}

/**
 * Reads one worksheet into a `SheetGrid` covering its used cells. A used range too large to hold (a stray
 * value at XFD1048576 makes the box 17 billion cells) is cut to the part that fits, and said so.
 */
export function readSheetGrid(ws: ExcelJS.Worksheet, options: ReadSheetOptions = {}): SheetGrid {
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  const take = (row: number, col: number): void => {
    if (row < minRow) minRow = row;
    if (row > maxRow) maxRow = row;
    if (col < minCol) minCol = col;
    if (col > maxCol) maxCol = col;
  };
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (_cell, colNumber) => take(rowNumber - 1, colNumber - 1));
  });
  // The covered cells of merged areas ExcelJS was not told about count as used, as its own merged cells do (the
  // top-left cell counts only when it holds a value): the same grid either way.
  const declared = options.merges ? options.merges.map((ref) => parseRange(ref)).filter((b): b is CellBox => b !== null) : [];
  for (const m of declared) {
    if (m.bottom > m.top) take(m.top + 1, m.left);
    if (m.right > m.left) take(m.top, m.left + 1);
    if (m.bottom > m.top || m.right > m.left) take(m.bottom, m.right);
  }
  const used: { row: number; col: number }[] = [];
  const maxCells = options.maxCells ?? Infinity;
  if (maxRow >= 0 && (maxRow - minRow + 1) * (maxCol - minCol + 1) > maxCells) {
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (_cell, colNumber) => {
        used.push({ row: rowNumber - 1, col: colNumber - 1 });
      });
    });
    for (const m of declared) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) used.push({ row: r, col: c });
      }
    }
  }
  const cut: UsedBox =
    used.length > 0
      ? usedBox(used, maxCells)
      : { box: maxRow < 0 ? null : { top: minRow, left: minCol, bottom: maxRow, right: maxCol }, full: null, dropped: 0 };
  if (cut.full && cut.box && options.problems) {
    const full = boxToA1(cut.full);
    const kept = boxToA1(cut.box);
    const size = formatCount((cut.full.bottom - cut.full.top + 1) * (cut.full.right - cut.full.left + 1));
    options.problems.push({
      sheet: ws.name,
      cell: full,
      code: 'sheet-too-large',
      message: `シート「${ws.name}」の使用範囲 ${full}（${size} セル）は大きすぎるため ${kept} だけを読みます（範囲外の ${formatCount(cut.dropped)} セルは読まず、変更もしません） / Sheet "${ws.name}" uses ${full} (${size} cells), too large: only ${kept} is read (${formatCount(cut.dropped)} cells outside are neither read nor changed)`,
    });
  }
  const top = cut.box ? cut.box.top : Infinity;
  const left = cut.box ? cut.box.left : Infinity;
  const bottom = cut.box ? cut.box.bottom : -1;
  const right = cut.box ? cut.box.right : -1;
  const merges: CellBox[] = [];
  for (const ref of options.merges ?? ws.model.merges ?? []) {
    const box = parseRange(ref);
    if (box) merges.push(box);
  }
  const grid: SheetGrid = {
    name: ws.name,
    top: bottom < 0 ? 0 : top,
    left: right < 0 ? 0 : left,
    values: [],
    numberFormats: [],
    formulas: {},
    notes: {},
    merges,
    protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet),
    visibility: ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible',
  };
  if (bottom < 0) return grid;
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: RawValue[][] = new Array(height);
  const formats: (string | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    values[r] = new Array<RawValue>(width).fill(null);
    formats[r] = new Array<string | null>(width).fill(null);
  }
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1 - top;
    if (r < 0 || r >= height) return;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return; // value lives in the top-left cell only
      const c = colNumber - 1 - left;
      if (c < 0 || c >= width) return;
      const value = cell.value;
      values[r][c] = toRawValue(value);
      const fmt = cell.numFmt;
      if (fmt && fmt !== 'General') formats[r][c] = fmt;
      // The A1 address only for the few cells that need one (not one string per cell: `npm run bench`).
      const formula = formulaOf(value);
      if (formula !== null) grid.formulas[a1(rowNumber - 1, colNumber - 1)] = formula;
      const note = noteText(cell.note);
      if (note !== null && grid.notes) grid.notes[a1(rowNumber - 1, colNumber - 1)] = note;
    });
  });
  // A covered cell shows nothing in Excel, whatever its XML holds (ExcelJS hides it only when it read the merges).
  for (const m of merges) {
    for (let r = Math.max(m.top, top); r <= Math.min(m.bottom, bottom); r++) {
      for (let c = Math.max(m.left, left); c <= Math.min(m.right, right); c++) {
        if (r === m.top && c === m.left) continue;
        values[r - top][c - left] = null;
        formats[r - top][c - left] = null;
      }
    }
  }
  grid.values = values;
  grid.numberFormats = formats;
  return grid;
}
