/** Status cells repeat a few words (順調, 概ね順調 …) thousands of times: each is normalised once. */
const statusTexts = new Map<string, string>();
const MAX_CACHED_TEXTS = 1000;

/** Status text as compared with category labels: NFKC, no whitespace (PDF-born sheets have `概ね 順調`). */
export function normalizeStatusText(text: string): string {
  let normal = statusTexts.get(text);
  if (normal === undefined) {
    normal = text.normalize('NFKC').replace(/\s+/g, '');
    if (statusTexts.size >= MAX_CACHED_TEXTS) statusTexts.clear();
    statusTexts.set(text, normal);
  }
  return normal;
}

/** Excel would read text starting with these as a formula (SPEC §5): such text is always written as text. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text) || /^[\t\r\n]/.test(text);
}
