import { detect } from '../../../src/domain/layout';
import { sheetFromLines } from '../../fixtures/grids/build';
import { komoroEraTypo } from '../../fixtures/grids/komoro-era-typo';
import { komoroGomi } from '../../fixtures/grids/komoro-gomi';
import { komoroKaigo } from '../../fixtures/grids/komoro-kaigo';
import { komoroKenshin } from '../../fixtures/grids/komoro-kenshin';

describe('小諸市 year-column blocks (002 seed)', () => {
  test('a year-tagged actual takes the column year and stays provisional (002 seed line 789)', () => {
    const kpi = detect(komoroKenshin.sheets).kpis.find((k) => k.name.startsWith('特定健康診査'));
    const actual = kpi?.years[0].actual;
    expect(actual?.value).toBe(40.2);
    expect(actual?.reading.provisional).toBe(true);
  });

  test('a compound sub-KPI carries the comparator of its own part (002 seed line 947)', () => {
    const women = detect(komoroKaigo.sheets).kpis.find((k) => k.id.endsWith('#女性'));
    expect(women?.years[0].benchmark?.reading.comparator).toBe('ge');
    expect(women?.years[0].benchmark?.reading.parts).toEqual([]);
    const rate = detect(komoroKaigo.sheets).kpis.find((k) => k.name === '要介護認定率');
    expect(rate?.years[3].benchmark?.reading.comparator).toBe('le');
  });

  test('a secondary total in parentheses is kept on the reading, the value is the primary (002 seed line 539)', () => {
    const [gomi] = detect(komoroGomi.sheets).kpis;
    expect(gomi.baseline?.value?.value).toBe(595);
    expect(gomi.baseline?.value?.reading.secondary).toBe(803);
  });

  test('the era typo is explained at the header cell', () => {
    const d = detect(komoroEraTypo.sheets);
    expect(d.problems[0].message).toContain('平成2年度');
    expect(d.kpis[0].years[0]).toMatchObject({ label: '平成2年度', fiscalYear: 2020 });
  });

  test('an empty template block gives no KPI and no problem (002 seed lines 955–960)', () => {
    const d = detect(komoroKaigo.sheets);
    expect(d.tables).toHaveLength(2);
    expect(d.problems).toEqual([]);
  });

  test('a leading grouping column gives the category (アウトカム指標), merged or carried down', () => {
    // 002 seed lines 547–552, shifted one column right under a grouping column.
    const lines = [
      'アウトカム指標\t指標名\t事業系ごみの年間排出量\t\t\t\t\t',
      '\t設定理由\tごみを減らすことにより処理費用の削減と処理時に発生する温室効果ガスの削減につながるから\t\t\t\t\t',
      '\t算式\t\t\t\t\t単位 t\t',
      '\t目標値\t計画策定時\t\t令和2年度\t令和3年度\t令和4年度\t令和5年度',
      '\t\t3,310\t計画\t3,270\t3,230\t3,190\t3,150',
      '\t\t\t実績\t3,167\t\t\t',
    ];
    const merged = sheetFromLines('施策2-1', lines, { merges: ['A1:A6'] });
    const [kpi] = detect([merged]).kpis;
    expect(kpi).toMatchObject({ name: '事業系ごみの年間排出量', category: 'アウトカム指標', unit: 't' });
    expect(kpi.range).toBe('B1:H6');
    const [unmerged] = detect([sheetFromLines('施策2-1', lines)]).kpis;
    expect(unmerged.category).toBe('アウトカム指標');
  });
});
