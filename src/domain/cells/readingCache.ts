import type { RawValue } from '../grid';
import { readCell } from './readCell';
import type { CellReading } from './types';

/** Entries per cache: enough for every distinct value of a large sheet, bounded for a pathological one. */
const MAX_ENTRIES = 100_000;

/**
 * `readCell` with the readings of identical cells shared: a sheet repeats the same few texts (empty cells, `−`,
 * 未公表, `13.2以内`) and numbers, and a 10,000-KPI workbook otherwise keeps ~130,000 reading objects alive
 * (allocation and GC were a third of detection time, `npm run bench`). The reading of a cell depends only on
 * its raw value, its number format (numbers) and, for year-tagged text (`42.7(R1確定値) 40.2(R2速報値)`), the
 * column's year: those year-dependent readings are never shared.
 *
 * Shared readings are frozen (arrays included): callers must treat every reading as read-only (`KpiValue.reading`
 * is typed `Readonly`). One cache serves one detection run; it is dropped with it.
 */
export class ReadingCache {
  private readonly texts = new Map<string, Readonly<CellReading>>();
  private readonly numbers = new Map<string | null, Map<number, Readonly<CellReading>>>();
  private empty: Readonly<CellReading> | null = null;
  private size = 0;

  /** The reading of a cell with this raw value, number format and column year (see `ReadCellOptions`). */
  read(raw: RawValue, numberFormat: string | null = null, columnYear: number | null = null): Readonly<CellReading> {
    if (raw === null || raw === undefined) return (this.empty ??= freezeReading(readCell(null)));
    if (typeof raw === 'string') {
      const hit = this.texts.get(raw);
      if (hit) return hit;
      // Text ignores the number format.
      const r = readCell(raw, { numberFormat, columnYear });
      // A year-tagged cell's value depends on the column's year (SPEC §3): read again for every column.
      if (r.yearValues.length > 0 || this.size >= MAX_ENTRIES) return r;
      this.size++;
      this.texts.set(raw, freezeReading(r));
      return r;
    }
    if (typeof raw === 'number') {
      let byValue = this.numbers.get(numberFormat);
      const hit = byValue?.get(raw);
      if (hit) return hit;
      // A number ignores the column's year.
      const r = readCell(raw, { numberFormat, columnYear });
      if (this.size >= MAX_ENTRIES) return r;
      if (!byValue) this.numbers.set(numberFormat, (byValue = new Map()));
      this.size++;
      byValue.set(raw, freezeReading(r));
      return r;
    }
    return readCell(raw, { numberFormat, columnYear });
  }
}

function freezeReading(r: CellReading): Readonly<CellReading> {
  freezeAll(r.parts);
  freezeAll(r.yearValues);
  freezeAll(r.problems);
  return Object.freeze(r);
}

/** The array and its items. Most readings share one frozen empty array (see `blankReading`): nothing to do. */
function freezeAll(items: object[]): void {
  if (Object.isFrozen(items)) return;
  for (const item of items) Object.freeze(item);
  Object.freeze(items);
}
