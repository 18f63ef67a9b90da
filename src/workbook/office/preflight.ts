import { boxToA1, parseRange } from '../../domain/address';
import type { CellBox, RawValue } from '../../domain/grid';
import type { StatusWrite, WritePlan } from '../../domain/plan/types';
import type { Work } from './batches';
import { mergeBands, OP_OVERHEAD_BYTES, READ_BYTES_PER_CELL } from './batches';
import { groupBy, isTextFormat, rectAddress, toRectangles } from './cellInput';
import type { OfficeFeatures } from './features';
import type { OwnRules } from './ownRules';
import { emptyOwnRules, findOwnRulesWork } from './ownRules';
import type { SheetCache } from './sheetCache';
import type { SheetInfo } from './survey';
import { parseAreasAddress, rawValue } from './toSheetGrid';

/**
 * The first round trip of a write (reads only, nothing changes): what the plan's cells hold NOW. It finds what
 * the plan cannot know — sheets added or protected since the read, status cells edited or merged since the
 * read, cells formatted as Text, existing notes, and the colour rules an earlier run left — so the write can
 * refuse before touching anything, and otherwise needs no further reads.
 */
export interface Preflight {
  /** Every sheet, by lower-case name. */
  sheets: Map<string, SheetInfo>;
  /** Every table of the workbook with its sheet (table names are unique per workbook). */
  tables: { name: string; sheet: string }[];
  /** `sheet!A1` of status cells formatted as Text (`@`). */
  textCells: Set<string>;
  /** `sheet!A1` of status cells whose value is no longer what the plan read. */
  changed: string[];
  /** Status cells now inside a merged area (not its top-left), by sheet. */
  mergedInside: Map<string, string[]>;
  /** `sheet!A1` of status cells that are the top-left of a merged area: written one by one. */
  anchors: Set<string>;
  /** Existing notes of the status cells that get a note, by `sheet!A1`. */
  notes: Map<string, Excel.Note>;
  /** Colour rules an earlier run added on the backup's ranges of this run's sheets (candidates until checked: ownRules.ts). */
  oldRules: OwnRules;
}

export function emptyPreflight(): Preflight {
  return {
    sheets: new Map(),
    tables: [],
    textCells: new Set(),
    changed: [],
    mergedInside: new Map(),
    anchors: new Set(),
    notes: new Map(),
    oldRules: emptyOwnRules(),
  };
}

function sameValue(a: RawValue, b: RawValue): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') return a.error === b.error;
  return false;
}

/** The sheet list and every table, in one small work. */
export function listWork(pre: Preflight): Work {
  let sheets: Excel.WorksheetCollection | null = null;
  let tables: Excel.TableCollection | null = null;
  return {
    bytes: OP_OVERHEAD_BYTES * 4,
    queue(context) {
      sheets = context.workbook.worksheets;
      sheets.load('items/name, items/visibility, items/protection/protected');
      tables = context.workbook.tables;
      tables.load('items/name, items/worksheet/name');
    },
    collect() {
      if (!sheets || !tables) return;
      for (const s of sheets.items) {
        pre.sheets.set(s.name.toLowerCase(), { name: s.name, visibility: String(s.visibility), protected: s.protection.protected });
      }
      pre.tables = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name }));
    },
  };
}

function statusRectWork(sheet: string, rect: { top: number; left: number; values: StatusWrite[][] }, features: OfficeFeatures, cache: SheetCache, pre: Preflight): Work {
  const rows = rect.values.length;
  const cols = rect.values[0].length;
  const box: CellBox = { top: rect.top, left: rect.left, bottom: rect.top + rows - 1, right: rect.left + cols - 1 };
  const bands = features.mergedAreas ? mergeBands(box) : [];
  let range: Excel.Range | null = null;
  const areas: Excel.RangeAreas[] = [];
  return {
    bytes: rows * cols * READ_BYTES_PER_CELL + OP_OVERHEAD_BYTES * (2 + bands.length),
    sheet,
    queue() {
      const ws = cache.get(sheet);
      range = ws.getRange(rectAddress(rect));
      range.load('values, valueTypes, numberFormat');
      for (const band of bands) {
        const merged = ws.getRange(boxToA1(band)).getMergedAreasOrNullObject();
        merged.load('address');
        areas.push(merged);
      }
    },
    collect() {
      if (!range) return;
      const { values, valueTypes, numberFormat } = range;
      rect.values.forEach((line, r) =>
        line.forEach((w, c) => {
          const key = `${sheet}!${w.cell}`;
          if (isTextFormat(numberFormat[r]?.[c])) pre.textCells.add(key);
          if (!sameValue(rawValue(values[r]?.[c], valueTypes[r]?.[c]), w.previous)) pre.changed.push(key);
        }),
      );
      const merges: CellBox[] = [];
      for (const merged of areas) {
        if (merged.isNullObject) continue;
        merges.push(...parseAreasAddress(merged.address));
      }
      for (const line of rect.values) {
        for (const w of line) {
          const hit = merges.find((b) => w.row >= b.top && w.row <= b.bottom && w.col >= b.left && w.col <= b.right);
          if (!hit) continue;
          if (hit.top === w.row && hit.left === w.col) pre.anchors.add(`${sheet}!${w.cell}`);
          else {
            const list = pre.mergedInside.get(sheet) ?? [];
            list.push(w.cell);
            pre.mergedInside.set(sheet, list);
          }
        }
      }
    },
  };
}

function noteWork(sheet: string, cell: string, cache: SheetCache, pre: Preflight): Work {
  let note!: Excel.Note;
  return {
    bytes: OP_OVERHEAD_BYTES * 2 + 200,
    sheet,
    queue() {
      note = cache.get(sheet).notes.getItemOrNullObject(cell);
      note.load('content');
    },
    /* eslint-disable office-addins/call-sync-before-read -- runs after runStep's sync (batches.ts) */
    collect() {
      if (!note.isNullObject) pre.notes.set(`${sheet}!${cell}`, note);
    },
    /* eslint-enable office-addins/call-sync-before-read */
  };
}

/** Sheets the plan writes status cells or colour rules into. */
export function planSheets(plan: WritePlan): Set<string> {
  return new Set([...plan.statusWrites.map((w) => w.sheet), ...plan.conditionalFormats.map((cf) => cf.sheet)]);
}

export function preflightWorks(plan: WritePlan, features: OfficeFeatures, cache: SheetCache, pre: Preflight): Work[] {
  const works: Work[] = [listWork(pre)];
  for (const [sheet, writes] of groupBy(plan.statusWrites, (w) => w.sheet)) {
    for (const rect of toRectangles(writes.map((w) => ({ row: w.row, col: w.col, value: w })))) {
      works.push(statusRectWork(sheet, rect, features, cache, pre));
    }
    if (features.notes) for (const w of writes) if (w.note !== null) works.push(noteWork(sheet, w.cell, cache, pre));
  }
  if (features.conditionalFormats) {
    const sheets = planSheets(plan);
    const refs = new Set<string>();
    for (const r of plan.backup.rows) {
      // a ref that is not a range (a hand-edited backup) would fail the whole round trip: skipped
      if (r.kind !== 'cf' || !sheets.has(r.sheet) || refs.has(`${r.sheet}!${r.ref}`) || !parseRange(r.ref)) continue;
      refs.add(`${r.sheet}!${r.ref}`);
      works.push(findOwnRulesWork(r.sheet, r.ref, cache, pre.oldRules));
    }
  }
  return works;
}

/** `sheet!A1` → `A1` (for messages that already name the sheet). */
export function cellOf(key: string): string {
  return key.slice(key.lastIndexOf('!') + 1);
}
