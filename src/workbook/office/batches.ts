import type { CellBox } from '../../domain/grid';
import { abortedError } from './errors';

/**
 * Round trips and their size. Excel on the web refuses a request or a response over 5 MB, and a read of more
 * than 5,000,000 cells. Every round trip here is planned from an ESTIMATE of its bytes, kept under
 * `SYNC_BUDGET_BYTES` (4 MB, a margin of 20% under the limit):
 * - writes: the JSON of the values/formulas written, each non-ASCII character counted as 6 bytes (its `\uXXXX`
 *   escape, the worst case), plus `OP_OVERHEAD_BYTES` per queued call for the object path and method name;
 * - reads: cells × `READ_BYTES_PER_CELL` (values + formulas + numberFormat + valueTypes of a typical cell:
 *   a short text or number twice, `"General"`, `"String"`, separators ≈ 40 bytes; 64 leaves room). A sheet whose
 *   cells are longer than that can still overflow: the reader then halves the chunk and tries again.
 */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
export const SYNC_BUDGET_BYTES = 4_000_000;
export const MAX_CELLS_PER_READ = 5_000_000;
export const READ_BYTES_PER_CELL = 64;
/** Backup and settings sheets: values only, JSON text a few dozen characters long. */
export const TEXT_READ_BYTES_PER_CELL = 48;
export const OP_OVERHEAD_BYTES = 200;
/** A single queued value write is cut into row slices of at most this many estimated bytes. */
export const MAX_OP_BYTES = 1_000_000;
/**
 * `getMergedAreasOrNullObject` fails when a range holds more than 512 merged areas. Merged areas are disjoint, so
 * a band of at most 512 cells can meet at most 512 of them: merges are read band by band, all in one sync.
 */
export const MERGE_BAND_CELLS = 512;

/** Estimated request bytes of a value as Office sends it (JSON; non-ASCII worst case `\uXXXX`). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? 'null';
  let extra = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) extra += 5;
  return text.length + extra;
}

/** Row slices of a matrix, each at most `maxBytes` estimated (a single bigger row gets a slice of its own). */
export function sliceRows<T>(rows: readonly T[][], maxBytes = MAX_OP_BYTES): { offset: number; rows: T[][]; bytes: number }[] {
  const slices: { offset: number; rows: T[][]; bytes: number }[] = [];
  let current: T[][] = [];
  let bytes = 0;
  let offset = 0;
  rows.forEach((row, i) => {
    const size = jsonBytes(row) + 1;
    if (current.length > 0 && bytes + size > maxBytes) {
      slices.push({ offset, rows: current, bytes });
      current = [];
      bytes = 0;
      offset = i;
    }
    current.push(row);
    bytes += size;
  });
  if (current.length > 0) slices.push({ offset, rows: current, bytes });
  return slices;
}

/** Row bands of a box, each at most `maxCells` cells (at least one row). */
export function rowBands(box: CellBox, maxCells: number): CellBox[] {
  const width = box.right - box.left + 1;
  const rowsPer = Math.max(1, Math.floor(maxCells / width));
  const bands: CellBox[] = [];
  for (let top = box.top; top <= box.bottom; top += rowsPer) {
    bands.push({ top, left: box.left, bottom: Math.min(box.bottom, top + rowsPer - 1), right: box.right });
  }
  return bands;
}

/** Rectangles of at most `MERGE_BAND_CELLS` cells covering the box (split by rows, and by columns if wider). */
export function mergeBands(box: CellBox): CellBox[] {
  const out: CellBox[] = [];
  for (let left = box.left; left <= box.right; left += MERGE_BAND_CELLS) {
    out.push(...rowBands({ ...box, left, right: Math.min(box.right, left + MERGE_BAND_CELLS - 1) }, MERGE_BAND_CELLS));
  }
  return out;
}

/** One piece of a round trip: `queue` adds Office.js calls, `collect` reads what they loaded after the sync. */
export interface Work {
  /** Estimated request + response bytes. */
  bytes: number;
  /** The sheet the calls touch, for error messages. */
  sheet?: string;
  queue(context: Excel.RequestContext): void;
  collect?(): void;
}

export interface SyncStats {
  /** `context.sync()` calls made. */
  syncs: number;
  /** Of those, the ones added only because a step had to be split to stay under the payload budget. */
  chunks: number;
  /** Largest estimated round trip. */
  maxEstimatedBytes: number;
}

export function newStats(): SyncStats {
  return { syncs: 0, chunks: 0, maxEstimatedBytes: 0 };
}

/** Consecutive groups of work, each under the budget (order kept: a later call may rely on an earlier one). */
export function packWork(works: readonly Work[], budget = SYNC_BUDGET_BYTES): Work[][] {
  const groups: Work[][] = [];
  let current: Work[] = [];
  let bytes = 0;
  for (const w of works) {
    if (current.length > 0 && bytes + w.bytes > budget) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(w);
    bytes += w.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A step whose round trip failed: which step, which sheets its calls touched, and Excel's own error. */
export class StepFailure extends Error {
  constructor(
    readonly step: string,
    readonly sheets: string[],
    override readonly cause: unknown,
  ) {
    super(`${step} failed`);
    this.name = 'StepFailure';
  }
}

export interface StepOptions {
  signal?: AbortSignal;
  /** Queued at the start of every round trip of the step (e.g. suspend calculation until the next sync). */
  prelude?: (context: Excel.RequestContext) => void;
  /** Called after each round trip. */
  onSynced?: () => void;
}

/**
 * Runs one step of a read or write: ONE `context.sync()` for the step, plus one per extra group when the
 * step's estimated payload is over the budget. This is the only loop around `context.sync()` in the adapter:
 * the number of round trips depends on bytes, never on the number of KPIs.
 */
export async function runStep(
  context: Excel.RequestContext,
  step: string,
  works: readonly Work[],
  stats: SyncStats,
  options: StepOptions = {},
): Promise<void> {
  const groups = packWork(works);
  for (let i = 0; i < groups.length; i++) {
    if (options.signal?.aborted) throw abortedError(step);
    const group = groups[i];
    const sheets = [...new Set(group.map((w) => w.sheet).filter((s): s is string => s !== undefined))];
    try {
      options.prelude?.(context);
      for (const w of group) w.queue(context);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one round trip per size-driven chunk (SPEC §7)
      await context.sync();
    } catch (e) {
      throw new StepFailure(step, sheets, e);
    }
    stats.syncs++;
    if (i > 0) stats.chunks++;
    stats.maxEstimatedBytes = Math.max(stats.maxEstimatedBytes, group.reduce((n, w) => n + w.bytes, 0));
    for (const w of group) w.collect?.();
    options.onSynced?.();
  }
}
