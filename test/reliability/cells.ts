import type ExcelJS from 'exceljs';
import type { RawValue } from '../../src/domain/grid';
import { toRawValue } from '../../src/workbook/xlsx/readGrid';

/**
 * Every cell a user wrote, as `sheet!A1 → value` plus its formula, skipping the inside of merged areas (ExcelJS
 * shows the master's value there) — the strict before/after comparison of the reliability tests.
 */
export function userCells(wb: ExcelJS.Workbook, skipSheets: readonly string[] = []): Map<string, string> {
  const map = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (skipSheets.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v: RawValue = toRawValue(cell.value);
        const f = cell.value && typeof cell.value === 'object' && 'formula' in cell.value ? cell.value.formula : null;
        if ((v !== null && v !== '') || f) map.set(`${ws.name}!${cell.address}`, JSON.stringify([v, f ?? null]));
      });
    });
  }
  return map;
}

/** Keys whose entry differs between two maps. */
export function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}
