/**
 * Round trips of the Office adapter's full write (SPEC §7, issue 7): for 100, 1,000 and 10,000 KPIs in the
 * 佐久市 layout, the plan from the real pipeline is written through the fake Excel (test/fakes), which counts
 * `context.sync()` calls and payload bytes. Prints one JSON line per size:
 *   {"bench":"office-syncs","kpis":N,"syncs":S,"chunks":C,"maxPayloadBytes":B}
 * syncs − chunks is the constant part (at most 4); chunks are the round trips added to stay under 5 MB.
 *
 * The adapter and the fake are TypeScript: they are compiled once into bench/.tmp/office with the repository's
 * own tsc (bench/tsconfig.office.json), again only when a source file is newer. No network, no ts-node.
 *
 *   node bench/office-syncs.js [--json] [sizes…]      e.g. node bench/office-syncs.js 100 1000
 *   require('./office-syncs').officeSyncBench([100, 1000, 10000])  → Promise<records>   (for bench/run.js)
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, '.tmp', 'office');
const STAMP = path.join(OUT, '.built');
const SOURCES = ['src/domain', 'src/workbook/office', 'src/workbook/port.ts', 'src/workbook/conditionalFormatGroups.ts', 'test/fakes', 'bench/tsconfig.office.json'];

function newest(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), stat.mtimeMs);
}

function ensureBuilt() {
  const built = fs.existsSync(STAMP) ? fs.statSync(STAMP).mtimeMs : 0;
  if (built >= Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))))) return;
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(__dirname, 'tsconfig.office.json')], { cwd: ROOT, stdio: 'inherit' });
  fs.writeFileSync(STAMP, new Date().toISOString());
}

function load(rel) {
  return require(path.join(OUT, rel));
}

/** Writes the plan of `kpis` synthetic KPIs through the fake Excel; returns the bench record. */
async function measure(kpis) {
  const { runEvaluation } = load('src/domain/pipeline.js');
  const { defaultSettings } = load('src/domain/settings.js');
  const { writePlanToExcel } = load('src/workbook/office/writePlan.js');
  const { detectFeatures } = load('src/workbook/office/features.js');
  const { installFakeExcel, bookFromGrids } = load('test/fakes/fakeExcel.js');
  const { sakuWorkbook } = load('test/fakes/sakuWorkbook.js');
  const sheets = sakuWorkbook(kpis);
  const outcome = runEvaluation({ workbook: { sheets }, settings: defaultSettings(), previousBackup: [], input: 'bench' });
  if (!outcome.ok) throw new Error(`office-syncs: evaluation failed for ${kpis} KPIs`);
  const fake = installFakeExcel(bookFromGrids(sheets));
  try {
    const { stats } = await writePlanToExcel(outcome.result.plan, { features: detectFeatures() });
    return { bench: 'office-syncs', kpis, syncs: fake.syncCount, chunks: stats.chunks, maxPayloadBytes: fake.maxPayloadBytes };
  } finally {
    fake.uninstall();
  }
}

async function officeSyncBench(sizes = [100, 1000, 10000]) {
  ensureBuilt();
  const records = [];
  for (const kpis of sizes) records.push(await measure(kpis));
  return records;
}

module.exports = { officeSyncBench };

if (require.main === module) {
  const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
  officeSyncBench(sizes.length > 0 ? sizes : undefined).then(
    (records) => {
      for (const r of records) console.log(JSON.stringify(r));
    },
    (e) => {
      console.error(`office-syncs: ${e && e.message ? e.message : e}`);
      process.exitCode = 1;
    },
  );
}
