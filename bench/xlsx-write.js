'use strict';
/**
 * Writing the evaluated workbook back, in one process, on the same plan: the part-by-part writer the CLI and
 * the browser page use (src/workbook/xlsx/package) against the ExcelJS save it replaced (apply the plan to the
 * loaded model, `writeBuffer`). Medians of several runs after one warm-up; the ExcelJS model is loaded again
 * (untimed) before each of its runs, since applying the plan changes it.
 *
 *   node bench/xlsx-write.js <workbook.xlsx> <kpis> [--runs=3]
 *
 * Prints one JSON object: {"bench":"xlsx-write","kpis":…,"packageMs":…,"excelJsMs":…,"packageMB":…,"excelJsMB":…}.
 */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const ExcelJS = require('exceljs');

const LIB = path.join(__dirname, '..', 'lib');
const { loadXlsx, saveXlsx } = require(path.join(LIB, 'workbook', 'xlsx', 'workbookFile.js'));
const { applyPlanToWorkbook } = require(path.join(LIB, 'workbook', 'xlsx', 'applyPlan.js'));
const { writePlanToPackage } = require(path.join(LIB, 'workbook', 'xlsx', 'package', 'writePlan.js'));
const { nodeBoundedInflate, nodeCodec } = require(path.join(LIB, 'cli', 'nodeCodec.js'));
const { runEvaluation } = require(path.join(LIB, 'domain', 'pipeline.js'));
const { defaultSettings } = require(path.join(LIB, 'domain', 'settings.js'));

const [file, kpisArg] = process.argv.slice(2);
const runs = Number((process.argv.find((a) => a.startsWith('--runs=')) ?? '--runs=3').slice(7));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function main() {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const loaded = await loadXlsx(ExcelJS, bytes, { inflate: nodeBoundedInflate });
  const outcome = runEvaluation({ workbook: loaded.grid, settings: defaultSettings(), previousBackup: [], input: path.basename(file) });
  if (!outcome.ok) throw new Error('bench/xlsx-write.js: the evaluation failed');
  const plan = outcome.result.plan;

  let packageOut = await writePlanToPackage(bytes, plan, nodeCodec); // warm-up
  const packageTimes = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    packageOut = await writePlanToPackage(bytes, plan, nodeCodec);
    packageTimes.push(performance.now() - t0);
  }
  const excelTimes = [];
  let excelOut = null;
  for (let i = 0; i < runs; i++) {
    const model = (await loadXlsx(ExcelJS, bytes, { inflate: nodeBoundedInflate })).workbook;
    const t0 = performance.now();
    applyPlanToWorkbook(model, plan);
    excelOut = await saveXlsx(model);
    excelTimes.push(performance.now() - t0);
  }
  process.stdout.write(
    `${JSON.stringify({
      bench: 'xlsx-write',
      kpis: Number(kpisArg),
      statusCells: plan.statusWrites.length,
      packageMs: round(median(packageTimes)),
      excelJsMs: round(median(excelTimes)),
      packageMB: round(packageOut.length / 1024 / 1024, 2),
      excelJsMB: round(excelOut.length / 1024 / 1024, 2),
      runs,
    })}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`bench/xlsx-write.js: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
