import type { CellBox } from './grid';

/** 0-based column index → Excel letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new Error(`columnLetters: bad column index ${col}`);
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
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

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** A1 address → 0-based row/column, or null when the text is not an address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = CELL_RE.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
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
