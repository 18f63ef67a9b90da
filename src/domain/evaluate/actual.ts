import type { KpiValue, KpiYear } from '../kpi';
import type { MissingReason } from '../cells/types';

/** Why a year has no usable actual. `reference`: only a `(79.12歳)` figure; `no-value`: e.g. a compound cell without this KPI's part. */
export type MissingActualCause =
  | 'empty'
  | 'dash'
  | 'unpublished'
  | 'no-data'
  | 'ended'
  | 'unreadable'
  | 'reference'
  | 'no-value';

export type ActualState =
  | { kind: 'value'; value: number; provisional: boolean }
  | { kind: 'missing'; cause: MissingActualCause; reason: MissingReason | null; reference: number | null };

/**
 * The actual of one year as evaluation sees it. A reference-only cell `(79.12歳)` is no actual
 * (001 seed line 270, status `-`); a 速報値 is an actual flagged provisional. A non-finite value is unreadable.
 */
export function readActual(year: KpiYear): ActualState {
  const kv = year.actual;
  if (!kv || isEmptyCell(kv)) return { kind: 'missing', cause: 'empty', reason: null, reference: null };
  const r = kv.reading;
  if (r.reference) {
    const ref = r.value !== null && Number.isFinite(r.value) ? r.value : null;
    return { kind: 'missing', cause: 'reference', reason: r.missingReason, reference: ref };
  }
  if (r.kind === 'missing' || kv.value === null) {
    return { kind: 'missing', cause: missingCause(kv), reason: r.missingReason, reference: null };
  }
  if (!Number.isFinite(kv.value)) return { kind: 'missing', cause: 'unreadable', reason: null, reference: null };
  const taggedProvisional = r.yearValues.some((y) => y.provisional && y.fiscalYear !== null && y.fiscalYear === year.fiscalYear);
  return { kind: 'value', value: kv.value, provisional: r.provisional || taggedProvisional };
}

function missingCause(kv: KpiValue): MissingActualCause {
  const r = kv.reading;
  switch (r.missing) {
    case 'empty':
      return 'empty';
    case 'dash':
      return 'dash';
    case 'unpublished':
    case 'no-data':
    case 'ended':
      return r.missing;
    case 'excel-error':
    case 'unreadable':
      return 'unreadable';
    default:
      if (r.missingReason) return r.missingReason;
      return r.kind === 'missing' ? 'unreadable' : 'no-value';
  }
}

function isEmptyCell(kv: KpiValue): boolean {
  return kv.reading.missing === 'empty' || (kv.reading.kind === 'missing' && kv.reading.text.trim() === '' && !kv.reading.missingReason);
}

/** The actual cell holds something (a value, a dash, a worded reason, a reference figure): SPEC §4 judges such years when no as-of year is set. */
export function actualCellFilled(year: KpiYear): boolean {
  return year.actual !== null && !isEmptyCell(year.actual);
}

/** The actual cell holds a value or a worded reason — not only a dash. Used to find the default as-of year. */
export function actualCellInformative(year: KpiYear): boolean {
  if (!actualCellFilled(year) || !year.actual) return false;
  return year.actual.reading.missing !== 'dash';
}
