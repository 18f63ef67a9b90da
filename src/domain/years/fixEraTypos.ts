/**
 * Era and digit typos in a row of year headers (SPEC §3): `平成2年度 | 令和3年度 | 令和4年度 | 令和5年度`
 * (002 seed line 1295) means 令和2年度. A label is corrected only when
 *   - its neighbours imply one year: the labels on both sides are two years apart, or, at either end of the
 *     row, the next two labels are consecutive; and
 *   - the written text is a plausible slip for that year: the same number in another era (平成2 for 令和2), or a
 *     Western year one digit or one adjacent swap away (2002 or 2030 for 2020).
 * So `H27（基準値） | R2 | R3` (000 seed line 385), a baseline years before the plan, is left alone.
 */
import { excerpt } from '../text';
import { eraByName, eraOfYear, ERAS, formatFiscalYear } from './eras';
import type { YearLabel } from './types';

export interface YearTypoProblem {
  /** Index in the input array. */
  index: number;
  code: 'year-typo';
  message: string;
}

export interface FixedYearLabels {
  /** Same length and order as the input; a corrected label is a copy with `fiscalYear` and a problem. */
  labels: (YearLabel | null)[];
  problems: YearTypoProblem[];
}

export function fixEraTypos(labels: readonly (YearLabel | null)[]): FixedYearLabels {
  const out = labels.slice();
  const problems: YearTypoProblem[] = [];
  const at: number[] = [];
  labels.forEach((l, i) => {
    if (l && l.fiscalYear !== null && l.range === null) at.push(i);
  });
  const year = (k: number): number => (labels[at[k]] as YearLabel).fiscalYear as number;
  const n = at.length;
  for (let k = 0; k < n; k++) {
    const label = labels[at[k]] as YearLabel;
    let expected: number | null = null;
    if (k > 0 && k < n - 1 && year(k + 1) - year(k - 1) === 2) expected = year(k - 1) + 1;
    else if (k === 0 && n >= 3 && year(2) - year(1) === 1) expected = year(1) - 1;
    else if (k === n - 1 && n >= 3 && year(k - 1) - year(k - 2) === 1) expected = year(k - 1) + 1;
    if (expected === null || expected === year(k) || !plausibleSlip(label, expected)) continue;
    const message =
      `「${excerpt(label.label)}」は前後の年度から${formatFiscalYear(expected, 'both')}の誤記とみなしました / ` +
      `"${excerpt(label.label)}" was read as FY${expected} (${formatFiscalYear(expected, 'kanji')}), ` +
      `from the neighbouring years`;
    out[at[k]] = {
      ...label,
      fiscalYear: expected,
      problems: [...label.problems, { code: 'year-typo', message }],
    };
    problems.push({ index: at[k], code: 'year-typo', message });
  }
  return { labels: out, problems };
}

function plausibleSlip(label: YearLabel, expected: number): boolean {
  const era = label.era ?? null;
  const written = label.eraYear ?? null;
  if (era !== null && written !== null) {
    // Same number, wrong era: 平成2 for 令和2. The expected year must be in an era that was in use.
    const current = eraByName(era);
    const expectedEra = eraOfYear(expected);
    if (!expectedEra || expectedEra === current) return false;
    return ERAS.some((e) => e !== current && e.first + written - 1 === expected);
  }
  if (label.fiscalYear === null) return false;
  return oneDigitSlip(String(label.fiscalYear), String(expected));
}

/** One digit replaced, or two adjacent digits swapped. */
function oneDigitSlip(written: string, expected: string): boolean {
  if (written.length !== expected.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < written.length; i++) if (written[i] !== expected[i]) diff.push(i);
  if (diff.length === 1) return true;
  return (
    diff.length === 2 &&
    diff[1] === diff[0] + 1 &&
    written[diff[0]] === expected[diff[1]] &&
    written[diff[1]] === expected[diff[0]]
  );
}
