import type ExcelJS from 'exceljs';
import { parseA1 } from '../../domain/address';
import type { RawValue, SheetGrid, WorkbookGrid } from '../../domain/grid';
import { BACKUP_HEADER } from '../../domain/plan/backup';
import type { Problem } from '../../domain/problems';
import { BACKUP_SHEET, MAX_SETTINGS_CHARS, SETTINGS_SHEET } from '../../domain/settings';
import type { BoundedInflate } from './inspect';
import { inspectXlsx, streamInflate } from './inspect';
import type { XlsxLimits } from './limits';
import { DEFAULT_XLSX_LIMITS, formatCount } from './limits';
import { readSheetGrid, toRawValue } from './readGrid';
import type { SheetNotes } from './notes';
import type { UnkeptItem } from './unkept';

export type ExcelJSModule = typeof ExcelJS;

/** What the port needs from a workbook file: its grids, plus Shinchoku's own settings and backup sheets. */
export interface LoadedWorkbook {
  /** The file as read: what the part-by-part writer changes (`writeBack.ts`). */
  bytes: Uint8Array;
  /**
   * ExcelJS's model of the file: whole (`model: 'full'`), or only what the grids need (`'read'`: no merges,
   * colour rules, validations, page setup, drawings …), which must never be saved; `full()` gives a whole one.
   */
  workbook: ExcelJS.Workbook;
  model: 'full' | 'read';
  /** The whole model, for a save through ExcelJS: `workbook` itself when it is whole, else loaded again from `bytes`. */
  full: () => Promise<ExcelJS.Workbook>;
  grid: WorkbookGrid;
  /** The settings JSON (column A of the settings sheet, joined), or null when there is none. */
  settingsText: string | null;
  /** Rows of the backup sheet, or null when the workbook has never been evaluated. */
  backupCells: RawValue[][] | null;
  /** What could not be read (a used range too large to hold): each names its sheet and range. */
  problems: Problem[];
  /** What an ExcelJS save of this workbook would leave out (charts, pivot tables, shapes, …; see `unkept.ts`). */
  unkept: UnkeptItem[];
}

export interface LoadOptions {
  limits?: Partial<XlsxLimits>;
  /**
   * `read`: ExcelJS reads only what the grids need (half the time on a sheet with 1,000 merged areas); for
   * callers that write through the part-by-part writer. Default `full`.
   */
  model?: 'full' | 'read';
  /** Bounded inflate used to check the parts before ExcelJS reads them; default DecompressionStream. */
  inflate?: BoundedInflate | null;
}

/** A file that is not an .xlsx, or a damaged one: the message names the reason, never a stack trace. */
export class UnreadableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableWorkbookError';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: a legacy .xls, or an .xlsx saved with a password (Excel encrypts it into one). */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The first `columns` columns of Shinchoku's own sheets (settings: A; backup: A–E), used cells only: a
 * tampered sheet with a value at XFD1048576 must not make ExcelJS create a million empty rows.
 */
function sheetRows(ws: ExcelJS.Worksheet, columns: number): RawValue[][] {
  const rows: RawValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: RawValue[] = new Array<RawValue>(columns).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (colNumber <= columns) line[colNumber - 1] = toRawValue(cell.value);
    });
    rows[rowNumber - 1] = line;
  });
  return Array.from(rows, (r) => r ?? []);
}

/**
 * Loads an .xlsx from bytes with the given ExcelJS module (static in the CLI, dynamic in the browser).
 * The archive is inspected first (`inspectXlsx`): a damaged file or a bomb is an `UnreadableWorkbookError`
 * with one clear line, before ExcelJS allocates anything. Sheets too large to hold are read in part and
 * listed in `problems`.
 */
export async function loadXlsx(excel: ExcelJSModule, data: Uint8Array | ArrayBuffer, options: LoadOptions = {}): Promise<LoadedWorkbook> {
  const limits: XlsxLimits = { ...DEFAULT_XLSX_LIMITS, ...options.limits };
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new UnreadableWorkbookError(
      'パスワード付きのブックか古い .xls 形式です（パスワードを外して .xlsx で保存してください） / a password-protected workbook or a legacy .xls (remove the password and save as .xlsx)',
    );
  }
  if (bytes.length < 4 || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new UnreadableWorkbookError('.xlsx ファイルではありません / not an .xlsx file');
  }
  const inspection = await inspectXlsx(bytes, limits, options.inflate === undefined ? streamInflate : options.inflate);
  if (!inspection.ok) throw new UnreadableWorkbookError(inspection.message);
  const merges = inspection.merges;
  let model = options.model ?? 'full';
  let workbook = await excelLoad(excel, bytes, model === 'read' ? readIgnored(merges !== null) : []);
  if (model === 'read' && merges !== null && workbook.worksheets.some((ws) => !merges.has(ws.name))) {
    // a sheet whose part the inspection did not recognise: its merges come from ExcelJS after all
    model = 'full';
    workbook = await excelLoad(excel, bytes, []);
  }
  if (workbook.worksheets.length > limits.maxSheets) {
    throw new UnreadableWorkbookError(
      `シートが多すぎます（${formatCount(workbook.worksheets.length)} > ${formatCount(limits.maxSheets)}） / too many sheets (${formatCount(workbook.worksheets.length)})`,
    );
  }
  if (model === 'full') restoreEmptyCellNotes(workbook, inspection.notes);
  const problems: Problem[] = [];
  let budget = limits.maxWorkbookGridCells;
  const sheets: SheetGrid[] = workbook.worksheets.map((ws) => {
    const grid = readSheetGrid(ws, {
      maxCells: Math.max(1, Math.min(limits.maxSheetGridCells, budget)),
      problems,
      // ExcelJS read the merged areas itself unless told not to (`read`)
      merges: model === 'read' ? merges?.get(ws.name) : undefined,
    });
    budget -= grid.values.length * (grid.values[0]?.length ?? 0);
    return grid;
  });
  const settingsWs = workbook.getWorksheet(SETTINGS_SHEET);
  let settingsText: string | null = null;
  if (settingsWs) {
    // Joined only up to one character past the cap: parseSettingsText then rejects it as oversized.
    settingsText = '';
    for (const r of sheetRows(settingsWs, 1)) {
      if (typeof r[0] === 'string') settingsText += r[0];
      if (settingsText.length > MAX_SETTINGS_CHARS) break;
    }
  }
  const backupWs = workbook.getWorksheet(BACKUP_SHEET);
  let whole: Promise<ExcelJS.Workbook> | null = model === 'full' ? Promise.resolve(workbook) : null;
  const full = (): Promise<ExcelJS.Workbook> =>
    (whole ??= excelLoad(excel, bytes, []).then((wb) => {
      restoreEmptyCellNotes(wb, inspection.notes);
      return wb;
    }));
  return {
    bytes,
    workbook,
    model,
    full,
    grid: { sheets },
    settingsText,
    backupCells: backupWs ? sheetRows(backupWs, BACKUP_HEADER.length) : null,
    problems,
    unkept: inspection.unkept,
  };
}

/** Worksheet elements the grids never need, which ExcelJS then skips (`model: 'read'`). */
const READ_IGNORED = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'autoFilter', 'rowBreaks', 'hyperlinks', 'pageMargins',
  'dataValidations', 'pageSetup', 'headerFooter', 'printOptions', 'picture', 'drawing', 'tableParts',
  'conditionalFormatting', 'extLst',
];

function readIgnored(mergesKnown: boolean): string[] {
  return mergesKnown ? [...READ_IGNORED, 'mergeCells'] : READ_IGNORED;
}

async function excelLoad(excel: ExcelJSModule, bytes: Uint8Array, ignoreNodes: string[]): Promise<ExcelJS.Workbook> {
  const workbook = new excel.Workbook();
  try {
    // ExcelJS's typings want a Node Buffer; in the browser an ArrayBuffer is what it reads.
    const payload = typeof Buffer !== 'undefined' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.buffer;
    const load = workbook.xlsx.load as (data: ArrayBuffer, options?: { ignoreNodes: string[] }) => Promise<ExcelJS.Workbook>;
    await load.call(workbook.xlsx, payload as unknown as ArrayBuffer, { ignoreNodes });
  } catch (e) {
    const reason = oneLine(e instanceof Error ? e.message : String(e)).slice(0, 120);
    throw new UnreadableWorkbookError(`.xlsx を読めません（壊れているか形式が違います: ${reason}） / cannot read the .xlsx (${reason})`);
  }
  return workbook;
}

/** Notes ExcelJS dropped on load because their cell is empty (`notes.ts`), put back as plain text. */
function restoreEmptyCellNotes(workbook: ExcelJS.Workbook, notes: SheetNotes): void {
  for (const [sheet, list] of notes) {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) continue;
    for (const { ref, text } of list) {
      if (!parseA1(ref)) continue;
      const cell = ws.getCell(ref);
      if (cell.note === undefined) cell.note = text;
    }
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export async function saveXlsx(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
