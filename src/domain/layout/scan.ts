import type { Role } from './types';
import type { HeaderMeaning, RoleMatcher } from './synonyms';
import type { SheetView } from './sheetView';
import { MAX_HEADER_CHARS, matchKey } from './keys';
import { groupOfHeading } from './names';
import { numericYearKey } from './yearLabels';

/** A short cell that names a role or a year. */
export interface Token extends HeaderMeaning {
  row: number;
  col: number;
}

export interface GroupHeading {
  row: number;
  col: number;
  group: string;
}

export interface SheetScan {
  /** Tokens per sheet row, left to right; rows without a token are absent. */
  tokens: Map<number, Token[]>;
  /** Rows holding at least two year tokens: candidate year-column headers. */
  yearRows: number[];
  /** Rows holding a name token and two or more value roles: candidate row-per-KPI headers. */
  rowHeaders: number[];
  /** `基本目標１` / `【基本目標1】…` / `政策 1` / `施策 1-1` headings, top to bottom. */
  groups: GroupHeading[];
  /** Rows where a table starts: year rows and row headers. */
  starts: Set<number>;
  /** Group headings by row. */
  groupRows: Map<number, GroupHeading>;
}

const VALUE_ROLES: ReadonlySet<Role | null> = new Set<Role | null>(['baseline', 'target', 'actual', 'status']);

/**
 * One pass over the sheet. Cheap checks first (type, length) so that a 10,000-row sheet of prose or numbers
 * costs little: only short strings are normalised and matched.
 */
export function scanSheet(view: SheetView, matcher: RoleMatcher): SheetScan {
  const tokens = new Map<number, Token[]>();
  const yearRows: number[] = [];
  const rowHeaders: number[] = [];
  const groups: GroupHeading[] = [];
  const values = view.sheet.values;
  for (let i = 0; i < values.length; i++) {
    const line = values[i];
    const row = view.top + i;
    let rowTokens: Token[] | null = null;
    let firstText = true;
    for (let j = 0; j < line.length; j++) {
      const v = line[j];
      if (v === null) continue;
      const col = view.left + j;
      let key: string | null = null;
      if (typeof v === 'string') {
        if (v.length > 200) {
          firstText = false;
          continue;
        }
        if (firstText && v.trim() !== '') {
          firstText = false;
          const group = groupOfHeading(v);
          if (group) groups.push({ row, col, group });
        }
        if (v.length <= MAX_HEADER_CHARS && matcher.mayStartWith(v)) key = matchKey(v);
      } else {
        firstText = false;
        key = numericYearKey(v);
      }
      if (!key) continue;
      const meaning = matcher.classify(key);
      if (!meaning) continue;
      // Written out, not `{ row, col, ...meaning }`: one token per label cell, and a spread copy is slow.
      const { role, year, hint, label, yearNote } = meaning;
      (rowTokens ??= []).push({ row, col, role, year, hint, label, yearNote });
    }
    if (!rowTokens) continue;
    tokens.set(row, rowTokens);
    let years = 0;
    let hasName = false;
    let valueRoles = 0;
    for (const t of rowTokens) {
      if (t.year) years++;
      if (t.role === 'name') hasName = true;
      if (t.year || VALUE_ROLES.has(t.role)) valueRoles++;
    }
    if (years >= 2) yearRows.push(row);
    if (hasName && valueRoles >= 2) rowHeaders.push(row);
  }
  const starts = new Set<number>([...yearRows, ...rowHeaders]);
  const groupRows = new Map<number, GroupHeading>(groups.map((g) => [g.row, g]));
  return { tokens, yearRows, rowHeaders, groups, starts, groupRows };
}

/** The nearest group heading above `row` (binary search over the sorted headings). */
export function groupAbove(scan: SheetScan, row: number): string | null {
  const g = scan.groups;
  let lo = 0;
  let hi = g.length - 1;
  let found: string | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (g[mid].row < row) {
      found = g[mid].group;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
