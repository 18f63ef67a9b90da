import type { Problem } from '../problems';
import type { SheetScan, Token } from './scan';
import type { SheetView } from './sheetView';
import type { AnchorColumn, RowTableSpec, YearColumn } from './spec';
import { readHeaderYears } from './yearLabels';

/**
 * A row-per-KPI table whose header is `headerRow` (001 seed line 235, 004 seed line 267): a name column and at
 * least two of baseline / target / 実績 (or a year) / 状況. Null when the row does not make a table.
 */
export function rowTableAt(view: SheetView, scan: SheetScan, headerRow: number): RowTableSpec | null {
  const header = scan.tokens.get(headerRow) ?? [];
  const nameToken = header.find((t) => t.role === 'name');
  if (!nameToken) return null;
  const problems: Problem[] = [];
  // Year columns (`2020年度`) and role words with a year note (`基準値（H30）`), read as one sequence.
  const yearTokens = header.filter((t) => (t.year || t.yearNote !== null) && t.col > nameToken.col);
  const read = readHeaderYears(
    view.name,
    yearTokens.map((t) => ({ label: t.yearNote ?? t.label, cell: view.address(t.row, t.col) })),
  );
  problems.push(...read.problems);
  const yearOf = new Map<Token, { label: string; fiscalYear: number | null; aggregate: boolean }>();
  yearTokens.forEach((t, i) => yearOf.set(t, read.years[i]));

  let baseline: AnchorColumn | null = null;
  let target: AnchorColumn | null = null;
  let statusCol: number | null = null;
  let unitCol: number | null = null;
  let groupCol: number | null = null;
  const years: YearColumn[] = [];
  let valueColumns = 0;
  for (const t of header) {
    if (t === nameToken) continue;
    const y = yearOf.get(t);
    const column = {
      col: t.col,
      label: y?.label ?? t.label,
      fiscalYear: y?.fiscalYear ?? null,
      aggregate: y?.aggregate ?? false,
    };
    if (t.year && t.col > nameToken.col) {
      valueColumns++;
      if (t.hint === 'baseline' && !baseline) baseline = column;
      else if (t.hint === 'target' && !target) target = column;
      else years.push({ col: t.col, label: t.label, fiscalYear: column.fiscalYear });
      continue;
    }
    switch (t.role) {
      case 'baseline':
        if (!baseline) baseline = column;
        valueColumns++;
        break;
      case 'target':
        if (!target) target = column;
        valueColumns++;
        break;
      case 'actual':
        years.push({ col: t.col, label: column.label, fiscalYear: column.fiscalYear });
        valueColumns++;
        break;
      case 'status':
        statusCol ??= t.col;
        valueColumns++;
        break;
      case 'unit':
        unitCol ??= t.col;
        break;
      case 'group':
        groupCol ??= t.col;
        break;
      default:
        break;
    }
  }
  if (valueColumns < 2) return null;

  // 001 seed line 235: `重要業績評価指標 (KPI)` spans the aim column and the indicator column.
  const roleCols = new Set(header.map((t) => t.col));
  let nameCol = nameToken.col;
  const aimCols: number[] = [];
  const merge = view.mergeAt(headerRow, nameToken.col);
  if (merge && merge.right > merge.left && merge.top === headerRow) {
    for (let c = merge.left; c < merge.right; c++) aimCols.push(c);
    nameCol = merge.right;
  } else if (
    !roleCols.has(nameCol + 1) &&
    view.isEmpty(headerRow, nameCol + 1) &&
    nameCol + 1 <= view.right &&
    isNameLike(view.raw(headerRow + 1, nameCol + 1))
  ) {
    aimCols.push(nameCol);
    nameCol += 1;
  }

  // 004 seed line 268: the years of 現状値 / 目標値 in the row below the header.
  let firstRow = headerRow + 1;
  const below = scan.tokens.get(headerRow + 1) ?? [];
  const belowYears = below.filter((t) => t.year);
  if (
    belowYears.length > 0 &&
    view.isEmpty(headerRow + 1, nameCol) &&
    aimCols.every((c) => view.isEmpty(headerRow + 1, c))
  ) {
    const sub = readHeaderYears(
      view.name,
      belowYears.map((t) => ({ label: t.label, cell: view.address(t.row, t.col) })),
    );
    problems.push(...sub.problems);
    belowYears.forEach((t, i) => {
      const y = sub.years[i];
      const with_ = (a: AnchorColumn): AnchorColumn => ({
        ...a,
        label: t.label,
        fiscalYear: y.fiscalYear,
        aggregate: y.aggregate,
      });
      if (baseline && baseline.col === t.col) baseline = with_(baseline);
      else if (target && target.col === t.col) target = with_(target);
      else {
        const k = years.findIndex((x) => x.col === t.col);
        if (k >= 0) years[k] = { col: t.col, label: t.label, fiscalYear: y.fiscalYear };
      }
    });
    firstRow = headerRow + 2;
  }

  const cols = [nameCol, ...aimCols, ...header.map((t) => t.col)];
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  // 001 seed line 320: `重要業績評価指標 (KPI)` above `項目 | 基準値 | 2020年度 | 目標値` belongs to the table.
  let top = headerRow;
  const above = scan.tokens.get(headerRow - 1) ?? [];
  if (above.some((t) => t.role === 'name' && t.col >= left && t.col <= right)) top = headerRow - 1;
  return {
    layout: 'row-per-kpi',
    headerRow,
    top,
    firstRow,
    limit: view.bottom,
    left,
    right,
    nameCol,
    aimCols,
    groupCol,
    unitCol,
    statusCol,
    baseline,
    target,
    years,
    group: null,
    mapped: false,
    problems,
  };
}

/** Text that can be a KPI name: a string that is not a bare number. */
function isNameLike(v: unknown): boolean {
  return typeof v === 'string' && v.trim() !== '' && !/^[\d,.\s%▲△+-]+$/.test(v.trim());
}
