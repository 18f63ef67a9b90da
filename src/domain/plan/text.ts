/** Status text as compared with category labels: NFKC, no whitespace (PDF-born sheets have `概ね 順調`). */
export function normalizeStatusText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Excel would read text starting with these as a formula (SPEC §5): such text is always written as text. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text) || /^[\t\r\n]/.test(text);
}
