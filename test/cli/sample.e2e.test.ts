import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { reportSchema } from '../../src/domain/report';
import { changedCells, cellMap, openXlsx, runCli, SAMPLE, tempDir } from '../helpers/cli';

/**
 * The bundled sample (scripts/build-sample.js, tables from ../shared/seeds) evaluated end to end through the
 * CLI with the 佐久市 rule (000 seed excerpt lines 223–243): r = 実績/目安 (lower-is-better: 目安/実績),
 * r ≥ 1 順調, r ≥ 0.8 概ね順調, else 努力を要する.
 */
describe('shinchoku evaluate on the bundled sample', () => {
  const dir = tempDir();
  const out = path.join(dir, 'out.xlsx');
  const reportFile = path.join(dir, 'report.json');
  let result: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    result = await runCli(['evaluate', SAMPLE, '--out', out, '--report', reportFile]);
  });

  it('finishes with status 0, prints the counts and where the output is', () => {
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const text = result.out.join('\n');
    expect(text).toContain('合計');
    expect(text).toMatch(/順調 \d+ \/ 概ね順調 \d+ \/ 努力を要する \d+/);
    expect(text).toContain(out);
  });

  it('writes a report that satisfies the exported schema', () => {
    const report = reportSchema.parse(JSON.parse(readFileSync(reportFile, 'utf8')));
    expect(report.version).toBe(1);
    expect(report.scheme).toBe('saku');
    expect(report.input).toBe('shinchoku-sample.xlsx');
  });

  it('reads the messy cell text of the seeds into the report’s numbers (issue #3, end to end)', () => {
    const report = reportSchema.parse(JSON.parse(readFileSync(reportFile, 'utf8')));
    const kpi = (name: string) => {
      const k = report.kpis.find((x) => x.name === name);
      if (!k) throw new Error(`no KPI ${name}`);
      return k;
    };
    // 002 seed line 789: `42.7(R1確定値) 40.2(R2速報値)` in the R2 column → 40.2, provisional
    const kenshin = kpi('特定健康診査(国民健康保険)受診率').years[0];
    expect(kenshin).toMatchObject({ label: 'R2', actual: 40.2, provisional: true, benchmark: 50 });
    // 002 seed line 953: `13.2以内` → a limit of 13.2, lower is better
    const kaigo = kpi('要介護認定率');
    expect(kaigo.direction).toBe('down');
    expect(kaigo.years[0]).toMatchObject({ benchmark: 13.2, actual: 13.4 });
    // 002 seed line 1208: `165,120 ※平成30年度数値` → baseline 165120
    expect(kpi('市内宿泊者数').baseline?.value).toBe(165120);
    // 002 seed line 1298: `22.6 %` → 22.6 in a % KPI
    expect(kpi('小諸駅・市庁舎周辺地域におけるこもろ愛のりくんの利用割合').baseline?.value).toBe(22.6);
    // 000 seed excerpt line 337 and the `【…】` source suffixes kept apart from the name
    expect(kpi('「佐久市は住みやすい」と回答する人の割合').years.map((y) => y.actual)).toEqual([81.4, 77.3, 78.5, 77.4, null]);
    // 000 seed excerpt line 397: `−` is missing, not zero
    expect(kpi('居住誘導区域内の人口密度（国勢調査ベース）').years.slice(1, 4).map((y) => y.actual)).toEqual([null, null, null]);
  });

  // Table by table: [sheet, status cell, category] — the seeds' published judgments where they exist.
  const expected: [string, string, string][] = [
    // 000 seed excerpt line 339: 順調 概ね順調 概ね順調 概ね順調
    ['基本目標1', 'D6', '順調'],
    ['基本目標1', 'E6', '概ね順調'],
    ['基本目標1', 'F6', '概ね順調'],
    ['基本目標1', 'G6', '概ね順調'],
    // 000 seed excerpt line 399: 順調 実績値なし 実績値なし 実績値なし
    ['基本目標1', 'D15', '順調'],
    ['基本目標1', 'E15', '実績値なし'],
    ['基本目標1', 'F15', '実績値なし'],
    ['基本目標1', 'G15', '実績値なし'],
    // 000 seed excerpt lines 297–315: 1,253 / 1,200 → 順調; − (not yet published) → 未公表 kept; −/− → 実績値なし
    ['数値目標', 'G6', '順調'],
    ['数値目標', 'G12', '未公表'],
    ['数値目標', 'G18', '実績値なし'],
    // 小諸市 R2 (002 seed): 40.2/50 = 0.804; lower-is-better 13.2/13.4 = 0.985 and 180/197 = 0.914; 100,273/90,000
    ['施策3-2 健康・福祉', 'D5', '概ね順調'],
    ['施策3-2 健康・福祉', 'D8', '概ね順調'],
    ['施策3-2 健康・福祉', 'D11', '概ね順調'],
    ['施策3-2 健康・福祉', 'D14', '順調'],
    // 002 seed lines 1290–1316: 21.6/23.0; 1,196/1,510 = 0.792; 45,724/55,000; 11.2/14.0 = 0.8 exactly
    ['施策5-3 交通', 'D5', '概ね順調'],
    ['施策5-3 交通', 'D8', '努力を要する'],
    ['施策5-3 交通', 'D11', '概ね順調'],
    ['施策5-3 交通', 'D14', '概ね順調'],
  ];

  it.each(expected)('%s!%s is %s', async (sheet, cell, category) => {
    const wb = await openXlsx(out);
    expect(wb.getWorksheet(sheet)?.getCell(cell).value).toBe(category);
  });

  it('reads the 小諸市 layout sheet (no status row: judged in the report and the summary only)', () => {
    const report = reportSchema.parse(JSON.parse(readFileSync(reportFile, 'utf8')));
    const komoro = report.kpis.filter((k) => k.sheet === '施策1-2 子育て・環境');
    // 002 seed lines 131–132: 55.2 / 56.5 = 97.7%; 137–138: 44 / 20; 539–540: 594 / 600 (decreasing plan)
    expect(komoro.map((k) => [k.years[0].category, k.direction])).toEqual([
      ['概ね順調', 'up'],
      ['順調', 'up'],
      ['概ね順調', 'down'],
    ]);
    expect(komoro.every((k) => k.years.every((y) => y.statusCell === null))).toBe(true);
  });

  it('changes no cell of the user sheets except the status cells the report names', async () => {
    const before = cellMap(await openXlsx(SAMPLE));
    const wb = await openXlsx(out);
    const own = ['KPI集計', '_shinchoku_backup', '_shinchoku_settings'];
    const after = cellMap(wb, own);
    const report = reportSchema.parse(JSON.parse(readFileSync(reportFile, 'utf8')));
    const statusCells = new Set(
      report.kpis.flatMap((k) => k.years.filter((y) => y.statusCell && y.category).map((y) => `${k.sheet}!${y.statusCell}`)),
    );
    const changed = changedCells(before, after);
    expect(changed.length).toBeGreaterThan(0);
    for (const key of changed) expect(statusCells.has(key)).toBe(true);
    // and the pre-typed 未公表 stayed as it was (no write, so no backup entry either)
    expect(changed).not.toContain('数値目標!G12');
  });

  it('adds the summary sheet with counts, a hidden backup and a very hidden settings sheet', async () => {
    const wb = await openXlsx(out);
    const summary = wb.getWorksheet('KPI集計');
    expect(summary).toBeDefined();
    expect(wb.getWorksheet('_shinchoku_backup')?.state).toBe('hidden');
    expect(wb.getWorksheet('_shinchoku_settings')?.state).toBe('veryHidden');
    const values = cellMap(wb);
    const summaryTexts = [...values.entries()].filter(([k]) => k.startsWith('KPI集計!')).map(([, v]) => v);
    expect(summaryTexts).toContain('「佐久市は住みやすい」と回答する人の割合');
  });
});
