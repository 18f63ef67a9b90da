import type { CellPart, CellReading } from './types';

/**
 * The reading's value in another scale: `1,498千円` (1498, scale 1000) in 円 → 1,498,000, in 百万円 → 1.498.
 * Null when there is no value (missing, or a compound cell: use `partValueInScale`). Rounded to 15 significant
 * digits so scale changes add no float noise (21.6億円 in 万円 is 216000, not 216000.00000000003).
 */
export function valueInScale(reading: CellReading, targetScale: number): number | null {
  if (reading.value === null) return null;
  return rescale(reading.value, reading.scale, targetScale);
}

/** A compound part's value in another scale (`partValueInScale(part, 1)` for `3千人` as a part). */
export function partValueInScale(part: CellPart, targetScale: number): number {
  return rescale(part.value, part.scale ?? 1, targetScale);
}

function rescale(value: number, scale: number, targetScale: number): number {
  if (!(targetScale > 0) || !Number.isFinite(targetScale)) {
    throw new Error(`valueInScale: targetScale must be a positive number, got ${targetScale}`);
  }
  if (scale === targetScale) return value;
  const v = Number(((value * scale) / targetScale).toPrecision(15));
  return v === 0 ? 0 : v;
}
