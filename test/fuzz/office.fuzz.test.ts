import fc from 'fast-check';
import { createOfficeHost } from '../../src/workbook/office';
import type { FakeExcel } from '../fakes/fakeExcel';
import { bookCells, bookFromGrids, installFakeExcel } from '../fakes/fakeExcel';
import { evaluateStored } from '../helpers/evaluate';
import { runs, SEED, toGrid, workbookArb } from './workbookArb';

/**
 * The same random workbooks through the Office adapter, against the fake Excel that enforces the real API's
 * rules (load before read, array shapes, 5 MB payloads, protection, merged areas, sheet names): read, evaluate,
 * write, restore. Nothing throws; only the plan's status cells of user sheets change; every request stays
 * under 5 MB; restore gives back every user cell (0 cells lost).
 */

const RUNS = runs(60, 1 / 40);

describe(`Office adapter fuzz (${RUNS} random workbooks, seed ${SEED})`, () => {
  let fake: FakeExcel | null = null;
  afterEach(() => {
    fake?.uninstall();
    fake = null;
  });

  it('changes only planned status cells, stays under the payload limit, and restore loses no cell', async () => {
    let cases = 0;
    let written = 0;
    await fc.assert(
      fc.asyncProperty(workbookArb(true), fc.boolean(), async (spec, overwrite) => {
        cases++;
        const grids = toGrid(spec).sheets;
        fake?.uninstall();
        fake = installFakeExcel(bookFromGrids(grids));
        const userSheets = grids.map((g) => g.name);
        const before = bookCells(fake.book, userSheets);

        const host = createOfficeHost();
        const snapshot = await host.read('all-sheets');
        const result = evaluateStored(snapshot, { input: 'fuzz.xlsx', overwrite });
        const { plan } = result;
        if (plan.statusWrites.length === 0 && result.detection.kpis.length === 0) return;

        await host.write(plan);
        written++;
        const planned = new Set(plan.statusWrites.map((w) => `${w.sheet}!${w.cell}`));
        const after = bookCells(fake.book, userSheets);
        for (const k of new Set([...before.keys(), ...after.keys()])) {
          if (JSON.stringify(before.get(k) ?? null) !== JSON.stringify(after.get(k) ?? null)) expect(planned.has(k)).toBe(true);
        }
        for (const w of plan.statusWrites) expect(after.get(`${w.sheet}!${w.cell}`)).toBe(w.value);
        expect(fake.maxPayloadBytes).toBeLessThan(5_000_000);

        await host.restore();
        // Excel keeps no negative zero (the fake does; the backup's JSON writes -0 as 0): compare as Excel would
        const excelValue = ([k, v]: [string, unknown]): [string, unknown] => [k, v === 0 ? 0 : v];
        const restored = bookCells(fake.book, userSheets);
        expect([...restored.entries()].map(excelValue).sort()).toEqual([...before.entries()].map(excelValue).sort());
        expect(fake.book.sheets.map((s) => s.name)).toEqual(userSheets);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(cases).toBe(RUNS);
    // most random workbooks hold a detectable table: the property is not passing on empty runs
    expect(written).toBeGreaterThan(RUNS / 2);
  });
});
