import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { toRawValue } from '../../src/workbook/xlsx/readGrid';
import type { RawValue } from '../../src/domain/grid';

export const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'shinchoku-sample.xlsx');

export function tempDir(prefix = 'shinchoku-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

export async function openXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every non-empty cell of every sheet as `sheet!A1 → value`, for whole-workbook comparisons. */
export function cellMap(wb: ExcelJS.Workbook, skipSheets: readonly string[] = []): Map<string, RawValue> {
  const map = new Map<string, RawValue>();
  for (const ws of wb.worksheets) {
    if (skipSheets.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = toRawValue(cell.value);
        if (v !== null && v !== '') map.set(`${ws.name}!${cell.address}`, v);
      });
    });
  }
  return map;
}

/** The cells whose value differs between two maps (added, removed or changed). */
export function changedCells(before: Map<string, RawValue>, after: Map<string, RawValue>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => JSON.stringify(before.get(k) ?? null) !== JSON.stringify(after.get(k) ?? null)).sort();
}
