import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { runEvaluation } from '../../src/domain/pipeline';
import { parseBackupRows } from '../../src/domain/plan';
import { reportSchema } from '../../src/domain/report';
import { parseSettingsText } from '../../src/domain/settings';
import { applyPlanToWorkbook } from '../../src/workbook/xlsx/applyPlan';
import { restoreWorkbook } from '../../src/workbook/xlsx/restore';
import { nodeBoundedInflate, nodeCodec } from '../../src/cli/nodeCodec';
import { restorePackage } from '../../src/workbook/xlsx/package/restorePackage';
import { writePlanToPackage } from '../../src/workbook/xlsx/package/writePlan';
import { loadXlsx, saveXlsx } from '../../src/workbook/xlsx/workbookFile';
import { evaluateStored } from '../helpers/evaluate';
import { packageProblems } from '../helpers/packageCheck';
import { differences, userCells } from '../reliability/cells';
import { runs, SEED, toWorkbook, workbookArb } from './workbookArb';

/**
 * The same random workbooks through the xlsx adapter, as the CLI and the browser page run them: written by
 * ExcelJS, loaded, evaluated, the plan applied, saved, loaded again. Every cell of every user sheet is compared
 * before and after: only the status cells of the plan may differ; the only new formulas are the summary's own
 * links; the saved file loads; and `restore` gives back every user cell (0 cells lost).
 */

const RUNS = runs(80, 1 / 25);
const LINK = /^HYPERLINK\("#'(?:[^']|'')+'![A-Z]+\d+","(?:[^"]|"")*"\)$/;

describe(`xlsx adapter fuzz (${RUNS} random workbooks, seed ${SEED})`, () => {
  it('changes only planned status cells, writes text, saves a file that loads, and restore loses no cell', async () => {
    let cases = 0;
    let lost = 0;
    await fc.assert(
      fc.asyncProperty(workbookArb(false), fc.boolean(), async (spec, overwrite) => {
        cases++;
        const input = new Uint8Array((await (await toWorkbook(ExcelJS, spec)).xlsx.writeBuffer()) as ArrayBuffer);
        const loaded = await loadXlsx(ExcelJS, input);
        const before = userCells(loaded.workbook);
        const { settings, problems } = parseSettingsText(loaded.settingsText);
        const outcome = runEvaluation({ workbook: loaded.grid, settings, settingsProblems: problems, previousBackup: [], input: 'fuzz.xlsx', overwrite });
        if (!outcome.ok) throw new Error('the default scheme was refused');
        const { plan, report } = outcome.result;
        reportSchema.parse(JSON.parse(JSON.stringify(report)));

        applyPlanToWorkbook(loaded.workbook, plan);
        const output = await saveXlsx(loaded.workbook);
        const reloaded = await loadXlsx(ExcelJS, output); // the saved file must open
        const own = [plan.summary.name, plan.backup.sheetName, plan.settings.sheetName];
        const after = userCells(reloaded.workbook, own);
        const written = new Set(plan.statusWrites.map((w) => `${w.sheet}!${w.cell}`));
        for (const key of differences(before, after)) expect([key, written.has(key)]).toEqual([key, true]);
        for (const w of plan.statusWrites) {
          expect(reloaded.workbook.getWorksheet(w.sheet)?.getCell(w.cell).value).toBe(w.value);
        }
        // the only formulas Shinchoku adds are its summary links
        reloaded.workbook.getWorksheet(plan.summary.name)?.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.value && typeof cell.value === 'object' && 'formula' in cell.value) expect(String(cell.value.formula)).toMatch(LINK);
          }),
        );
        for (const name of [plan.backup.sheetName, plan.settings.sheetName]) {
          reloaded.workbook.getWorksheet(name)?.eachRow((row) => row.eachCell((cell) => expect(typeof cell.value).toBe('string')));
        }
        expect(parseSettingsText(reloaded.settingsText).problems).toEqual([]);

        // restore from what was saved: every user cell back, Shinchoku's sheets gone
        const backup = parseBackupRows(reloaded.backupCells ?? []);
        expect(backup.bad).toEqual([]);
        restoreWorkbook(reloaded.workbook, backup.rows);
        const restored = userCells(await loadXlsx(ExcelJS, await saveXlsx(reloaded.workbook)).then((l) => l.workbook));
        const diff = differences(before, restored);
        lost += diff.length;
        expect(diff).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(cases).toBeGreaterThanOrEqual(RUNS);
    expect(lost).toBe(0);
  }, 60_000 + RUNS * 2_000);

  it('the part-by-part writer (what the CLI and the browser page use): the same, plus a consistent package, the same bytes when run again, and nothing else changed', async () => {
    let cases = 0;
    let lost = 0;
    await fc.assert(
      fc.asyncProperty(workbookArb(false), fc.boolean(), fc.boolean(), async (spec, overwrite, notes) => {
        cases++;
        const input = new Uint8Array((await (await toWorkbook(ExcelJS, spec)).xlsx.writeBuffer()) as ArrayBuffer);
        const loaded = await loadXlsx(ExcelJS, input, { model: 'read', inflate: nodeBoundedInflate });
        const whole = await loadXlsx(ExcelJS, input);
        expect(loaded.grid).toEqual(whole.grid); // ExcelJS told to skip merges and the rest: the same grids
        const before = userCells(whole.workbook);
        const run = (l: typeof loaded) =>
          evaluateStored({ workbook: l.grid, settingsText: l.settingsText, backupCells: l.backupCells }, { input: 'fuzz.xlsx', overwrite, notes }).plan;
        const plan = run(loaded);
        const output = await writePlanToPackage(input, plan, nodeCodec);
        expect(await packageProblems(output)).toEqual([]);
        const reloaded = await loadXlsx(ExcelJS, output); // the written file must open, whole
        const own = [plan.summary.name, plan.backup.sheetName, plan.settings.sheetName];
        const after = userCells(reloaded.workbook, own);
        const written = new Set(plan.statusWrites.map((w) => `${w.sheet}!${w.cell}`));
        for (const key of differences(before, after)) expect([key, written.has(key)]).toEqual([key, true]);
        for (const w of plan.statusWrites) expect(reloaded.workbook.getWorksheet(w.sheet)?.getCell(w.cell).value).toBe(w.value);
        expect(parseSettingsText(reloaded.settingsText).problems).toEqual([]);

        // running again on its own output writes the same bytes
        const again = await loadXlsx(ExcelJS, output, { model: 'read', inflate: nodeBoundedInflate });
        expect(Buffer.from(await writePlanToPackage(output, run(again), nodeCodec)).equals(Buffer.from(output))).toBe(true);

        const backup = parseBackupRows(reloaded.backupCells ?? []);
        expect(backup.bad).toEqual([]);
        const restored = await restorePackage(output, backup.rows, again.grid, nodeCodec);
        expect(await packageProblems(restored.bytes)).toEqual([]);
        const diff = differences(before, userCells((await loadXlsx(ExcelJS, restored.bytes)).workbook));
        lost += diff.length;
        expect(diff).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(cases).toBeGreaterThanOrEqual(RUNS);
    expect(lost).toBe(0);
  }, 60_000 + RUNS * 3_000);
});
