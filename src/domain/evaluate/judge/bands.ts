import type { BandsScheme } from '../scheme';
import { atLeast } from '../numbers';
import { formatPercent, formatThreshold } from '../format';
import { BAND_DIRECTION_NOTE, judgment, missingPhrase, show } from './context';
import type { Judgment, Shown, YearContext } from './context';
import { describeMeasure } from './describe';
import { measureAgainst, reaches } from './measure';
import type { Measure } from './measure';

/** The band a basis value falls in: the first (highest) whose `min` it reaches, or the open-ended last one. */
export function bandFor(scheme: BandsScheme, value: number): { index: number; rule: string } | null {
  for (let i = 0; i < scheme.bands.length; i++) {
    const min = scheme.bands[i].min;
    if (min === null) {
      const prev = i > 0 ? scheme.bands[i - 1].min : null;
      return { index: i, rule: prev === null ? '' : `< ${formatThreshold(prev)}` };
    }
    if (atLeast(value, min)) return { index: i, rule: `≥ ${formatThreshold(min)}` };
  }
  return null;
}

/**
 * Change vs baseline in the KPI's direction (positive = better), relative to |baseline|; a baseline of 0 gives
 * ±1 (a 100% change) for any change, 0 for none. `raw` is that change; `value` is what the bands compare:
 * 0 ("unchanged") when the change is within ±tolerance (with a 1e-9 relative allowance for float noise).
 */
export function changeVsBaseline(
  actual: number,
  baseline: number,
  direction: YearContext['direction'],
  tolerance: number,
): { raw: number; value: number } {
  const sign = direction === 'down' ? -1 : 1;
  const rel = baseline === 0 ? Math.sign(actual) : (actual - baseline) / Math.abs(baseline);
  const raw = Number.isFinite(rel) ? rel * sign : Math.sign(rel) * sign;
  return { raw, value: Math.abs(raw) <= tolerance * (1 + 1e-9) ? 0 : raw };
}

/**
 * User-defined bands (A/B/C/D, 長与町 S/A/B/C/−, ◎○△×) on a chosen basis:
 * `ratio-to-benchmark` and `ratio-to-target` (as 佐久市: inverse for down, progress from the baseline where values
 * are negative), `progress-from-baseline` (actual − baseline)/(target − baseline), `change-vs-baseline`
 * (relative change in the KPI's direction, ±tolerance counting as 0). `targetReached` is checked first.
 * "Reached / not reached" cases (zero references) give the highest / lowest band; both 0, or no actual, give
 * `missingLabel`; a basis that cannot be computed (no benchmark, no baseline) gives no category.
 */
export function judgeBands(scheme: BandsScheme, ctx: YearContext): Judgment {
  const a = ctx.actual;
  if (a.kind === 'missing') return judgment({ category: scheme.missingLabel, explanation: `${missingPhrase(a, ctx.actualDecimals)} → ${scheme.missingLabel}` });
  const actual: Shown = { value: a.value, decimals: ctx.actualDecimals };
  const note = BAND_DIRECTION_NOTE[ctx.direction];
  const t = ctx.target;
  if (scheme.targetReached && t && reaches(a.value, t.value, ctx.direction, t.comparator)) {
    const label = scheme.targetReached.label;
    return judgment({ category: label, basis: 'comparison', explanation: `実績 ${show(actual)} が目標値 ${show(t)} に到達 → ${label}${note}` });
  }
  const thresholds = scheme.bands.map((b) => b.min).filter((m): m is number => m !== null);
  const base = ctx.baseline;
  let measure: Measure;
  let text: string;
  switch (scheme.basis) {
    case 'ratio-to-benchmark':
    case 'ratio-to-target': {
      const toTarget = scheme.basis === 'ratio-to-target';
      const b = ctx.benchmark;
      const ref = toTarget ? t : b.value !== null ? { value: b.value, decimals: b.decimals, comparator: b.comparator } : null;
      if (!ref) {
        const what = toTarget ? '目標値' : '目安値';
        return judgment({
          category: null,
          explanation: `${what}がないため判定できません（実績 ${show(actual)}）`,
          problems: toTarget ? [] : [{ code: 'no-benchmark', message: '目安値がなく、基準値と目標値（年度つき）からも求められないため判定できません。目標年度を補うか、基準値と比べる方式（iwamizawa, nagayo）を選んでください / No benchmark and none can be interpolated: give the target year, or choose a scheme that compares with the baseline' }],
        });
      }
      measure = measureAgainst(a.value, ref.value, base?.value ?? null, ctx.direction, ref.comparator);
      text = describeMeasure(measure, actual, ref, toTarget ? '目標' : '目安', thresholds, base);
      break;
    }
    case 'progress-from-baseline': {
      if (!base || !t || t.value === base.value) {
        return judgment({ category: null, explanation: `基準値と（基準値と異なる）目標値がないため進捗率を求められません（実績 ${show(actual)}）` });
      }
      const value = (a.value - base.value) / (t.value - base.value);
      if (!Number.isFinite(value)) return judgment({ category: null, explanation: `進捗率を求められません（実績 ${show(actual)}）` });
      measure = { kind: 'progress', value, baseline: base.value, strictMiss: false };
      text = `進捗率 (実績 ${show(actual)} − 基準 ${show(base)}) / (目標 ${show(t)} − 基準 ${show(base)}) = ${formatPercent(value, thresholds)}`;
      break;
    }
    case 'change-vs-baseline': {
      if (!base) return judgment({ category: null, explanation: `基準値がないため判定できません（実績 ${show(actual)}）` });
      const change = changeVsBaseline(a.value, base.value, ctx.direction, scheme.tolerance);
      const rel = base.value === 0 ? '基準値が0のため変化の向きだけで ±100% とする' : `(実績 ${show(actual)} − 基準 ${show(base)}) / |基準 ${show(base)}|`;
      const within = change.value === 0 && change.raw !== 0 ? `（±${formatThreshold(scheme.tolerance)}以内のため変化なしとみなす）` : '';
      text = `基準値からの変化${ctx.direction === 'down' ? '（減少を改善とする）' : ''}: ${rel} = ${formatPercent(change.raw)}${within}`;
      const judged = fromBand(scheme, { kind: 'progress', value: change.value, baseline: base.value, strictMiss: false }, text, note, 'change');
      return { ...judged, basisValue: Number.isFinite(change.raw) ? change.raw : null };
    }
  }
  return fromBand(scheme, measure, text, note, measure.kind === 'comparison' || measure.kind === 'both-zero' ? 'comparison' : measure.kind);
}

function fromBand(scheme: BandsScheme, m: Measure, text: string, note: string, basis: Judgment['basis']): Judgment {
  if (m.kind === 'both-zero') return judgment({ category: scheme.missingLabel, explanation: `${text} → ${scheme.missingLabel}` });
  if (m.kind === 'comparison') {
    const band = scheme.bands[m.reached ? 0 : scheme.bands.length - 1];
    return judgment({ category: band.label, basis: 'comparison', explanation: `${text} → ${band.label}${note}` });
  }
  const found = bandFor(scheme, m.value);
  const isRatio = basis === 'ratio' || basis === 'inverse-ratio';
  if (!found) {
    return judgment({ category: null, basis, basisValue: m.value, ratio: isRatio ? m.value : null, explanation: `${text} はどの区分の下限にも届きません` });
  }
  let index = found.index;
  let rule = found.rule;
  // A strict limit (未満, 超) met with equality does not reach the band whose lower bound is 100%.
  if (m.kind !== 'progress' && m.strictMiss && index < scheme.bands.length - 1 && scheme.bands[index].min === 1) {
    index += 1;
    rule = '（目安値は上限・下限を含まないため同値は未達）';
  }
  const label = scheme.bands[index].label;
  return judgment({ category: label, basis, basisValue: m.value, ratio: isRatio ? m.value : null, explanation: `${text} ${rule} → ${label}${note}`.replace(/\s+→/, ' →') });
}

