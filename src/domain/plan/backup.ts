import type { RawValue } from '../grid';
import { isExcelError } from '../grid';
import type { BackupEntry } from './types';

/**
 * The backup sheet holds, for every cell Shinchoku has changed, the value it had before Shinchoku first
 * touched it; plus the colour rules and sheets Shinchoku added. Restore walks it back. Rows are plain text:
 * kind | sheet | ref | JSON — the JSON always starts with a quote, bracket, digit or letter, never `=`.
 */
export type BackupRow =
  | { kind: 'cell'; sheet: string; ref: string; previous: RawValue; previousNote: string | null }
  | { kind: 'cf'; sheet: string; ref: string }
  | { kind: 'created'; sheet: string };

export const BACKUP_HEADER = ['kind', 'sheet', 'ref', 'previous', 'previousNote'] as const;

export function backupRowsToCells(rows: readonly BackupRow[]): string[][] {
  const out: string[][] = [BACKUP_HEADER.slice()];
  for (const r of rows) {
    if (r.kind === 'cell') {
      out.push(['cell', r.sheet, r.ref, JSON.stringify(r.previous), JSON.stringify(r.previousNote)]);
    } else if (r.kind === 'cf') {
      out.push(['cf', r.sheet, r.ref, '', '']);
    } else {
      out.push(['created', r.sheet, '', '', '']);
    }
  }
  return out;
}

/** Reads the backup sheet's rows back; rows that do not parse are reported by index, never guessed. */
export function parseBackupRows(cells: readonly (readonly RawValue[])[]): { rows: BackupRow[]; bad: number[] } {
  const rows: BackupRow[] = [];
  const bad: number[] = [];
  cells.forEach((line, i) => {
    if (i === 0) return; // header
    const [kind, sheet, ref, prev, prevNote] = line.map((v) => (v === null || v === undefined ? '' : String(v)));
    if (kind === '' && sheet === '') return;
    try {
      if (kind === 'cell' && sheet && ref) {
        const previous = JSON.parse(prev || 'null') as unknown;
        const previousNote = JSON.parse(prevNote || 'null') as unknown;
        if (!isRawValue(previous) || !(previousNote === null || typeof previousNote === 'string')) throw new Error('shape');
        rows.push({ kind: 'cell', sheet, ref, previous, previousNote });
      } else if (kind === 'cf' && sheet && ref) {
        rows.push({ kind: 'cf', sheet, ref });
      } else if (kind === 'created' && sheet) {
        rows.push({ kind: 'created', sheet });
      } else {
        bad.push(i);
      }
    } catch {
      bad.push(i);
    }
  });
  return { rows, bad };
}

function isRawValue(v: unknown): v is RawValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'object' && isExcelError(v as RawValue);
}

/**
 * Merges this run's changes into the previous backup: a cell already backed up keeps its ORIGINAL value
 * (so evaluate twice, then restore, gives the input back); new cells are added. Order is stable.
 */
export function mergeBackup(
  previous: readonly BackupRow[],
  changedCells: readonly BackupEntry[],
  cfRanges: readonly { sheet: string; ref: string }[],
  createdSheets: readonly string[],
): BackupRow[] {
  const out: BackupRow[] = previous.slice();
  const keys = new Set(previous.map((r) => (r.kind === 'created' ? `created|${r.sheet}` : `${r.kind}|${r.sheet}|${r.ref}`)));
  for (const e of changedCells) {
    const key = `cell|${e.sheet}|${e.cell}`;
    if (keys.has(key)) continue;
    keys.add(key);
    out.push({ kind: 'cell', sheet: e.sheet, ref: e.cell, previous: e.previous, previousNote: e.previousNote });
  }
  for (const cf of cfRanges) {
    const key = `cf|${cf.sheet}|${cf.ref}`;
    if (keys.has(key)) continue;
    keys.add(key);
    out.push({ kind: 'cf', sheet: cf.sheet, ref: cf.ref });
  }
  for (const s of createdSheets) {
    const key = `created|${s}`;
    if (keys.has(key)) continue;
    keys.add(key);
    out.push({ kind: 'created', sheet: s });
  }
  return out;
}
