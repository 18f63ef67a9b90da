import type { SakuScheme } from '../scheme';
import { labelOf } from '../scheme';
import { atLeast } from '../numbers';
import { formatThreshold } from '../format';
import { DIRECTION_NOTE, isUnpublished, judgment, missingPhrase, show } from './context';
import type { Judgment, YearContext } from './context';
import { describeMeasure } from './describe';
import { measureAgainst } from './measure';

/**
 * 佐久市 rule (000 seed lines 223–243; SPEC §4): r = 実績/目安 (down: 目安/実績); r ≥ good (1) → 順調,
 * r ≥ fair (0.8) → 概ね順調, else 努力を要する, thresholds compared with a 1e-9 tolerance so 0.8 computed as
 * 0.7999999999 is still 概ね順調. No actual → 未公表 when the reason is "not yet published", else 実績値なし
 * (a reference-only figure is no actual). 目安値・実績値がともに0 → 実績値なし. Negative values → progress from the
 * baseline with the same thresholds; a zero benchmark or a zero actual of a down KPI → reached or not (順調 /
 * 努力を要する). No benchmark → no category, with a `no-benchmark` problem.
 */
export function judgeSaku(scheme: SakuScheme, ctx: YearContext): Judgment {
  const L = (role: string): string => labelOf(scheme, role);
  const a = ctx.actual;
  if (a.kind === 'missing') {
    const category = isUnpublished(a) ? L('unpublished') : L('no-data');
    return judgment({ category, explanation: `${missingPhrase(a, ctx.actualDecimals)} → ${category}` });
  }
  const b = ctx.benchmark;
  const actual = { value: a.value, decimals: ctx.actualDecimals };
  if (b.value === null) {
    return judgment({
      category: null,
      explanation: `目安値がなく、基準値・目標値からも求められないため判定できません（実績 ${show(actual)}）`,
      problems: [{ code: 'no-benchmark', message: '目安値がなく、基準値と目標値（年度つき）からも求められないため判定できません。目標年度を補うか、基準値と比べる方式（iwamizawa, nagayo）を選んでください / No benchmark and none can be interpolated: give the target year, or choose a scheme that compares with the baseline' }],
    });
  }
  const ref = { value: b.value, decimals: b.decimals };
  const { good, fair } = scheme.thresholds;
  const m = measureAgainst(a.value, b.value, ctx.baseline?.value ?? null, ctx.direction, b.comparator);
  const text = describeMeasure(m, actual, ref, '目安', [good, fair], ctx.baseline);
  const note = DIRECTION_NOTE[ctx.direction];
  if (m.kind === 'both-zero') return judgment({ category: L('no-data'), explanation: `${text} → ${L('no-data')}` });
  if (m.kind === 'comparison') {
    const category = m.reached ? L('good') : L('poor');
    const problems =
      m.why === 'negative-without-baseline'
        ? [{ code: 'ratio-not-meaningful' as const, message: '負の値を含み基準値もないため、比率・進捗率を使わず目安値に届いたかだけで判定しました / Negative values and no baseline: judged reached / not reached only' }]
        : [];
    return judgment({ category, basis: 'comparison', explanation: `${text} → ${category}${note}`, problems });
  }
  const v = m.value;
  const pct = formatThreshold;
  let category: string;
  let rule: string;
  if (atLeast(v, good) && !m.strictMiss) {
    category = L('good');
    rule = `≥ ${pct(good)}`;
  } else if (atLeast(v, fair)) {
    category = L('fair');
    rule = m.strictMiss ? `（目安値は上限・下限を含まないため同値は未達）≥ ${pct(fair)}` : `≥ ${pct(fair)}`;
  } else {
    category = L('poor');
    rule = `< ${pct(fair)}`;
  }
  return judgment({
    category,
    basis: m.kind,
    basisValue: v,
    ratio: m.kind === 'progress' ? null : v,
    explanation: `${text} ${rule} → ${category}${note}`,
  });
}
