'use strict';
/**
 * The CLI's floor: ExcelJS alone reading and writing the same file, the way the CLI does it (read the bytes,
 * `xlsx.load`, `xlsx.writeBuffer`, write the bytes). Run as its own process, like `shinchoku evaluate`.
 *
 *   node bench/lib/excelFloor.js in.xlsx out.xlsx
 */
const fs = require('node:fs');
const ExcelJS = require('exceljs');

async function main(input, output) {
  const bytes = await fs.promises.readFile(input);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const buffer = await wb.xlsx.writeBuffer();
  await fs.promises.writeFile(output, new Uint8Array(buffer));
}

main(process.argv[2], process.argv[3]).catch((e) => {
  process.stderr.write(`excelFloor: ${e && e.message}\n`);
  process.exitCode = 1;
});
