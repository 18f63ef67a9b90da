import { parseA1 } from '../address';
import type { SheetGrid } from '../grid';
import { valueAt } from '../grid';
import type { Kpi } from '../kpi';
import type { Problem } from '../problems';
import type { KpiReport } from '../report';
import { normalizeStatusText } from './text';
import type { StatusWrite } from './types';

export interface StatusWriteOptions {
  overwrite: boolean;
  notes: boolean;
  /** Every label any scheme uses: such a cell may be replaced without `overwrite`. */
  knownCategories: ReadonlySet<string>;
}

/**
 * Decides, cell by cell, what to write into the status cells (SPEC §5 safety rules): never a formula cell,
 * never a cell inside a merged area, never a protected sheet, never a cell holding something that is not a
 * category unless the user said `overwrite`. Refusals are problems naming the cell.
 */
export function planStatusWrites(
  kpis: readonly Kpi[],
  results: readonly KpiReport[],
  sheets: readonly SheetGrid[],
  options: StatusWriteOptions,
): { writes: StatusWrite[]; problems: Problem[] } {
  const sheetByName = new Map(sheets.map((s) => [s.name, s]));
  const writes: StatusWrite[] = [];
  const problems: Problem[] = [];
  // Status cells already decided, per sheet (cell addresses are ready-made strings; no key is built per cell).
  const seen = new Map<string, Set<string>>();
  const protectedReported = new Set<string>();
  const shared = sharedCellCategories(kpis, results);

  kpis.forEach((kpi, index) => {
    const result = results[index];
    const sheet = sheetByName.get(kpi.sheet);
    if (!sheet || !result) return;
    const decided = seen.get(kpi.sheet) ?? new Set<string>();
    seen.set(kpi.sheet, decided);
    kpi.years.forEach((year, yi) => {
      const status = year.status;
      const judged = result.years[yi];
      if (!status || !judged || judged.category === null) return;
      if (decided.has(status.cell)) return; // compound sub-KPIs share one status cell: decided once
      decided.add(status.cell);
      const refuse = (code: Problem['code'], message: string): void => {
        problems.push({ sheet: kpi.sheet, cell: status.cell, code, message });
      };
      const categories = shared.get(`${kpi.sheet}\u0000${status.cell}`);
      if (categories && categories.size > 1) {
        // One cell cannot hold two categories; writing either would change what the next run keeps (未公表).
        const list = [...categories].join(' / ');
        refuse('shared-status-cell', `この進捗区分セルを共有する指標の区分が異なるため書き込みません（${list}） / KPIs sharing this status cell differ (${list}); not written`);
        return;
      }
      if (sheet.protected) {
        if (!protectedReported.has(sheet.name)) {
          protectedReported.add(sheet.name);
          refuse(
            'protected-sheet',
            `シート「${sheet.name}」は保護されているため進捗区分を書き込みません / Sheet "${sheet.name}" is protected; no status written`,
          );
        }
        return;
      }
      if (status.formula) {
        refuse('formula-cell', `数式のセルには書き込みません（${judged.category}） / Formula cell left unchanged (${judged.category})`);
        return;
      }
      if (status.mergedInside) {
        refuse(
          'merged-status-cell',
          `結合セルの内側のため書き込めません（${judged.category}） / Cell is inside a merged area; not written (${judged.category})`,
        );
        return;
      }
      const existing = status.existing === null ? '' : normalizeStatusText(status.existing);
      const note = options.notes ? judged.explanation : null;
      const existingNote = sheet.notes?.[status.cell] ?? null;
      const valueChanges = existing !== judged.category;
      const noteChanges = note !== null && note !== existingNote;
      if (!valueChanges && !noteChanges) return;
      if (valueChanges && existing !== '' && !options.knownCategories.has(existing) && !options.overwrite) {
        refuse(
          'occupied-cell',
          `区分以外の内容「${truncate(existing)}」があるため書き込みません（--overwrite で上書き） / Cell holds "${truncate(existing)}", not a category; use --overwrite to replace it`,
        );
        return;
      }
      const pos = parseA1(status.cell);
      if (!pos) throw new Error(`planStatusWrites: status cell address "${status.cell}" is not A1`);
      writes.push({
        sheet: kpi.sheet,
        cell: status.cell,
        row: pos.row,
        col: pos.col,
        value: judged.category,
        previous: valueAt(sheet, pos.row, pos.col),
        note,
      });
    });
  });
  return { writes, problems };
}

/** The categories judged for each status cell that several KPIs (compound sub-KPIs) share, keyed sheet + NUL + cell. */
function sharedCellCategories(kpis: readonly Kpi[], results: readonly KpiReport[]): Map<string, Set<string>> {
  const byCell = new Map<string, { count: number; categories: Set<string> }>();
  kpis.forEach((kpi, index) => {
    kpi.years.forEach((year, yi) => {
      const category = results[index]?.years[yi]?.category;
      if (!year.status || category === null || category === undefined) return;
      const key = `${kpi.sheet}\u0000${year.status.cell}`;
      const entry = byCell.get(key) ?? { count: 0, categories: new Set<string>() };
      entry.count++;
      entry.categories.add(category);
      byCell.set(key, entry);
    });
  });
  return new Map([...byCell].filter(([, e]) => e.count > 1).map(([k, e]) => [k, e.categories]));
}

function truncate(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
