import { boxToA1 } from '../../domain/address';
import type { CellBox, RawValue, SheetGrid } from '../../domain/grid';
import { BACKUP_SHEET, SETTINGS_SHEET } from '../../domain/settings';
import type { HostSnapshot, ProgressListener, ReadScope } from '../port';
import type { SyncStats, Work } from './batches';
import { MAX_CELLS_PER_READ, mergeBands, newStats, OP_OVERHEAD_BYTES, READ_BYTES_PER_CELL, rowBands, runStep, StepFailure, SYNC_BUDGET_BYTES, TEXT_READ_BYTES_PER_CELL } from './batches';
import type { OfficeFeatures } from './features';
import { noteLocationWork } from './noteLocations';
import type { NoteItems, SheetInfo } from './survey';
import { runSurvey, usedBox } from './survey';
import { SheetCache } from './sheetCache';
import { toSheetGrid } from './toSheetGrid';

/**
 * The only code that reads a workbook through Excel.run (STYLE.md). Round trips:
 * 1. survey — sheet names, visibility, protection, active sheet, workbook name; for the active-sheet and
 *    selection scopes also the target's used range;
 * 2. the used range of every other sheet to read (all-sheets scope; Shinchoku's backup and settings sheets),
 *    together with the target sheet's DATA when the survey already gave its size;
 * 3. the data of the rest — each sheet in one round trip, packed several to a round trip; a used range over the
 *    payload budget is read in row chunks (see batches.ts for the numbers), one more round trip per chunk.
 * Cancellable between round trips (`signal`). Office's errors are not caught here: they reach the UI.
 */
export interface ReadOptions {
  features: OfficeFeatures;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

type Kind = 'grid' | 'text';

interface Target {
  name: string;
  kind: Kind;
  /** Box to read: undefined until its used range is known, null for an empty sheet. */
  box: CellBox | null | undefined;
  chunks: { top: number; values: unknown[][]; valueTypes: string[][]; numberFormat: unknown[][]; formulas: unknown[][] }[];
  merges: string[];
  noteItems: NoteItems | null;
  notes: Record<string, string> | undefined;
  /** Row chunks still to read. */
  pending: CellBox[];
}

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

function isPayloadError(e: unknown): boolean {
  const cause = e instanceof StepFailure ? e.cause : e;
  return Boolean(cause && typeof cause === 'object' && PAYLOAD_CODES.has(String((cause as { code?: unknown }).code)));
}

/** Rows per chunk for a sheet of this width, within the byte budget and the 5,000,000-cell read limit. */
function chunkCells(kind: Kind): number {
  const perCell = kind === 'grid' ? READ_BYTES_PER_CELL : TEXT_READ_BYTES_PER_CELL;
  return Math.min(MAX_CELLS_PER_READ, Math.floor(SYNC_BUDGET_BYTES / perCell));
}

function setBox(t: Target, box: CellBox | null): void {
  t.box = box;
  t.pending = box ? rowBands(box, chunkCells(t.kind)) : [];
}

/** Notes found on a sheet: their cells are loaded in the next round trip (none: nothing more to load). */
function takeNotes(t: Target, items: NoteItems): void {
  if (items.length === 0) t.notes = {};
  else t.noteItems = items;
}

/*
 * The works below split a round trip in two closures: `queue` loads, runStep syncs, then `collect` reads.
 * The office-addins sync rules cannot see across the closures, so they are switched off around the `collect`
 * bodies only, where they misfire; the fake Excel (test/fakes) enforces the same rule at run time (a property
 * read before its load and sync throws PropertyNotLoaded).
 */
function dimsWork(t: Target, withNotes: boolean, cache: SheetCache): Work {
  let used!: Excel.Range;
  let notes: Excel.NoteCollection | undefined;
  return {
    bytes: OP_OVERHEAD_BYTES * 3,
    sheet: t.name,
    queue() {
      const ws = cache.get(t.name);
      used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex, columnIndex, rowCount, columnCount');
      if (withNotes) {
        notes = ws.notes;
        notes.load('items/content');
      }
    },
    /* eslint-disable office-addins/call-sync-before-read -- runs after runStep's sync */
    collect() {
      const box = used.isNullObject ? null : usedBox(used);
      // Shinchoku's own sheets are read from A1 (row 1 is the backup's header); settings in column A only.
      setBox(t, t.kind === 'text' && box ? { top: 0, left: 0, bottom: box.bottom, right: t.name === SETTINGS_SHEET ? 0 : box.right } : box);
      if (notes) takeNotes(t, notes.items);
    },
    /* eslint-enable office-addins/call-sync-before-read */
  };
}

function noteWork(t: Target, items: NoteItems): Work {
  const notes: Record<string, string> = {};
  return noteLocationWork(
    t.name,
    items,
    (cell, note) => {
      notes[cell] = note.content;
    },
    () => {
      t.notes = notes;
      t.noteItems = null;
    },
  );
}

function chunkWork(t: Target, box: CellBox, features: OfficeFeatures, cache: SheetCache, scale: number): Work {
  const cells = (box.bottom - box.top + 1) * (box.right - box.left + 1);
  const grid = t.kind === 'grid';
  const bands = grid && features.mergedAreas ? mergeBands(box) : [];
  let range!: Excel.Range;
  const areas: Excel.RangeAreas[] = [];
  return {
    bytes: cells * (grid ? READ_BYTES_PER_CELL : TEXT_READ_BYTES_PER_CELL) * scale + OP_OVERHEAD_BYTES * (1 + bands.length),
    sheet: t.name,
    queue() {
      const ws = cache.get(t.name);
      range = ws.getRange(boxToA1(box));
      if (grid) range.load('values, valueTypes, numberFormat, formulas');
      else range.load('values');
      for (const band of bands) {
        const merged = ws.getRange(boxToA1(band)).getMergedAreasOrNullObject();
        merged.load('address');
        areas.push(merged);
      }
    },
    /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- runs after runStep's sync */
    collect() {
      t.chunks.push({
        top: box.top,
        values: range.values,
        valueTypes: grid ? range.valueTypes : [],
        numberFormat: grid ? range.numberFormat : [],
        formulas: grid ? range.formulas : [],
      });
      for (const merged of areas) if (!merged.isNullObject) t.merges.push(merged.address);
      t.pending = t.pending.filter((p) => p !== box);
    },
    /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  };
}

function halve(box: CellBox): CellBox[] {
  if (box.bottom === box.top) return [box];
  const mid = box.top + Math.floor((box.bottom - box.top) / 2);
  return [
    { ...box, bottom: mid },
    { ...box, top: mid + 1 },
  ];
}

function assemble(t: Target, info: SheetInfo | undefined): SheetGrid {
  const chunks = t.chunks.sort((a, b) => a.top - b.top);
  const box = t.box ?? null;
  return {
    ...toSheetGrid({
      name: t.name,
      visibility: info?.visibility ?? 'Visible',
      protected: info?.protected ?? false,
      used: box
        ? {
            rowIndex: box.top,
            columnIndex: box.left,
            values: chunks.flatMap((c) => c.values),
            valueTypes: chunks.flatMap((c) => c.valueTypes),
            numberFormat: chunks.flatMap((c) => c.numberFormat),
            formulas: chunks.flatMap((c) => c.formulas),
          }
        : null,
      mergedAreasAddress: t.merges.length > 0 ? t.merges.join(',') : null,
    }),
    ...(t.notes ? { notes: t.notes } : {}),
  };
}

function textRows(t: Target | undefined): RawValue[][] | null {
  if (!t) return null;
  return t.chunks
    .sort((a, b) => a.top - b.top)
    .flatMap((c) => c.values)
    .map((line) => line.map((v) => (v === '' || v === null || v === undefined ? null : (v as RawValue))));
}

export type ReadTargets = ReadScope | 'own-sheets';

/** What was read, plus the sheet list of the survey (restore needs it). */
export interface ReadResult {
  snapshot: HostSnapshot;
  sheets: SheetInfo[];
}

export async function readWorkbook(scope: ReadScope, options: ReadOptions): Promise<{ snapshot: HostSnapshot; stats: SyncStats }> {
  return Excel.run(async (context) => {
    const stats = newStats();
    const { snapshot } = await readInContext(context, scope, options, stats);
    return { snapshot, stats };
  });
}

/** The read, inside a caller's Excel.run. `own-sheets` reads only the backup and settings sheets. */
export async function readInContext(context: Excel.RequestContext, scope: ReadTargets, options: ReadOptions, stats: SyncStats): Promise<ReadResult> {
  const { features, signal } = options;
  const progress = (total: number): void => options.onProgress?.(stats.syncs, Math.max(total, stats.syncs));
  const found = await runSurvey(context, scope, features, stats, signal);
  progress(3);
  const own = new Set([BACKUP_SHEET.toLowerCase(), SETTINGS_SHEET.toLowerCase()]);
  const targets: Target[] = [];
  const make = (name: string, kind: Kind): Target => ({ name, kind, box: undefined, chunks: [], merges: [], noteItems: null, notes: undefined, pending: [] });
  if (found.target) {
    const t = make(found.target.name, 'grid');
    setBox(t, found.target.box);
    if (found.target.notes) takeNotes(t, found.target.notes);
    targets.push(t);
  } else if (scope === 'all-sheets') {
    for (const s of found.sheets) if (!own.has(s.name.toLowerCase())) targets.push(make(s.name, 'grid'));
  }
  for (const s of found.sheets) if (own.has(s.name.toLowerCase())) targets.push(make(s.name, 'text'));

  const cache = new SheetCache(context);
  // Bytes per cell are an estimate: when Excel refuses a response as too large, the estimate doubles and every
  // chunk still to read is halved, so the next round trips carry half as much each.
  let scale = 1;
  while (targets.some((t) => t.box === undefined || t.pending.length > 0 || t.noteItems)) {
    const works: Work[] = [];
    for (const t of targets) {
      if (t.box === undefined) works.push(dimsWork(t, features.notes && t.kind === 'grid', cache));
      if (t.noteItems) works.push(noteWork(t, t.noteItems));
      for (const box of t.pending) works.push(chunkWork(t, box, features, cache, scale));
    }
    try {
      await runStep(context, 'read', works, stats, { signal, onSynced: () => progress(stats.syncs + 1) });
    } catch (e) {
      if (!isPayloadError(e) || scale >= 1024) throw e instanceof StepFailure ? e.cause : e;
      cache.clear();
      scale *= 2;
      for (const t of targets) t.pending = t.pending.flatMap(halve);
    }
  }

  const read = new Map(targets.filter((t) => t.kind === 'grid').map((t) => [t.name, t]));
  const sheets = found.sheets.map((s) => {
    const t = read.get(s.name);
    return t ? assemble(t, s) : toSheetGrid({ ...s, used: null, mergedAreasAddress: null });
  });
  const settings = targets.find((t) => t.kind === 'text' && t.name.toLowerCase() === SETTINGS_SHEET.toLowerCase());
  const backup = targets.find((t) => t.kind === 'text' && t.name.toLowerCase() === BACKUP_SHEET.toLowerCase());
  const snapshot: HostSnapshot = {
    workbook: { sheets },
    settingsText: settings ? (textRows(settings) ?? []).map((r) => (typeof r[0] === 'string' ? r[0] : '')).join('') : null,
    backupCells: textRows(backup),
    activeSheet: found.activeSheet,
    label: found.workbookName ?? 'Excel',
  };
  return { snapshot, sheets: found.sheets };
}
