import { boxToA1 } from '../address';
import type { DetectedTable, Kpi } from '../kpi';
import type { Problem } from '../problems';
import type { AnchorDraft, KpiDraft } from './assemble';
import { buildKpis } from './assemble';
import { applyFootnotes, readFootnotes } from './footnotes';
import { cleanName, isProseLabel } from './names';
import type { SheetScan } from './scan';
import type { SheetView } from './sheetView';
import type { AnchorColumn, RowTableSpec } from './spec';
import { ClaimedCells, dedupeProblems, unrecognisedCells } from './tableCells';
import { readAt, statusCellAt } from './values';

export interface RowTableResult {
  table: DetectedTable | null;
  problems: Problem[];
  bottom: number;
}

/** Rows of a row-per-KPI table, each a KPI (001 seed lines 236–239; 004 seed line 269). */
export function assembleRowTable(
  view: SheetView,
  scan: SheetScan | null,
  spec: RowTableSpec,
  groupAbove: string | null,
): RowTableResult {
  const sheet = view.name;
  const problems: Problem[] = [...spec.problems];
  const drafts: KpiDraft[] = [];
  const valueCols = [spec.baseline?.col, spec.target?.col, ...spec.years.map((y) => y.col), spec.statusCol].filter(
    (c): c is number => c !== undefined && c !== null,
  );
  let aim: string | null = null;
  let group: string | null = null;
  let bottom = spec.firstRow - 1;
  let last: { draft: KpiDraft; top: number } | null = null;

  for (let r = spec.firstRow; r <= spec.limit; r++) {
    if (!spec.mapped && scan && r > spec.headerRow && isTableStart(scan, r, spec.groupCol)) break;
    const used = new ClaimedCells(r, r, spec.left, spec.right);
    const use = (c: number) => used.add(r, c);
    // A row whose name is merged from the KPI above continues it (names merged over 2–4 rows).
    if (last && view.isCovered(r, spec.nameCol) && view.anchorOf(r, spec.nameCol).row >= last.top) {
      bottom = r;
      last.draft.range = boxToA1({ top: last.top, left: spec.left, bottom: r, right: spec.right });
      const stray = unrecognisedCells(view, r, r, spec.left, spec.right, used);
      problems.push(...stray);
      last.draft.problems.push(...stray);
      continue;
    }
    if (view.rowEmpty(r, spec.left, spec.right)) {
      if (spec.mapped) continue;
      break;
    }
    const nameText = view.text(r, spec.nameCol);
    const anyValue = valueCols.some((c) => !view.isEmpty(r, c));
    const aimTexts = spec.aimCols.map((c) => {
      const a = view.anchorOf(r, c);
      return view.text(a.row, a.col);
    });
    if (nameText === '') {
      if (!anyValue && !spec.mapped) break;
      problems.push(...unrecognisedCells(view, r, r, spec.left, spec.right, used));
      bottom = r;
      continue;
    }
    if (!anyValue && !spec.mapped && (isProseLabel(nameText) || aimTexts.some((t) => t !== '' && isProseLabel(t))))
      break;

    use(spec.nameCol);
    for (const c of spec.aimCols) use(c);
    const aimText = aimTexts.filter((t) => t !== '').join('');
    if (aimText !== '') aim = cleanName(aimText).name;
    if (spec.groupCol !== null) {
      use(spec.groupCol);
      const g = view.text(r, spec.groupCol);
      if (g !== '') group = g;
    }
    const anchor = (a: AnchorColumn | null): AnchorDraft | null => {
      if (!a) return null;
      use(a.col);
      return {
        label: a.label,
        fiscalYear: a.fiscalYear,
        aggregate: a.aggregate,
        read: readAt(view, r, a.col, a.fiscalYear),
      };
    };
    const baseline = anchor(spec.baseline);
    const target = anchor(spec.target);
    const years = spec.years.map((y, i) => {
      use(y.col);
      const isLast = i === spec.years.length - 1;
      if (isLast && spec.statusCol !== null) use(spec.statusCol);
      return {
        label: y.label,
        fiscalYear: y.fiscalYear,
        benchmark: null,
        actual: readAt(view, r, y.col, y.fiscalYear),
        status: isLast && spec.statusCol !== null ? statusCellAt(view, r, spec.statusCol) : null,
      };
    });
    if (spec.unitCol !== null) use(spec.unitCol);
    const own = unrecognisedCells(view, r, r, spec.left, spec.right, used);
    problems.push(...own);
    const draft: KpiDraft = {
      sheet,
      range: boxToA1({ top: r, left: spec.left, bottom: r, right: spec.right }),
      layout: 'row-per-kpi',
      group: group ?? spec.group ?? groupAbove,
      category: aim,
      nameText,
      nameCell: view.address(r, spec.nameCol),
      unitText: spec.unitCol !== null ? view.text(r, spec.unitCol) || null : null,
      baseline,
      target,
      years,
      problems: [...spec.problems, ...own],
    };
    drafts.push(draft);
    last = { draft, top: r };
    bottom = r;
  }

  if (!spec.mapped && scan && drafts.length > 0) {
    applyFootnotes(drafts, readFootnotes(view, scan, bottom + 1, spec.limit));
  }
  const kpis: Kpi[] = [];
  for (const d of drafts) {
    const built = buildKpis(d);
    for (const k of built) problems.push(...k.problems);
    kpis.push(...built);
  }
  const all = dedupeProblems(problems);
  if (kpis.length === 0) return { table: null, problems: all, bottom: Math.max(bottom, spec.headerRow) };
  const table: DetectedTable = {
    sheet,
    range: boxToA1({ top: spec.top, left: spec.left, bottom, right: spec.right }),
    layout: 'row-per-kpi',
    header: boxToA1({ top: spec.headerRow, left: spec.left, bottom: spec.firstRow - 1, right: spec.right }),
    kpis,
    problems: all,
  };
  return { table, problems: all, bottom };
}

/** Another table's header or a group heading (not one in the table's own group column): the table ends. */
function isTableStart(scan: SheetScan, row: number, groupCol: number | null): boolean {
  if (scan.starts.has(row)) return true;
  const g = scan.groupRows.get(row);
  return g !== undefined && g.col !== groupCol;
}
