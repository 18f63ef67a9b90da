/**
 * The words of value cells (SPEC §3): dashes, missing reasons, comparators, target bases, provisional marks,
 * Excel error texts. Every input here is already NFKC-normalised (`－` is `-`, `ｰ` is `ー`, `（` is `(`).
 */
import type { Comparator, MissingCause, TargetBasis } from './types';

/** Dash-like characters that, alone, mean "no value" (000 seed line 307 `−`, 002 seed line 53 `—`). */
const DASHES = new Set(['-', '−', 'ー', '―', '—', '–', '‐', '‒', '─', '━', '﹣']);

/** Minus signs in front of a number (`-15`, 002 seed line 1710); `▲`/`△` are the accountants' minus. */
const MINUS_SIGNS = new Set(['-', '−', '–', '‐', '▲', '△']);
const SIGNS = new Set([...MINUS_SIGNS, '+', '±']);

export function isSign(ch: string): boolean {
  return SIGNS.has(ch);
}

export function isMinusSign(ch: string): boolean {
  return MINUS_SIGNS.has(ch);
}

/** The whole cell is one or more dashes (spaces between allowed): `-`, `−`, `—`, `――`. */
export function isDashOnly(text: string): boolean {
  let dashes = 0;
  for (const ch of text) {
    if (ch === ' ') continue;
    if (!DASHES.has(ch)) return false;
    dashes++;
  }
  return dashes > 0;
}

/**
 * Reasons, strongest first: a figure not yet published beats "no data" (`未公表のため実績値なし` is unpublished),
 * and a finished project beats "no data" too. Words are found anywhere in a cell that holds no readable value.
 */
const REASONS: readonly [MissingCause, readonly string[]][] = [
  ['unpublished', ['未公表', '算定中', '集計中', '調査中', '未集計', '未確定', '公表前', '精査中', '公表待ち']],
  ['ended', ['事業終了', '事業廃止', '事業完了']],
  ['no-data', ['調査なし', '実績値なし', '実績なし', '該当なし', 'データなし', '数値なし', '調査無し', '実績無し', '該当無し', '対象外', '未実施']],
];

/** Words that mean a reason only as the whole cell: `なし` alone is "no data", but not inside `見なし…`. */
const WHOLE_CELL_REASONS = new Map<string, MissingCause>([
  ['なし', 'no-data'],
  ['無し', 'no-data'],
  ['無', 'no-data'],
  ['N/A', 'no-data'],
  ['n/a', 'no-data'],
  ['NA', 'no-data'],
  ['廃止', 'ended'],
  ['終了', 'ended'],
]);

/** The missing reason a text names (`調査なし` → no-data, 001 seed line 237), or null. */
export function missingCauseOf(text: string): MissingCause | null {
  const whole = WHOLE_CELL_REASONS.get(text);
  if (whole) return whole;
  for (const [cause, words] of REASONS) {
    for (const w of words) if (text.includes(w)) return cause;
  }
  return null;
}

const ANY_REASON = new RegExp(REASONS.flatMap(([, words]) => words).join('|'));

/** Does the text contain any reason word (such text is never a compound label: `未公表78` is not a part)? */
export function mentionsReason(text: string): boolean {
  return WHOLE_CELL_REASONS.has(text) || ANY_REASON.test(text);
}

/** Comparator words written after a value: `5以上`, `2以下`, `13.2以内` (002 seed lines 1116, 702, 953). */
const COMPARATOR_SUFFIXES: readonly [string, Comparator][] = [
  ['以上', 'ge'],
  ['以下', 'le'],
  ['以内', 'le'],
  ['未満', 'lt'],
  ['超', 'gt'],
];

/** The comparator a unit run ends with, and the run without it. */
export function splitComparatorSuffix(run: string): { rest: string; comparator: Comparator | null } {
  for (const [word, comparator] of COMPARATOR_SUFFIXES) {
    if (run.endsWith(word)) return { rest: run.slice(0, run.length - word.length), comparator };
  }
  return { rest: run, comparator: null };
}

const COMPARATOR_INSIDE = /以上|以下|以内|未満|超/;

/** A comparator word inside a run means text follows it: `1年以内に…` (002 seed line 457) is a name. */
export function containsComparatorWord(run: string): boolean {
  return COMPARATOR_INSIDE.test(run);
}

/** Comparator symbols written before a value: `≧5`, `>=5`, `<2`. Longest first. */
const COMPARATOR_PREFIXES: readonly [string, Comparator][] = [
  ['>=', 'ge'],
  ['<=', 'le'],
  ['≧', 'ge'],
  ['≥', 'ge'],
  ['≦', 'le'],
  ['≤', 'le'],
  ['>', 'gt'],
  ['<', 'lt'],
];

export function comparatorPrefixAt(s: string, at: number): { comparator: Comparator; length: number } | null {
  for (const [symbol, comparator] of COMPARATOR_PREFIXES) {
    if (s.startsWith(symbol, at)) return { comparator, length: symbol.length };
  }
  return null;
}

export function isComparatorSymbol(ch: string): boolean {
  return ch === '>' || ch === '<' || ch === '≧' || ch === '≥' || ch === '≦' || ch === '≤';
}

/** `(5年間の合計)`, `(5年間の平均)`, `(毎年度実績)`, `(計画終了時)` (001 seed lines 330, 351, 375, 426). */
const BASES: readonly [TargetBasis, RegExp][] = [
  ['total', /合計|累計|累積|総計/],
  ['average', /平均/],
  ['annual', /毎年度|毎年|単年度|単年|各年度/],
  ['final', /計画終了時|計画期間終了時|終了時点|最終年度|目標年度|終了時/],
];

export function basisOf(text: string): TargetBasis | null {
  for (const [basis, re] of BASES) if (re.test(text)) return basis;
  return null;
}

/** 速報値 / 暫定値 / 見込 (002 seed line 789 `40.2(R2速報値)`; 001 seed line 301 `令和3年度（見込）`). */
const PROVISIONAL = /速報|暫定|見込|概算/;
/** Status words stripped from a year tag: `R1確定値` → `R1`. */
const STATUS_WORDS = /速報値|暫定値|確定値|見込み|見込値|見込|概算値|速報|暫定|確定|概算/g;

export function isProvisional(text: string): boolean {
  return PROVISIONAL.test(text);
}

export function withoutStatusWords(text: string): string {
  return text.replace(STATUS_WORDS, '').trim();
}

const STATUS_SUFFIX = /(?:速報値|暫定値|確定値|見込み|見込値|見込|概算値|速報|暫定|確定|概算)+$/;

/** A status word at the end of a unit run: `%速報値` → `%` + `速報値`. */
export function splitStatusSuffix(run: string): { rest: string; status: string | null } {
  const m = STATUS_SUFFIX.exec(run);
  return m ? { rest: run.slice(0, m.index), status: m[0] } : { rest: run, status: null };
}

const ONLY_STATUS_WORDS = /^(?:速報値|暫定値|確定値|見込み|見込値|見込|概算値|速報|暫定|確定|概算)+$/;

/** A run of nothing but status words (`速報値`, `見込`): it marks the value, it is not a unit. */
export function isOnlyStatusWords(text: string): boolean {
  return ONLY_STATUS_WORDS.test(text);
}

/** `(参考)`, `(参考値)`: the value is a reference figure, not an actual (SPEC §3). */
export function isReferenceMark(text: string): boolean {
  return text === '参考' || text === '参考値';
}

/** Excel error values typed or pasted as text. */
const EXCEL_ERROR_TEXT =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/i;

export function isExcelErrorText(text: string): boolean {
  return text.length <= 14 && text.charCodeAt(0) === 0x23 && EXCEL_ERROR_TEXT.test(text);
}
