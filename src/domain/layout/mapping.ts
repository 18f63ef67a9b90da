import { parseA1, parseRange } from '../address';
import type { CellBox } from '../grid';
import type { Problem } from '../problems';
import { matchKey } from './keys';
import type { SheetScan } from './scan';
import { tableMappingSchema } from './settings';
import type { SheetView } from './sheetView';
import type { AnchorColumn, RowLabels, RowTableSpec, TableSpec, YearColumn, YearTableSpec } from './spec';
import type { RoleMatcher } from './synonyms';
import type { TableMapping } from './types';
import { readHeaderYears } from './yearLabels';

export interface ValidMapping {
  mapping: TableMapping;
  box: CellBox;
}

function invalid(sheet: string | null, cell: string | null, detail: string): Problem {
  return {
    sheet,
    cell,
    code: 'mapping-invalid',
    message: `表の指定が正しくありません: ${detail} / table mapping ignored: ${detail}`,
  };
}

/** Validates mappings with zod and against the workbook; an invalid one is reported and ignored. */
export function validateMappings(
  mappings: readonly unknown[],
  sheetNames: ReadonlySet<string>,
): { valid: ValidMapping[]; problems: Problem[] } {
  const valid: ValidMapping[] = [];
  const problems: Problem[] = [];
  for (const raw of mappings) {
    const parsed = tableMappingSchema.safeParse(raw);
    const where = typeof raw === 'object' && raw !== null ? (raw as Partial<TableMapping>) : {};
    const sheet = typeof where.sheet === 'string' ? where.sheet : null;
    const range = typeof where.range === 'string' ? where.range : null;
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      problems.push(invalid(sheet, range, `${i.path.join('.') || '(root)'}: ${i.message}`));
      continue;
    }
    const m = parsed.data as TableMapping;
    const box = parseRange(m.range) as CellBox;
    if (!sheetNames.has(m.sheet)) {
      problems.push(invalid(m.sheet, m.range, `シート「${m.sheet}」がありません / no sheet "${m.sheet}"`));
      continue;
    }
    const header = m.headerRow - 1;
    const cols = [m.nameColumn, m.labelColumn, m.unitColumn, m.baselineColumn, m.targetColumn, m.statusColumn]
      .concat((m.yearColumns ?? []).map((y) => y.column))
      .filter((c): c is string => c !== undefined);
    const outside = cols.find((c) => {
      const col = columnIndex(c);
      return col < box.left || col > box.right;
    });
    if (header < box.top || header > box.bottom) {
      problems.push(invalid(m.sheet, m.range, `見出し行 ${m.headerRow} が範囲の外です / header row outside the range`));
    } else if (outside) {
      problems.push(invalid(m.sheet, m.range, `列 ${outside} が範囲の外です / column ${outside} outside the range`));
    } else {
      valid.push({ mapping: m, box });
    }
  }
  return { valid, problems };
}

export function columnIndex(letters: string): number {
  return (parseA1(`${letters}1`) as { col: number }).col;
}

function optionalCol(letters: string | undefined): number | null {
  return letters === undefined ? null : columnIndex(letters);
}

/** The header text of a column as a label (`R1（基準値）` → `R1`), with its year. */
function headerAnchor(view: SheetView, matcher: RoleMatcher, row: number, col: number, fallback: string): AnchorColumn {
  const key = view.key(row, col);
  const meaning = matcher.classify(key);
  const label = meaning?.yearNote || meaning?.label || key || fallback;
  const dated = meaning !== null && (meaning.year || meaning.yearNote !== null);
  const y = dated ? readHeaderYears(view.name, [{ label, cell: view.address(row, col) }]).years[0] : null;
  return { col, label, fiscalYear: y?.fiscalYear ?? null, aggregate: y?.aggregate ?? false };
}

function mappedYears(
  view: SheetView,
  matcher: RoleMatcher,
  m: TableMapping,
  box: CellBox,
  exclude: number[],
): {
  years: YearColumn[];
  problems: Problem[];
} {
  const header = m.headerRow - 1;
  const cells = m.yearColumns
    ? m.yearColumns.map((y) => ({ col: columnIndex(y.column), label: matchKey(y.label) }))
    : [];
  if (!m.yearColumns) {
    for (let c = box.left; c <= box.right; c++) {
      const meaning = matcher.classify(view.key(header, c));
      if (meaning?.year && !exclude.includes(c)) cells.push({ col: c, label: meaning.label });
    }
  }
  const read = readHeaderYears(
    view.name,
    cells.map((c) => ({ label: c.label, cell: view.address(header, c.col) })),
  );
  return {
    years: cells.map((c, i) => ({ col: c.col, label: c.label, fiscalYear: read.years[i].fiscalYear })),
    problems: read.problems,
  };
}

/** The user's mapping as a table spec: the same assemblers then read it as they read a detected table. */
export function specFromMapping(
  view: SheetView,
  scan: SheetScan,
  matcher: RoleMatcher,
  defaults: RowLabels,
  valid: ValidMapping,
): TableSpec {
  const { mapping: m, box } = valid;
  const header = m.headerRow - 1;
  const baselineCol = optionalCol(m.baselineColumn);
  const targetCol = optionalCol(m.targetColumn);
  const baseline = baselineCol === null ? null : headerAnchor(view, matcher, header, baselineCol, '基準値');
  const target = targetCol === null ? null : headerAnchor(view, matcher, header, targetCol, '目標値');
  const exclude = [baselineCol, targetCol].filter((c): c is number => c !== null);
  const { years, problems } = mappedYears(
    view,
    matcher,
    m,
    box,
    m.layout === 'year-columns' ? (baselineCol === null ? [] : [baselineCol]) : exclude,
  );
  const nameCol = columnIndex(m.nameColumn);
  const unitCol = optionalCol(m.unitColumn);
  const group = m.group ?? null;
  if (m.layout === 'year-columns') {
    const words = (list: string[] | undefined, fallback: ReadonlySet<string>) =>
      list ? new Set(list.map(matchKey)) : fallback;
    // 小諸 style: the name (and unit) sit above the header in the name column.
    let nameAbove: YearTableSpec['nameAbove'] = null;
    for (let r = box.top; r < header && !nameAbove; r++)
      if (!view.isEmpty(r, nameCol)) nameAbove = { row: r, col: nameCol };
    let unitAbove: YearTableSpec['unitAbove'] = null;
    if (nameAbove && unitCol !== null) {
      for (let r = box.top; r < header && !unitAbove; r++) {
        if (!view.isEmpty(r, unitCol)) unitAbove = { text: view.text(r, unitCol), row: r, col: unitCol };
      }
    }
    return {
      layout: 'year-columns',
      headerRow: header,
      top: box.top,
      limit: box.bottom,
      left: box.left,
      right: box.right,
      labelCol: columnIndex(m.labelColumn as string),
      nameCol: nameAbove ? null : nameCol,
      unitCol: nameAbove ? null : unitCol,
      nameAbove,
      unitAbove,
      baseline,
      target,
      years,
      labels: {
        benchmark: words(m.rowLabels?.benchmark, defaults.benchmark),
        actual: words(m.rowLabels?.actual, defaults.actual),
        status: words(m.rowLabels?.status, defaults.status),
      },
      group,
      problems,
    };
  }
  // A year sub-header row under the header (004 seed line 268) gives the years of 現状値 / 目標値.
  let firstRow = header + 1;
  const below = (scan.tokens.get(header + 1) ?? []).filter((t) => t.year);
  let base = baseline;
  let targ = target;
  if (below.length > 0 && view.isEmpty(header + 1, nameCol)) {
    const sub = readHeaderYears(
      view.name,
      below.map((t) => ({ label: t.label, cell: view.address(t.row, t.col) })),
    );
    below.forEach((t, i) => {
      const y = { label: t.label, fiscalYear: sub.years[i].fiscalYear, aggregate: sub.years[i].aggregate };
      if (base && base.col === t.col) base = { ...base, ...y };
      if (targ && targ.col === t.col) targ = { ...targ, ...y };
    });
    firstRow = header + 2;
  }
  const spec: RowTableSpec = {
    layout: 'row-per-kpi',
    headerRow: header,
    top: box.top,
    firstRow,
    limit: box.bottom,
    left: box.left,
    right: box.right,
    nameCol,
    aimCols: [],
    groupCol: null,
    unitCol,
    statusCol: optionalCol(m.statusColumn),
    baseline: base,
    target: targ,
    years,
    group,
    mapped: true,
    problems,
  };
  return spec;
}
