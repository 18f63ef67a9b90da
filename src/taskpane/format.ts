import type { Language } from './i18n';

/**
 * Numbers for the UI. Values keep up to 2 decimals (4 below 1), with the locale's grouping; compact form for
 * chart axes (`150万`, `1.5M`). Non-finite or null → the catalogue's "no value" mark, chosen by the caller.
 */
export function formatValue(value: number, lang: Language): string {
  const digits = Math.abs(value) < 1 && value !== 0 ? 4 : 2;
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: digits }).format(value);
}

export function formatCompact(value: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
    notation: 'compact',
    maximumFractionDigits: Math.abs(value) < 10 ? 2 : 1,
  }).format(value);
}

/** A signed change per year (`+1.2`, `−0.41`). */
export function formatSigned(value: number, lang: Language): string {
  const text = formatValue(Math.abs(value), lang);
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}
