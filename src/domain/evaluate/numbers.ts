/**
 * Threshold comparisons that survive float noise. A ratio such as 0.8 may be computed as 0.7999999999999999
 * (e.g. 0.56 / 0.7); the published rule "80%以上" must still place it in the higher category. The tolerance is
 * relative (1e-9 of the threshold, at least 1e-9 absolute): far below any difference a sheet value can carry.
 */
export const THRESHOLD_EPSILON = 1e-9;

function tolerance(reference: number): number {
  return THRESHOLD_EPSILON * Math.max(1, Math.abs(reference));
}

/** `value ≥ threshold`, counting values within the float tolerance of the threshold as equal. */
export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - tolerance(threshold);
}

/** `value ≤ threshold`, with the same tolerance as `atLeast`. */
export function atMost(value: number, threshold: number): boolean {
  return value <= threshold + tolerance(threshold);
}

/** Equal within the float tolerance of the larger magnitude. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= tolerance(Math.max(Math.abs(a), Math.abs(b)));
}

/** A number that can go into the report: finite, and never `-0`. Anything else gives null. */
export function finiteOrNull(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}
