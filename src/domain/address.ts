import type { CellBox } from './grid';

/** Excel's last column is XFD (16,384 columns): letters of columns below this are computed once. */
const CACHED_COLUMNS = 16384;
const letterCache: string[] = [];

/** 0-based column index → Excel letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(col: number): string {
  const cached = letterCache[col];
  if (cached !== undefined) return cached;
  if (!Number.isInteger(col) || col < 0) throw new Error(`columnLetters: bad column index ${col}`);
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  if (col < CACHED_COLUMNS) letterCache[col] = s;
  return s;
}

/** 0-based row/column → A1 address (`0,0` → `A1`). */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function boxToA1(box: CellBox): string {
  const start = a1(box.top, box.left);
  const end = a1(box.bottom, box.right);
  return start === end ? start : `${start}:${end}`;
}

const DOLLAR = 0x24;

/**
 * A1 address → 0-based row/column, or null when the text is not an address: `$?` 1–3 letters `$?` 1–7 digits,
 * row ≥ 1, surrounding whitespace ignored. A scanner rather than a regex: the plan parses every status cell.
 */
export function parseA1(address: string): { row: number; col: number } | null {
  const s = address.trim();
  const n = s.length;
  let i = s.charCodeAt(0) === DOLLAR ? 1 : 0;
  let col = 0;
  const lettersFrom = i;
  for (; i < n && i - lettersFrom < 3; i++) {
    const lower = s.charCodeAt(i) | 0x20; // A–Z and a–z alike; nothing else lands in a–z
    if (lower < 0x61 || lower > 0x7a) break;
    col = col * 26 + (lower - 0x60);
  }
  if (i === lettersFrom) return null;
  if (s.charCodeAt(i) === DOLLAR) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < n && i - digitsFrom < 7; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    row = row * 10 + (c - 0x30);
  }
  if (i === digitsFrom || i !== n || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** `A1:C3` (or a single `B2`) → box, or null. */
export function parseRange(range: string): CellBox | null {
  const [from, to = from] = range.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Sheet name quoted for a formula or hyperlink reference (`'基本目標1'!A1`). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function boxContains(box: CellBox, row: number, col: number): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}
