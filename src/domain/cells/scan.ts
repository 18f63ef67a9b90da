/**
 * Splits normalised value text into items: `label? comparatorSymbol? sign? number unit? (paren)*`.
 * The grammar and its decisions are documented in `readCell.ts`. Returns null when the text is not a sequence
 * of such items (the caller then looks for a missing reason or reports the text).
 */
import { isDigitCode, isLatinCode } from './chars';
import { cleanLabel } from './labels';
import type { Comparator } from './types';
import { unitRunOf } from './unitRun';
import { comparatorPrefixAt, isMinusSign, isSign } from './words';

export interface ScannedItem {
  /** `小` of `小93.5`, `男性` of `男性80.0` (002 seed lines 52, 782). */
  label: string | null;
  value: number;
  decimals: number;
  /** A sign was written (`▲`, `-`, `+`): such an item cannot be the lower half of `32億4,046万円`. */
  signed: boolean;
  /** The unit as written, without comparator or status words (`千円`, `世帯`), or null. */
  unitText: string | null;
  unit: string | null;
  scale: number;
  perYear: boolean;
  comparator: Comparator | null;
  provisional: boolean;
  /** Contents of the parentheses after the item, trimmed: `803` of `595(803)`. */
  parens: string[];
  /** The next item starts right after this one, with no space: `3世帯9人`, `32億4,046万円`. */
  gluedToNext: boolean;
}

/** Decimals are for display: capped so `toFixed(decimals)` is always safe. */
export const MAX_DECIMALS = 20;
const SPACE = 0x20;
const OPEN = 0x28;
const CLOSE = 0x29;

export function scanItems(s: string): ScannedItem[] | null {
  const items: ScannedItem[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (s.charCodeAt(i) === SPACE) {
      i++;
      continue;
    }
    let label: string | null = null;
    const labelEnd = runEnd(s, i, false);
    if (labelEnd > i) {
      label = cleanLabel(s.slice(i, labelEnd));
      if (label === null) return null;
      i = labelEnd;
      if (s.charCodeAt(i) === SPACE) i++;
      if (label === '') label = null;
    }
    let comparator: Comparator | null = null;
    const prefix = comparatorPrefixAt(s, i);
    if (prefix) {
      comparator = prefix.comparator;
      i += prefix.length;
      if (s.charCodeAt(i) === SPACE) i++;
    }
    let negative = false;
    let signed = false;
    if (i < n && isSign(s[i])) {
      signed = true;
      negative = isMinusSign(s[i]);
      i++;
      if (s.charCodeAt(i) === SPACE) i++;
    }
    const num = readNumber(s, i);
    if (!num) return null;
    i = num.end;

    let run: string | null = null;
    const c = s.charCodeAt(i);
    if (i < n && c !== SPACE && c !== OPEN && c !== CLOSE) {
      const end = runEnd(s, i, true);
      if (end > i) {
        run = s.slice(i, end);
        i = end;
      }
    } else if (c === SPACE) {
      // `1,819 千人` (004 seed line 348): a spaced run is a unit unless a number follows it (`小93.5 中98.1`).
      const end = runEnd(s, i + 1, true);
      if (end > i + 1 && !startsNumber(s, end)) {
        run = s.slice(i + 1, end);
        i = end;
      }
    }
    const item: ScannedItem = {
      label,
      value: negative ? -num.value : num.value,
      decimals: num.decimals,
      signed,
      unitText: null,
      unit: null,
      scale: 1,
      perYear: false,
      comparator,
      provisional: false,
      parens: [],
      gluedToNext: false,
    };
    if (run !== null && !applyUnitRun(item, run)) return null;

    for (;;) {
      let k = i;
      if (s.charCodeAt(k) === SPACE) k++;
      if (s.charCodeAt(k) !== OPEN) break;
      const close = matchingParen(s, k);
      if (close < 0) return null;
      item.parens.push(s.slice(k + 1, close).trim());
      i = close + 1;
    }
    if (i < n && s.charCodeAt(i) !== SPACE) {
      if (!isDigitCode(s.charCodeAt(i)) && !isSign(s[i])) return null;
      item.gluedToNext = true;
    }
    items.push(item);
  }
  return items.length > 0 ? items : null;
}

/** Reads `12`, `1,498`, `165,120`, `78.1`; thousands groups must be of three digits (`1,2345` is not a number). */
export function readNumber(s: string, at: number): { value: number; decimals: number; end: number } | null {
  const n = s.length;
  let j = at;
  while (j < n && isDigitCode(s.charCodeAt(j))) j++;
  if (j === at) return null;
  let commas = false;
  if (s.charCodeAt(j) === 0x2c && j - at <= 3) {
    while (
      s.charCodeAt(j) === 0x2c &&
      isDigitCode(s.charCodeAt(j + 1)) &&
      isDigitCode(s.charCodeAt(j + 2)) &&
      isDigitCode(s.charCodeAt(j + 3)) &&
      !isDigitCode(s.charCodeAt(j + 4))
    ) {
      j += 4;
      commas = true;
    }
  }
  if (s.charCodeAt(j) === 0x2c && isDigitCode(s.charCodeAt(j + 1))) return null;
  let decimals = 0;
  if (s.charCodeAt(j) === 0x2e && isDigitCode(s.charCodeAt(j + 1))) {
    let k = j + 1;
    while (k < n && isDigitCode(s.charCodeAt(k))) k++;
    decimals = Math.min(k - j - 1, MAX_DECIMALS);
    j = k;
  }
  const digits = s.slice(at, j);
  const value = Number(commas ? digits.replace(/,/g, '') : digits);
  return { value, decimals, end: j };
}


/** Comparator, status words, `/年` and scale split off a unit run; false when the rest is not a unit. */
function applyUnitRun(item: ScannedItem, run: string): boolean {
  const u = unitRunOf(run);
  if (u === null) return false;
  if (u.comparator) {
    if (item.comparator && item.comparator !== u.comparator) return false;
    item.comparator = u.comparator;
  }
  item.provisional = item.provisional || u.provisional;
  item.unitText = u.unitText;
  item.unit = u.unit;
  item.scale = u.scale;
  item.perYear = u.perYear;
  return true;
}

/**
 * End of a label or unit run: stops at spaces, parentheses, digits, signs, comparator symbols, commas, `※`,
 * `~`. In a unit a digit may follow a Latin letter (`m2`, `CO2`).
 */
function runEnd(s: string, at: number, unit: boolean): number {
  const n = s.length;
  let j = at;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (isDigitCode(c)) {
      if (!(unit && j > at && isLatinCode(s.charCodeAt(j - 1)) && !isDigitCode(s.charCodeAt(j + 1)))) break;
    } else if (isRunStop(c)) break;
    j++;
  }
  return j;
}

function isRunStop(c: number): boolean {
  switch (c) {
    case 0x20: // space
    case 0x28: // (
    case 0x29: // )
    case 0x2c: // ,
    case 0x3001: // 、
    case 0x3002: // 。
    case 0x203b: // ※
    case 0x7e: // ~
    case 0x301c: // 〜
    case 0x2b: // +
    case 0x2d: // -
    case 0x2212: // −
    case 0x2013: // –
    case 0x2010: // ‐
    case 0x25b2: // ▲
    case 0x25b3: // △
    case 0xb1: // ±
    case 0x3c: // <
    case 0x3e: // >
    case 0x2264: // ≤
    case 0x2265: // ≥
    case 0x2266: // ≦
    case 0x2267: // ≧
      return true;
    default:
      return false;
  }
}


/** A number (possibly after a sign, comparator symbol or one space) starts at `at`. */
function startsNumber(s: string, at: number): boolean {
  let k = at;
  if (s.charCodeAt(k) === SPACE) k++;
  const c = s.charCodeAt(k);
  return isDigitCode(c) || (k < s.length && (isSign(s[k]) || comparatorPrefixAt(s, k) !== null));
}

function matchingParen(s: string, open: number): number {
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === OPEN) depth++;
    else if (c === CLOSE && --depth === 0) return k;
  }
  return -1;
}
