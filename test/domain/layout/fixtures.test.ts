import { detect } from '../../../src/domain/layout';
import { gridFixtures } from '../../fixtures/grids';
import { problemList, summarise } from './summarise';

describe('grid fixtures rebuilt from the seeds', () => {
  test.each(Object.entries(gridFixtures))(
    '%s gives exactly the KPIs and problems of the document',
    (_name, fixture) => {
      const d = detect(fixture.sheets);
      expect(d.kpis.map(summarise)).toEqual(fixture.kpis);
      expect(problemList(d)).toEqual(fixture.problems ?? []);
    },
  );

  test.each(Object.entries(gridFixtures).filter(([name]) => name.startsWith('error.')))(
    '%s is rejected: no KPI, at least one problem with a cell address',
    (_name, fixture) => {
      const d = detect(fixture.sheets);
      expect(d.kpis).toEqual([]);
      expect(d.problems.length).toBeGreaterThan(0);
      for (const p of d.problems) expect(p.cell).toMatch(/^[A-Z]+\d+$/);
    },
  );

  test('every KPI id is unique and names its sheet and range', () => {
    const ids = Object.values(gridFixtures).flatMap((f) => detect(f.sheets).kpis.map((k) => k.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[^!]+![A-Z]+\d+:[A-Z]+\d+(#.+)?$/);
  });
});
