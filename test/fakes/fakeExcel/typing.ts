import { fail } from './errors';
import type { CellValue, FakeCell } from './state';

/**
 * What Excel stores when a value is assigned through `Range.values` — the rules of typing into a cell, as the
 * fake models them (Japanese-locale Excel): `=…` is a formula; `+…`, `-…`, `@…` that are not numbers are
 * formulas too; numbers (also full-width, with thousands commas, %, currency, parentheses) become numbers;
 * TRUE/FALSE booleans; `#N/A` … errors; dates (`2020/4/1`, `4/1`, `4月1日`, `令和2年4月1日`, `R2.4.1`) date
 * serials; a leading apostrophe is eaten and makes the rest text; a cell formatted as Text (`@`) stores any
 * string literally. `null` leaves the cell alone, `''` empties it.
 */
export const ERROR_LITERALS = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!']);

const NUMBER = /^\(?[+-]?[$¥€£]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?\)?%?$/;
const DATES = [
  /^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/,
  /^\d{1,4}年\d{1,2}月(\d{1,2}日)?$/,
  /^\d{1,2}月\d{1,2}日$/,
  /^(明治|大正|昭和|平成|令和|[MTSHR])\s*(\d{1,2}|元)[年./-]\d{1,2}([月./-]\d{1,2}日?)?$/i,
  /^(午前|午後)?\s*\d{1,2}:\d{2}(:\d{2})?$/,
];

function asNumber(text: string): number | null {
  if (!NUMBER.test(text) || !/\d/.test(text)) return null;
  const negative = text.startsWith('(') && text.endsWith(')');
  const percent = text.endsWith('%');
  const n = Number(text.replace(/[(),$¥€£%]/g, ''));
  if (!Number.isFinite(n)) return null;
  return (negative ? -n : n) / (percent ? 100 : 1);
}

/** A formula's value: HYPERLINK gives its friendly text, NA() #N/A, anything else #NAME? (the fake has no engine). */
export function evaluate(formula: string): CellValue {
  const link = /^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$/i.exec(formula);
  if (link) return link[1].replace(/""/g, '"');
  if (/^=NA\(\)$/i.test(formula)) return { error: '#N/A' };
  return { error: '#NAME?' };
}

/** The cell after typing `input` into `cell` (undefined: unchanged). */
export function typeInto(cell: FakeCell | undefined, input: unknown, location: string): FakeCell | undefined {
  if (input === null || input === undefined) return cell;
  const base: FakeCell = { ...(cell ?? { value: null }) };
  delete base.formula;
  delete base.quotePrefix;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) fail('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', location);
    return { ...base, value: input };
  }
  if (typeof input === 'boolean') return { ...base, value: input };
  if (typeof input !== 'string') return fail('InvalidArgument', `Unsupported value ${JSON.stringify(input)}.`, location);
  if (input === '') return { ...base, value: null };
  if (base.numberFormat === '@') return { ...base, value: input };
  if (input.startsWith("'")) return { ...base, value: input.slice(1), quotePrefix: true };
  if (input.startsWith('=')) {
    if (input.length === 1) fail('InvalidArgument', 'There is a problem with this formula.', location);
    return { ...base, formula: input, value: evaluate(input) };
  }
  const t = input.normalize('NFKC').trim();
  const n = asNumber(t);
  if (n !== null) return { ...base, value: n };
  if (/^[+\-@]/.test(input) && input.length > 1) {
    const formula = `=${input.replace(/^@/, '')}`;
    return { ...base, formula, value: evaluate(formula) };
  }
  if (/^(true|false)$/i.test(t)) return { ...base, value: t.toLowerCase() === 'true' };
  if (ERROR_LITERALS.has(t.toUpperCase())) return { ...base, value: { error: t.toUpperCase() } };
  if (DATES.some((re) => re.test(t))) return { ...base, value: 45_000 + t.length };
  return { ...base, value: input };
}

/** `Range.values` of a cell: '' when empty, the error text for an error. */
export function readValue(cell: FakeCell | undefined): string | number | boolean {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? v.error : v;
}

export function readType(cell: FakeCell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return 'Empty';
  if (typeof v === 'object') return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

/** `Range.formulas`: the formula, else the value (text as typed, without the apostrophe). */
export function readFormula(cell: FakeCell | undefined): string | number | boolean {
  return cell?.formula ?? readValue(cell);
}
