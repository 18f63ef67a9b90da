import { fixEraTypos, parseYearLabel } from '../years';
import { problemAt } from '../problems';
import type { Problem } from '../problems';

const ERA = '(?:令和|平成|昭和|[RHSrhs])';
const NUM = '(?:元|\\d{1,2})';
const ONE = `(?:(?:FY|fy)?${ERA}${NUM}(?:年度|年)?|(?:FY|fy)?(?:19|20)\\d{2}(?:年度|年)?)`;
const YEAR_RE = new RegExp(`^${ONE}(?:[〜~～\\-－ー‐](?:${ONE}|\\d{1,2}(?:年度|年)?))?(?:の?(?:累計|合計|平均))?$`);
const RELATIVE_RE = /^過去\d+年度?の?(?:累計|合計|平均)$/;

/**
 * A cheap shape test on a match key (spaces removed) before the real parser runs: `R2`, `R元`, `令和2年度`,
 * `H30`, `2020年度`, `FY2020`, `H27〜H30の累計`, `過去5年の累計`. `令和2年度の実績` (a prose column title) is not.
 */
export function isYearLike(key: string): boolean {
  if (key.length > 24) return false;
  return YEAR_RE.test(key) || RELATIVE_RE.test(key);
}

/** A header year as read for a table, with the fiscal year after era-typo correction. */
export interface HeaderYear {
  label: string;
  fiscalYear: number | null;
  /** A range or a count of years (`H27〜H30の累計`, `過去5年の累計`): an aggregate, not a point. */
  aggregate: boolean;
}

/**
 * Reads a row of year headers together, so that an era typo inside the sequence (`平成2年度` among 令和3..5年度,
 * 002 seed line 1295) is corrected by `fixEraTypos` and reported as `year-typo` at its cell. Labels stay as
 * written; only the fiscal year is corrected.
 */
export function readHeaderYears(
  sheet: string,
  cells: readonly { label: string; cell: string }[],
): { years: HeaderYear[]; problems: Problem[] } {
  const parsed = cells.map((c) => parseYearLabel(c.label));
  const fixed = fixEraTypos(parsed);
  const problems: Problem[] = [];
  const years = cells.map((c, i): HeaderYear => {
    const y = fixed.labels[i];
    for (const p of y?.problems ?? []) problems.push(problemAt(sheet, c.cell, p));
    if (!y) {
      problems.push({
        sheet,
        cell: c.cell,
        code: 'year-unparsed',
        message: `見出し「${c.label}」の年度を読めません / cannot read the year of header "${c.label}"`,
      });
    }
    return {
      label: c.label,
      fiscalYear: y?.range ? null : (y?.fiscalYear ?? null),
      aggregate: y ? y.range !== null || y.relativeYears !== null : false,
    };
  });
  return { years, problems };
}

/** A header that is a bare number 1900–2100 (Excel turned `2020` into a number) reads as that year. */
export function numericYearKey(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1900 || value > 2100) return null;
  return String(value);
}
