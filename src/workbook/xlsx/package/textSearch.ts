import { a1, parseA1 } from '../../../domain/address';
import { xmlText } from '../opcPackage';
import type { XmlElement } from './xml';

/**
 * Search-based reading of the notes parts (the comments part and its VML drawing): elements are found by regular
 * expression over the text, with XML comments and CDATA masked out, never with xml.ts's scanner, which refuses what
 * is not well-formed, as VML often is (`<br>` in text boxes). Also the cell keys both parts index notes by.
 */

/** Excel's sheet size: cell keys are row * MAX_COLS + col. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A span of the input replaced by `insert` (an insertion when start === end); applied with `splice`. */
export type Splice = { start: number; end: number; insert: string };

/** An element found by search, with its start tag's attribute text as written. */
export interface ElementSpan extends XmlElement {
  attrs: string;
}

/** Attribute text of a start tag; quoted values may hold `>`. */
const ATTRS = `(?:[^>"']|"[^"]*"|'[^']*')*`;
const finders = new Map<string, { open: RegExp; close: RegExp }>();

/** The first `<local>` element (any prefix) starting in [from, until) of the masked text `m`. */
export function findElement(m: string, local: string, from = 0, until = m.length): ElementSpan | null {
  let f = finders.get(local);
  if (!f) {
    f = {
      open: new RegExp(`<([\\w.-]+:)?${local}(?=[\\s/>])(${ATTRS})>`, 'g'),
      close: new RegExp(`</(?:[\\w.-]+:)?${local}\\s*>`, 'g'),
    };
    finders.set(local, f);
  }
  f.open.lastIndex = from;
  const o = f.open.exec(m);
  if (!o || o.index >= until) return null;
  const openEnd = o.index + o[0].length;
  const prefix = o[1] ?? '';
  const selfClosing = o[2].endsWith('/');
  let c: RegExpExecArray | null = null;
  if (!selfClosing) {
    f.close.lastIndex = openEnd;
    c = f.close.exec(m);
    if (!c) throw new Error(`patchNotes: <${prefix}${local}> is never closed`);
  }
  const closeStart = c ? c.index : openEnd;
  const end = c ? c.index + c[0].length : openEnd;
  return { qname: prefix + local, local, start: o.index, openEnd, closeStart, end, attrs: o[2], selfClosing };
}

/** Every `<local>` element starting in [from, until) of `m`, in order (siblings: a match's content is skipped). */
export function allElements(m: string, local: string, from = 0, until = m.length): ElementSpan[] {
  const out: ElementSpan[] = [];
  for (let e = findElement(m, local, from, until); e; e = findElement(m, local, e.end, until)) out.push(e);
  return out;
}

/** XML comments and CDATA blanked out at equal length, so searches never match inside them and offsets still hold. */
export function masked(text: string): string {
  return text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length));
}

/** Adds `content` as the last children of `el`, turning `<x/>` into `<x>…</x>`. */
export function appendTo(el: ElementSpan, content: string): Splice {
  return el.selfClosing
    ? { start: el.openEnd - 2, end: el.openEnd, insert: `>${content}</${el.qname}>` }
    : { start: el.closeStart, end: el.closeStart, insert: content };
}

/** Character data of an element's content as a parser gives it (entities, CDATA, line ends). */
export function decodeText(raw: string): string {
  return raw
    .split(/<!\[CDATA\[([\s\S]*?)\]\]>/)
    .map((part, i) => (i % 2 === 1 ? part : xmlText(part.replace(/<!--[\s\S]*?-->/g, '').replace(/\r\n?/g, '\n'))))
    .join('');
}

/** 0-based row/col → the key notes are indexed by (row-major, so keys sort as Excel orders notes). */
export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;

/** `D5`/`$d$5` → its cell key; refs that are not a single cell (or row 0) never match an edit (-Infinity). */
export function refKey(ref: string): number {
  const cell = parseA1(ref);
  return cell ? cellKey(cell.row, cell.col) : -Infinity;
}

/** Cell key (≥ 0) → its A1 address. */
export function keyToA1(key: number): string {
  return a1(Math.floor(key / MAX_COLS), key % MAX_COLS);
}
