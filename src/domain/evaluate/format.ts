import type { KpiValue } from '../kpi';
import { atLeast } from './numbers';

/** Most decimals shown in an explanation; sheets rarely write more. */
const MAX_DECIMALS = 6;

/** `1234567` → `1,234,567` (digits only; a loop, not a regex: called for every number of every explanation). */
function groupThousands(digits: string): string {
  const n = digits.length;
  if (n <= 3) return digits;
  let head = n % 3 || 3;
  let out = digits.slice(0, head);
  for (; head < n; head += 3) out += `,${digits.slice(head, head + 3)}`;
  return out;
}

/**
 * A number as a Japanese report writes it: thousands commas, `▲` for negatives (001 seed line 250 `▲312人`),
 * `decimals` digits after the point. Non-finite input gives `'—'`; magnitudes ≥ 1e15 use exponent notation.
 */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '—';
  const d = Math.min(MAX_DECIMALS, Math.max(0, Math.round(decimals)));
  const negative = value < 0;
  const abs = Math.abs(value);
  if (abs >= 1e15) return (negative ? '▲' : '') + abs.toExponential(3);
  const fixed = abs.toFixed(d);
  const dot = fixed.indexOf('.');
  const intDigits = dot < 0 ? fixed.length : dot;
  // Below 1,000 there is nothing to group, and most numbers of an explanation are.
  const body = intDigits <= 3 ? fixed : dot < 0 ? groupThousands(fixed) : groupThousands(fixed.slice(0, dot)) + fixed.slice(dot);
  // `-0.001` shown with 1 decimal is `0.0`, not `▲0.0`.
  return negative && Number(fixed) !== 0 ? `▲${body}` : body;
}

/**
 * A ratio as a percentage with one decimal (`1.0381` → `103.8%`). When rounding to one decimal would show a
 * threshold the value does not reach (0.79996 → `80.0%` while below 80%), more decimals are shown, up to 4,
 * so the number never contradicts the category beside it. Non-finite input gives `'—'`.
 */
export function formatPercent(ratio: number, thresholds: readonly number[] = []): string {
  if (!Number.isFinite(ratio)) return '—';
  for (let d = 1; d <= 4; d++) {
    const shown = Number((ratio * 100).toFixed(d)) / 100;
    if (thresholds.every((t) => atLeast(shown, t) === atLeast(ratio, t))) return `${formatNumber(ratio * 100, d)}%`;
  }
  return `${formatNumber(ratio * 100, 4)}%`;
}

/**
 * Decimals to show for a value read from a cell: as written (`78.0` → 1), shifted when the cell's scale word
 * differs from the KPI's (`1.5万` in a 千 KPI → 15, 0 decimals). Defaults to `fallback` when there is no reading.
 */
export function decimalsOf(kv: KpiValue | null | undefined, kpiScale: number, fallback = 0): number {
  if (!kv) return fallback;
  const r = kv.reading;
  const written = Number.isFinite(r.decimals) ? r.decimals : fallback;
  const cellScale = Number.isFinite(r.scale) && r.scale > 0 ? r.scale : 1;
  const scale = Number.isFinite(kpiScale) && kpiScale > 0 ? kpiScale : 1;
  const shift = cellScale === scale ? 0 : Math.round(Math.log10(cellScale / scale));
  return Math.min(MAX_DECIMALS, Math.max(0, written - shift));
}

/**
 * Decimals to show for a derived value (an interpolated benchmark): those of its sources, plus one more when
 * the value is not exact at that precision (78.0 → 80.0 over 5 years gives 78.4, shown `78.4`).
 */
export function decimalsForDerived(value: number, sourceDecimals: number): number {
  const base = Math.min(MAX_DECIMALS, Math.max(0, sourceDecimals));
  const scaled = value * 10 ** base;
  if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled))) return base;
  return Math.min(MAX_DECIMALS, base + 1);
}

/** A threshold as a percentage without needless decimals (1 → `100%`, 0.8 → `80%`, 0.125 → `12.5%`). */
export function formatThreshold(ratio: number): string {
  let shown = thresholdText.get(ratio);
  if (shown === undefined) {
    if (!Number.isFinite(ratio)) return '—';
    const pct = Number((ratio * 100).toFixed(4));
    shown = `${formatNumber(pct, (String(pct).split('.')[1] ?? '').length)}%`;
    if (thresholdText.size < 100) thresholdText.set(ratio, shown);
  }
  return shown;
}

/** A scheme has a handful of thresholds, each shown in every year's explanation. */
const thresholdText = new Map<number, string>();
