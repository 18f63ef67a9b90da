import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { RawValue } from '../../../src/domain/grid';
import { parseBackupRows } from '../../../src/domain/plan';
import type { WritePlan } from '../../../src/domain/plan';
import type { RunRequest } from '../../../src/domain/pipeline';
import { runEvaluation } from '../../../src/domain/pipeline';
import { parseSettingsText } from '../../../src/domain/settings';
import type { OfficeFeatures } from '../../../src/workbook/office/features';
import type { HostSnapshot } from '../../../src/workbook/port';
import type { LoadedWorkbook } from '../../../src/workbook/xlsx/workbookFile';
import { loadXlsx } from '../../../src/workbook/xlsx/workbookFile';
import { toRawValue } from '../../../src/workbook/xlsx/readGrid';
import { SAMPLE } from '../../helpers/cli';

/** Every optional feature on (ExcelApi 1.18), or as a host of `minor` would report. */
export function features(minor = 18): OfficeFeatures {
  const has = (v: number): boolean => v <= minor;
  return {
    mergedAreas: has(13),
    notes: has(18),
    conditionalFormats: has(6),
    rangeAreas: has(9),
    suspendCalculation: has(6),
    suspendScreenUpdating: has(9),
    charts: has(1),
    trendlines: has(7),
    trendlineForecast: has(8),
    workbookName: has(7),
    columnWidth: has(2),
  };
}

export async function loadSample(): Promise<LoadedWorkbook> {
  return loadXlsx(ExcelJS, readFileSync(SAMPLE));
}

/** The real pipeline on what a host read: settings and backup parsed as the CLI does. */
export function planFor(source: LoadedWorkbook | HostSnapshot, extra: Partial<RunRequest> = {}): WritePlan {
  const { settings, problems } = parseSettingsText(source.settingsText);
  const outcome = runEvaluation({
    workbook: 'grid' in source ? source.grid : source.workbook,
    settings,
    settingsProblems: problems,
    previousBackup: source.backupCells ? parseBackupRows(source.backupCells).rows : [],
    input: 'test.xlsx',
    ...extra,
  });
  if (!outcome.ok) throw new Error(`planFor: ${outcome.problems.map((p) => p.message).join('; ')}`);
  return outcome.result.plan;
}

/**
 * Every non-empty cell of an ExcelJS workbook as `sheet!A1 → value` (formulas as their result), merged areas in
 * their top-left cell only — as Excel and the fake hold them (ExcelJS repeats the value in every merged cell).
 */
export function xlsxCells(wb: ExcelJS.Workbook): Map<string, RawValue> {
  const map = new Map<string, RawValue>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = toRawValue(cell.value);
        if (v !== null && v !== '') map.set(`${ws.name}!${cell.address}`, v);
      }),
    );
  }
  return map;
}
