'use strict';
/**
 * The benchmark workbooks as .xlsx files (for the CLI benchmark), written with ExcelJS from the same grids the
 * engine benchmark uses, cached under bench/.tmp/ (gitignored). A file is rebuilt when the generator changes.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { benchWorkbook } = require('./grids');

const TMP = path.join(__dirname, '..', '.tmp');

function generatorVersion() {
  const h = crypto.createHash('sha1');
  for (const f of ['grids.js', 'xlsxFiles.js']) h.update(fs.readFileSync(path.join(__dirname, f)));
  return h.digest('hex').slice(0, 8);
}

/** Writes one `SheetGrid` into an ExcelJS worksheet: values, number formats, merges. */
function fillWorksheet(ws, grid) {
  for (let r = 0; r < grid.values.length; r++) {
    const line = grid.values[r];
    const formats = grid.numberFormats ? grid.numberFormats[r] : null;
    const row = ws.getRow(grid.top + r + 1);
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      if (v === null) continue;
      const cell = row.getCell(grid.left + c + 1);
      cell.value = v;
      const f = formats ? formats[c] : null;
      if (f) cell.numFmt = f;
    }
  }
  for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  ws.getColumn(1).width = 36;
  ws.getColumn(2).width = 28;
}

/** Path of the cached .xlsx of `kpis` KPIs, written first when missing or stale. */
async function benchXlsx(kpis) {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `kpis-${kpis}-${generatorVersion()}.xlsx`);
  if (fs.existsSync(file)) return file;
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2024, 5, 1));
  wb.modified = wb.created;
  for (const grid of benchWorkbook(kpis).sheets) fillWorksheet(wb.addWorksheet(grid.name), grid);
  const tmp = `${file}.${process.pid}.tmp`;
  await wb.xlsx.writeFile(tmp);
  fs.renameSync(tmp, file);
  return file;
}

module.exports = { benchXlsx, TMP };
