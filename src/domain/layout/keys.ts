import { normalizeText } from '../text';

/**
 * The text used to match header words: normalised (NFKC …) with every space and line break removed,
 * because the PDFs show `計 画`, `所 管` and headers broken over lines (`R1\n（基準値）`).
 */
export function matchKey(text: string): string {
  const t = normalizeText(text);
  // After normalizeText the only whitespace left is U+0020: most keys have none, and skip the regex.
  return t.includes(' ') ? t.replace(/\s+/g, '') : t;
}

/** Longest header text worth matching; longer cells are prose and skipped before any regex. */
export const MAX_HEADER_CHARS = 40;
