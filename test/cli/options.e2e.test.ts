import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { reportSchema } from '../../src/domain/report';
import { SETTINGS_SHEET } from '../../src/domain/settings';
import { cellMap, openXlsx, runCli, SAMPLE, tempDir } from '../helpers/cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sakuTable } = require('../../scripts/build-sample.js') as {
  sakuTable: (ws: ExcelJS.Worksheet, top: number, spec: unknown) => number;
};
const IWAMIZAWA = path.join(__dirname, '..', '..', 'examples', 'iwamizawa-sample.xlsx');

function report(file: string) {
  return reportSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

describe('shinchoku evaluate options (SPEC §6)', () => {
  const dir = tempDir();

  it('--sheets limits the run to the named sheets', async () => {
    const rep = path.join(dir, 'sheets.json');
    const r = await runCli(['evaluate', SAMPLE, '--sheets', '基本目標1', '--out', path.join(dir, 'sheets.xlsx'), '--report', rep]);
    expect(r.code).toBe(0);
    expect(new Set(report(rep).kpis.map((k) => k.sheet))).toEqual(new Set(['基本目標1']));
  });

  it('--sheets naming a sheet that does not exist says so in the report', async () => {
    const rep = path.join(dir, 'nosheet.json');
    await runCli(['evaluate', SAMPLE, '--sheets', '基本目標1,存在しない', '--out', path.join(dir, 'nosheet.xlsx'), '--report', rep]);
    expect(report(rep).problems).toContainEqual(expect.objectContaining({ sheet: '存在しない' }));
  });

  it('--as-of judges every year up to it, an empty actual becoming 実績値なし, and nothing after it', async () => {
    const rep = path.join(dir, 'asof.json');
    const r = await runCli(['evaluate', SAMPLE, '--as-of', 'R3', '--out', path.join(dir, 'asof.xlsx'), '--report', rep]);
    expect(r.code).toBe(0);
    const data = report(rep);
    expect(data.asOf).toBe(2021);
    const sumiyasui = data.kpis.find((k) => k.name.startsWith('「佐久市は住みやすい」'));
    expect(sumiyasui?.years.map((y) => y.category)).toEqual(['順調', '概ね順調', null, null, null]);
    // 施策5-3 R3 has no actual: judged missing because R3 ≤ as-of
    const kotsu = data.kpis.find((k) => k.name === 'こもろ愛のりくんの収支比率');
    expect(kotsu?.years[1]).toMatchObject({ label: 'R3', category: '実績値なし' });
    // and the choice is stored in the workbook settings for the next run
    const settings = (await openXlsx(path.join(dir, 'asof.xlsx'))).getWorksheet(SETTINGS_SHEET);
    expect(JSON.parse(String(settings?.getCell('A1').value)).asOf).toBe(2021);
  });

  it('--overwrite replaces a non-category text in a status cell; without it the cell is kept and reported', async () => {
    const file = path.join(dir, 'occupied.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('基本目標1');
    sakuTable(ws, 1, {
      years: ['R1（基準値）', 'R2', 'R3（目標値）'],
      kpis: [{ name: '住みやすさ', unit: '%', benchmark: [null, 50, 60], actual: [40, 55], status: [null, 'コロナで調査延期'] }],
    });
    await wb.xlsx.writeFile(file);
    const kept = path.join(dir, 'kept.xlsx');
    const keptReport = path.join(dir, 'kept.json');
    await runCli(['evaluate', file, '--out', kept, '--report', keptReport]);
    expect((await openXlsx(kept)).getWorksheet('基本目標1')?.getCell('D4').value).toBe('コロナで調査延期');
    expect(report(keptReport).problems).toContainEqual(expect.objectContaining({ sheet: '基本目標1', cell: 'D4', code: 'occupied-cell' }));
    const forced = path.join(dir, 'forced.xlsx');
    await runCli(['evaluate', file, '--overwrite', '--out', forced]);
    expect((await openXlsx(forced)).getWorksheet('基本目標1')?.getCell('D4').value).toBe('順調');
  });

  it('--lang en writes the summary sheet and prints in English', async () => {
    const out = path.join(dir, 'en.xlsx');
    const r = await runCli(['evaluate', SAMPLE, '--lang', 'en', '--out', out]);
    expect(r.out.join('\n')).toContain('Total');
    const texts = [...cellMap(await openXlsx(out)).entries()].filter(([k]) => k.startsWith('KPI集計!')).map(([, v]) => v);
    expect(texts).toContain('KPI progress summary');
    expect(texts).toContain('Latest actual');
  });

  it('--notes puts the basis of each judgment in a note on the status cell', async () => {
    const out = path.join(dir, 'notes.xlsx');
    await runCli(['evaluate', SAMPLE, '--notes', '--out', out]);
    const note = (await openXlsx(out)).getWorksheet('基本目標1')?.getCell('G6').note;
    const text = typeof note === 'string' ? note : JSON.stringify(note);
    expect(text).toContain('77.4');
    expect(text).toContain('79.6');
  });

  it('several files in one call with --out-dir: a progress line per file, an output and a report each', async () => {
    const outDir = path.join(dir, 'batch');
    const r = await runCli(['evaluate', SAMPLE, IWAMIZAWA, '--out-dir', outDir]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`[1/2] ${SAMPLE}`);
    expect(r.out).toContain(`[2/2] ${IWAMIZAWA}`);
    for (const base of ['shinchoku-sample', 'iwamizawa-sample']) {
      expect(existsSync(path.join(outDir, `${base}.evaluated.xlsx`))).toBe(true);
      expect(report(path.join(outDir, `${base}.report.json`)).version).toBe(1);
    }
  });

  it('scan lists tables and KPIs and writes nothing', async () => {
    const r = await runCli(['scan', SAMPLE]);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toContain('基本目標1!A3:I6');
    expect(text).toContain('「佐久市は住みやすい」と回答する人の割合');
    expect(text).toContain('入力ファイルは変更していません');
  });
});
