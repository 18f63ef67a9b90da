import type ExcelJS from 'exceljs';
import type { RawValue, WorkbookGrid } from '../../domain/grid';
import { BACKUP_SHEET, SETTINGS_SHEET } from '../../domain/settings';
import { readSheetGrid, toRawValue } from './readGrid';

export type ExcelJSModule = typeof ExcelJS;

/** What the port needs from a workbook file: its grids, plus Shinchoku's own settings and backup sheets. */
export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  grid: WorkbookGrid;
  /** The settings JSON (column A of the settings sheet, joined), or null when there is none. */
  settingsText: string | null;
  /** Rows of the backup sheet, or null when the workbook has never been evaluated. */
  backupCells: RawValue[][] | null;
}

/** A file that is not an .xlsx, or a damaged one: the message names the reason, never a stack trace. */
export class UnreadableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableWorkbookError';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function sheetRows(ws: ExcelJS.Worksheet): RawValue[][] {
  const rows: RawValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const line: RawValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      line[colNumber - 1] = toRawValue(cell.value);
    });
    rows[rowNumber - 1] = Array.from(line, (v) => (v === undefined ? null : v));
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Loads an .xlsx from bytes with the given ExcelJS module (static in the CLI, dynamic in the browser). */
export async function loadXlsx(excel: ExcelJSModule, data: Uint8Array | ArrayBuffer): Promise<LoadedWorkbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length < 4 || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new UnreadableWorkbookError('.xlsx ファイルではありません / not an .xlsx file');
  }
  const workbook = new excel.Workbook();
  try {
    // ExcelJS's typings want a Node Buffer; in the browser an ArrayBuffer is what it reads.
    const payload = typeof Buffer !== 'undefined' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.buffer;
    await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e);
    throw new UnreadableWorkbookError(`.xlsx を読めません（壊れているか形式が違います: ${reason}） / cannot read the .xlsx (${reason})`);
  }
  const sheets = workbook.worksheets.map((ws) => readSheetGrid(ws));
  const settingsWs = workbook.getWorksheet(SETTINGS_SHEET);
  let settingsText: string | null = null;
  if (settingsWs) {
    settingsText = sheetRows(settingsWs)
      .map((r) => (typeof r[0] === 'string' ? r[0] : ''))
      .join('');
  }
  const backupWs = workbook.getWorksheet(BACKUP_SHEET);
  return { workbook, grid: { sheets }, settingsText, backupCells: backupWs ? sheetRows(backupWs) : null };
}

export async function saveXlsx(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
