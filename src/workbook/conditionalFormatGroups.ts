import { parseA1 } from '../domain/address';

/** Ranges per rule: a long but ordinary "applies to" list for Excel (`<conditionalFormatting sqref>`, RangeAreas). */
export const RANGES_PER_RULE = 100;

/**
 * The plan's ranges in groups that share their left column, top to bottom, at most `RANGES_PER_RULE` each. A
 * group's first cell is both its first range's top-left cell and the top-left corner of all its ranges, so the
 * relative formula (`TRIM(D6)=…`) means the same to every reader. One rule set per range instead gave a
 * 10,000-KPI workbook 26,000 rules and as many styles (a 4 MB styles.xml; `npm run bench`). Used by both
 * adapters (xlsx: one `<conditionalFormatting>` per group; Office: one rule set per `RangeAreas`). A range that
 * is not an A1 range goes into a group of its own column key (-1), in the order given; no ranges, no groups.
 */
export function conditionalFormatGroups(ranges: readonly string[]): string[][] {
  const byColumn = new Map<number, { ref: string; row: number }[]>();
  for (const ref of ranges) {
    const pos = parseA1(ref.split(':')[0]);
    const key = pos ? pos.col : -1;
    let list = byColumn.get(key);
    if (!list) byColumn.set(key, (list = []));
    list.push({ ref, row: pos ? pos.row : -1 });
  }
  const groups: string[][] = [];
  for (const list of byColumn.values()) {
    list.sort((a, b) => a.row - b.row);
    for (let i = 0; i < list.length; i += RANGES_PER_RULE) groups.push(list.slice(i, i + RANGES_PER_RULE).map((x) => x.ref));
  }
  return groups;
}
