/** Building `CellReading`s: the blank reading, the missing kinds, and the problem messages (Japanese / English). */
import type { CellProblem, ProblemCode } from '../problems';
import { excerpt } from '../text';
import type { CellReading, MissingCause, MissingReason } from './types';

/**
 * Most readings have no parts, year values or problems: they share one frozen empty array (a 10,000-KPI
 * workbook has ~27,000 distinct readings). Fields are replaced, never pushed to.
 */
const NONE = Object.freeze([]) as never[];

export function blankReading(text: string): CellReading {
  return {
    text,
    kind: 'missing',
    value: null,
    decimals: 0,
    unit: null,
    scale: 1,
    comparator: null,
    missing: 'empty',
    missingReason: null,
    provisional: false,
    reference: false,
    percentFormat: false,
    secondary: null,
    breakdown: null,
    parts: NONE,
    yearValues: NONE,
    basis: null,
    perYear: false,
    note: null,
    problems: NONE,
  };
}

/** The report's reason for a cause: empty, dash, Excel error and unreadable text give none. */
export function reasonOf(cause: MissingCause): MissingReason | null {
  return cause === 'unpublished' || cause === 'no-data' || cause === 'ended' ? cause : null;
}

export function missingReading(text: string, cause: MissingCause, problems: CellProblem[] = NONE): CellReading {
  const r = blankReading(text);
  r.missing = cause;
  r.missingReason = reasonOf(cause);
  r.problems = problems;
  return r;
}

function problem(code: ProblemCode, message: string): CellProblem {
  return { code, message };
}

export function unparsedText(text: string): CellReading {
  const t = excerpt(text);
  return missingReading(text, 'unreadable', [
    problem('unparsed-value', `数値として読めません「${t}」 / Could not read a number from "${t}"`),
  ]);
}

export function notFinite(text: string): CellReading {
  const t = excerpt(text);
  return missingReading(text, 'unreadable', [
    problem('not-finite', `数値が大きすぎるか有限ではありません「${t}」 / The number is not finite: "${t}"`),
  ]);
}

export function excelError(error: string): CellReading {
  const e = excerpt(error);
  return missingReading(error, 'excel-error', [
    problem('excel-error', `Excel のエラー値 ${e} です / The cell holds the Excel error ${e}`),
  ]);
}

export function booleanValue(value: boolean): CellReading {
  const t = value ? 'TRUE' : 'FALSE';
  return missingReading(t, 'unreadable', [
    problem('unparsed-value', `真偽値 ${t} は数値として読めません / The logical value ${t} is not a number`),
  ]);
}

export function dateValue(text: string, format: string): CellReading {
  const f = excerpt(format);
  return missingReading(text, 'unreadable', [
    problem(
      'unparsed-value',
      `日付の書式（${f}）の値は数値として読めません / A value with the date format "${f}" is not a KPI number`,
    ),
  ]);
}
