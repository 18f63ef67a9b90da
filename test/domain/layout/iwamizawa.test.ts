import { detect } from '../../../src/domain/layout';
import { sheetFromLines } from '../../fixtures/grids/build';
import { iwamizawaKpi } from '../../fixtures/grids/iwamizawa-kpi';
import { iwamizawaProjects } from '../../fixtures/grids/iwamizawa-projects';
import { izunokuni } from '../../fixtures/grids/izunokuni';
import { problemList } from './summarise';

describe('row per KPI: 岩見沢市 (001 seed) and 伊豆の国市 (004 seed)', () => {
  const d = detect(iwamizawaKpi.sheets);
  const byName = (name: string) => {
    const k = d.kpis.find((x) => x.name === name);
    if (!k) throw new Error(`no KPI ${name}`);
    return k;
  };

  test('four tables on one sheet, separated by headings and notes', () => {
    expect(d.tables.map((t) => [t.range, t.layout])).toEqual([
      ['A9:F13', 'row-per-kpi'],
      ['A25:F28', 'row-per-kpi'],
      ['A36:F39', 'row-per-kpi'],
      ['A47:F51', 'row-per-kpi'],
    ]);
    expect(d.kpis.map((k) => k.group)).toEqual([
      ...Array(4).fill('基本目標1'),
      ...Array(3).fill('基本目標2'),
      ...Array(3).fill('基本目標3'),
      ...Array(4).fill('基本目標4'),
    ]);
  });

  test('values with units keep the unit and scale of the KPI (001 seed lines 236, 239, 252)', () => {
    expect(byName('1人あたりの総所得')).toMatchObject({ unit: '千円', scale: 1000 });
    expect(byName('1人あたりの総所得').baseline?.value?.value).toBe(1498);
    expect(byName('農業産出額')).toMatchObject({ unit: '百万円', scale: 1e6 });
    expect(byName('転出超過数').years[0].actual?.value).toBe(-341);
  });

  test('the 状況 column is the status cell of the one year (the 実績 column)', () => {
    const k = byName('1人あたりの総所得');
    expect(k.years).toHaveLength(1);
    expect(k.years[0]).toMatchObject({ label: '実績', fiscalYear: null });
    expect(k.years[0].status).toEqual({ cell: 'F10', existing: '順調', formula: false, mergedInside: false });
  });

  test('missing and reference-only actuals give no value, with their reason (001 seed lines 237, 239, 274)', () => {
    expect(byName('従業者1人あたりの付加価値額').years[0].actual?.reading.missingReason).toBe('no-data');
    expect(byName('農業産出額').years[0].actual?.reading.missingReason).toBe('unpublished');
    const health = byName('健康寿命 (男性)').years[0].actual;
    expect(health?.value).toBeNull();
    expect(health?.reading.reference).toBe(true);
  });

  test('the aim column gives the category, carried down over blank aim cells (001 seed line 238)', () => {
    expect(byName('従業者1人あたりの製造品出荷額等').category).toBe('労働生産性の向上');
    expect(byName('健康寿命 (女性)').category).toBe('健康寿命の延伸');
  });

  test('circled numbers become the order; footnote marks are dropped from names', () => {
    expect(byName('「評価する」の回答割合')).toMatchObject({ order: 3, nameCell: 'B50' });
  });

  test('baseline years come from the notes under the table when they are simple', () => {
    expect(byName('1人あたりの総所得').baseline).toMatchObject({ label: '2018年', fiscalYear: 2018, aggregate: false });
    expect(byName('従業者1人あたりの製造品出荷額等').baseline).toMatchObject({
      label: '2016~2018年平均',
      fiscalYear: null,
      aggregate: true,
    });
    expect(byName('「住み続けたい」の回答割合').baseline).toMatchObject({ label: '2018年', fiscalYear: 2018 });
    expect(byName('健康寿命 (男性)').baseline).toMatchObject({ label: '2017年度', fiscalYear: 2017 });
    // `計画期間終了時点` names no year.
    expect(byName('1人あたりの総所得').target).toMatchObject({ label: '目標値', fiscalYear: null });
  });

  test('project tables: the 2020年度 column is the actual of 2020, target bases give cumulative KPIs', () => {
    const p = detect(iwamizawaProjects.sheets);
    expect(p.tables).toHaveLength(9);
    const k = p.kpis.find((x) => x.name === '取組みの実証件数');
    expect(k?.years.map((y) => [y.label, y.fiscalYear, y.actual?.value])).toEqual([['2020年度', 2020, 3]]);
    expect(k?.target?.basis).toBe('total');
    expect(k?.cumulative).toBe(true);
    expect(p.kpis.find((x) => x.name === '新規就農者数')).toMatchObject({ cumulative: false, unit: '人' });
    // The prose columns either side (令和2年度の実績, 今後の見直しの方向性など) are not part of any table.
    expect(p.problems).toEqual([]);
  });

  test('伊豆の国市: years of 現状値 / 目標値 from the second header row; no 実績 column, so no year entry', () => {
    const z = detect(izunokuni.sheets);
    expect(z.kpis).toHaveLength(2);
    expect(z.kpis[0].baseline).toMatchObject({ label: '令和6年度', fiscalYear: 2024 });
    expect(z.kpis[0].target).toMatchObject({ label: '令和11年度', fiscalYear: 2029 });
    expect(z.kpis[0]).toMatchObject({ unit: '億円', scale: 1e8, years: [] });
    expect(z.tables.map((t) => t.range)).toEqual(['A6:C8', 'A14:C16']);
  });

  test('a name merged over two rows makes one KPI covering both rows', () => {
    const sheet = sheetFromLines(
      '結合',
      [
        '重要業績評価指標 (KPI)\t基準値\t目標値\t実績\t状況',
        '「住み続けたい」の\n回答割合\t67.5%\t70.0%\t調査なし\t-', // 001 seed line 254
        '\t\t\t\t',
        '合計特殊出生率 (単年)\t1.26\t1.40\t1.18\t低調', // 001 seed line 263
      ],
      { merges: ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3'] },
    );
    const r = detect([sheet]);
    expect(r.kpis.map((k) => [k.name, k.range])).toEqual([
      ['「住み続けたい」の回答割合', 'A2:E3'],
      ['合計特殊出生率 (単年)', 'A4:E4'],
    ]);
    expect(r.problems).toEqual([]);
  });

  test('different units inside one KPI are reported at the cell, not converted', () => {
    const sheet = sheetFromLines('単位', [
      '項目\t基準値\t2020年度\t目標値',
      '創業塾受講後の創業人数\t26人\t9件\t50人 (5年間の合計)',
    ]);
    const r = detect([sheet]);
    expect(problemList(r)).toEqual(['単位!C2 unit-mismatch']);
    expect(r.kpis[0].unit).toBe('人');
    expect(r.kpis[0].years[0].actual?.value).toBeNull();
  });

  test('values in different scales of one unit are converted to the KPI scale', () => {
    const sheet = sheetFromLines('規模', [
      '項目\t基準値\t目標値\t実績',
      '市内総生産額\t1,997億円\t2,097億円\t2,010億円',
      '農業産出額\t18,113百万円\t1.82兆円\t18,150百万円',
    ]);
    const r = detect([sheet]);
    expect(r.kpis[1]).toMatchObject({ unit: '百万円', scale: 1e6 });
    expect(r.kpis[1].target?.value?.value).toBe(1820000);
    expect(r.problems).toEqual([]);
  });

  test('a cell under no header inside a row table is reported (001 seed lines 459–461 misaligned)', () => {
    const sheet = sheetFromLines('ずれ', [
      '令和2年度の実績\t重要業績評価指標 (KPI)\t\t\t今後の見直しの方向性など\t', // line 459
      '\t項目\t基準値\t2020年度\t\t目標値', // line 460
      '子育て総合支援センターにおいて、子育てに関する相談・助言等や親子の交流事業を実施した\t子育て総合支援センターの相談件数\t1,664件/年\t1,511件\t1,322件/年 (毎年度実績)\t今後は、新型コロナの影響を見据えた上で、', // line 461, shortened
    ]);
    const r = detect([sheet]);
    expect(problemList(r)).toEqual(['ずれ!E3 unrecognised-cell', 'ずれ!F3 unparsed-value']);
    expect(r.kpis[0].years[0].actual?.value).toBe(1511);
  });
});
