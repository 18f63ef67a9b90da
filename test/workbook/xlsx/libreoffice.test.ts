import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, SAMPLE, tempDir } from '../../helpers/cli';
import { workbookWithUnkeptParts } from '../../helpers/unkeptWorkbook';

/**
 * A second, independent reader of what the xlsx adapter writes: LibreOffice Calc converts every sheet of the
 * evaluated sample to CSV. It must see the status cells and the summary sheet with its counts. The test fails
 * (never skips) when LibreOffice is missing: `npm test` installs it on a fresh machine (scripts/ensure-test-tools.sh).
 */
function soffice(): string {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc');
  return found;
}

/** CSV reader for LibreOffice's output: quoted fields may hold doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cur);
      cur = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
    } else cur += ch;
  }
  if (cur !== '' || row.length > 0) {
    row.push(cur);
    rows.push(row);
  }
  return rows;
}

/** Every sheet of `file` to its own CSV in `dir` (`<name>-<sheet>.csv`), with a profile of its own in `dir`. */
function sheetsToCsv(bin: string, file: string, dir: string): void {
  // Filter options: comma, double quote, UTF-8, …, last token -1 = every sheet to its own file.
  execFileSync(
    bin,
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
}

describe('LibreOffice reads the evaluated workbook', () => {
  const dir = tempDir('shinchoku-lo-');
  const sheets = new Map<string, string[][]>();

  beforeAll(async () => {
    const bin = soffice();
    const out = path.join(dir, 'sample.xlsx');
    expect((await runCli(['evaluate', SAMPLE, '--out', out])).code).toBe(0);
    sheetsToCsv(bin, out, dir);
    for (const file of readdirSync(dir)) {
      const m = /^sample-(.+)\.csv$/.exec(file);
      if (m) sheets.set(m[1], parseCsv(readFileSync(path.join(dir, file), 'utf8')));
    }
  }, 180_000);

  const cell = (sheet: string, a1: string): string => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) throw new Error(a1);
    const col = m[1].charCodeAt(0) - 65;
    return sheets.get(sheet)?.[Number(m[2]) - 1]?.[col] ?? '';
  };

  it('sees every sheet, Shinchoku’s own included', () => {
    expect([...sheets.keys()].sort()).toEqual(
      ['KPI集計', '_shinchoku_backup', '_shinchoku_settings', '基本目標1', '数値目標', '施策3-2 健康・福祉', '施策5-3 交通', '施策1-2 子育て・環境'].sort(),
    );
  });

  it('sees the status cells (000 seed excerpt line 339: 順調 概ね順調 概ね順調 概ね順調)', () => {
    expect(['D6', 'E6', 'F6', 'G6'].map((a) => cell('基本目標1', a))).toEqual(['順調', '概ね順調', '概ね順調', '概ね順調']);
    expect(cell('施策5-3 交通', 'D8')).toBe('努力を要する');
  });

  it('sees the summary sheet with its counts per group and in total', () => {
    const rows = sheets.get('KPI集計') ?? [];
    const header = rows.find((r) => r[0] === 'グループ' && r[1] === '順調');
    expect(header).toEqual(['グループ', '順調', '概ね順調', '努力を要する', '未公表', '実績値なし', '計', ...header!.slice(7)]);
    const total = rows.find((r) => r[0] === '計');
    expect(total?.slice(1, 7)).toEqual(['3', '9', '1', '1', '2', '16']);
    expect(rows.some((r) => r[1] === '「佐久市は住みやすい」と回答する人の割合' && r[11] === '概ね順調')).toBe(true);
  });
});

describe('LibreOffice reads a written workbook that keeps a chart, a pivot table and a text box', () => {
  it('opens it and sees the status cells and the summary', async () => {
    const bin = soffice();
    const dir = tempDir('shinchoku-lo-kept-');
    const input = path.join(dir, 'charts-in.xlsx');
    writeFileSync(input, await workbookWithUnkeptParts());
    const out = path.join(dir, 'charts.xlsx');
    expect([0, 2]).toContain((await runCli(['evaluate', input, '--out', out, '--notes'])).code);
    sheetsToCsv(bin, out, dir);
    const first = parseCsv(readFileSync(path.join(dir, 'charts-基本目標1.csv'), 'utf8'));
    expect(first[5]?.slice(3, 7)).toEqual(['順調', '概ね順調', '概ね順調', '概ね順調']);
    const summary = parseCsv(readFileSync(path.join(dir, 'charts-KPI集計.csv'), 'utf8'));
    expect(summary.find((r) => r[0] === '計')?.slice(1, 7)).toEqual(['3', '9', '1', '1', '2', '16']);
  }, 180_000);
});
