import { a1, parseRange } from '../../domain/address';
import type { CellBox, RawValue, SheetGrid } from '../../domain/grid';

/**
 * What `readSheet.ts` loads from Office.js (one round trip per sheet, or several row chunks joined), as plain
 * data. Kept apart from the Excel.run code so the conversion is tested without an Office host.
 */
export interface LoadedSheet {
  name: string;
  /** `Excel.SheetVisibility`: `Visible` | `Hidden` | `VeryHidden`. */
  visibility: string;
  protected: boolean;
  /** The used range, or null when the sheet is empty (`getUsedRangeOrNullObject` gave a null object). */
  used: LoadedRange | null;
  /**
   * `RangeAreas.address` of the sheet's merged areas (`Sheet1!A1:B2,Sheet1!C3:C5`), several joined with `,` when
   * read band by band (an area met by two bands is listed twice and kept once), or null when the sheet has none
   * or the host lacks ExcelApi 1.13 (then `merges` stays empty).
   */
  mergedAreasAddress: string | null;
}

export interface LoadedRange {
  rowIndex: number;
  columnIndex: number;
  /** `Range.values`: `''` for empty cells, the error text (`#N/A`) for error cells. */
  values: readonly (readonly unknown[])[];
  /** `Range.valueTypes` (`Excel.RangeValueType` as text: `Empty`, `String`, `Double`, `Error` …). */
  valueTypes: readonly (readonly string[])[];
  numberFormat: readonly (readonly unknown[])[];
  formulas: readonly (readonly unknown[])[];
}

const VISIBILITY: Record<string, SheetGrid['visibility']> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/** Office.js reports General as `General`; a localised host may still hand back `G/標準`. */
function isGeneral(format: unknown): boolean {
  return typeof format !== 'string' || format === '' || format === 'General' || format === 'G/標準';
}

/** One loaded cell (`Range.values` + `Range.valueTypes`) as the port's `RawValue`. */
export function rawValue(value: unknown, type: string | undefined): RawValue {
  if (type === 'Empty') return null;
  if (type === 'Error') return { error: String(value) };
  if (typeof value === 'number') return Number.isFinite(value) ? value : { error: String(value) };
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '' ? null : value;
  // Rich values (linked data types, ExcelApi 1.16+) and anything unforeseen: kept as text for the engine
  // to report, never dropped.
  return value === null || value === undefined ? null : String(value);
}

/** Converts what Office.js loaded into the port's `SheetGrid` (0-based, merges as boxes). */
export function toSheetGrid(loaded: LoadedSheet): SheetGrid {
  const visibility = VISIBILITY[loaded.visibility] ?? 'visible';
  const merges = loaded.mergedAreasAddress ? uniqueBoxes(parseAreasAddress(loaded.mergedAreasAddress)) : [];
  const used = loaded.used;
  if (!used) {
    return {
      name: loaded.name,
      top: 0,
      left: 0,
      values: [],
      numberFormats: null,
      formulas: {},
      merges,
      protected: loaded.protected,
      visibility,
    };
  }
  const values: RawValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const formulas: Record<string, string> = {};
  let anyFormat = false;
  used.values.forEach((line, r) => {
    const row: RawValue[] = [];
    const formatRow: (string | null)[] = [];
    line.forEach((value, c) => {
      row.push(rawValue(value, used.valueTypes[r]?.[c]));
      const format = used.numberFormat[r]?.[c];
      if (isGeneral(format)) {
        formatRow.push(null);
      } else {
        formatRow.push(format as string);
        anyFormat = true;
      }
      // A text constant cannot start with "=" in `formulas` unless it is a formula (a leading apostrophe
      // makes Excel report the text itself in `values`, which then differs).
      const formula = used.formulas[r]?.[c];
      if (typeof formula === 'string' && formula.length > 1 && formula.startsWith('=') && formula !== value) {
        formulas[a1(used.rowIndex + r, used.columnIndex + c)] = formula.slice(1);
      }
    });
    values.push(row);
    numberFormats.push(formatRow);
  });
  return {
    name: loaded.name,
    top: used.rowIndex,
    left: used.columnIndex,
    values,
    numberFormats: anyFormat ? numberFormats : null,
    formulas,
    merges,
    protected: loaded.protected,
    visibility,
  };
}

function uniqueBoxes(boxes: CellBox[]): CellBox[] {
  const seen = new Set<string>();
  return boxes.filter((b) => {
    const key = `${b.top},${b.left},${b.bottom},${b.right}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `Sheet1!A1:B2, 'a,b'!C3:D4` → its areas without the sheet prefix (`A1:B2`, `C3:D4`): split at commas outside quotes. */
function areaParts(address: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // '' inside a quoted name toggles twice: still quoted
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((part) => part.slice(part.lastIndexOf('!') + 1).trim().replace(/\$/g, ''));
}

/**
 * `Sheet1!A1:B2, 'a,b'!C3:D4` → boxes. Splits at commas outside quoted sheet names and drops the sheet
 * prefix (all areas come from one sheet). Parts that are not ranges are ignored.
 */
export function parseAreasAddress(address: string): CellBox[] {
  const boxes: CellBox[] = [];
  for (const part of areaParts(address)) {
    const box = parseRange(part);
    if (box) boxes.push(box);
  }
  return boxes;
}

/**
 * The same, all or nothing: null when any part is not an A1 range (a whole column `D:D`, a name, empty text).
 * For decisions that must not rest on a part left out (is a colour rule entirely Shinchoku's?).
 */
export function parseAreasAddressStrict(address: string): CellBox[] | null {
  const boxes: CellBox[] = [];
  for (const part of areaParts(address)) {
    const box = parseRange(part);
    if (!box) return null;
    boxes.push(box);
  }
  return boxes;
}
