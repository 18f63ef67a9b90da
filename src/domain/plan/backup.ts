import type { RawValue } from '../grid';
import { a1, parseA1 } from '../address';
import { isExcelError } from '../grid';
import type { BackupEntry } from './types';

/**
 * The backup sheet holds, for every cell Shinchoku has changed, the value it had before Shinchoku first
 * touched it; plus the colour rules and sheets Shinchoku added. Restore walks it back. Rows are plain text:
 * kind | sheet | ref | JSON | JSON — the JSON always starts with a quote, bracket, digit or letter, never `=`.
 *
 * Stored compactly (`npm run bench`: a 10,000-KPI run changes ≈ 23,600 cells; one row per cell made the backup
 * a 5.5 MB sheet, more XML than half the user's sheets): consecutive cells of one sheet along a row or a column
 * share a `cells` row (`D6:L6`, then a JSON array of previous values and one of notes, or `null` when no cell
 * had a note), and consecutive colour-rule ranges of one sheet share a `cf` row (refs separated by spaces, as
 * Excel writes a rule's ranges). One `cell` row per cell, as earlier versions wrote, is still read.
 */
export type BackupRow =
  | { kind: 'cell'; sheet: string; ref: string; previous: RawValue; previousNote: string | null }
  | { kind: 'cf'; sheet: string; ref: string }
  | { kind: 'created'; sheet: string };

export const BACKUP_HEADER = ['kind', 'sheet', 'ref', 'previous', 'previousNote'] as const;

/** Room left in a cell (Excel holds at most 32,767 characters) for a packed row's JSON or refs. */
const PACKED_CHARS = 30_000;
/** A value longer than this is stored in a row of its own, as before packing. */
const PACKED_VALUE_CHARS = 2_000;

type CellRow = Extract<BackupRow, { kind: 'cell' }>;
type Packed = { rows: CellRow[]; row: number; col: number; along: 'row' | 'col' | null; chars: number };

/** Where a cell can join a packed row, and the characters it adds there; null when it must keep a row of its own. */
function packable(r: CellRow): { row: number; col: number; chars: number } | null {
  const pos = parseA1(r.ref);
  if (!pos || a1(pos.row, pos.col) !== r.ref) return null; // only canonical refs, so the round trip is exact
  const chars = JSON.stringify(r.previous).length + (r.previousNote === null ? 4 : r.previousNote.length + 2) + 2;
  return chars <= PACKED_VALUE_CHARS ? { row: pos.row, col: pos.col, chars } : null;
}

/** Whether `r` at `pos` continues the run `p` (next cell to the right, or below, in the same sheet). */
function continues(p: Packed, r: CellRow, pos: { row: number; col: number }): 'row' | 'col' | null {
  if (r.sheet !== p.rows[0].sheet || p.chars > PACKED_CHARS) return null;
  const n = p.rows.length;
  if (p.along !== 'col' && pos.row === p.row && pos.col === p.col + n) return 'row';
  if (p.along !== 'row' && pos.col === p.col && pos.row === p.row + n) return 'col';
  return null;
}

function packedLine(p: Packed): string[] {
  const first = p.rows[0];
  if (p.rows.length === 1) return ['cell', first.sheet, first.ref, JSON.stringify(first.previous), JSON.stringify(first.previousNote)];
  const n = p.rows.length;
  const last = p.along === 'row' ? a1(p.row, p.col + n - 1) : a1(p.row + n - 1, p.col);
  const notes = p.rows.some((r) => r.previousNote !== null) ? JSON.stringify(p.rows.map((r) => r.previousNote)) : 'null';
  return ['cells', first.sheet, `${first.ref}:${last}`, JSON.stringify(p.rows.map((r) => r.previous)), notes];
}

export function backupRowsToCells(rows: readonly BackupRow[]): string[][] {
  const out: string[][] = [BACKUP_HEADER.slice()];
  let cells: Packed | null = null;
  let cf: { sheet: string; refs: string[]; chars: number } | null = null;
  const flush = (): void => {
    if (cells) out.push(packedLine(cells));
    if (cf) out.push(['cf', cf.sheet, cf.refs.join(' '), '', '']);
    cells = null;
    cf = null;
  };
  for (const r of rows) {
    if (r.kind === 'cell') {
      const pos = packable(r);
      if (cells && pos) {
        const along = continues(cells, r, pos);
        if (along) {
          cells.along = along;
          cells.rows.push(r);
          cells.chars += pos.chars;
          continue;
        }
      }
      flush();
      if (pos) cells = { rows: [r], row: pos.row, col: pos.col, along: null, chars: pos.chars };
      else out.push(['cell', r.sheet, r.ref, JSON.stringify(r.previous), JSON.stringify(r.previousNote)]);
    } else if (r.kind === 'cf') {
      if (cf && cf.sheet === r.sheet && cf.chars + r.ref.length < PACKED_CHARS && !r.ref.includes(' ')) {
        cf.refs.push(r.ref);
        cf.chars += r.ref.length + 1;
        continue;
      }
      flush();
      if (r.ref.includes(' ')) out.push(['cf', r.sheet, r.ref, '', '']);
      else cf = { sheet: r.sheet, refs: [r.ref], chars: r.ref.length };
    } else {
      flush();
      out.push(['created', r.sheet, '', '', '']);
    }
  }
  flush();
  return out;
}

/** The cells of a `cells` row's one-row or one-column range, in order; null when it is not such a range. */
function cellsOf(range: string): string[] | null {
  const [from, to, extra] = range.split(':');
  const a = from === undefined ? null : parseA1(from);
  const b = to === undefined ? null : parseA1(to);
  if (!a || !b || extra !== undefined || (a.row !== b.row && a.col !== b.col) || b.row < a.row || b.col < a.col) return null;
  const refs: string[] = [];
  for (let row = a.row; row <= b.row; row++) for (let col = a.col; col <= b.col; col++) refs.push(a1(row, col));
  return refs;
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
        if (!isRawValue(previous) || !isNote(previousNote)) throw new Error('shape');
        rows.push({ kind: 'cell', sheet, ref, previous, previousNote });
      } else if (kind === 'cells' && sheet && ref) {
        const refs = cellsOf(ref);
        const previous = JSON.parse(prev) as unknown;
        const notes = JSON.parse(prevNote || 'null') as unknown;
        if (!refs || !Array.isArray(previous) || previous.length !== refs.length || !previous.every(isRawValue)) throw new Error('shape');
        if (notes !== null && !(Array.isArray(notes) && notes.length === refs.length && notes.every(isNote))) throw new Error('shape');
        refs.forEach((cell, k) =>
          rows.push({ kind: 'cell', sheet, ref: cell, previous: previous[k] as RawValue, previousNote: notes === null ? null : (notes[k] as string | null) }),
        );
      } else if (kind === 'cf' && sheet && ref.trim()) {
        for (const one of ref.split(' ')) if (one) rows.push({ kind: 'cf', sheet, ref: one });
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

function isNote(v: unknown): v is string | null {
  return v === null || typeof v === 'string';
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
