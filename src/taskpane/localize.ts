import type { Language } from './i18n';

/** A Japanese part, then ` / `, then an English part starting with a letter or a quote. */
const BILINGUAL = / \/ (?=["“A-Za-z])/;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/**
 * The engine writes problem messages in both languages, `日本語 / English` (so that the CLI's report.json
 * serves everyone). The pane shows the part in its own language. A message that is not in that shape (one
 * language only, or ` / ` inside a value such as `実績 77.4 / 目安 79.6`) is shown whole.
 */
export function inLanguage(message: string, lang: Language): string {
  const m = BILINGUAL.exec(message);
  if (!m) return message;
  const before = message.slice(0, m.index);
  const after = message.slice(m.index + m[0].length);
  if (!JAPANESE.test(before)) return message;
  return lang === 'ja' ? before : after;
}
