import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { reportSchema } from '../../src/domain/report';
import { SETTINGS_SHEET } from '../../src/domain/settings';
import { openXlsx, runCli, tempDir } from '../helpers/cli';

/**
 * A user's correction of detection (SPEC §2: "select a range and correct the mapping"), stored in the workbook's
 * settings sheet, is honoured by the next run — here through the CLI, as the add-in would leave it.
 */
describe('a mapping stored in the workbook settings', () => {
  const dir = tempDir();

  async function workbook(withMapping: boolean): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('独自様式');
    // the office's own words: no 目安値 / 実績値 labels, so automatic detection cannot read it
    const rows = [
      // 002 seed lines 1204–1209 (市内宿泊者数), in the office's own words
      ['取組', '行', '当初', 'R2', 'R3', 'R4', 'R5'],
      ['市内宿泊者数', '見通し', null, 90000, 130000, 165000, 166000],
      [null, '結果', 165120, 100273, null, null, null],
      [null, '判断', null, null, null, null, null],
    ];
    rows.forEach((r, i) => r.forEach((v, c) => v !== null && (ws.getCell(i + 1, c + 1).value = v)));
    ws.mergeCells('A2:A4');
    if (withMapping) {
      const settings = wb.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
      settings.getCell('A1').value = JSON.stringify({
        version: 1,
        mappings: [
          {
            sheet: '独自様式',
            range: 'A1:G4',
            layout: 'year-columns',
            headerRow: 1,
            nameColumn: 'A',
            labelColumn: 'B',
            baselineColumn: 'C',
            yearColumns: [
              { column: 'D', label: 'R2' },
              { column: 'E', label: 'R3' },
              { column: 'F', label: 'R4' },
              { column: 'G', label: 'R5' },
            ],
            rowLabels: { benchmark: ['見通し'], actual: ['結果'], status: ['判断'] },
          },
        ],
      });
    }
    const file = path.join(dir, withMapping ? 'mapped.xlsx' : 'plain.xlsx');
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('without the mapping nothing is found (exit 2)', async () => {
    const r = await runCli(['evaluate', await workbook(false), '--out', path.join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
  });

  it('with it, the KPI is read, judged and its status written (100,273 / 90,000 → 順調)', async () => {
    const out = path.join(dir, 'mapped.out.xlsx');
    const rep = path.join(dir, 'mapped.json');
    const r = await runCli(['evaluate', await workbook(true), '--out', out, '--report', rep]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(readFileSync(rep, 'utf8')));
    expect(report.kpis.map((k) => [k.name, k.years[0].actual, k.years[0].category])).toEqual([['市内宿泊者数', 100273, '順調']]);
    expect((await openXlsx(out)).getWorksheet('独自様式')?.getCell('D4').value).toBe('順調');
  });
});
