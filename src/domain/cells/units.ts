/**
 * Units and scale words: `千円` → scale 1000, unit `円` (001 seed line 236); `億円` → 1e8 (004 seed line 269);
 * `人/年` → unit `人`, per year (001 seed line 375).
 */
import { normalizeText } from '../text';
import { isLatinCode } from './chars';
import { containsComparatorWord, mentionsReason } from './words';

/** Longest first, so `百万円` is 1e6 円 and not 百 + `万円`. */
const SCALE_WORDS: readonly [string, number][] = [
  ['百万', 1e6],
  ['十万', 1e5],
  ['千万', 1e7],
  ['億', 1e8],
  ['兆', 1e12],
  ['万', 1e4],
  ['千', 1e3],
];

export interface UnitParts {
  /** Base unit (`円`, `人`, `%`), or null when only a scale word or nothing was written. */
  unit: string | null;
  /** 1, 1e3 (千), 1e4 (万), 1e5 (十万), 1e6 (百万), 1e7 (千万), 1e8 (億), 1e12 (兆). */
  scale: number;
  /** The text ended with `/年` or `/年度`: an annual figure. */
  perYear: boolean;
}

/**
 * Splits a unit text into scale word, base unit and the per-year mark: `千円` → {円, 1000}, `万人` → {人, 1e4},
 * `人/年` → {人, 1, perYear}, `千` → {null, 1000}, `パーセント` → `%`. Also for 単位 cells (`(千円)`).
 */
export function scaleWord(unitText: string): UnitParts {
  return splitUnit(normalizeText(unitText));
}

/** `scaleWord` for text that is already normalised (the hot path of `readCell`). */
export function splitUnit(normalized: string): UnitParts {
  let t = normalized;
  if (t.length >= 2 && t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1).trim();
  let perYear = false;
  if (t.endsWith('/年度')) {
    perYear = true;
    t = t.slice(0, -3);
  } else if (t.endsWith('/年')) {
    perYear = true;
    t = t.slice(0, -2);
  }
  let scale = 1;
  for (const [word, factor] of SCALE_WORDS) {
    if (t.startsWith(word)) {
      scale = factor;
      t = t.slice(word.length);
      break;
    }
  }
  t = t.trim();
  if (t === 'パーセント') t = '%';
  return { unit: t === '' ? null : t, scale, perYear };
}

const MAX_UNIT_LENGTH = 10;

/**
 * Could this run of characters written after a number be its unit? Units are short and made of kanji,
 * katakana, Latin letters and `% / ・ ° ‰`; digits only right after a Latin letter (`m2`, `CO2`); hiragana only
 * in counters (`か所`, `つ`). Anything else (`年以内に`, `年間の合計`) is text, not a unit.
 */
export function isUnitLike(run: string): boolean {
  const n = run.length;
  if (n === 0 || n > MAX_UNIT_LENGTH) return false;
  for (let i = 0; i < n; i++) {
    const c = run.charCodeAt(i);
    const ok =
      (c >= 0x4e00 && c <= 0x9fff) || // CJK ideographs
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x30a1 && c <= 0x30fa) || // katakana (without ー ・ at the start, see below)
      ((c === 0x30fc || c === 0x30fb) && i > 0) || // ー ・ inside a word (ポイント)
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      c === 0x25 || // %
      c === 0x2030 || // ‰
      c === 0xb0 || // °
      c === 0x3bc || // μ
      c === 0x304b || // か (か所, か月)
      c === 0x3064 || // つ
      (c === 0x2f && i > 0) || // `/` inside (人/ha, mg/L)
      (c >= 0x30 && c <= 0x39 && i > 0 && isLatinCode(run.charCodeAt(i - 1)));
    if (!ok) return false;
  }
  // One-character units (人, 円, %) are the common case, and no word below is one character long.
  if (n === 1) return true;
  return !containsComparatorWord(run) && !mentionsReason(run) && !NOT_A_UNIT.test(run);
}

/** Header words that follow a number without being its unit: `2020年度`, `R5目安値` (000 seed line 291). */
const NOT_A_UNIT = /^年度$|実績|目標|目安|基準|計画|現状/;

