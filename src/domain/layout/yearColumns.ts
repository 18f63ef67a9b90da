import type { Problem } from '../problems';
import type { SheetScan, Token } from './scan';
import type { SheetView } from './sheetView';
import type { AnchorColumn, RowLabels, RowRole, YearColumn, YearTableSpec } from './spec';
import { readHeaderYears } from './yearLabels';

/** How far below a year header the first 目安値/計画 label may be, and how far above it the 指標名 row. */
const LABEL_SEARCH_ROWS = 3;
const NAME_SEARCH_ROWS = 6;

export function rowRoleOf(labels: RowLabels, key: string): RowRole | null {
  if (labels.benchmark.has(key)) return 'benchmark';
  if (labels.actual.has(key)) return 'actual';
  if (labels.status.has(key)) return 'status';
  return null;
}

/**
 * A year-column table whose header is `headerRow` (SPEC §2): ≥ 2 year cells, and 目安値/実績値/進捗区分
 * (計画/実績) labels in one column left of the years within a few rows below. Null when there are no labels:
 * the row is then a year sub-header of a row-per-KPI table (004 seed line 268) or not a table at all.
 */
export function yearTableAt(
  view: SheetView,
  scan: SheetScan,
  headerRow: number,
  labels: RowLabels,
  floor: number,
): YearTableSpec | null {
  const header = scan.tokens.get(headerRow) ?? [];
  const yearTokens = header.filter((t) => t.year);
  if (yearTokens.length < 2) return null;
  const firstYearCol = Math.min(...yearTokens.map((t) => t.col));
  const baselineRole = header.find((t) => t.role === 'baseline') ?? null;
  const labelCol = findLabelColumn(view, scan, headerRow, firstYearCol, labels, baselineRole?.col ?? -1);
  if (labelCol === null) return null;

  const problems: Problem[] = [];
  const read = readHeaderYears(
    view.name,
    yearTokens.map((t) => ({ label: t.label, cell: view.address(t.row, t.col) })),
  );
  problems.push(...read.problems);
  let baseline: AnchorColumn | null = null;
  let target: AnchorColumn | null = null;
  const years: YearColumn[] = [];
  yearTokens.forEach((t, i) => {
    const y = read.years[i];
    const column = { col: t.col, label: t.label, fiscalYear: y.fiscalYear, aggregate: y.aggregate };
    // `R1（基準値）`, or a leading aggregate (`H27〜H30の累計`) that can only be a baseline.
    if (!baseline && (t.hint === 'baseline' || (i === 0 && y.aggregate))) {
      baseline = column;
      return;
    }
    if (t.hint === 'target') target = column;
    years.push({ col: column.col, label: column.label, fiscalYear: column.fiscalYear });
  });
  if (!baseline && baselineRole) baseline = anchorFromToken(view, baselineRole, problems);
  // 小諸 (002 seed line 51): `目標値` heads the leftmost column; its cells stay empty (see yearBlocks.ts).
  const targetRole = header.find((t) => t.role === 'target');
  if (!target && targetRole) target = anchorFromToken(view, targetRole, problems);
  problems.push(...duplicateYears(view, headerRow, years));

  const nameToken = header.find((t) => t.role === 'name' && t.col < firstYearCol && t.col !== labelCol);
  const unitToken = header.find((t) => t.role === 'unit');
  let top = headerRow;
  let nameAbove: { row: number; col: number; labelCol: number } | null = null;
  let unitAbove: YearTableSpec['unitAbove'] = null;
  if (!nameToken) {
    nameAbove = findNameRow(view, scan, headerRow, floor);
    if (nameAbove) {
      top = nameAbove.row;
      unitAbove = findUnitAbove(view, nameAbove.row + 1, headerRow - 1);
    }
  }
  const cols = header.map((t) => t.col);
  cols.push(labelCol);
  if (nameAbove) cols.push(nameAbove.labelCol);
  const lastHeaderCol = lastFilled(view, headerRow);
  if (lastHeaderCol >= 0) cols.push(lastHeaderCol);
  if (unitAbove) cols.push(unitAbove.col);
  return {
    layout: 'year-columns',
    headerRow,
    top,
    limit: view.bottom,
    left: Math.min(...cols),
    right: Math.max(...cols),
    labelCol,
    nameCol: nameToken ? nameToken.col : null,
    unitCol: unitToken ? unitToken.col : null,
    nameAbove: nameAbove ? { row: nameAbove.row, col: nameAbove.col } : null,
    unitAbove,
    baseline,
    target,
    years,
    labels,
    group: null,
    problems,
  };
}

/** `計画策定時`, `基準値（H30）`: a role word, with the year of its note when it has one. */
function anchorFromToken(view: SheetView, t: Token, problems: Problem[]): AnchorColumn {
  if (t.yearNote === null) return { col: t.col, label: t.label, fiscalYear: null, aggregate: false };
  const read = readHeaderYears(view.name, [{ label: t.yearNote, cell: view.address(t.row, t.col) }]);
  problems.push(...read.problems);
  const y = read.years[0];
  return { col: t.col, label: t.yearNote, fiscalYear: y.fiscalYear, aggregate: y.aggregate };
}

/** The same fiscal year heading two columns: reported at the second; both stay (no guess which is right). */
function duplicateYears(view: SheetView, row: number, years: YearColumn[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<number, YearColumn>();
  for (const y of years) {
    if (y.fiscalYear === null) continue;
    const first = seen.get(y.fiscalYear);
    if (!first) {
      seen.set(y.fiscalYear, y);
      continue;
    }
    problems.push({
      sheet: view.name,
      cell: view.address(row, y.col),
      code: 'duplicate-year',
      message: `「${y.label}」は${view.address(row, first.col)}と同じ年度です / "${y.label}" names the same year as ${view.address(row, first.col)}`,
    });
  }
  return problems;
}

function findLabelColumn(
  view: SheetView,
  scan: SheetScan,
  headerRow: number,
  firstYearCol: number,
  labels: RowLabels,
  baselineCol: number,
): number | null {
  for (let r = headerRow + 1; r <= Math.min(view.bottom, headerRow + LABEL_SEARCH_ROWS); r++) {
    for (const t of scan.tokens.get(r) ?? []) {
      if (t.col < firstYearCol && t.col !== baselineCol && rowRoleOf(labels, view.key(t.row, t.col)) !== null) {
        return t.col;
      }
    }
  }
  return null;
}

/** `指標名 | name` a few rows above the header (002 seed line 48); stops at the previous table. */
function findNameRow(
  view: SheetView,
  scan: SheetScan,
  headerRow: number,
  floor: number,
): { row: number; col: number; labelCol: number } | null {
  for (let r = headerRow - 1; r >= Math.max(floor, headerRow - NAME_SEARCH_ROWS); r--) {
    const tokens = scan.tokens.get(r) ?? [];
    if (tokens.some((t) => t.year || t.role === 'benchmark' || t.role === 'actual')) return null;
    const t = tokens.find((x) => x.role === 'name');
    if (!t) continue;
    const filled = view.firstFilled(r, t.col + 1);
    return { row: r, col: filled >= 0 ? filled : t.col + 1, labelCol: t.col };
  }
  return null;
}

/** `単位 | %` (002 seed line 50) or `単位 g` in one cell (002 seed line 537). */
function findUnitAbove(view: SheetView, from: number, to: number): YearTableSpec['unitAbove'] {
  for (let r = from; r <= to; r++) {
    for (let c = view.left; c <= view.right; c++) {
      const key = view.key(r, c);
      if (!key.startsWith('単位')) continue;
      const rest = view.text(r, c).replace(/^単\s*位\s*[:：]?\s*/, '');
      if (rest !== '') return { text: rest, row: r, col: c };
      const next = view.firstFilled(r, c + 1);
      if (next >= 0) return { text: view.text(r, next), row: r, col: next };
      return null;
    }
  }
  return null;
}

function lastFilled(view: SheetView, row: number): number {
  for (let c = view.right; c >= view.left; c--) if (!view.isEmpty(row, c)) return c;
  return -1;
}
