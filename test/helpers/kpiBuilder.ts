import type { CellReading, Comparator, MissingCause, MissingReason, TargetBasis } from '../../src/domain/cells/types';
import type { Kpi, KpiAnchor, KpiTarget, KpiValue, KpiYear, Layout } from '../../src/domain/kpi';

/**
 * Builders for evaluation tests: readings by hand (no dependency on the cells implementation), KPIs from compact
 * data that mirrors the seed tables, e.g.
 * `kpiOf({ name, baseline: ['R1', 2019, '78.0'], target: ['R6', 2024, '80.0'], years: [['R2', 2020, { b: '78.4', a: '81.4', s: '順調' }]] })`.
 */

/** A full CellReading with defaults; `value` given → a value reading, otherwise an empty cell. */
export function reading(partial: Partial<CellReading> = {}): CellReading {
  const hasValue = partial.value !== undefined && partial.value !== null;
  const kind = partial.kind ?? (hasValue ? 'value' : 'missing');
  return {
    text: partial.text ?? (hasValue ? String(partial.value) : ''),
    kind,
    value: partial.value ?? null,
    decimals: partial.decimals ?? 0,
    unit: partial.unit ?? null,
    scale: partial.scale ?? 1,
    comparator: partial.comparator ?? null,
    missing: partial.missing ?? (kind === 'missing' ? 'empty' : null),
    missingReason: partial.missingReason ?? null,
    provisional: partial.provisional ?? false,
    reference: partial.reference ?? false,
    percentFormat: partial.percentFormat ?? false,
    secondary: partial.secondary ?? null,
    breakdown: partial.breakdown ?? null,
    parts: partial.parts ?? [],
    yearValues: partial.yearValues ?? [],
    basis: partial.basis ?? null,
    perYear: partial.perYear ?? false,
    note: partial.note ?? null,
    problems: partial.problems ?? [],
  };
}

/** A cell as test data: a number, simple text (`'78.0'`, `'▲312'`, `'13.2以内'`, `'(79.12)'`, `'−'`, `'未公表'`, `'1.2速報値'`), or null (empty). */
export type Cellish = number | string | null | undefined;

const REASONS: Record<string, MissingReason> = {
  未公表: 'unpublished',
  算定中: 'unpublished',
  集計中: 'unpublished',
  調査なし: 'no-data',
  実績値なし: 'no-data',
  該当なし: 'no-data',
  事業終了: 'ended',
};
const COMPARATORS: [string, Comparator][] = [
  ['以上', 'ge'],
  ['以下', 'le'],
  ['以内', 'le'],
  ['未満', 'lt'],
  ['超', 'gt'],
];

function decimalsIn(numText: string): number {
  const dot = numText.indexOf('.');
  return dot < 0 ? 0 : numText.length - dot - 1;
}

/** A test-only reading of simple cell text; not the product's cell reader. */
export function readingOf(cell: Cellish): CellReading {
  if (cell === null || cell === undefined || cell === '') return reading();
  if (typeof cell === 'number') return reading({ value: cell, text: String(cell), decimals: decimalsIn(String(cell)) });
  const text = cell.normalize('NFKC').trim();
  if (/^[-−－ー―—]$/.test(text)) return reading({ text, kind: 'missing', missing: 'dash' });
  if (REASONS[text]) return reading({ text, kind: 'missing', missing: REASONS[text] as MissingCause, missingReason: REASONS[text] });
  let body = text;
  let reference = false;
  const paren = /^\((.*)\)$/.exec(body);
  if (paren) {
    reference = true;
    body = paren[1];
  }
  let provisional = false;
  if (body.endsWith('速報値')) {
    provisional = true;
    body = body.slice(0, -3);
  }
  let comparator: Comparator | null = null;
  for (const [word, c] of COMPARATORS) {
    if (body.endsWith(word)) {
      comparator = c;
      body = body.slice(0, -word.length);
    }
  }
  const m = /^([▲△-]?)([\d,]+(?:\.\d+)?)(.*)$/.exec(body);
  if (!m) return reading({ text, kind: 'missing', missing: 'unreadable' });
  const digits = m[2].replace(/,/g, '');
  const value = (m[1] ? -1 : 1) * Number(digits);
  return reading({ text, value, decimals: decimalsIn(digits), unit: m[3] || null, comparator, reference, provisional });
}

/** A KpiValue from test data; a reference-only cell has no value to use (kpi.ts). */
export function kv(cell: Cellish, address: string | null = null): KpiValue | null {
  if (cell === undefined) return null;
  const r = readingOf(cell);
  return { cell: address, reading: r, value: r.kind === 'value' && !r.reference ? r.value : null };
}

export interface YearData {
  /** Benchmark (目安値) cell. */
  b?: Cellish;
  /** Actual (実績値) cell. */
  a?: Cellish;
  /** Status (進捗区分) cell text; omit for no status cell, null for an empty one. */
  s?: string | null;
}

export interface KpiData {
  name: string;
  id?: string;
  sheet?: string;
  layout?: Layout;
  group?: string | null;
  unit?: string | null;
  scale?: number;
  /** [label, fiscal year, cell]; `aggregate: true` for `H27〜H30の累計`-like baselines. */
  baseline?: [string, number | null, Cellish] | null;
  aggregateBaseline?: boolean;
  /** [label, fiscal year, cell, basis?]. */
  target?: [string, number | null, Cellish, TargetBasis?] | null;
  years?: [string, number | null, YearData][];
  cumulative?: boolean;
}

const COLUMNS = 'DEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A Kpi laid out like the 佐久市 block (000 seed lines 319–339): baseline in C, years from D, rows 4 目安値,
 * 5 実績値, 6 進捗区分; the target cell follows the last year column.
 */
export function kpiOf(data: KpiData): Kpi {
  const sheet = data.sheet ?? '基本目標1';
  const years: KpiYear[] = (data.years ?? []).map(([label, fiscalYear, y], i) => {
    const col = COLUMNS[i] ?? 'Z';
    return {
      label,
      fiscalYear,
      benchmark: kv(y.b, `${col}4`),
      actual: kv(y.a === undefined ? null : y.a, `${col}5`),
      status: y.s === undefined ? null : { cell: `${col}6`, existing: y.s, formula: false, mergedInside: false },
    };
  });
  const baseline: KpiAnchor | null = data.baseline
    ? { label: data.baseline[0], fiscalYear: data.baseline[1], aggregate: data.aggregateBaseline ?? false, value: kv(data.baseline[2], 'C5') }
    : null;
  const targetCol = COLUMNS[years.length] ?? 'Z';
  const target: KpiTarget | null = data.target
    ? {
        label: data.target[0],
        fiscalYear: data.target[1],
        aggregate: false,
        value: kv(data.target[2], `${targetCol}4`),
        basis: data.target[3] ?? null,
      }
    : null;
  const layout = data.layout ?? 'year-columns';
  return {
    id: data.id ?? `${sheet}!A3:${targetCol}6#${data.name}`,
    sheet,
    range: `A3:${targetCol}6`,
    layout,
    group: data.group ?? null,
    category: null,
    name: data.name,
    nameCell: 'A4',
    order: null,
    sources: [],
    unit: data.unit ?? null,
    scale: data.scale ?? 1,
    baseline,
    target,
    years,
    cumulative: data.cumulative ?? false,
    problems: [],
  };
}

/**
 * A row-per-KPI Kpi (001 seed lines 235–277): `基準値 | 目標値 | 実績 | 状況` in columns C–F of `row`;
 * the 実績 column has no year of its own unless `actualYear` is given.
 */
export function rowKpiOf(data: {
  name: string;
  baseline: Cellish;
  target: Cellish;
  actual: Cellish;
  status?: string | null;
  unit?: string | null;
  row?: number;
  baselineYear?: number | null;
  targetYear?: number | null;
  actualYear?: number | null;
  aggregateBaseline?: boolean;
}): Kpi {
  const row = data.row ?? 4;
  return {
    id: `KPI!A${row}:F${row}`,
    sheet: 'KPI',
    range: `A${row}:F${row}`,
    layout: 'row-per-kpi',
    group: null,
    category: null,
    name: data.name,
    nameCell: `B${row}`,
    order: null,
    sources: [],
    unit: data.unit ?? null,
    scale: 1,
    baseline: { label: '基準値', fiscalYear: data.baselineYear ?? null, aggregate: data.aggregateBaseline ?? false, value: kv(data.baseline, `C${row}`) },
    target: { label: '目標値', fiscalYear: data.targetYear ?? null, aggregate: false, value: kv(data.target, `D${row}`), basis: null },
    years: [
      {
        label: '実績',
        fiscalYear: data.actualYear ?? null,
        benchmark: null,
        actual: kv(data.actual, `E${row}`),
        status: data.status === undefined ? null : { cell: `F${row}`, existing: data.status, formula: false, mergedInside: false },
      },
    ],
    cumulative: false,
    problems: [],
  };
}
