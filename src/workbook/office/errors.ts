/**
 * Faults of the Office adapter, each with one clear message (Japanese first, English after ` / `) saying what
 * failed and what state the workbook is in. Excel's own error stays attached as `cause` (never swallowed: the
 * UI's describeError shows `code` and the message; support reads `cause.debugInfo`).
 */
export type OfficeFaultCode =
  | 'protected-sheet'
  | 'merged-cell'
  | 'sheet-name-taken'
  | 'sheet-missing'
  | 'changed-since-read'
  | 'sync-failed'
  | 'aborted'
  | 'no-backup';

export class OfficeAdapterError extends Error {
  constructor(
    readonly code: OfficeFaultCode,
    message: string,
    /** True when the backup of this run is complete, so 元に戻す / Restore puts the workbook back. */
    readonly restorable: boolean,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'OfficeAdapterError';
  }
}

/** The step of a write that failed, and what that means for the workbook. */
export type WriteStep = 'preflight' | 'backup' | 'cells' | 'summary';

const STATE: Record<WriteStep, { ja: string; en: string; restorable: boolean }> = {
  preflight: { ja: 'ブックは何も変更していません', en: 'nothing in the workbook was changed', restorable: false },
  backup: {
    ja: 'バックアップの保存中に止まりました。シートのセルは何も変更していません',
    en: 'it stopped while saving the backup; no cell of your sheets was changed',
    restorable: false,
  },
  cells: {
    ja: '進捗区分の書き込み中に止まりました。変更前の内容はバックアップに保存済みのため「元に戻す」で戻せます',
    en: 'it stopped while writing the status cells; the previous contents are in the backup, so Restore (元に戻す) puts them back',
    restorable: true,
  },
  summary: {
    ja: '集計シートの作成中に止まりました。変更前の内容はバックアップに保存済みのため「元に戻す」で戻せます',
    en: 'it stopped while building the summary sheet; the previous contents are in the backup, so Restore (元に戻す) puts them back',
    restorable: true,
  },
};

/** Excel's error code and message, for the English half of a message. */
export function officeCode(e: unknown): string {
  if (e && typeof e === 'object') {
    const { code, message } = e as { code?: unknown; message?: unknown };
    const parts = [typeof code === 'string' ? code : '', typeof message === 'string' ? message : ''].filter((p) => p !== '');
    if (parts.length > 0) return parts.join(': ');
  }
  return String(e);
}

function codeOf(e: unknown): string {
  return e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';
}

function sheetList(sheets: readonly string[]): string {
  return sheets.map((s) => `「${s}」`).join('');
}

/** A round trip of a write failed: say which step, which sheets, and whether Restore can repair it. */
export function writeStepError(step: WriteStep, sheets: readonly string[], cause: unknown): OfficeAdapterError {
  const state = STATE[step];
  const code = codeOf(cause);
  if (code === 'AccessDenied' && sheets.length > 0) {
    return new OfficeAdapterError(
      'protected-sheet',
      `シート${sheetList(sheets)}が保護されているため書き込めませんでした。${state.ja} / ` +
        `Sheet ${sheets.map((s) => `"${s}"`).join(', ')} is protected and could not be written; ${state.en} (Excel: ${officeCode(cause)})`,
      state.restorable,
      cause,
    );
  }
  if (code === 'ItemAlreadyExists') {
    return new OfficeAdapterError(
      'sheet-name-taken',
      `同じ名前のシートが既にあるため作れませんでした。${state.ja} / A sheet with that name already exists; ${state.en} (Excel: ${officeCode(cause)})`,
      state.restorable,
      cause,
    );
  }
  const where = sheets.length > 0 ? `（シート${sheetList(sheets)}）` : '';
  return new OfficeAdapterError(
    'sync-failed',
    `Excel への書き込みに失敗しました${where}。${state.ja} / Writing to Excel failed${sheets.length > 0 ? ` (sheet ${sheets.join(', ')})` : ''}; ${state.en} (Excel: ${officeCode(cause)})`,
    state.restorable,
    cause,
  );
}

export function abortedError(step: string): OfficeAdapterError {
  const state = (STATE as Record<string, (typeof STATE)[WriteStep] | undefined>)[step];
  return new OfficeAdapterError(
    'aborted',
    state ? `中止しました。${state.ja} / Cancelled; ${state.en}` : '中止しました / Cancelled',
    state?.restorable ?? false,
  );
}

export function protectedSheetError(sheet: string): OfficeAdapterError {
  return new OfficeAdapterError(
    'protected-sheet',
    `シート「${sheet}」が保護されているため書き込めません。ブックは何も変更していません（保護を解除してからもう一度実行してください） / ` +
      `Sheet "${sheet}" is protected; nothing in the workbook was changed (unprotect it and run again)`,
    false,
  );
}

export function mergedCellError(sheet: string, cells: readonly string[]): OfficeAdapterError {
  const list = cells.slice(0, 5).join(', ') + (cells.length > 5 ? ` …(+${cells.length - 5})` : '');
  return new OfficeAdapterError(
    'merged-cell',
    `シート「${sheet}」の進捗区分のセル ${list} が結合セルの内側にあるため書き込めません。ブックは何も変更していません / ` +
      `Status cell(s) ${list} on sheet "${sheet}" are inside a merged area; nothing in the workbook was changed`,
    false,
  );
}

export function sheetNameTakenError(sheet: string): OfficeAdapterError {
  return new OfficeAdapterError(
    'sheet-name-taken',
    `シート名「${sheet}」は読み込みの後に別のシートで使われました。ブックは何も変更していません（もう一度評価してください） / ` +
      `Sheet name "${sheet}" was taken by another sheet after the workbook was read; nothing was changed (evaluate again)`,
    false,
  );
}

export function sheetMissingError(sheet: string, cause?: unknown): OfficeAdapterError {
  return new OfficeAdapterError(
    'sheet-missing',
    `シート「${sheet}」が見つかりません（削除されたか名前が変わりました） / Sheet "${sheet}" not found (deleted or renamed)`,
    false,
    cause,
  );
}

export function changedSinceReadError(cells: readonly string[]): OfficeAdapterError {
  const list = cells.slice(0, 5).join(', ') + (cells.length > 5 ? ` …(+${cells.length - 5})` : '');
  return new OfficeAdapterError(
    'changed-since-read',
    `読み込みの後に変更されたセルがあります（${list}）。上書きしないよう何も変更していません。もう一度評価してください / ` +
      `Cells changed after the workbook was read (${list}); nothing was changed so as not to overwrite them. Evaluate again`,
    false,
  );
}

export function noBackupError(): OfficeAdapterError {
  return new OfficeAdapterError(
    'no-backup',
    'バックアップがありません（このブックはまだ評価されていないか、既に元に戻されています） / No backup: the workbook was never evaluated or was already restored',
    false,
  );
}
