import { evaluateKpi, evaluateKpis, presetScheme } from '../../../src/domain/evaluate';
import type { Scheme } from '../../../src/domain/evaluate';
import { kpiReportSchema } from '../../../src/domain/report';
import type { Cellish } from '../../helpers/kpiBuilder';
import { rowKpiOf } from '../../helpers/kpiBuilder';

/** 岩見沢市 (001 seed lines 235–277): all fourteen published 状況 reproduced with the `iwamizawa` scheme. */
const iwamizawa = presetScheme('iwamizawa') as Scheme;

// [row, name, 基準値, 目標値, 実績, published 状況, unit]
const TABLE: [number, string, Cellish, Cellish, Cellish, string, string | null][] = [
  [237, '1人あたりの総所得', '1,498千円', '1,600千円', '1,622千円', '順調', '千円'],
  [238, '従業者1人あたりの付加価値額', '3,539千円', '3,750千円', '調査なし', '-', '千円'],
  [239, '従業者1人あたりの製造品出荷額等', '28,903千円', '29,000千円', '30,201千円', '順調', '千円'],
  [240, '農業産出額', '18,113百万円', '18,200百万円', '未公表', '-', '百万円'],
  [250, '転出超過数', '▲312人', '▲275人', '▲341人', '低調', '人'],
  [251, '人口の社会増減率', '▲0.38%', '▲0.36%', '▲0.42%', '低調', '%'],
  [252, '「住み続けたい」の回答割合', '67.5%', '70.0%', '調査なし', '-', '%'],
  [262, '合計特殊出生率 (単年)', '1.26', '1.40', '1.18', '低調', null],
  [263, '合計特殊出生率 (5か年平均)', '1.25', '1.40', '1.21', '低調', null],
  [264, '不安や負担を「感じない」の回答割合', '46.0%', '50.0%', '調査なし', '-', '%'],
  [274, '健康寿命 (男性)', '79.56歳', '80.65歳', '(79.12歳)', '-', '歳'],
  [275, '健康寿命 (女性)', '86.07歳', '88.73歳', '(85.48歳)', '-', '歳'],
  [276, '「評価する」の回答割合', '63.4%', '70.0%', '調査なし', '-', '%'],
  [277, '新たな利活用サービスの実装数', '-', '17種', '5種', '順調', '種'],
];

const kpis = TABLE.map(([row, name, baseline, target, actual, status, unit]) =>
  // ③ 製造品出荷額等 and ④ 農業産出額 have 2016~2018年平均 / 2015~2017年平均 baselines (lines 244, 246).
  rowKpiOf({ row, name, baseline, target, actual, status, unit, aggregateBaseline: row === 239 || row === 240 }),
);

describe('001 seed KPI table with the iwamizawa scheme', () => {
  const { kpis: reports, counts } = evaluateKpis(kpis, iwamizawa, { asOf: null });

  it.each(TABLE.map((t, i) => [t[1], t[5], i] as const))('%s → %s', (_name, published, i) => {
    expect(reports[i].years[0].category).toBe(published);
    expect(reports[i].disagreements).toEqual([]);
  });

  it('every report parses with kpiReportSchema', () => {
    for (const r of reports) expect(() => kpiReportSchema.parse(r)).not.toThrow();
  });

  it('counts 3 順調, 4 低調, 7 -', () => {
    expect(counts).toEqual({ 順調: 3, 低調: 4, '-': 7 });
  });

  it('explains a comparison with a negative baseline (▲312 → ▲341)', () => {
    expect(reports[4].years[0].explanation).toBe('実績 ▲341 < 基準値 ▲312（高いほど良い指標、基準値より悪化）→ 低調');
    expect(reports[4].years[0].basis).toBe('comparison');
    expect(reports[4].years[0].basisValue).toBe(-29);
  });

  it('treats a reference-only actual (79.12歳) as no actual', () => {
    expect(reports[10].years[0].actual).toBeNull();
    expect(reports[10].years[0].explanation).toBe('実績欄は参考値（79.12）のみ → -');
  });

  it('takes the missing baseline of a count as 0 and says so (line 277)', () => {
    expect(reports[13].years[0].explanation).toBe('基準値がないため0とみなす: 実績 5 > 基準値 0（高いほど良い指標、基準値より改善）→ 順調');
  });

  it('does not take a missing baseline of a rate as 0', () => {
    const rate = rowKpiOf({ name: '参加率', baseline: '-', target: '15.0%', actual: '12.0%', unit: '%' });
    const r = evaluateKpi(rate, iwamizawa, { asOf: null });
    expect(r.years[0].category).toBeNull();
    expect(r.years[0].explanation).toContain('基準値がないため判定できません');
  });
});

describe('iwamizawa: equal to the baseline, down and maintain KPIs', () => {
  it('an actual equal to the baseline is 低調 (no improvement) for up, 順調 for maintain', () => {
    const up = rowKpiOf({ name: '取組みの実証件数', baseline: '3件', target: '6件', actual: '3件' });
    expect(evaluateKpi(up, iwamizawa, { asOf: null }).years[0].category).toBe('低調');
    const keep = rowKpiOf({ name: '事業実施による経済波及効果', baseline: '21.6億円', target: '21.6億円', actual: '21.6億円' });
    const r = evaluateKpi(keep, iwamizawa, { asOf: null });
    expect(r.direction).toBe('maintain');
    expect(r.years[0].category).toBe('順調');
  });

  it('equalIsGood makes an equal actual 順調', () => {
    const scheme = { ...(presetScheme('iwamizawa') as Scheme), equalIsGood: true } as Scheme;
    const up = rowKpiOf({ name: '取組みの実証件数', baseline: '3件', target: '6件', actual: '3件' });
    expect(evaluateKpi(up, scheme, { asOf: null }).years[0].category).toBe('順調');
  });

  it('a down KPI improves by falling (潜在待機児童数 15 → 0, actual 2)', () => {
    const k = rowKpiOf({ name: '潜在待機児童数', baseline: '15人', target: '0人', actual: '2人' });
    const r = evaluateKpi(k, iwamizawa, { asOf: null });
    expect(r.direction).toBe('down');
    expect(r.years[0].category).toBe('順調');
    expect(r.problems.filter((p) => p.code === 'direction-conflict')).toEqual([]);
  });
});

describe('001 seed project tables: targets below baselines (lines 459–518)', () => {
  const soudan = rowKpiOf({ name: '子育て総合支援センターの相談件数', baseline: '1,664件/年', target: '1,322件/年', actual: '1,511件' });

  it('warns with direction-conflict and tells the user what to do', () => {
    const r = evaluateKpi(soudan, iwamizawa, { asOf: null });
    expect(r.direction).toBe('down');
    const conflicts = r.problems.filter((p) => p.code === 'direction-conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].message).toContain('上書き');
    expect(conflicts[0].cell).toBe('D4');
  });

  it('an override settles it: no warning, judged in the chosen direction', () => {
    const r = evaluateKpi(soudan, iwamizawa, { asOf: null, directionOverrides: { [soudan.id]: 'up' } });
    expect(r.direction).toBe('up');
    expect(r.directionReason).toContain('利用者');
    expect(r.problems).toEqual([]);
    expect(r.years[0].category).toBe('低調');
  });

  it.each([
    ['えみふるの年間利用者数', '50,641人/年', '42,365人/年', '36,274人'],
    ['教育支援センターの相談支援者数', '36人/年', '30人/年', '29人'],
    ['被援助延べ児童数', '541人/年', '482人/年', '484人'],
  ])('%s is flagged too', (name, baseline, target, actual) => {
    const r = evaluateKpi(rowKpiOf({ name, baseline, target, actual }), iwamizawa, { asOf: null });
    expect(r.problems.map((p) => p.code)).toContain('direction-conflict');
  });
});
