import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { contentTypes, relTargets } from '../../../src/workbook/xlsx/opcPackage';
import { describeUnkept } from '../../../src/workbook/xlsx/unkept';
import JSZip from 'jszip';
import { WorkbookParts } from '../../../src/workbook/xlsx/package/workbookPart';
import { PackageError } from '../../../src/workbook/xlsx/package/xlsxPackage';
import { loadXlsx, saveXlsx } from '../../../src/workbook/xlsx/workbookFile';
import { runCli, SAMPLE, tempDir } from '../../helpers/cli';
import { packageOf, workbookWithUnkeptParts } from '../../helpers/unkeptWorkbook';

describe('what an ExcelJS save would leave out', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await workbookWithUnkeptParts();
  });

  it('names each kind, with the sheet it sits on, and not the picture or the note ExcelJS keeps', async () => {
    const loaded = await loadXlsx(ExcelJS, bytes);
    expect(loaded.unkept.map((u) => [u.kind, u.count, u.sheets])).toEqual([
      ['chart', 1, ['基本目標1']],
      ['pivot', 1, ['基本目標1']],
      ['externalLink', 1, []],
      ['shape', 1, ['基本目標1']],
      ['sparkline', 1, ['基本目標1']],
      ['customProperties', 1, []],
    ]);
    expect(describeUnkept(loaded.unkept, 'ja')).toBe(
      'グラフ 1（基本目標1）、ピボットテーブル 1（基本目標1）、他のブックへのリンク 1、図形・テキストボックス 1（基本目標1）、スパークライン 1（基本目標1）、ユーザー設定の文書プロパティ（秘密度ラベルなど） 1',
    );
    expect(describeUnkept(loaded.unkept, 'en')).toMatch(/^charts 1 \(基本目標1\), pivot tables 1/);
  });

  it('is right: every part it names is gone after an ExcelJS save, and the picture and the note are still there', async () => {
    const saved = await saveXlsx((await loadXlsx(ExcelJS, bytes)).workbook);
    const before = await packageOf(bytes);
    const after = await packageOf(saved);
    for (const gone of ['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/externalLinks/externalLink1.xml', 'docProps/custom.xml']) {
      expect(before.names).toContain(gone);
      expect(after.names).not.toContain(gone);
    }
    const drawingsAfter = await Promise.all(after.names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)).map(after.text));
    expect(drawingsAfter.join('')).toContain('pic'); // the picture
    expect(drawingsAfter.join('')).not.toMatch(/<xdr:sp\b|graphicFrame/);
    const sheetsAfter = await Promise.all(after.names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map(after.text));
    expect(sheetsAfter.join('')).not.toContain('sparklineGroup');
    expect(after.names.some((n) => /^xl\/comments\d*\.xml$/.test(n))).toBe(true); // the note
    // and the saved file has nothing left to lose
    expect((await loadXlsx(ExcelJS, saved)).unkept).toEqual([]);
  });

  it('finds nothing in the bundled samples', async () => {
    for (const file of [SAMPLE, path.join(path.dirname(SAMPLE), 'iwamizawa-sample.xlsx')]) {
      expect((await loadXlsx(ExcelJS, readFileSync(file))).unkept).toEqual([]);
    }
  });

  it('reads content types by override, then by extension, and resolves relationship targets', () => {
    const types = contentTypes(
      '<Types><Default Extension="xml" ContentType="application/xml"/><Default Extension="PNG" ContentType="image/png"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
      ['xl/charts/chart1.xml', 'xl/media/image1.png', 'xl/other.xml', 'xl/nothing.bin'],
    );
    expect([...types]).toEqual([
      ['xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
      ['xl/media/image1.png', 'image/png'],
      ['xl/other.xml', 'application/xml'],
    ]);
    expect(
      relTargets(
        '<Relationships><Relationship Id="a" Target="../drawings/drawing1.xml"/><Relationship Id="b" Target="/xl/media/x.png"/><Relationship Id="c" TargetMode="External" Target="file:///C:/a.xlsx"/></Relationships>',
        'xl/worksheets/sheet1.xml',
      ),
    ).toEqual(['xl/drawings/drawing1.xml', 'xl/media/x.png']);
  });
});

/** Every part of `before` whose content differs in `after`, and the parts `after` lacks. */
async function changedParts(before: Uint8Array, after: Uint8Array): Promise<{ changed: string[]; missing: string[] }> {
  const a = await JSZip.loadAsync(before);
  const b = await JSZip.loadAsync(after);
  const changed: string[] = [];
  const missing: string[] = [];
  for (const name of Object.keys(a.files)) {
    if (a.files[name].dir) continue; // a folder entry holds nothing (a package has none of its own)
    const theirs = b.file(name);
    if (!theirs) {
      missing.push(name);
      continue;
    }
    const x = await a.file(name)?.async('uint8array');
    const y = await theirs.async('uint8array');
    if (!x || Buffer.compare(Buffer.from(x), Buffer.from(y)) !== 0) changed.push(name);
  }
  return { changed: changed.sort(), missing };
}

/** The workbook with a chart, a pivot table, … as a file in a folder of its own, written before the tests run. */
function withChartFile(): { readonly input: string; readonly dir: string } {
  const dir = tempDir();
  const input = path.join(dir, 'with-chart.xlsx');
  beforeAll(async () => writeFileSync(input, await workbookWithUnkeptParts()));
  return { input, dir };
}

describe('the CLI keeps them: the file is changed part by part, every other part copied byte for byte', () => {
  const { input, dir } = withChartFile();

  it('evaluate: the chart, pivot table, text box, sparklines, external link and custom properties are all in the output, unchanged', async () => {
    const out = path.join(dir, 'out.xlsx');
    const r = await runCli(['evaluate', input, '--out', out]);
    expect([0, 2]).toContain(r.code);
    expect(r.err.join('\n')).not.toMatch(/グラフ|失われ|作り直/);
    const { changed, missing } = await changedParts(readFileSync(input), readFileSync(out));
    expect(missing).toEqual([]);
    // only what the plan writes: the sheets with status cells, and the workbook's lists of sheets, styles and types
    const evaluated = (await loadXlsx(ExcelJS, new Uint8Array(readFileSync(out)))).grid.sheets.map((s) => s.name);
    expect(evaluated).toEqual(expect.arrayContaining(['基本目標1', 'KPI集計', '_shinchoku_backup', '_shinchoku_settings']));
    expect(changed.filter((n) => !/^xl\/worksheets\/sheet\d+\.xml$|^xl\/workbook\.xml$|^xl\/styles\.xml$|^\[Content_Types\]\.xml$|^xl\/_rels\/workbook\.xml\.rels$/.test(n))).toEqual([]);
    for (const kept of ['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/externalLinks/externalLink1.xml', 'docProps/custom.xml']) {
      expect(changed).not.toContain(kept);
    }
    const reread = await loadXlsx(ExcelJS, new Uint8Array(readFileSync(out)));
    expect(reread.unkept).toEqual((await loadXlsx(ExcelJS, new Uint8Array(readFileSync(input)))).unkept); // the sparkline group included
  });

  it('scan says nothing about saving; restore of an evaluated workbook with a chart added keeps the chart', async () => {
    const scan = await runCli(['scan', input]);
    expect(scan.out.join('\n')).not.toMatch(/保存できません|cannot save/);
    const evaluated = path.join(dir, 'evaluated.xlsx');
    expect([0, 2]).toContain((await runCli(['evaluate', SAMPLE, '--out', evaluated])).code);
    const withChart = path.join(dir, 'evaluated-with-chart.xlsx');
    writeFileSync(withChart, await workbookWithUnkeptParts(evaluated));
    const restored = path.join(dir, 'restored.xlsx');
    const r = await runCli(['restore', withChart, '--out', restored]);
    expect(r.code).toBe(0);
    const { missing } = await changedParts(readFileSync(withChart), readFileSync(restored));
    // what restore removes is Shinchoku's own: its sheets (and the table of the summary); the chart stays
    expect(missing.filter((n) => !/^xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?$|^xl\/tables\//.test(n))).toEqual([]);
    expect((await loadXlsx(ExcelJS, new Uint8Array(readFileSync(restored)))).unkept.map((u) => u.kind)).toContain('chart');
  });
});

describe('a file only ExcelJS can save (the part-by-part writer cannot follow it): nothing is dropped silently', () => {
  const { input, dir } = withChartFile();
  beforeEach(() => {
    jest.spyOn(WorkbookParts, 'open').mockRejectedValue(new PackageError('simulated: an unreadable workbook part'));
  });
  afterEach(() => jest.restoreAllMocks());

  it('evaluate writes nothing and names what would be lost, and why, exit 1', async () => {
    const out = path.join(dir, 'out.xlsx');
    const report = path.join(dir, 'report.json');
    const r = await runCli(['evaluate', input, '--out', out, '--report', report]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain('グラフ 1（基本目標1）');
    expect(r.err[0]).toContain('simulated: an unreadable workbook part');
    expect(r.err[0]).toContain('--accept-loss');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(report)).toBe(false);
  });

  it('evaluate --accept-loss writes the output rebuilt and says what it does not contain; the input is untouched', async () => {
    const before = readFileSync(input);
    const out = path.join(dir, 'accepted.xlsx');
    const r = await runCli(['evaluate', input, '--out', out, '--accept-loss', '--lang', 'en']);
    expect([0, 2]).toContain(r.code);
    expect(existsSync(out)).toBe(true);
    expect(r.err.join('\n')).toContain('the whole workbook was rebuilt');
    expect(r.err.join('\n')).toContain('does not contain charts 1 (基本目標1)');
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('a workbook with nothing ExcelJS would drop is rebuilt without asking, and says so', async () => {
    const out = path.join(dir, 'plain.xlsx');
    const r = await runCli(['evaluate', SAMPLE, '--out', out]);
    expect([0, 2]).toContain(r.code);
    expect(existsSync(out)).toBe(true);
    expect(r.err).toEqual([expect.stringContaining('ブック全体を作り直して保存しました')]);
  });

  it('restore refuses the same way, and --accept-loss lets it write', async () => {
    jest.restoreAllMocks();
    const evaluated = path.join(dir, 'evaluated.xlsx');
    expect([0, 2]).toContain((await runCli(['evaluate', SAMPLE, '--out', evaluated])).code);
    const withChart = path.join(dir, 'evaluated-with-chart.xlsx');
    writeFileSync(withChart, await workbookWithUnkeptParts(evaluated));
    jest.spyOn(WorkbookParts, 'open').mockRejectedValue(new PackageError('simulated: an unreadable workbook part'));
    const restored = path.join(dir, 'restored.xlsx');
    const refused = await runCli(['restore', withChart, '--out', restored]);
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toContain('グラフ 1（基本目標1）');
    expect(existsSync(restored)).toBe(false);
    const accepted = await runCli(['restore', withChart, '--out', restored, '--accept-loss']);
    expect(accepted.code).toBe(0);
    expect(existsSync(restored)).toBe(true);
  });
});
