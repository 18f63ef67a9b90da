'use strict';
/**
 * Engine benchmark for one size, run in its own process (so that peak memory belongs to that size):
 * detection + evaluation + write plan (`runEvaluation`, what every surface calls) on the synthetic workbook,
 * median of several runs after warm-up, against the Office bridge's unavoidable cost for the same grid
 * (JSON.stringify + JSON.parse of each sheet's values and number formats, as Office.js moves `range.values`
 * and `range.numberFormat`).
 *
 *   node --expose-gc bench/engine.js <kpis> [--runs=5] [--warmup=2] [--lib=DIR] [--one-sheet]
 *
 * Prints one JSON object. `--lib` (default lib/, built by `npm run build:cli`) lets an older build be compared
 * with the current one; `--one-sheet` puts each layout family on a single sheet (how one huge sheet scales).
 */
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { benchWorkbook } = require('./lib/grids');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
};
const kpis = Number(args[0]);
const runs = Number(opt('runs', 5));
const warmup = Number(opt('warmup', 2));
const libDir = path.resolve(opt('lib', path.join(__dirname, '..', 'lib')));
const oneSheet = args.includes('--one-sheet');

const { runEvaluation } = require(path.join(libDir, 'domain', 'pipeline.js'));
const { defaultSettings } = require(path.join(libDir, 'domain', 'settings.js'));
const { detect } = require(path.join(libDir, 'domain', 'layout'));
const { evaluateKpis, resolveScheme } = require(path.join(libDir, 'domain', 'evaluate'));

const gc = typeof global.gc === 'function' ? global.gc : () => {};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const MB = 1024 * 1024;
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function main() {
  // As the adapters hand it over (Office.js: parsed JSON; ExcelJS: parsed XML): flat strings, no generator ropes.
  const workbook = JSON.parse(JSON.stringify(benchWorkbook(kpis, oneSheet ? Infinity : undefined)));
  const cells = workbook.sheets.reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0);
  const settings = defaultSettings();
  const request = () => ({ workbook, settings, previousBackup: [], input: `bench-${kpis}.xlsx` });

  // The bridge: what Office.js serialises and parses for `range.values` + `range.numberFormat` of each sheet.
  const bridge = () => {
    for (const s of workbook.sheets) {
      JSON.parse(JSON.stringify(s.values));
      if (s.numberFormats) JSON.parse(JSON.stringify(s.numberFormats));
    }
  };

  let found = 0;
  for (let i = 0; i < warmup; i++) {
    const out = runEvaluation(request());
    if (!out.ok) throw new Error('bench/engine.js: runEvaluation failed');
    found = out.result.detection.kpis.length;
    bridge();
  }

  // Timed runs back to back, as a session evaluating again would (no forced GC in between: a forced full GC
  // shrinks the heap, and regrowing it costs more than the run on this VM).
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = runEvaluation(request());
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    if (!out.ok) throw new Error('bench/engine.js: runEvaluation failed');
    times.push(t1 - t0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  const bridgeTimes = [];
  for (let i = 0; i < runs; i++) {
    const b0 = performance.now();
    bridge();
    bridgeTimes.push(performance.now() - b0);
  }

  // What one run's result keeps alive (detection, report, plan), measured between two full GCs.
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const kept = runEvaluation(request());
  gc();
  const heapDelta = process.memoryUsage().heapUsed - heapBefore;
  if (!kept.ok) throw new Error('bench/engine.js: runEvaluation failed'); // and keeps the result alive until here

  // Phases, for the human table (same calls as runEvaluation; the plan is the rest).
  const scheme = resolveScheme('saku').scheme;
  const detectTimes = [];
  const evalTimes = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const t0 = performance.now();
    const d = detect(workbook.sheets, { synonyms: settings.synonyms, mappings: [] });
    const t1 = performance.now();
    evaluateKpis(d.kpis, scheme, { asOf: settings.asOf, directionOverrides: {} });
    const t2 = performance.now();
    detectTimes.push(t1 - t0);
    evalTimes.push(t2 - t1);
  }

  const ms = median(times);
  const usage = process.resourceUsage();
  process.stdout.write(
    `${JSON.stringify({
      bench: oneSheet ? 'engine-one-sheet' : 'engine',
      kpis,
      sheets: workbook.sheets.length,
      found,
      cells,
      runs,
      ms: round(ms),
      cpuMs: round(median(cpu)),
      minMs: round(Math.min(...times)),
      maxMs: round(Math.max(...times)),
      perKpiUs: round((ms * 1000) / kpis, 2),
      detectMs: round(median(detectTimes)),
      evaluateMs: round(median(evalTimes)),
      peakMB: round((usage.maxRSS * 1024) / MB),
      baseMB: round(rssBefore / MB),
      heapMB: round(heapDelta / MB),
      bridgeMs: round(median(bridgeTimes)),
    })}\n`,
  );
}

main();
