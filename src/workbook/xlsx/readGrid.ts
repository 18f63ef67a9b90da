import type ExcelJS from 'exceljs';
import { a1, parseRange } from '../../domain/address';
import type { CellBox, RawValue, SheetGrid } from '../../domain/grid';

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

/** Reads one worksheet into a `SheetGrid` covering its used cells. */
export function readSheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (_cell, colNumber) => {
      top = Math.min(top, rowNumber - 1);
      bottom = Math.max(bottom, rowNumber - 1);
      left = Math.min(left, colNumber - 1);
      right = Math.max(right, colNumber - 1);
    });
  });
  const merges: CellBox[] = [];
  for (const ref of ws.model.merges ?? []) {
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
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return; // value lives in the top-left cell only
      const c = colNumber - 1 - left;
      const value = cell.value;
      values[r][c] = toRawValue(value);
      const fmt = cell.numFmt;
      if (fmt && fmt !== 'General') formats[r][c] = fmt;
      const formula = formulaOf(value);
      const address = a1(rowNumber - 1, colNumber - 1);
      if (formula !== null) grid.formulas[address] = formula;
      const note = noteText(cell.note);
      if (note !== null && grid.notes) grid.notes[address] = note;
    });
  });
  grid.values = values;
  grid.numberFormats = formats;
  return grid;
}
