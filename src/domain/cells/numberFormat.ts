/**
 * What an Excel number format says about a numeric cell: decimals shown, percent (0.781 shown `78.1%`,
 * SPEC §3), a date, trailing-comma scaling (`#,##0,` shows thousands), literal unit text (`#,##0"人"`).
 * Only the first section (positive numbers) is read. Formats repeat across a sheet, so results are cached.
 */

export interface NumberFormatInfo {
  /** Digits shown after the decimal point, or null for General / text (`@`) / no format. */
  decimals: number | null;
  percent: boolean;
  /** A date or time format: the number is a serial date, not a KPI value. */
  date: boolean;
  /** 1000 per trailing comma after the last digit placeholder (`#,##0,` shows 1,498,000 as `1,498`). */
  divisor: number;
  /** Quoted or escaped text of the section (`人` of `#,##0"人"`), trimmed; `''` when none. */
  literal: string;
}

const GENERAL: NumberFormatInfo = { decimals: null, percent: false, date: false, divisor: 1, literal: '' };
const CACHE = new Map<string, NumberFormatInfo>();
const CACHE_LIMIT = 2000;

const GENERAL_WORD = /General|G\/標準/gi;
const SCIENTIFIC = /[Ee][+-]/g;
const DATE_TOKENS = /[ymdhsgeb]|AM\/PM|A\/P/i;

export function numberFormatInfo(format: string | null | undefined): NumberFormatInfo {
  if (!format) return GENERAL;
  let info = CACHE.get(format);
  if (info) return info;
  info = parseNumberFormat(format);
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(format, info);
  return info;
}

function parseNumberFormat(format: string): NumberFormatInfo {
  let code = '';
  let literal = '';
  let inQuote = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (inQuote) {
      if (ch === '"') inQuote = false;
      else literal += ch;
      continue;
    }
    if (ch === '"') inQuote = true;
    else if (ch === ';') break; // first section only
    else if (ch === '\\') literal += format[++i] ?? '';
    else if (ch === '_' || ch === '*') i++; // padding and fill take the next character
    else if (ch === '[') {
      const close = format.indexOf(']', i);
      i = close < 0 ? format.length : close; // [Red], [$-411], [>=100]
    } else code += ch;
  }
  const bare = code.replace(GENERAL_WORD, '').replace(SCIENTIFIC, '');
  const isGeneral = bare.trim() === '' || bare.includes('@');
  const date = DATE_TOKENS.test(bare);
  let decimals: number | null = null;
  if (!isGeneral && !date) {
    decimals = 0;
    const dot = code.indexOf('.');
    if (dot >= 0) {
      for (let i = dot + 1; i < code.length && isPlaceholder(code[i]); i++) decimals++;
    }
  }
  let divisor = 1;
  let last = -1;
  for (let i = 0; i < code.length; i++) if (isPlaceholder(code[i])) last = i;
  for (let i = last + 1; last >= 0 && i < code.length && code[i] === ','; i++) divisor *= 1000;
  return { decimals, percent: code.includes('%'), date, divisor, literal: literal.trim() };
}

function isPlaceholder(ch: string): boolean {
  return ch === '0' || ch === '#' || ch === '?';
}
