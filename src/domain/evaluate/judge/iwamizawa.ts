import type { IwamizawaScheme } from '../scheme';
import { labelOf } from '../scheme';
import { formatNumber } from '../format';
import { nearlyEqual } from '../numbers';
import { judgment, missingPhrase, show } from './context';
import type { Judgment, Shown, YearContext } from './context';

/** Units and name words of a rate, share or level, where a missing baseline cannot be taken as 0. */
const NOT_A_COUNT_UNITS = ['%', '％', '‰', '割', '倍', '歳', '点', '度', '位'];
const NOT_A_COUNT_NAME = /(率|割合|指数|寿命|平均|満足度|順位)/;

/** The KPI counts things (件, 人, 種 …): a missing baseline of it can mean "none yet". */
export function looksLikeCount(unit: string | null, name: string): boolean {
  const u = (unit ?? '').normalize('NFKC');
  return !NOT_A_COUNT_UNITS.some((x) => u.includes(x)) && !NOT_A_COUNT_NAME.test(name.normalize('NFKC'));
}

/**
 * 岩見沢市 rule (001 seed lines 235–277): 順調 when the actual is better than the baseline in the KPI's
 * direction, else 低調; an actual equal to the baseline is 低調 (no improvement) unless `equalIsGood`, and always
 * 順調 for a maintain KPI. No current actual (調査なし, 未公表, reference-only `(79.12歳)`) → `-`. A missing
 * baseline of a count with a target > 0 is taken as 0 (line 277: `-` → 17種, actual 5種 → 順調) when
 * `zeroMissingBaseline`; any other missing baseline gives no category.
 */
export function judgeIwamizawa(scheme: IwamizawaScheme, ctx: YearContext): Judgment {
  const L = (role: string): string => labelOf(scheme, role);
  const a = ctx.actual;
  if (a.kind === 'missing') {
    const category = L('no-data');
    return judgment({ category, explanation: `${missingPhrase(a, ctx.actualDecimals)} → ${category}` });
  }
  const actual: Shown = { value: a.value, decimals: ctx.actualDecimals };
  let base = ctx.baseline;
  let assumed = '';
  if (!base && scheme.zeroMissingBaseline && ctx.target && ctx.target.value > 0 && looksLikeCount(ctx.unit, ctx.name)) {
    base = { value: 0, decimals: ctx.actualDecimals };
    assumed = '基準値がないため0とみなす: ';
  }
  if (!base) {
    return judgment({ category: null, explanation: `基準値がないため判定できません（実績 ${show(actual)}）` });
  }
  const diff = a.value - base.value;
  const equal = nearlyEqual(a.value, base.value);
  let better: boolean;
  if (equal) better = ctx.direction === 'maintain' || scheme.equalIsGood;
  else better = ctx.direction === 'down' ? diff < 0 : diff > 0;
  const category = better ? L('good') : L('poor');
  const sign = equal ? '=' : diff > 0 ? '>' : '<';
  const aim = ctx.direction === 'down' ? '低いほど良い指標' : ctx.direction === 'maintain' ? '維持を目指す指標' : '高いほど良い指標';
  const how = equal ? (better ? '基準値と同じ' : '基準値から改善なし') : better ? '基準値より改善' : '基準値より悪化';
  return judgment({
    category,
    basis: 'comparison',
    basisValue: Number.isFinite(diff) ? diff : null,
    explanation: `${assumed}実績 ${show(actual)} ${sign} 基準値 ${formatNumber(base.value, base.decimals)}（${aim}、${how}）→ ${category}`,
  });
}
