import ExcelJS from 'exceljs';
import { parseRange } from '../../../src/domain/address';
import type { ConditionalFormatPlan, WritePlan } from '../../../src/domain/plan';
import { conditionalFormatGroups, RANGES_PER_RULE } from '../../../src/workbook/conditionalFormatGroups';
import { createOfficeHost } from '../../../src/workbook/office';
import { ruleGroups } from '../../../src/workbook/office/conditionalFormats';
import { coveredBy } from '../../../src/workbook/office/ownRules';
import { applyPlanToWorkbook, conditionalFormattingsOf } from '../../../src/workbook/xlsx/applyPlan';
import { loadXlsx, saveXlsx } from '../../../src/workbook/xlsx/workbookFile';
import type { FakeExcel, FakeRule } from '../../fakes/fakeExcel';
import { bookFromGrids, boxAddress, installFakeExcel } from '../../fakes/fakeExcel';
import { sakuWorkbook } from '../../fakes/sakuWorkbook';
import { loadSample, planFor } from './helpers';

/**
 * Colour rules in Excel: one rule per category over a group of up to 100 status ranges where the host has
 * ExcelApi 1.9 (`getRanges`), one per range without it; found again and removed by a second run and by restore,
 * never when a rule is not entirely Shinchoku's. 250 KPIs on one sheet: 250 status rows in one column, 3 groups.
 */
const SHEET = '基本目標1';

function sig(r: FakeRule): string {
  return `${r.areas.map(boxAddress).join(',')}|${r.formula}|${r.fill}|${r.font}`;
}

function rulesOf(fake: FakeExcel): string[] {
  return fake.book.sheet(SHEET).rules.map(sig).sort();
}

/** The rules a plan's colour rules should become: one per category per group of ranges (one range each). */
function expectedRules(cf: ConditionalFormatPlan, groups: string[][]): string[] {
  return groups
    .flatMap((g) => cf.rules.map((r) => `${g.map((ref) => boxAddress(parseRange(ref)!)).join(',')}|=TRIM(${g[0].split(':')[0]})="${r.text}"|${r.fill}|${r.font}`))
    .sort();
}

/** Read, plan and write as the task pane does; the sync counter restarts at the write. */
async function evaluate(fake: FakeExcel): Promise<WritePlan> {
  const host = createOfficeHost();
  const plan = planFor(await host.read('all-sheets'));
  fake.resetCounters();
  await host.write(plan);
  return plan;
}

function setUp(excelApi: number): FakeExcel {
  return installFakeExcel(bookFromGrids(sakuWorkbook(250, 250)), { excelApi });
}

describe('Office adapter: colour rules, grouped where Excel has RangeAreas', () => {
  let fake: FakeExcel;
  afterEach(() => fake.uninstall());

  it('ExcelApi 1.9: one rule per category per group of ≤ 100 ranges, applying to all of them, relative to the group top-left', async () => {
    fake = setUp(9);
    const plan = await evaluate(fake);
    const cf = plan.conditionalFormats.find((c) => c.sheet === SHEET)!;
    const groups = conditionalFormatGroups(cf.ranges);
    expect(cf.ranges).toHaveLength(250);
    expect(groups.map((g) => g.length)).toEqual([100, 100, 50]);
    const rules = fake.book.sheet(SHEET).rules;
    expect(rules).toHaveLength(groups.length * cf.rules.length); // 15 instead of 1,250
    expect(rulesOf(fake)).toEqual(expectedRules(cf, groups));
    for (const rule of rules) {
      // the formula's cell is the top-left of every area: same left column, the first area topmost
      expect(rule.areas.every((a) => a.left === rule.areas[0].left && a.top >= rule.areas[0].top)).toBe(true);
    }
  });

  it('without ExcelApi 1.9: one rule per category per range, as before (no getRanges, which would be ApiNotFound)', async () => {
    fake = setUp(8);
    const plan = await evaluate(fake);
    const cf = plan.conditionalFormats.find((c) => c.sheet === SHEET)!;
    expect(fake.book.sheet(SHEET).rules).toHaveLength(250 * cf.rules.length);
    expect(rulesOf(fake)).toEqual(expectedRules(cf, cf.ranges.map((ref) => [ref])));
  });

  it.each([9, 8])('ExcelApi 1.%i: evaluating twice gives the same rules as once, still in four round trips', async (minor) => {
    fake = setUp(minor);
    await evaluate(fake);
    const once = rulesOf(fake);
    await evaluate(fake);
    expect(fake.syncCount).toBe(4); // the rules' ranges are checked in the backup's round trip
    expect(rulesOf(fake)).toEqual(once);
    await evaluate(fake);
    expect(rulesOf(fake)).toEqual(once);
  });

  it('a workbook coloured one rule per range (an older Excel or version) gets grouped rules in Excel with 1.9, no duplicates', async () => {
    fake = setUp(8);
    await evaluate(fake);
    fake.excelApi = 9;
    const plan = await evaluate(fake);
    const cf = plan.conditionalFormats.find((c) => c.sheet === SHEET)!;
    expect(rulesOf(fake)).toEqual(expectedRules(cf, conditionalFormatGroups(cf.ranges)));
  });

  it('an Excel without 1.9 cannot see a grouped rule whole: it leaves it (never deletes what it cannot check)', async () => {
    fake = setUp(9);
    await evaluate(fake);
    const grouped = rulesOf(fake);
    fake.excelApi = 8;
    const plan = await evaluate(fake);
    const cf = plan.conditionalFormats.find((c) => c.sheet === SHEET)!;
    expect(rulesOf(fake)).toEqual([...grouped, ...expectedRules(cf, cf.ranges.map((ref) => [ref]))].sort());
  });

  it.each([9, 8])('ExcelApi 1.%i: a second run and restore remove all of Shinchoku’s rules and keep the user’s, also on the same cells', async (minor) => {
    fake = setUp(minor);
    const sheet = fake.book.sheet(SHEET);
    const plan = planFor(await createOfficeHost().read('all-sheets'));
    const ranges = plan.conditionalFormats.find((c) => c.sheet === SHEET)!.ranges.map((ref) => parseRange(ref)!);
    const outside = { top: 0, left: 20, bottom: 0, right: 20 }; // U1, no status cell
    // the user's own rule on a status range
    sheet.addRule({ id: 'user-plain', areas: [ranges[0]], type: 'Custom', formula: '=D4="順調"', fill: '#FFFF00', font: null });
    await evaluate(fake);
    const once = rulesOf(fake);
    const topLeft = boxAddress({ ...ranges[0], bottom: ranges[0].top, right: ranges[0].left });
    // a user's rule of Shinchoku's very shape, on the first status range and a cell of the user's
    const lookalike: FakeRule = { id: 'user-lookalike', areas: [ranges[0], outside], type: 'Custom', formula: `=TRIM(${topLeft})="順調"`, fill: '#00FF00', font: null };
    sheet.addRule(lookalike);
    // one of Shinchoku's rules that the user extended to a cell of theirs (copying a status cell's format does that)
    const extended = sheet.rules.find((r) => r.formula?.startsWith(`=TRIM(${topLeft})=`) && r.id !== 'user-lookalike')!;
    extended.areas = [...extended.areas, outside];
    const users = [sig(sheet.rules.find((r) => r.id === 'user-plain')!), sig(lookalike), sig(extended)].sort();

    await evaluate(fake);
    // Shinchoku's rules again, the extended one now the user's (kept, and Shinchoku adds its own in its place)
    expect(rulesOf(fake)).toEqual([...once, sig(lookalike), sig(extended)].sort());

    await createOfficeHost().restore();
    expect(rulesOf(fake)).toEqual(users);
  });

  it('restore keeps a grouped rule that reaches beyond the ranges the backup lists', async () => {
    fake = setUp(9);
    await evaluate(fake);
    // the backup lists every status range; a rule over ranges partly missing from it is not entirely Shinchoku's
    const sheet = fake.book.sheet(SHEET);
    const rule = sheet.rules.find((r) => r.areas.length > 1)!;
    rule.areas = [...rule.areas, { top: 2000, left: 3, bottom: 2000, right: 7 }];
    const kept = sig(rule);
    await createOfficeHost().restore();
    expect(rulesOf(fake)).toEqual([kept]);
  });

  it('a workbook the CLI coloured (grouped rules, as xlsx) is evaluated again and restored in Excel without a rule of Shinchoku left', async () => {
    let xlsx = await loadSample();
    applyPlanToWorkbook(xlsx.workbook, planFor(xlsx));
    xlsx = await loadXlsx(ExcelJS, await saveXlsx(xlsx.workbook));
    const cli = (book: ReturnType<typeof bookFromGrids>): number => {
      let n = 0;
      for (const ws of xlsx.workbook.worksheets) {
        for (const cf of conditionalFormattingsOf(ws)) {
          for (const rule of cf.rules) {
            const formula = (rule as ExcelJS.ExpressionRuleType).formulae?.[0] as string;
            book.sheet(ws.name).addRule({ id: `cli-${n++}`, areas: cf.ref.split(' ').map((ref) => parseRange(ref)!), type: 'Custom', formula: `=${formula}`, fill: null, font: null });
          }
        }
      }
      return n;
    };
    const shape = (f: FakeExcel): string[] => f.book.sheets.flatMap((s) => s.rules.map((r) => `${s.name}|${r.areas.map(boxAddress).join(',')}|${r.formula}`)).sort();

    fake = installFakeExcel(bookFromGrids(xlsx.grid.sheets));
    expect(cli(fake.book)).toBeGreaterThan(0);
    expect(fake.book.sheets.some((s) => s.rules.some((r) => r.areas.length > 1))).toBe(true);
    await createOfficeHost().restore();
    expect(shape(fake)).toEqual([]);
    fake.uninstall();

    fake = installFakeExcel(bookFromGrids(xlsx.grid.sheets));
    cli(fake.book);
    await evaluate(fake);
    const again = shape(fake);
    fake.uninstall();
    fake = installFakeExcel(bookFromGrids((await loadSample()).grid.sheets));
    await evaluate(fake);
    expect(again).toEqual(shape(fake)); // the CLI's rules replaced by the same grouping, none twice
  });

  it('a group address stays far under the 8,192 characters Excel takes in getRanges, even for the longest A1 ranges', () => {
    const longest = Array.from({ length: 3 * RANGES_PER_RULE }, (_, i) => `XFC${1_048_576 - 2 * i}:XFD${1_048_576 - 2 * i}`);
    const groups = ruleGroups(longest, true);
    expect(groups).toHaveLength(3);
    for (const g of groups) expect(g.join(',').length).toBeLessThan(8_192 / 3);
  });

  it('coveredBy: a rule area is Shinchoku\'s when the listed ranges cover every cell of it, also as one merged area', () => {
    const D6L6 = { top: 5, left: 3, bottom: 5, right: 11 };
    const D7F7 = { top: 6, left: 3, bottom: 6, right: 5 };
    const G7L7 = { top: 6, left: 6, bottom: 6, right: 11 };
    expect(coveredBy(D6L6, [D6L6])).toBe(true);
    expect(coveredBy({ top: 5, left: 3, bottom: 6, right: 11 }, [D6L6, D7F7, G7L7])).toBe(true); // D6:L7
    expect(coveredBy({ top: 5, left: 3, bottom: 6, right: 11 }, [D6L6, D7F7])).toBe(false); // G7:L7 not listed
    expect(coveredBy({ top: 5, left: 2, bottom: 5, right: 11 }, [D6L6])).toBe(false); // C6 not listed
    expect(coveredBy({ top: 4, left: 3, bottom: 5, right: 11 }, [D6L6])).toBe(false); // row 5 not listed
    expect(coveredBy(D6L6, [])).toBe(false);
  });
});
