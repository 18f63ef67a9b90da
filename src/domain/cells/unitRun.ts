/**
 * What follows a number, read once per distinct text (runs repeat across a sheet: `千円`, `人`, `以上`):
 * comparator suffix (`5以上`), status words (`40.2速報値`), then `/年`, scale word and base unit.
 */
import type { Comparator } from './types';
import { isUnitLike, splitUnit } from './units';
import { isProvisional, splitComparatorSuffix, splitStatusSuffix } from './words';

export interface UnitRun {
  comparator: Comparator | null;
  provisional: boolean;
  /** The unit as written, without comparator or status words (`千円`), or null. */
  unitText: string | null;
  unit: string | null;
  scale: number;
  perYear: boolean;
}

const CACHE = new Map<string, UnitRun | null>();
const CACHE_LIMIT = 5000;

/** The reading of a unit run, or null when the run is not a unit (`年以内に`, `年間の合計`). */
export function unitRunOf(run: string): UnitRun | null {
  let u = CACHE.get(run);
  if (u === undefined) {
    u = readUnitRun(run);
    if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
    CACHE.set(run, u);
  }
  return u;
}

/** A unit (≤ 10 characters) with a comparator and status words fits in this; longer runs are text. */
const MAX_RUN_LENGTH = 32;

function readUnitRun(run: string): UnitRun | null {
  if (run.length > MAX_RUN_LENGTH) return null;
  const u: UnitRun = { comparator: null, provisional: false, unitText: null, unit: null, scale: 1, perYear: false };
  // Suffixes in either order: `5人以上`, `40.2%速報値`, `5以上見込`.
  let rest = run;
  for (let pass = 0; pass < 2; pass++) {
    const split = splitComparatorSuffix(rest);
    if (split.comparator) {
      if (u.comparator && u.comparator !== split.comparator) return null;
      u.comparator = split.comparator;
      rest = split.rest;
    }
    const status = splitStatusSuffix(rest);
    if (status.status !== null) {
      u.provisional = u.provisional || isProvisional(status.status);
      rest = status.rest;
    }
  }
  if (rest === '') return u;
  const unit = splitUnit(rest);
  if (unit.unit !== null && !isUnitLike(unit.unit)) return null;
  u.unitText = rest;
  u.unit = unit.unit;
  u.scale = unit.scale;
  u.perYear = unit.perYear;
  return u;
}
