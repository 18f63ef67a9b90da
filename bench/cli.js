'use strict';
/**
 * `shinchoku evaluate` on the synthetic workbook versus its floor, ExcelJS alone reading and writing the same
 * file (bench/lib/excelFloor.js). Both run as fresh processes (node start-up and module loading included in
 * both), alternated so that a change of machine load hits both alike; medians.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { benchXlsx, TMP } = require('./lib/xlsxFiles');

const ROOT = path.join(__dirname, '..');

function timed(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: r.status, stderr: r.stderr };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function cliBench(kpis, runs, log) {
  const file = await benchXlsx(kpis);
  const out = path.join(TMP, 'cli-out');
  fs.mkdirSync(out, { recursive: true });
  const cli = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    const f = timed([path.join(__dirname, 'lib', 'excelFloor.js'), file, path.join(out, 'floor.xlsx')]);
    if (f.status !== 0) throw new Error(`bench/cli.js: the ExcelJS floor failed: ${f.stderr}`);
    // Exit status 2 = finished, with cells it could not interpret (the synthetic sheets have some on purpose).
    const c = timed([path.join(ROOT, 'bin', 'shinchoku.js'), 'evaluate', file, '--out', path.join(out, 'evaluated.xlsx')]);
    if (c.status !== 0 && c.status !== 2) throw new Error(`bench/cli.js: shinchoku evaluate failed (${c.status}): ${c.stderr}`);
    floor.push(f.ms);
    cli.push(c.ms);
    log(`cli run ${i + 1}/${runs}: shinchoku ${(c.ms / 1000).toFixed(1)} s, ExcelJS ${(f.ms / 1000).toFixed(1)} s`);
  }
  const ms = median(cli);
  const floorMs = median(floor);
  return {
    bench: 'cli',
    kpis,
    ms: round(ms),
    floorMs: round(floorMs),
    ratio: round(ms / floorMs, 2),
    runs,
    fileMB: round(fs.statSync(file).size / 1024 / 1024, 2),
  };
}

module.exports = { cliBench };
