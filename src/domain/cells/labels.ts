/** Labels of compound values: `小93.5 中98.1`, `男性80.0 女性85.1` (002 seed lines 52, 782). */
import { isLatinCode } from './chars';
import { containsComparatorWord, isOnlyStatusWords, mentionsReason } from './words';

const MAX_LABEL_LENGTH = 8;
const CACHE_LIMIT = 5000;
/** Labels repeat too (`小`, `中`, `男性`, `女性`). */
const LABELS = new Map<string, string | null>();

/** `小`, `男性`, `女性:` → the label; `約` is dropped; null when the run cannot be a label (a reason, a sentence). */
export function cleanLabel(raw: string): string | null {
  let label = LABELS.get(raw);
  if (label === undefined) {
    label = readLabel(raw);
    if (LABELS.size >= CACHE_LIMIT) LABELS.clear();
    LABELS.set(raw, label);
  }
  return label;
}

function readLabel(raw: string): string | null {
  let t = raw;
  if (t.endsWith(':') || t.endsWith('=')) t = t.slice(0, -1);
  if (t.startsWith('約')) t = t.slice(1);
  if (t.endsWith('約')) t = t.slice(0, -1);
  if (t === '') return '';
  if (t.length > MAX_LABEL_LENGTH || !isLabelChars(t)) return null;
  if (mentionsReason(t) || containsComparatorWord(t) || isOnlyStatusWords(t) || YEAR_PREFIX.test(t)) return null;
  return t;
}

/** `令和2年度`, `R5`, `FY2020` are years, not labelled values. */
const YEAR_PREFIX = /^(?:令和|平成|昭和|大正|明治|[RHSTM]|FY)$/;

function isLabelChars(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const ok =
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x3041 && c <= 0x3096) || // hiragana
      (c >= 0x30a1 && c <= 0x30fa) ||
      ((c === 0x30fc || c === 0x30fb) && i > 0) ||
      isLatinCode(c);
    if (!ok) return false;
  }
  return true;
}
