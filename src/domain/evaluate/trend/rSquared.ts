import { lineAt } from './point';
import type { Line, Point } from './point';

/**
 * Coefficient of determination of `line` on `points`: 1 − SSres/SStot, clamped to [0, 1] against float noise.
 * Degenerate input, decided: fewer than 3 points → null (two points always fit: R² = 1 says nothing);
 * SStot = 0 (constant y) → null, R² is undefined there, and a caller must not read it as a poor fit;
 * non-finite sums → null.
 */
export function rSquared(points: readonly Point[], line: Line): number | null {
  const n = points.length;
  if (n < 3) return null;
  // `p[0]`, `p[1]` rather than `[x, y]` destructuring, which goes through an iterator (once per KPI).
  let sy = 0;
  for (const p of points) sy += p[1];
  const my = sy / n;
  let ssTot = 0;
  let ssRes = 0;
  for (const p of points) {
    ssTot += (p[1] - my) ** 2;
    ssRes += (p[1] - lineAt(line, p[0])) ** 2;
  }
  if (!Number.isFinite(ssTot) || !Number.isFinite(ssRes) || ssTot === 0 || points.every((p) => p[1] === points[0][1])) return null;
  const r2 = 1 - ssRes / ssTot;
  return Number.isFinite(r2) ? Math.min(1, Math.max(0, r2)) : null;
}
