import { inferDirection, readsHigherIsBetter } from '../../../src/domain/evaluate';
import { kpiOf, rowKpiOf } from '../../helpers/kpiBuilder';

describe('inferDirection: first that applies', () => {
  it('the override wins over everything', () => {
    const k = kpiOf({ name: 'x', baseline: ['R1', 2019, '1'], target: ['R6', 2024, '5以下'] });
    const d = inferDirection(k, 'maintain');
    expect(d).toMatchObject({ direction: 'maintain', source: 'override', problems: [] });
    expect(d.reason).toBe('利用者の設定により維持を目指す指標');
  });

  it.each([
    ['5以上', 'up'],
    ['5超', 'up'],
    ['2以下', 'down'],
    ['13.2以内', 'down'],
    ['2未満', 'down'],
  ])('a target written %s → %s (comparator)', (target, direction) => {
    const d = inferDirection(kpiOf({ name: 'x', target: ['R6', 2024, target] }));
    expect(d.direction).toBe(direction);
    expect(d.source).toBe('comparator');
    expect(d.problems).toEqual([]);
  });

  it('a comparator on a benchmark counts when the target has none', () => {
    const d = inferDirection(kpiOf({ name: 'x', years: [['R2', 2020, { b: '13.2以内' }]] }));
    expect(d).toMatchObject({ direction: 'down', source: 'comparator' });
    expect(d.reason).toBe('目安値が「以下・以内」で示されているため低いほど良い（上限の）指標');
  });

  it.each([
    ['78.0', '80.0', 'up', '目標値 80.0 が基準値 78.0 より大きいため上昇を目指す指標'],
    ['1,664', '1,322', 'down', '目標値 1,322 が基準値 1,664 より小さいため下降を目指す指標'],
    ['26.2', '26.2', 'maintain', '目標値 26.2 が基準値 26.2 と等しいため維持を目指す指標'],
  ])('target vs baseline: %s → %s gives %s', (b, t, direction, reason) => {
    const d = inferDirection(kpiOf({ name: 'x', baseline: ['R1', 2019, b], target: ['R6', 2024, t] }));
    expect(d).toMatchObject({ direction, reason, source: 'target-vs-baseline' });
    expect(d.reasonEn.length).toBeGreaterThan(0);
  });

  it('a falling benchmark row when there is no baseline', () => {
    const k = kpiOf({ name: 'x', years: [['R2', 2020, { b: '30' }], ['R3', 2021, { b: '28' }], ['R4', 2022, { b: '25' }]] });
    expect(inferDirection(k)).toMatchObject({ direction: 'down', source: 'benchmark-sequence' });
  });

  it('nothing to go on → up (default)', () => {
    const d = inferDirection(kpiOf({ name: 'x', years: [['R2', 2020, { a: '3' }]] }));
    expect(d).toMatchObject({ direction: 'up', source: 'default', problems: [] });
  });
});

describe('direction-conflict', () => {
  it('comparator vs numbers: `13.2以内` above a baseline of 12.0', () => {
    const d = inferDirection(kpiOf({ name: '比率', baseline: ['R1', 2019, '12.0'], target: ['R6', 2024, '13.2以内'] }));
    expect(d.direction).toBe('down');
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0]).toMatchObject({ code: 'direction-conflict', sheet: '基本目標1' });
    expect(d.problems[0].message).toContain('上書き');
  });

  it('benchmark row vs target-vs-baseline', () => {
    const k = kpiOf({
      name: 'ごみ排出量',
      baseline: ['R1', 2019, '100'],
      target: ['R6', 2024, '120'],
      years: [['R2', 2020, { b: '110' }], ['R3', 2021, { b: '105' }], ['R4', 2022, { b: '100' }]],
    });
    const d = inferDirection(k);
    expect(d.direction).toBe('up');
    expect(d.problems.map((p) => p.message).join()).toContain('目安値の並びは下降');
  });

  it('a count whose target is below its baseline (001 seed line 461)', () => {
    const d = inferDirection(rowKpiOf({ name: '子育て総合支援センターの相談件数', baseline: '1,664', target: '1,322', actual: '1,511' }));
    expect(d.direction).toBe('down');
    expect(d.problems).toHaveLength(1);
  });

  it('no warning for a lower-is-better name or an agreeing comparator', () => {
    expect(inferDirection(rowKpiOf({ name: '潜在待機児童数', baseline: '15', target: '0', actual: '2' })).problems).toEqual([]);
    expect(inferDirection(kpiOf({ name: '件数', baseline: ['R1', 2019, '5'], target: ['R6', 2024, '2以下'] })).problems).toEqual([]);
  });

  it('name reading', () => {
    expect(readsHigherIsBetter('えみふるの年間利用者数')).toBe(true);
    expect(readsHigherIsBetter('社会動態における転出率')).toBe(false);
    expect(readsHigherIsBetter('交通事故件数')).toBe(false);
    expect(readsHigherIsBetter('健康寿命')).toBe(false);
  });
});
