/**
 * What follows a number, read once per distinct text (runs repeat across a sheet: `千円`, `人`, `以上`):
 * comparator suffix (`5以上`), status words (`40.2速報値`), then `/年`, scale word and base unit.
 */
import type { Comparator } from './types';
import { isUnitLike, splitUnit } from './units';
import { isOnlyStatusWords, isProvisional, splitComparatorSuffix } from './words';

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

function readUnitRun(run: string): UnitRun | null {
  const split = splitComparatorSuffix(run);
  const u: UnitRun = {
    comparator: split.comparator,
    provisional: false,
    unitText: null,
    unit: null,
    scale: 1,
    perYear: false,
  };
  const rest = split.rest;
  if (rest === '') return u;
  if (isOnlyStatusWords(rest)) {
    u.provisional = isProvisional(rest);
    return u;
  }
  const unit = splitUnit(rest);
  if (unit.unit !== null && !isUnitLike(unit.unit)) return null;
  u.unitText = rest;
  u.unit = unit.unit;
  u.scale = unit.scale;
  u.perYear = unit.perYear;
  return u;
}
