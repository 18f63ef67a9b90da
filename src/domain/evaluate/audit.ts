import type { Kpi } from '../kpi';
import type { Disagreement, YearResult } from '../report';
import type { Scheme } from './scheme';
import { categoriesOf } from './scheme';

const DASHES = /^[-−－ー―—‐‑–]$/;

/** Status cells and category labels repeat a few words thousands of times: each is normalised once. */
const statusTexts = new Map<string, string | null>();
const MAX_CACHED_TEXTS = 1000;

/**
 * Status text as compared: NFKC, spaces removed, any lone dash (`-`, `−`, `－`, `ー`, `―`, `—`) as `-`.
 * Empty or null → null.
 */
export function normaliseStatus(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  let normal = statusTexts.get(text);
  if (normal === undefined) {
    const t = text.normalize('NFKC').replace(/\s+/g, '');
    normal = t === '' ? null : DASHES.test(t) ? '-' : t;
    if (statusTexts.size >= MAX_CACHED_TEXTS) statusTexts.clear();
    statusTexts.set(text, normal);
  }
  return normal;
}

const labelCache = new WeakMap<Scheme, Set<string | null>>();

/** The scheme's labels as `normaliseStatus` gives them, cached per scheme object. */
function normalisedLabels(scheme: Scheme): Set<string | null> {
  let set = labelCache.get(scheme);
  if (!set) {
    set = new Set(categoriesOf(scheme).map((c) => normaliseStatus(c.label)));
    labelCache.set(scheme, set);
  }
  return set;
}

/**
 * Where a status cell already holds a category of `scheme` that differs from the computed one, one
 * disagreement with the numbers (`detail`: the year's explanation, e.g. `実績 77.4 / 目安 79.6 = 97.2% ≥ 80% →
 * 概ね順調`). This is how the 000 seed's inconsistent judgment would have been caught (SPEC §4). Not a
 * disagreement: an empty status cell; a year not judged; text that is no category of the scheme (a note, another
 * scheme's word: the write plan decides about overwriting it).
 */
export function auditKpi(kpi: Kpi, years: readonly YearResult[], scheme: Scheme): Disagreement[] {
  if (!kpi.years.some((y) => y.status?.existing)) return [];
  const labels = normalisedLabels(scheme);
  const out: Disagreement[] = [];
  kpi.years.forEach((year, i) => {
    const result = years[i];
    const status = year.status;
    if (!result || !status || result.category === null) return;
    const existing = normaliseStatus(status.existing);
    if (existing === null || !labels.has(existing)) return;
    if (existing === normaliseStatus(result.category)) return;
    out.push({
      fiscalYear: result.fiscalYear,
      cell: status.cell,
      existing: (status.existing ?? '').trim(),
      computed: result.category,
      detail: result.explanation,
    });
  });
  return out;
}
