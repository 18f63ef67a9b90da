import { ReadingCache } from '../cells/readingCache';
import type { CellBox, SheetGrid } from '../grid';
import type { DetectedTable, Detection } from '../kpi';
import type { Problem } from '../problems';
import { matchKey } from './keys';
import { specFromMapping, validateMappings } from './mapping';
import type { ValidMapping } from './mapping';
import { assembleRowTable } from './rowKpis';
import { rowTableAt } from './rowTable';
import { groupAbove, scanSheet } from './scan';
import type { SheetScan } from './scan';
import { SheetView } from './sheetView';
import type { RowLabels, TableSpec } from './spec';
import { mergeSynonyms, RoleMatcher } from './synonyms';
import type { Synonyms, DetectOptions } from './types';
import { assembleYearTable } from './yearBlocks';
import { rowRoleOf, yearTableAt } from './yearColumns';
import { dedupeProblems } from './tableCells';

/**
 * Finds the KPI tables of both layout families on every sheet (SPEC §2) and assembles their KPIs.
 * A user mapping replaces detection inside its range. Every problem is listed once in `problems`
 * (those of a KPI's cells also in `kpi.problems`, those of a table in `table.problems`).
 */
export function detect(sheets: SheetGrid[], options: DetectOptions = {}): Detection {
  const synonyms = mergeSynonyms(options.synonyms);
  const matcher = new RoleMatcher(synonyms);
  const labels = rowLabelsOf(synonyms);
  const wanted = options.sheets ? new Set(options.sheets) : null;
  // Very hidden sheets are the tool's own (settings, backup): read only when asked for by name.
  const chosen = sheets.filter((s) => (wanted ? wanted.has(s.name) : s.visibility !== 'veryHidden'));
  const { valid, problems } = validateMappings(options.mappings ?? [], new Set(sheets.map((s) => s.name)));
  const tables: DetectedTable[] = [];
  const readings = new ReadingCache();
  for (const sheet of chosen) {
    const result = detectSheet(
      new SheetView(sheet, readings),
      matcher,
      labels,
      valid.filter((v) => v.mapping.sheet === sheet.name),
    );
    tables.push(...result.tables);
    problems.push(...result.problems);
  }
  return { tables, kpis: tables.flatMap((t) => t.kpis), problems: dedupeProblems(problems) };
}

function rowLabelsOf(synonyms: Synonyms): RowLabels {
  const keys = (words: string[]) => new Set(words.map(matchKey));
  return { benchmark: keys(synonyms.benchmark), actual: keys(synonyms.actual), status: keys(synonyms.status) };
}

interface Claim extends CellBox {
  table: DetectedTable | null;
}

function detectSheet(
  view: SheetView,
  matcher: RoleMatcher,
  labels: RowLabels,
  mappings: ValidMapping[],
): { tables: DetectedTable[]; problems: Problem[] } {
  const sheet = view.sheet;
  const scan = scanSheet(view, matcher);
  const claims: Claim[] = [];
  // Rows inside a table or a mapping (columns are not told apart: tables side by side are not expected).
  const claimed = new Set<number>();
  const claim = (c: Claim) => {
    claims.push(c);
    for (let r = Math.max(c.top, view.top); r <= Math.min(c.bottom, view.bottom); r++) claimed.add(r);
  };
  const problems: Problem[] = [];

  for (const m of mappings) {
    const spec = specFromMapping(view, scan, matcher, labels, m);
    const result = build(view, scan, spec);
    problems.push(...result.problems);
    if (!result.table && result.problems.length === 0) {
      problems.push({
        sheet: sheet.name,
        cell: m.mapping.range,
        code: 'no-kpi-table',
        message: '指定した範囲に指標がありません / no KPI found in the mapped range',
      });
    }
    claim({ ...m.box, table: result.table });
  }

  // Year-column tables first: their headers also look like row-per-KPI headers (指標名 + years).
  let floor = view.top;
  for (const row of scan.yearRows) {
    if (row < floor || claimed.has(row)) continue;
    const spec = yearTableAt(view, scan, row, labels, floor);
    if (!spec || claimed.has(spec.top)) continue;
    const result = assembleYearTable(view, spec, groupAbove(scan, spec.top));
    problems.push(...result.problems);
    claim({ top: spec.top, bottom: result.bottom, left: spec.left, right: spec.right, table: result.table });
    floor = result.bottom + 1;
  }
  let rowFloor = view.top;
  for (const row of scan.rowHeaders) {
    if (row < rowFloor || claimed.has(row)) continue;
    const spec = rowTableAt(view, scan, row);
    if (!spec) continue;
    const result = assembleRowTable(view, scan, spec, groupAbove(scan, spec.top));
    problems.push(...result.problems);
    if (result.table)
      claim({ top: spec.top, bottom: result.bottom, left: spec.left, right: spec.right, table: result.table });
    rowFloor = result.bottom + 1;
  }
  problems.push(...labelsWithoutHeader(view, scan, labels, claimed));
  const tables = claims
    .filter((c) => c.table !== null)
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((c) => c.table as DetectedTable);
  return { tables, problems };
}

function build(
  view: SheetView,
  scan: SheetScan,
  spec: TableSpec,
): { table: DetectedTable | null; problems: Problem[] } {
  const group = spec.group ?? groupAbove(scan, spec.top);
  return spec.layout === 'year-columns'
    ? assembleYearTable(view, spec, group)
    : assembleRowTable(view, scan, spec, group);
}

/**
 * 目安値/実績値 (計画/実績) labels stacked in one column with no year header above them (SPEC §2 error case):
 * reported at the first label, never guessed into a table.
 */
function labelsWithoutHeader(view: SheetView, scan: SheetScan, labels: RowLabels, claimed: Set<number>): Problem[] {
  const problems: Problem[] = [];
  const roleAt = (row: number, col: number) => rowRoleOf(labels, view.key(row, col));
  for (const [row, tokens] of scan.tokens) {
    for (const t of tokens) {
      const role = rowRoleOf(labels, t.label);
      if (!role || t.year || roleAt(row - 1, t.col) !== null) continue;
      const next = roleAt(row + 1, t.col);
      if (!next || next === role) continue;
      let bottom = row + 1;
      while (bottom < view.bottom && roleAt(bottom + 1, t.col) !== null) bottom++;
      let inside = false;
      for (let r = row; r <= bottom && !inside; r++) inside = claimed.has(r);
      if (inside) continue;
      problems.push({
        sheet: view.name,
        cell: view.address(row, t.col),
        code: 'missing-year-header',
        message: `「${t.label}」の行の上に年度の見出し行がありません / no year header above the rows labelled "${t.label}"`,
      });
    }
  }
  return problems;
}
