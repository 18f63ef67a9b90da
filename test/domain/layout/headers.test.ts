import { detect } from '../../../src/domain/layout';
import { sheetFromLines } from '../../fixtures/grids/build';
import { problemList, summarise } from './summarise';

describe('header words, notes and years', () => {
  test('an aggregate baseline column (`H27〜H30の累計`) is a baseline, not a year of the series', () => {
    const sheet = sheetFromLines('累計', [
      '指標名\t年度別評価\tH27〜H30の累計\tR2\tR3\tR6（目標値）\t単位',
      '新規就農者数\t目安値\t\t15\t30\t75\t人',
      '\t実績値\t58\t14\t29\t\t',
    ]);
    const [k] = detect([sheet]).kpis;
    expect(summarise(k).baseline).toBe('H27〜H30の累計 ? C3=58 aggregate');
    expect(k.years.map((y) => y.label)).toEqual(['R2', 'R3', 'R6']);
  });

  test('a role word with a year note gives that year (`基準値（H30）`, `目標値（R6）`, `実績（R2）`)', () => {
    const sheet = sheetFromLines('注記', [
      '指標\t基準値（H30）\t目標値（R6）\t実績（R2）\t評価',
      '合計特殊出生率\t1.59\t1.77\t1.52\t努力を要する',
    ]);
    const [k] = detect([sheet]).kpis;
    expect(summarise(k)).toMatchObject({
      baseline: 'H30 2018 B2=1.59',
      target: 'R6 2024 C2=1.77',
      years: ['R2 2020 | - | D2=1.52 | E2:努力を要する'],
    });
  });

  test('a 目標値 column right of the years holds the target', () => {
    const sheet = sheetFromLines('右', [
      '指標名\t年度別評価\t基準値\tR2\tR3\t目標値',
      '転入者数\t目安値\t\t1,220\t1,240\t1,300',
      '\t実績値\t1,200\t1,250\t\t',
    ]);
    const [k] = detect([sheet]).kpis;
    expect(summarise(k)).toMatchObject({ baseline: '基準値 ? C3=1200', target: '目標値 ? F2=1300' });
    expect(k.years.map((y) => y.label)).toEqual(['R2', 'R3']);
  });

  test('two year columns naming the same year are reported; nothing is dropped', () => {
    const sheet = sheetFromLines('重複', [
      '指標名\t年度別評価\tR1（基準値）\tR2\tR2\tR4\t単位',
      '割合\t目安値\t\t78.4\t78.8\t79.2\t%',
      '\t実績値\t78.0\t81.4\t77.3\t78.5\t',
    ]);
    const d = detect([sheet]);
    expect(problemList(d)).toEqual(['重複!E1 duplicate-year']);
    expect(d.kpis[0].years).toHaveLength(3);
  });

  test('a group column inside a row table gives each KPI its group, carried down over blank cells', () => {
    const sheet = sheetFromLines('政策別', [
      '政策\t指標名\t現状値\t目標値\t実績',
      '政策1\t市内総生産額\t1,997億円\t2,097億円\t2,010億円',
      '\t市内農業産額\t52.3億円\t55.0億円\t53.1億円',
      '政策2\t転入者数\t1,200人\t1,300人\t1,250人',
    ]);
    const d = detect([sheet]);
    expect(d.kpis.map((k) => [k.name, k.group])).toEqual([
      ['市内総生産額', '政策1'],
      ['市内農業産額', '政策1'],
      ['転入者数', '政策2'],
    ]);
    expect(d.problems).toEqual([]);
  });

  test('header words match after NFKC and without spaces (`計 画`, full-width `ＫＰＩ`, `Ｒ２`)', () => {
    // 002 seed line 36 shows `計 画` with a space; full-width `Ｒ２` as typed on a Japanese keyboard.
    const sheet = sheetFromLines('全角', [
      '指標名\t満足度',
      '目標値\t計画策定時\t\tＲ２\tＲ３',
      '\t12\t計 画\t13\t14',
      '\t\t実 績\t12.5\t',
    ]);
    const [k] = detect([sheet]).kpis;
    expect(summarise(k)).toMatchObject({
      name: '満足度',
      baseline: '計画策定時 ? B3=12',
      target: 'R3 2021 E3=14',
      years: ['R2 2020 | D3=13 | D4=12.5 | -', 'R3 2021 | E3=14 | E4=∅ | -'],
    });
    const kpiHeader = sheetFromLines('ＫＰＩ', ['ＫＰＩ\t基準値\t目標値', '転入者数\t1,200人\t1,300人']);
    expect(detect([kpiHeader]).kpis.map((x) => x.name)).toEqual(['転入者数']);
  });
});
