import type { Measure } from './measure';
import type { Shown } from './context';
import { show } from './context';
import { formatPercent } from '../format';

/**
 * The arithmetic of a measure in words, ending before the threshold: `実績 81.4 / 目安 78.4 = 103.8%`.
 * `refWord` names the reference (`目安`, `目標`).
 */
export function describeMeasure(
  m: Measure,
  actual: Shown,
  reference: Shown,
  refWord: string,
  thresholds: readonly number[],
  baseline: Shown | null = null,
): string {
  const a = show(actual);
  const r = show(reference);
  switch (m.kind) {
    case 'ratio':
      return `実績 ${a} / ${refWord} ${r} = ${formatPercent(m.value, thresholds)}`;
    case 'inverse-ratio':
      return `${refWord} ${r} / 実績 ${a} = ${formatPercent(m.value, thresholds)}`;
    case 'progress': {
      const b = show({ value: m.baseline, decimals: baseline?.decimals ?? Math.max(actual.decimals, reference.decimals) });
      return `負の値を含むため比率でなく進捗率で判定: (実績 ${a} − 基準 ${b}) / (${refWord} ${r} − 基準 ${b}) = ${formatPercent(m.value, thresholds)}`;
    }
    case 'comparison': {
      const why =
        m.why === 'zero-reference'
          ? `${refWord}が0のため比率は使えず、到達したかで判定`
          : m.why === 'zero-actual'
            ? '実績が0のため比率は使えず、到達したかで判定'
            : '負の値を含み基準値もないため、到達したかで判定';
      return `${why}: 実績 ${a}、${refWord} ${r}（${m.reached ? '到達' : '未到達'}）`;
    }
    case 'both-zero':
      return `${refWord}値・実績値がともに0`;
  }
}
