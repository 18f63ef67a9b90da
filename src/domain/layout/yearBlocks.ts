import { boxToA1 } from '../address';
import type { DetectedTable, Kpi, KpiValue } from '../kpi';
import type { Problem } from '../problems';
import type { AnchorDraft, KpiDraft, YearDraft } from './assemble';
import { buildKpis } from './assemble';
import type { SheetView } from './sheetView';
import type { RowRole, YearTableSpec } from './spec';
import { rowRoleOf } from './yearColumns';
import { categoryLeftOf, ClaimedCells, dedupeProblems, unrecognisedCells } from './tableCells';
import { readAt, statusCellAt } from './values';

const ROLE_ORDER: Record<RowRole, number> = { benchmark: 0, actual: 1, status: 2 };
const PRE_LABEL_ROWS = 3;

interface Block {
  top: number;
  bottom: number;
  rows: Partial<Record<RowRole, number>>;
  last: RowRole;
}

/** The 目安値/実績値/進捗区分 blocks under a header: a block ends when a label repeats or goes back. */
function findBlocks(view: SheetView, spec: YearTableSpec): Block[] {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let gapUsed = false;
  for (let r = spec.headerRow + 1; r <= spec.limit; r++) {
    const role = rowRoleOf(spec.labels, view.key(r, spec.labelCol));
    if (role) {
      if (!cur || cur.rows[role] !== undefined || ROLE_ORDER[role] <= ROLE_ORDER[cur.last]) {
        cur = { top: r, bottom: r, rows: {}, last: role };
        blocks.push(cur);
      }
      cur.rows[role] = r;
      cur.bottom = r;
      cur.last = role;
      gapUsed = false;
      continue;
    }
    // A label merged over two rows: the covered row belongs to the block.
    if (cur && view.isCovered(r, spec.labelCol) && view.anchorOf(r, spec.labelCol).row <= cur.bottom) {
      cur.bottom = r;
      continue;
    }
    if (!cur && r <= spec.headerRow + PRE_LABEL_ROWS) continue;
    const nextIsLabel = r < spec.limit && rowRoleOf(spec.labels, view.key(r + 1, spec.labelCol)) !== null;
    if (cur && !gapUsed && nextIsLabel && view.rowEmpty(r, spec.left, spec.right)) {
      gapUsed = true;
      continue;
    }
    break;
  }
  return blocks;
}

/** Text of the distinct cells (merge anchors) of a column over some rows, joined without separator. */
function columnText(view: SheetView, col: number, top: number, bottom: number): { text: string; cell: string | null } {
  const parts: string[] = [];
  let cell: string | null = null;
  const seen: number[] = []; // anchors already read: a block spans a few rows
  for (let r = top; r <= bottom; r++) {
    const m = view.mergeAt(r, col);
    // A merged area that starts in another column holds that column's value (a status cell spread over the
    // unit column, say), not this column's: writing a new status there must not change the unit read here.
    if (m && m.left !== col) continue;
    const row = m ? m.top : r;
    const c = col;
    const id = view.cellId(row, c);
    if (seen.includes(id)) continue;
    seen.push(id);
    const t = view.text(row, c);
    if (t === '') continue;
    cell ??= view.address(row, c);
    parts.push(t);
  }
  return { text: parts.join(''), cell };
}

/** The first of two rows (either may be absent) whose cell in `col` holds something. */
function filledRow(view: SheetView, col: number, first: number | undefined, second: number | undefined): number | undefined {
  if (first !== undefined && !view.isEmpty(first, col)) return first;
  if (second !== undefined && !view.isEmpty(second, col)) return second;
  return undefined;
}

function isBlank(read: KpiValue | null): boolean {
  return read === null || read.reading.missing === 'empty';
}

export interface YearTableResult {
  table: DetectedTable | null;
  problems: Problem[];
  /** Last row of the table (the header when no block was found). */
  bottom: number;
}

/** Builds the KPIs of a year-column table (000 seed lines 319–339; 002 seed lines 48–65). */
export function assembleYearTable(view: SheetView, spec: YearTableSpec, group: string | null): YearTableResult {
  const sheet = view.name;
  const blocks = findBlocks(view, spec);
  const problems: Problem[] = [...spec.problems];
  const kpis: Kpi[] = [];
  for (const block of blocks) {
    const { benchmark: b, actual: a, status: s } = block.rows;
    const used = new ClaimedCells(block.top, block.bottom, spec.left, spec.right);
    // The target cell is also its year's benchmark (R6（目標値）): read once, shared. A block reads about two
    // cells a year, so a list is searched rather than a map kept.
    const reads: KpiValue[] = [];
    const readIds: number[] = [];
    const read = (r: number, c: number, year: number | null): KpiValue => {
      const k = readIds.indexOf(view.cellId(r, c));
      if (k >= 0) return reads[k];
      const x = readAt(view, r, c, year);
      reads.push(x);
      readIds.push(view.cellId(r, c));
      return x;
    };
    for (let r = block.top; r <= block.bottom; r++) used.add(r, spec.labelCol);
    const top = spec.nameAbove ? spec.top : block.top;
    const name = spec.nameAbove
      ? {
          text: view.text(spec.nameAbove.row, spec.nameAbove.col),
          cell: view.address(spec.nameAbove.row, spec.nameAbove.col),
        }
      : spec.nameCol !== null
        ? columnText(view, spec.nameCol, block.top, block.bottom)
        : { text: '', cell: null };
    if (spec.nameCol !== null) for (let r = block.top; r <= block.bottom; r++) used.add(r, spec.nameCol);
    let unitText: string | null = spec.unitAbove?.text ?? null;
    if (spec.unitCol !== null) {
      unitText = columnText(view, spec.unitCol, block.top, block.bottom).text || null;
      for (let r = block.top; r <= block.bottom; r++) used.add(r, spec.unitCol);
    }

    let baseline: AnchorDraft | null = null;
    if (spec.baseline && (a !== undefined || b !== undefined)) {
      const col = spec.baseline.col;
      const row = (filledRow(view, col, a, b) ?? a ?? b) as number;
      used.add(row, col);
      const { label, fiscalYear, aggregate } = spec.baseline;
      baseline = { label, fiscalYear, aggregate, read: read(row, col, fiscalYear) };
    }
    const years: YearDraft[] = spec.years.map((y) => {
      if (a !== undefined) used.add(a, y.col);
      if (b !== undefined) used.add(b, y.col);
      if (s !== undefined) used.add(s, y.col);
      return {
        label: y.label,
        fiscalYear: y.fiscalYear,
        benchmark: b !== undefined ? read(b, y.col, y.fiscalYear) : null,
        actual: a !== undefined ? read(a, y.col, y.fiscalYear) : null,
        status: s !== undefined ? statusCellAt(view, s, y.col) : null,
      };
    });
    let target: AnchorDraft | null = null;
    const targetRow = spec.target ? filledRow(view, spec.target.col, b, a) : undefined;
    if (spec.target && targetRow !== undefined) {
      used.add(targetRow, spec.target.col);
      const { label, fiscalYear, aggregate, col } = spec.target;
      target = { label, fiscalYear, aggregate, read: read(targetRow, col, fiscalYear) };
    } else if (years.length > 0 && b !== undefined) {
      // No target cell (小諸, 002 seed line 51): the target is the last year's 計画 value.
      const last = years[years.length - 1];
      target = { label: last.label, fiscalYear: last.fiscalYear, aggregate: false, read: last.benchmark };
    }

    const statusEmpty = years.every((y) => y.status === null || y.status.existing === null);
    if (name.text === '' && reads.every(isBlank) && statusEmpty) continue; // empty template (002 seed lines 139–144)
    const firstLabel = view.address(block.top, spec.labelCol);
    if (a === undefined) {
      problems.push({
        sheet,
        cell: firstLabel,
        code: 'missing-actual-row',
        message: `実績値の行がありません（${name.text || firstLabel}） / no 実績 row in this block`,
      });
      continue;
    }
    const range = boxToA1({ top, left: spec.left, bottom: block.bottom, right: spec.right });
    const own = unrecognisedCells(view, block.top, block.bottom, spec.left, spec.right, used);
    if (name.text === '') {
      own.push({
        sheet,
        cell: firstLabel,
        code: 'unrecognised-cell',
        message: '指標名がありません / the KPI has no name',
      });
    }
    const draft: KpiDraft = {
      sheet,
      range,
      layout: 'year-columns',
      group,
      category: categoryLeftOf(view, spec.left, top, spec.headerRow + 1),
      nameText: name.text || '(指標名なし)',
      nameCell: name.cell,
      unitText,
      baseline,
      target,
      years,
      problems: [...spec.problems, ...own],
    };
    problems.push(...own);
    const built = buildKpis(draft);
    for (const k of built) problems.push(...k.problems);
    kpis.push(...built);
  }
  const bottom = blocks.length > 0 ? blocks[blocks.length - 1].bottom : spec.headerRow;
  const all = dedupeProblems(problems);
  if (kpis.length === 0 && all.length === spec.problems.length) {
    return { table: null, problems: [], bottom };
  }
  const range = boxToA1({ top: spec.top, left: spec.left, bottom, right: spec.right });
  const table: DetectedTable = {
    sheet,
    range,
    layout: 'year-columns',
    header: boxToA1({ top: spec.headerRow, left: spec.left, bottom: spec.headerRow, right: spec.right }),
    kpis,
    problems: all,
  };
  return { table, problems: all, bottom };
}
