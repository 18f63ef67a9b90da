#!/usr/bin/env node
'use strict';
/**
 * Renders the summary sheet of an evaluated workbook to a PNG for the README, through LibreOffice (PDF) and
 * pdftoppm — the same route a reviewer without Excel would take.
 *
 *   node scripts/render-summary.js out/shinchoku-sample.evaluated.xlsx docs/summary-sheet.png
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ExcelJS = require('exceljs');

async function main() {
  const [input = 'out/shinchoku-sample.evaluated.xlsx', output = 'docs/summary-sheet.png', sheet = 'KPI集計'] = process.argv.slice(2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-render-'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  for (const ws of [...wb.worksheets]) if (ws.name !== sheet) wb.removeWorksheet(ws.id);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${input}`);
  ws.pageSetup = { orientation: 'landscape', paperSize: 8 /* A3 */, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.2, right: 0.2, top: 0.2, bottom: 0.2, header: 0, footer: 0 } };
  const xlsx = path.join(dir, 'summary.xlsx');
  await wb.xlsx.writeFile(xlsx);
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'pipe' });
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '1780', '-H', '600', '-singlefile', path.join(dir, 'summary.pdf'), path.join(dir, 'page')]);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.copyFileSync(path.join(dir, 'page.png'), output);
  process.stdout.write(`wrote ${output}\n`);
}

main().catch((e) => {
  process.stderr.write(`render-summary: ${e.message}\n`);
  process.exit(1);
});
