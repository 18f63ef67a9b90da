/**
 * `readCell`: one value cell (目安値, 実績値, 基準値, 目標値 …) → `CellReading` (SPEC §3). Pure, never throws.
 *
 * Raw values
 *   null / ''              missing 'empty'
 *   number                 a value; decimals from the number format (`0.0` → 1), else from the number as Excel
 *                          shows it (15 significant digits, so 0.1+0.2 reads 0.3). A percent format gives ×100
 *                          (0.781 with `0.0%` → 78.1, unit `%`, percentFormat); `#,##0,` divides by 1000;
 *                          `#,##0"人"` gives the unit. A date format, NaN or ±Infinity: unreadable, with a problem.
 *   boolean                unreadable, problem 'unparsed-value'
 *   {error}                missing 'excel-error', problem 'excel-error'
 *
 * Text, after NFKC and whitespace collapsing (`７８．１％` → `78.1%`):
 *   cell     := dashes | excelErrorText | body ('※' note)?
 *   dashes   := one or more of - − ー ― — – ‐ (the whole cell; 000 seed line 307)       → missing 'dash'
 *   body     := '(' body ')'                      whole cell in parentheses: reference  (001 seed line 274)
 *             | '(参考)' body                                                           reference
 *             | item (' '? item)*
 *   item     := label? cmpSymbol? sign? number unit? ('(' paren ')')*
 *   label    := ≤ 8 kanji/kana/Latin letters, `約` dropped   小, 男性         (002 seed lines 52, 782)
 *   sign     := + | - | − | – | ‐ | ▲ | △ | ±                 ▲ △ are minus (001 seed line 252)
 *   number   := digits (',' 3 digits)* ('.' digits)?        1,498  165,120  78.1
 *   unit     := [scale] base? ('/年')? [comparator] [status], glued or after one space
 *               scale 千 万 十万 百万 千万 億 兆; base: short kanji/katakana/Latin/% text (人, 千円→円, 人/ha, mg/L)
 *               comparator 以上 ge, 超 gt, 以下 le, 以内 le, 未満 lt; cmpSymbol ≧ ≥ >= > ≦ ≤ <= < before a number
 *   paren    := number (secondary) | 内…/うち… (breakdown) | basis word | year tag | 参考 | status | other (note)
 * A value cell STARTS with its number, after at most a label, a comparator symbol, a sign or '(':
 * so a name such as `1年以内に、差別や…` (002 seed line 457) is not a value: `年以内に` is no unit, and every
 * character must belong to an item.
 *
 * Items → reading
 *   one item                        value (`595(803)` → 595, secondary 803)
 *   all items labelled              parts, value null (`小93.5 中98.1`); comparator/unit/scale shared or null
 *   all items year-tagged           yearValues; value = the column's year, else the latest
 *   glued larger scale + smaller    one number: `32億4,046万円` → 324046, scale 1e4, unit 円 (001 seed line 303)
 *   unlabelled items, all units     parts labelled by unit: `3世帯9人` → 世帯 3, 人 9 (001 seed line 437)
 *     distinct
 *   anything else                   not a value
 * Text that is not a value: a missing reason found in it (未公表 / 算定中 / 集計中 → unpublished; 事業終了 →
 * ended; 調査なし / 実績値なし / 該当なし / なし → no-data; unpublished first), else missing 'unreadable' with
 * problem 'unparsed-value'.
 * A reference figure `(79.12歳)` is a value with reference: true and no problem: it was read; the evaluation
 * decides what a reference actual means (SPEC §4 iwamizawa: `-`).
 */
import type { RawValue } from '../grid';
import { isExcelError } from '../grid';
import { normalizeText } from '../text';
import { interpretItems } from './interpret';
import { numberFormatInfo } from './numberFormat';
import {
  blankReading,
  booleanValue,
  dateValue,
  excelError,
  missingReading,
  notFinite,
  unparsedText,
} from './reading';
import { MAX_DECIMALS, readNumber, scanItems } from './scan';
import type { CellReading, ReadCell, ReadCellOptions } from './types';
import { isUnitLike, splitUnit } from './units';
import { isDashOnly, isExcelErrorText, missingCauseOf } from './words';
import { isDigitCode } from './chars';

const MAX_PAREN_DEPTH = 4;
const REFERENCE_PREFIX = /^\((?:参考|参考値)\) ?/;

export const readCell: ReadCell = (raw: RawValue, options?: ReadCellOptions): CellReading => {
  if (raw === null || raw === undefined) return blankReading('');
  switch (typeof raw) {
    case 'number':
      return readNumberValue(raw, options);
    case 'string':
      return readText(raw, options?.columnYear ?? null);
    case 'boolean':
      return booleanValue(raw);
    default:
      if (isExcelError(raw)) return excelError(raw.error);
      return unparsedText(String(Object.prototype.toString.call(raw)));
  }
};

function readNumberValue(n: number, options: ReadCellOptions | undefined): CellReading {
  if (!Number.isFinite(n)) return notFinite(String(n));
  const format = options?.numberFormat ?? null;
  const info = numberFormatInfo(format);
  if (info.date) return dateValue(String(n), format ?? '');
  let v = n;
  if (info.percent) v *= 100;
  if (info.divisor > 1) v /= info.divisor;
  if (!Number.isFinite(v)) return notFinite(String(n));
  // What Excel shows: 15 significant digits (0.1+0.2 → 0.3, 0.781×100 → 78.1), and no -0.
  let shown = String(v);
  if (shown.length > 15 && !Number.isInteger(v)) {
    v = Number(v.toPrecision(15));
    shown = String(v);
  }
  if (v === 0) {
    v = 0;
    shown = '0';
  }
  const r = blankReading('');
  r.kind = 'value';
  r.missing = null;
  r.value = v;
  r.decimals = Math.min(info.decimals ?? decimalsOf(shown), MAX_DECIMALS);
  if (info.percent) {
    r.unit = '%';
    r.percentFormat = true;
  } else if (info.literal !== '') {
    const unit = splitUnit(normalizeText(info.literal));
    if (unit.unit === null || isUnitLike(unit.unit)) {
      r.unit = unit.unit;
      r.scale = unit.scale;
      r.perYear = unit.perYear;
    }
  }
  r.text = (info.decimals === null ? shown : v.toFixed(r.decimals)) + (info.percent ? '%' : '');
  return r;
}

/** Decimals of a number's shortest representation: `78.1` → 1, `1e-7` → 7, `1.5e-7` → 8. */
function decimalsOf(shown: string): number {
  const e = shown.indexOf('e');
  const mantissa = e < 0 ? shown : shown.slice(0, e);
  const dot = mantissa.indexOf('.');
  const decimals = dot < 0 ? 0 : mantissa.length - dot - 1;
  return e < 0 ? decimals : Math.max(0, decimals - Number(shown.slice(e + 1)));
}

function readText(raw: string, columnYear: number | null): CellReading {
  const t = normalizeText(raw);
  if (t === '') return blankReading('');
  const plain = plainNumber(t);
  if (plain) return plain;
  if (isDashOnly(t)) return missingReading(t, 'dash');
  if (isExcelErrorText(t)) return excelError(t);
  return readValueText(t, columnYear);
}

/** Fast path: `78.1`, `-15`, `165,120`, `78.1%`. */
function plainNumber(t: string): CellReading | null {
  const last = t.charCodeAt(t.length - 1);
  if (last !== 0x25 && !isDigitCode(last)) return null; // `1,498千円`: not plain, and not worth a number read
  const c0 = t.charCodeAt(0);
  const signed = c0 === 0x2d || c0 === 0x2b;
  const num = readNumber(t, signed ? 1 : 0);
  if (!num) return null;
  const percent = num.end === t.length - 1 && t.charCodeAt(num.end) === 0x25;
  if (num.end !== t.length && !percent) return null;
  if (!Number.isFinite(num.value)) return notFinite(t);
  const r = blankReading(t);
  r.kind = 'value';
  r.missing = null;
  r.value = c0 === 0x2d && num.value !== 0 ? -num.value : num.value;
  r.decimals = num.decimals;
  if (percent) r.unit = '%';
  return r;
}

function readValueText(t: string, columnYear: number | null): CellReading {
  let body = t;
  let note: string | null = null;
  const mark = noteMark(body);
  if (mark >= 0) {
    note = body.slice(mark + 1).trim() || null;
    body = body.slice(0, mark).trim();
  }
  let reference = false;
  for (let depth = 0; depth < MAX_PAREN_DEPTH && wholeInParens(body); depth++) {
    reference = true;
    body = body.slice(1, -1).trim();
  }
  const prefix = body.charCodeAt(0) === 0x28 ? REFERENCE_PREFIX.exec(body) : null;
  if (prefix) {
    reference = true;
    body = body.slice(prefix[0].length);
  }
  const items = body === '' ? null : scanItems(body);
  const r = blankReading(t);
  if (items && interpretItems(items, r, columnYear)) {
    r.reference = r.reference || reference;
    r.note = joinNotes(r.note, note);
    return allFinite(r) ? r : notFinite(t);
  }
  const cause = missingCauseOf(t);
  if (cause) {
    const m = missingReading(t, cause);
    m.note = note;
    return m;
  }
  return unparsedText(t);
}

/** Position of `※` outside parentheses, or -1. */
function noteMark(s: string): number {
  if (s.indexOf('※') < 0) return -1;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === '※' && depth === 0) return i;
  }
  return -1;
}

/** `(79.12歳)`: the first `(` closes at the last character. */
function wholeInParens(s: string): boolean {
  if (s.length < 2 || s[0] !== '(' || s[s.length - 1] !== ')') return false;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i === s.length - 1;
  }
  return false;
}

function joinNotes(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return `${a} / ${b}`;
}

function allFinite(r: CellReading): boolean {
  if (r.value !== null && !Number.isFinite(r.value)) return false;
  if (r.secondary !== null && !Number.isFinite(r.secondary)) return false;
  return r.parts.every((p) => Number.isFinite(p.value)) && r.yearValues.every((y) => Number.isFinite(y.value));
}
