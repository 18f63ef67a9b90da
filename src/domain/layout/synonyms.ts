import type { Role, Synonyms } from './types';
import { matchKey } from './keys';
import { isYearLike } from './yearLabels';

/** SPEC §2 "Roles and their usual words". */
export const defaultSynonyms: Synonyms = {
  name: ['指標名', '指標', '重要業績評価指標', 'KPI', '項目', '数値目標'],
  baseline: ['基準値', '現状値', '計画策定時', '策定時'],
  target: ['目標値', '目標'],
  benchmark: ['目安値', '計画', '計画値'],
  actual: ['実績値', '実績'],
  status: ['進捗区分', '進捗状況', '状況', '評価', '達成状況', '判定'],
  unit: ['単位'],
  group: ['基本目標', '政策', '施策'],
};

export const roles: readonly Role[] = ['name', 'baseline', 'target', 'benchmark', 'actual', 'status', 'unit', 'group'];

/**
 * The user's words are added to the built-in ones (the workbook settings store "extra words per role",
 * src/domain/settings.ts), so a setting can never make a standard sheet undetectable.
 */
export function mergeSynonyms(extra: Partial<Synonyms> | undefined): Synonyms {
  const merged = {} as Synonyms;
  for (const role of roles) merged[role] = [...defaultSynonyms[role], ...(extra?.[role] ?? [])];
  return merged;
}

/** What a short header or label cell says. */
export interface HeaderMeaning {
  role: Role | null;
  /** The cell names a year (`R2`, `令和2年度`, `R1（基準値）`, `H27〜H30の累計`). */
  year: boolean;
  /** `R1（基準値）` → baseline, `R6（目標値）` → target. */
  hint: 'baseline' | 'target' | null;
  /** The label without its role note (`R1（基準値）` → `R1`), normalised, spaces removed. */
  label: string;
  /** A role word with a year note (`基準値（H30）`, `実績（R2）`): the year part. */
  yearNote: string | null;
}

const NOTE_RE = /^(.+?)[(（]([^()（）]+)[)）]$/;

/** Classifies normalised header words by exact match or `word（note）`; built once per detection. */
export class RoleMatcher {
  private readonly words = new Map<string, Role>();
  /** First characters a header can start with (role words, eras, digits), after NFKC. */
  private readonly starts = new Set<string>([...'令平昭RHSrhsFf0123456789過']);
  private readonly startCache = new Map<number, boolean>();

  constructor(synonyms: Synonyms) {
    for (const role of roles) {
      for (const word of synonyms[role]) {
        const key = matchKey(word);
        // First role wins: the built-in words come first, so a user word cannot steal `実績`.
        if (key !== '' && !this.words.has(key)) this.words.set(key, role);
        if (key !== '') this.starts.add(key.charAt(0));
      }
    }
  }

  /**
   * Cheap pre-filter before any normalisation or regex: can a cell starting with this character be a header
   * word or a year? `順調`, `概ね順調` and most prose fail here.
   */
  mayStartWith(raw: string): boolean {
    let i = 0;
    while (i < raw.length && (raw.charCodeAt(i) <= 0x20 || raw.charCodeAt(i) === 0x3000)) i++;
    if (i >= raw.length) return false;
    const code = raw.charCodeAt(i);
    let ok = this.startCache.get(code);
    if (ok === undefined) {
      ok = this.starts.has(raw.charAt(i).normalize('NFKC').charAt(0));
      this.startCache.set(code, ok);
    }
    return ok;
  }

  /** The role of a whole word (`実績値`), or null. */
  roleOf(key: string): Role | null {
    return this.words.get(key) ?? null;
  }

  /** Reads a header key (see `matchKey`); null when the text is neither a role word nor a year. */
  classify(key: string): HeaderMeaning | null {
    if (key === '') return null;
    const exact = this.words.get(key);
    if (exact) return { role: exact, year: false, hint: null, label: key, yearNote: null };
    if (isYearLike(key)) return { role: null, year: true, hint: null, label: key, yearNote: null };
    const m = NOTE_RE.exec(key);
    if (!m) return null;
    const [, head, note] = m;
    const headRole = this.words.get(head);
    const noteRole = this.words.get(note);
    if (isYearLike(head)) {
      const hint = noteRole === 'baseline' || noteRole === 'target' ? noteRole : null;
      return { role: null, year: true, hint, label: head, yearNote: null };
    }
    // `重要業績評価指標(KPI)`, `実績(速報)`: the word decides, the note is a remark or the column's year.
    if (headRole)
      return { role: headRole, year: false, hint: null, label: head, yearNote: isYearLike(note) ? note : null };
    return null;
  }
}
