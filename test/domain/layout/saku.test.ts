import { detect } from '../../../src/domain/layout';
import { sheetFromLines } from '../../fixtures/grids/build';
import { sakuJinkoMitsudo } from '../../fixtures/grids/saku-jinko-mitsudo';
import { sakuSumiyasui } from '../../fixtures/grids/saku-sumiyasui';
import { problemList, summarise } from './summarise';

describe('佐久市 year-column blocks (000 seed)', () => {
  test('the table, its header and layout are reported', () => {
    const d = detect(sakuSumiyasui.sheets);
    expect(d.tables).toHaveLength(1);
    expect(d.tables[0]).toMatchObject({ sheet: '基本目標1', range: 'A3:I6', header: 'A3:I3', layout: 'year-columns' });
    expect(d.kpis[0].layout).toBe('year-columns');
  });

  test('values keep their readings: dash cells are missing, numbers keep their written decimals', () => {
    const [kpi] = detect(sakuJinkoMitsudo.sheets).kpis;
    expect(kpi.years[1].actual?.reading.missing).toBe('dash');
    const [sumiyasui] = detect(sakuSumiyasui.sheets).kpis;
    expect(sumiyasui.baseline?.value?.reading.decimals).toBe(1);
  });
});

describe('佐久市 layout details', () => {
  // One header serving two blocks: the 住みやすい block (000 seed lines 319–339) and, under it, the 基本目標２ KPI
  // with the figures the report gives for it (000 seed lines 275–301: target 1,500人 in R6, R5 目安値 1,200人,
  // R5 実績値 1,253人, 進捗区分 順調 at line 315); its other years are empty. D6 holds a formula; G9:H9 is merged.
  const twoBlocks = sheetFromLines(
    '数値目標',
    [
      '基本目標１',
      '',
      '指標名\t年度別\n評価\tR1\n（基準値）\tR2\tR3\tR4\tR5\tR6\n（目標値）\t単位',
      '「佐久市は住みや\nすい」と回答する\n人の割合\n【満足度・重要度\n市民アンケート】\n【企画課】\t目安値\t\t78.4\t78.8\t79.2\t79.6\t80.0\t％',
      '\t実績値\t78.0\t81.4\t77.3\t78.5\t77.4\t\t',
      '\t進捗区分\t\t順調\t概ね順調\t概ね順調\t概ね順調\t\t',
      '人口の社会動態の増加数\n（計画期間の累計）\t目安値\t\t\t\t\t1,200\t1,500\t人',
      '\t実績値\t\t\t\t\t1,253\t\t',
      '\t進捗区分\t\t\t\t\t順調\t\t',
    ],
    { merges: ['A4:A6', 'I4:I6', 'A7:A9', 'I7:I9', 'G9:H9'], formulas: { D6: 'IF(D5>=D4,"順調","概ね順調")' } },
  );

  test('one header serves every block below it', () => {
    const d = detect([twoBlocks]);
    expect(d.tables).toHaveLength(1);
    expect(d.tables[0].range).toBe('A3:I9');
    expect(d.kpis.map((k) => [k.id, k.name, k.unit, k.cumulative])).toEqual([
      ['数値目標!A4:I6', '「佐久市は住みやすい」と回答する人の割合', '%', false],
      ['数値目標!A7:I9', '人口の社会動態の増加数（計画期間の累計）', '人', true],
    ]);
    const second = summarise(d.kpis[1]);
    expect(second.baseline).toBe('R1 2019 C8=∅');
    expect(second.target).toBe('R6 2024 H7=1500');
    expect(second.years).toEqual([
      'R2 2020 | D7=∅ | D8=∅ | D9:',
      'R3 2021 | E7=∅ | E8=∅ | E9:',
      'R4 2022 | F7=∅ | F8=∅ | F9:',
      'R5 2023 | G7=1200 | G8=1253 | G9:順調',
      'R6 2024 | H7=1500 | H8=∅ | H9: merged',
    ]);
    expect(d.problems).toEqual([]);
  });

  test('a status cell holding a formula says so', () => {
    const [first] = detect([twoBlocks]).kpis;
    expect(first.years[0].status).toEqual({ cell: 'D6', existing: '順調', formula: true, mergedInside: false });
    expect(first.years[1].status?.formula).toBe(false);
  });

  test('percent-formatted numbers read as percent values in a ％ KPI', () => {
    const sheet = sheetFromLines(
      '率',
      [
        '指標名\t年度別評価\tR1（基準値）\tR2\tR3\tR6（目標値）\t単位',
        '住みやすいと回答する人の割合\t目安値\t\t0.784\t0.788\t0.8\t％',
        '\t実績値\t0.78\t0.814\t0.773\t\t',
      ],
      { formats: { D2: '0.0%', E2: '0.0%', F2: '0.0%', C3: '0.0%', D3: '0.0%', E3: '0.0%' } },
    );
    const [kpi] = detect([sheet]).kpis;
    expect(kpi.unit).toBe('%');
    expect(kpi.baseline?.value?.value).toBe(78);
    expect(kpi.years.map((y) => [y.benchmark?.value, y.actual?.value])).toEqual([
      [78.4, 81.4],
      [78.8, 77.3],
      [80, null],
    ]);
    expect(kpi.years[0].status).toBeNull();
  });

  test('a stray cell inside a block is reported with its address, the KPI is still read', () => {
    const sheet = sheetFromLines('メモ', [
      '指標名\t年度別評価\tR1（基準値）\tR2\tR3\tR6（目標値）\t単位',
      '合計特殊出生率\t目安値\t\t1.62\t1.65\t1.77\t',
      '\t実績値\t1.59\t1.52\t1.48\t\t',
      '\t進捗区分\t要確認\t努力を要する\t努力を要する\t\t',
    ]);
    const d = detect([sheet]);
    expect(d.kpis).toHaveLength(1);
    expect(problemList(d)).toEqual(['メモ!C4 unrecognised-cell']);
    expect(d.kpis[0].problems.map((p) => p.cell)).toEqual(['C4']);
  });

  test('a status cell merged across into the unit column is not read as part of the unit (found by the xlsx fuzz)', () => {
    // E4:G4 spreads the R2 status over the 単位 column: the unit stays ％ whatever the status says, so that writing
    // a new status does not change the KPI the next run reads (running twice = running once).
    const lines = (status: string) => [
      '指標名\t年度別評価\tR1（基準値）\tR2\tR3\t単位',
      '満足度\t目安値\t\t50\t60\t％',
      '\t実績値\t40\t55\t\t',
      `\t進捗区分\t\t${status}\t\t`,
    ];
    for (const status of ['実績値なし', '順調']) {
      const sheet = sheetFromLines('結合', lines(status), { merges: ['A2:A4', 'D4:F4'] });
      expect(detect([sheet]).kpis.map((k) => k.unit)).toEqual(['%']);
    }
  });
});
