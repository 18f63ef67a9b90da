import { boxToA1, parseA1, parseRange } from '../../domain/address';
import type { RawValue } from '../../domain/grid';
import { parseBackupRows } from '../../domain/plan/backup';
import { BACKUP_SHEET, SETTINGS_SHEET } from '../../domain/settings';
import type { RestoreOutcome } from '../port';
import type { SyncStats, Work } from './batches';
import { jsonBytes, mergeBands, newStats, OP_OVERHEAD_BYTES, READ_BYTES_PER_CELL, runStep, StepFailure } from './batches';
import { groupBy, isTextFormat, rawInput, rectAddress, toRectangles } from './cellInput';
import { noBackupError, OfficeAdapterError, officeCode, protectedSheetError } from './errors';
import type { OfficeFeatures } from './features';
import { noteLocationWork } from './noteLocations';
import { checkOwnRulesWorks, deleteRulesWork, emptyOwnRules, findOwnRulesWork, sheetOfRuleKey } from './ownRules';
import { readInContext } from './readSheet';
import { SheetCache } from './sheetCache';
import { parseAreasAddress } from './toSheetGrid';

/**
 * 元に戻す: puts back every cell the backup lists (its value before Shinchoku first touched it), the notes,
 * removes Shinchoku's colour rules and the sheets it created, then the backup sheet itself — the same as the
 * xlsx adapter's restoreWorkbook. Round trips: the backup is read (survey, size, data: readSheet.ts), then one
 * preflight (formats of the cells, rules, notes), one more trip when a sheet has notes (their cells) or a rule was
 * found (the ranges it applies to: only a rule entirely on the backup's ranges is deleted, ownRules.ts), then the
 * writes (chunked like a run's). Sheets are deleted last, the backup very last: a restore cut short can run again.
 */
interface CellRow {
  sheet: string;
  ref: string;
  row: number;
  col: number;
  previous: RawValue;
  previousNote: string | null;
}

function noteListWork(sheet: string, cache: SheetCache, into: Map<string, Excel.Note[]>): Work {
  let notes: Excel.NoteCollection | null = null;
  return {
    bytes: OP_OVERHEAD_BYTES * 2 + 2_000,
    sheet,
    queue() {
      notes = cache.get(sheet).notes;
      notes.load('items/content');
    },
    collect() {
      if (notes && notes.items.length > 0) into.set(sheet, notes.items);
    },
  };
}

/** Number formats (Text cells take text as typed) and merged areas (a cell merged over since is left alone). */
function cellStateWork(
  sheet: string,
  rect: { top: number; left: number; values: CellRow[][] },
  features: OfficeFeatures,
  cache: SheetCache,
  found: { textCells: Set<string>; inside: Set<string>; anchors: Set<string> },
): Work {
  let range!: Excel.Range;
  const box = { top: rect.top, left: rect.left, bottom: rect.top + rect.values.length - 1, right: rect.left + rect.values[0].length - 1 };
  const bands = features.mergedAreas ? mergeBands(box) : [];
  const areas: Excel.RangeAreas[] = [];
  return {
    bytes: rect.values.length * rect.values[0].length * READ_BYTES_PER_CELL + OP_OVERHEAD_BYTES * (2 + bands.length),
    sheet,
    queue() {
      const ws = cache.get(sheet);
      range = ws.getRange(rectAddress(rect));
      range.load('numberFormat');
      for (const band of bands) {
        const merged = ws.getRange(boxToA1(band)).getMergedAreasOrNullObject();
        merged.load('address');
        areas.push(merged);
      }
    },
    /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- runs after runStep's sync (batches.ts) */
    collect() {
      const formats = range.numberFormat;
      const merges = areas.filter((m) => !m.isNullObject).flatMap((m) => parseAreasAddress(m.address));
      rect.values.forEach((line, r) =>
        line.forEach((c, k) => {
          const key = `${sheet}!${c.ref}`;
          if (isTextFormat(formats[r]?.[k])) found.textCells.add(key);
          const hit = merges.find((m) => c.row >= m.top && c.row <= m.bottom && c.col >= m.left && c.col <= m.right);
          if (hit && (hit.top !== c.row || hit.left !== c.col)) found.inside.add(key);
          else if (hit) found.anchors.add(key);
        }),
      );
    },
    /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  };
}

/**
 * Whether a sheet the backup lists as created really is Shinchoku's (same test as the xlsx adapter's
 * restoreWorkbook): the settings sheet, or a sheet holding a `Shinchoku_…` table or Shinchoku's notice in A2.
 * A tampered backup naming a user's sheet must not get it deleted.
 */
function ownSheetWork(sheet: string, cache: SheetCache, own: Set<string>): Work {
  let a2!: Excel.Range;
  let tables!: Excel.TableCollection;
  return {
    bytes: OP_OVERHEAD_BYTES * 3 + 2_000,
    sheet,
    queue() {
      const ws = cache.get(sheet);
      a2 = ws.getRange('A2');
      a2.load('values');
      tables = ws.tables;
      tables.load('items/name');
    },
    /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- runs after runStep's sync (batches.ts) */
    collect() {
      const text = a2.values[0]?.[0];
      const notice = typeof text === 'string' && /進捗 \(Shinchoku\)|^Shinchoku made this sheet/.test(text);
      if (notice || tables.items.some((t) => t.name.startsWith('Shinchoku_'))) own.add(sheet);
    },
    /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  };
}

export async function restoreFromBackup(features: OfficeFeatures, signal?: AbortSignal): Promise<{ outcome: RestoreOutcome; stats: SyncStats }> {
  return Excel.run(async (context) => {
    const stats = newStats();
    const { snapshot, sheets } = await readInContext(context, 'own-sheets', { features, signal }, stats);
    if (!snapshot.backupCells) throw noBackupError();
    const { rows } = parseBackupRows(snapshot.backupCells);
    const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
    const exists = (sheet: string): boolean => byName.has(sheet.toLowerCase());
    const cellRows: CellRow[] = [];
    for (const r of rows) {
      const pos = r.kind === 'cell' ? parseA1(r.ref) : null;
      if (r.kind === 'cell' && pos && exists(r.sheet)) cellRows.push({ sheet: r.sheet, ref: r.ref.toUpperCase(), ...pos, previous: r.previous, previousNote: r.previousNote });
    }
    const bySheet = groupBy(cellRows, (c) => c.sheet);
    for (const sheet of bySheet.keys()) if (byName.get(sheet.toLowerCase())?.protected) throw protectedSheetError(sheet);

    const cache = new SheetCache(context);
    const found = { textCells: new Set<string>(), inside: new Set<string>(), anchors: new Set<string>() };
    const rules = emptyOwnRules();
    const noteItems = new Map<string, Excel.Note[]>();
    const notes = new Map<string, Excel.Note>();
    const rects = [...bySheet].flatMap(([sheet, list]) => toRectangles(list.map((c) => ({ row: c.row, col: c.col, value: c }))).map((rect) => ({ sheet, rect })));
    const pre: Work[] = rects.map(({ sheet, rect }) => cellStateWork(sheet, rect, features, cache, found));
    if (features.conditionalFormats) {
      for (const r of rows) {
        if (r.kind === 'cf' && exists(r.sheet) && parseRange(r.ref) && !byName.get(r.sheet.toLowerCase())?.protected) pre.push(findOwnRulesWork(r.sheet, r.ref, cache, rules));
      }
    }
    if (features.notes) for (const sheet of bySheet.keys()) pre.push(noteListWork(sheet, cache, noteItems));
    const created = [...new Set(rows.filter((r) => r.kind === 'created').map((r) => byName.get(r.sheet.toLowerCase())?.name))].filter(
      (s): s is string => s !== undefined && s.toLowerCase() !== BACKUP_SHEET.toLowerCase(),
    );
    const own = new Set(created.filter((s) => s.toLowerCase() === SETTINGS_SHEET.toLowerCase()));
    for (const sheet of created) if (!own.has(sheet)) pre.push(ownSheetWork(sheet, cache, own));
    const step = async (name: string, works: Work[]): Promise<void> => {
      try {
        await runStep(context, name, works, stats, { signal });
      } catch (e) {
        if (!(e instanceof StepFailure)) throw e;
        const untouched = name !== 'restore'; // the reads before the writes change nothing
        throw new OfficeAdapterError(
          'sync-failed',
          `元に戻す処理に失敗しました${untouched ? '（何も変更していません）' : '（途中まで戻しました）'}。バックアップは残っているので、もう一度「元に戻す」を実行できます / ` +
            `Restore failed (${untouched ? 'nothing was changed' : 'partly restored'}); the backup is still there, so Restore can run again (Excel: ${officeCode(e.cause)})`,
          true,
          e.cause,
        );
      }
    };
    await step('restore-preflight', pre);
    // note cells, and the ranges each candidate rule applies to (only rules entirely on listed ranges go: ownRules.ts)
    await step('restore-check', [
      ...[...noteItems].map(([sheet, items]) => noteLocationWork(sheet, items, (cell, note) => notes.set(`${sheet}!${cell}`, note))),
      ...checkOwnRulesWorks(rules, features),
    ]);

    const writes: Work[] = [];
    for (const [key, cf] of rules.rules) writes.push(deleteRulesWork([cf], sheetOfRuleKey(key)));
    // A cell merged over since the run holds nothing any more (Excel keeps a merged area's top-left value only):
    // it is left alone. Top-left cells of merged areas are written one by one.
    let restoredCells = 0;
    for (const [sheet, list] of bySheet) {
      const kept = list.filter((c) => !found.inside.has(`${sheet}!${c.ref}`));
      restoredCells += kept.length;
      const anchors = new Set(kept.filter((c) => found.anchors.has(`${sheet}!${c.ref}`)).map((c) => `${c.row},${c.col}`));
      const cells = kept.map((c) => ({ row: c.row, col: c.col, value: rawInput(c.previous, found.textCells.has(`${sheet}!${c.ref}`)) }));
      for (const rect of toRectangles(cells, (row, col) => anchors.has(`${row},${col}`))) {
        const address = rectAddress(rect);
        writes.push({ bytes: jsonBytes(rect.values) + OP_OVERHEAD_BYTES * 2, sheet, queue: () => void (cache.get(sheet).getRange(address).values = rect.values) });
      }
    }
    if (features.notes) {
      for (const c of cellRows) {
        const existing = notes.get(`${c.sheet}!${c.ref}`);
        if (c.previousNote === null && !existing) continue;
        writes.push({
          bytes: jsonBytes(c.previousNote) + OP_OVERHEAD_BYTES * 2,
          sheet: c.sheet,
          queue() {
            if (c.previousNote === null) existing?.delete();
            else if (existing) existing.content = c.previousNote;
            else cache.get(c.sheet).notes.add(cache.get(c.sheet).getRange(c.ref), c.previousNote);
          },
        });
      }
    }
    const backupName = byName.get(BACKUP_SHEET.toLowerCase())?.name;
    const removed = [...created.filter((s) => own.has(s)), ...(backupName ? [backupName] : [])];
    for (const sheet of removed) writes.push({ bytes: OP_OVERHEAD_BYTES, sheet, queue: () => cache.get(sheet).delete() });
    await step('restore', writes);
    return { outcome: { cells: restoredCells, sheetsRemoved: removed, sheetsKept: created.filter((s) => !own.has(s)) }, stats };
  });
}
