import fc from 'fast-check';
import { boxContains, parseA1 } from '../../src/domain/address';
import { categoriesOf, knownCategoryLabels } from '../../src/domain/evaluate';
import type { SheetGrid } from '../../src/domain/grid';
import { isExcelError, valueAt } from '../../src/domain/grid';
import type { Kpi } from '../../src/domain/kpi';
import { runEvaluation } from '../../src/domain/pipeline';
import type { BackupRow } from '../../src/domain/plan';
import { reportSchema } from '../../src/domain/report';
import { defaultSettings, parseSettingsText } from '../../src/domain/settings';
import { runs, SEED, toGrid, workbookArb } from './workbookArb';

/**
 * The engine on random grids (detection → evaluation → plan → report): nothing throws, every Excel error in a
 * KPI's cells is a reported problem with its cell, the plan writes only computed categories into empty or
 * category-holding status cells that are not formulas, not inside a merged area and not on a protected sheet,
 * and the report always satisfies the exported schema, also after a JSON round trip.
 */

const RUNS = runs(400, 1);
export const counted = { cases: 0 };

const UNINTERPRETED = ['unparsed-value', 'excel-error', 'not-finite', 'unrecognised-cell', 'year-unparsed', 'missing-year-header', 'missing-actual-row', 'compound-mismatch'];

function kpiCells(kpi: Kpi): string[] {
  const cells: (string | null | undefined)[] = [kpi.baseline?.value?.cell, kpi.target?.value?.cell];
  for (const y of kpi.years) cells.push(y.benchmark?.cell, y.actual?.cell);
  return cells.filter((c): c is string => typeof c === 'string');
}

describe(`engine fuzz (${RUNS} random workbooks, seed ${SEED})`, () => {
  it('never throws, reports every anomaly with its cell, writes only where it may, and the report parses', () => {
    fc.assert(
      fc.property(workbookArb(true), fc.boolean(), fc.constantFrom('saku', 'iwamizawa', 'abcd', 'nagayo', 'marks'), (spec, overwrite, scheme) => {
        counted.cases++;
        const workbook = toGrid(spec);
        const outcome = runEvaluation({ workbook, settings: defaultSettings(), previousBackup: [], input: 'fuzz.xlsx', scheme, overwrite });
        if (!outcome.ok) throw new Error(`a preset scheme was refused: ${JSON.stringify(outcome.problems)}`);
        const { report, plan, detection } = outcome.result;

        reportSchema.parse(report);
        reportSchema.parse(JSON.parse(JSON.stringify(report)));
        expect(parseSettingsText(plan.settings.json).problems).toEqual([]);

        const sheets = new Map<string, SheetGrid>(workbook.sheets.map((s) => [s.name, s]));
        const allProblems = [...report.problems, ...report.kpis.flatMap((k) => k.problems)];

        // every Excel error value in a KPI's value cells is a problem naming that cell
        for (const kpi of detection.kpis) {
          const sheet = sheets.get(kpi.sheet) as SheetGrid;
          for (const cell of kpiCells(kpi)) {
            const pos = parseA1(cell);
            if (!pos || !isExcelError(valueAt(sheet, pos.row, pos.col))) continue;
            expect(allProblems).toContainEqual(expect.objectContaining({ sheet: kpi.sheet, cell }));
          }
        }
        // every problem that makes exit status 2 says where
        for (const p of allProblems.filter((x) => UNINTERPRETED.includes(x.code))) {
          expect(p.sheet).not.toBeNull();
          expect(p.cell).not.toBeNull();
        }

        // the plan touches only status cells, and only where the safety rules allow
        const statusCells = new Set(detection.kpis.flatMap((k) => k.years.map((y) => (y.status ? `${k.sheet}!${y.status.cell}` : null))));
        const labels = new Set(categoriesOf(outcome.result.scheme).map((c) => c.label));
        const known = knownCategoryLabels();
        for (const w of plan.statusWrites) {
          const sheet = sheets.get(w.sheet) as SheetGrid;
          expect(statusCells.has(`${w.sheet}!${w.cell}`)).toBe(true);
          expect(sheet.protected).toBe(false);
          expect(sheet.formulas[w.cell]).toBeUndefined();
          expect(sheet.merges.some((m) => boxContains(m, w.row, w.col) && (m.top !== w.row || m.left !== w.col))).toBe(false);
          expect(labels.has(w.value)).toBe(true);
          const before = valueAt(sheet, w.row, w.col);
          expect(w.previous).toEqual(before);
          if (!overwrite) expect(before === null || (typeof before === 'string' && (before.trim() === '' || known.has(before.trim())))).toBe(true);
        }
        // the backup keeps the previous value of every cell written
        const backed = new Map(plan.backup.rows.filter((r): r is Extract<BackupRow, { kind: 'cell' }> => r.kind === 'cell').map((r) => [`${r.sheet}!${r.ref}`, r.previous]));
        for (const w of plan.statusWrites) expect(backed.get(`${w.sheet}!${w.cell}`)).toEqual(w.previous);
        // the summary never lands on a user's sheet
        const userNames = new Set(workbook.sheets.map((s) => s.name.toLowerCase()));
        expect(userNames.has(plan.summary.name.toLowerCase())).toBe(false);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(counted.cases).toBeGreaterThanOrEqual(RUNS);
  });
});
