import { xmlText } from '../opcPackage';
import type { XmlElement } from './xml';
import { escapeText, prefixOf, splice } from './xml';

/**
 * Notes (legacy comments) of one worksheet, patched in place: the comments part (CT_Comments) and the VML drawing
 * Excel needs to show them. Both are handled as text with spans found by search, never parsed and re-serialised:
 * whatever is not edited stays byte-identical, and VML is often not well-formed XML (`<br>` in text boxes).
 */

/** One note to set or remove; row/col are 0-based (A1 = row 0, col 0). */
export interface NoteEdit {
  row: number;
  col: number;
  /** The note's full text; null removes the cell's note. */
  text: string | null;
}

export interface NotesInput {
  /** The sheet's comments part text, or null when the sheet has none. */
  comments: string | null;
  /** The sheet's VML drawing text (the one its `<legacyDrawing>` points to), or null when none. */
  vml: string | null;
  edits: readonly NoteEdit[];
  /**
   * For a NEW vml part only: an `o:idmap` block number no other VML part of the package uses (shape ids are
   * block*1024+n). A part given more than 1023 notes also takes the blocks after it (declared in its idmap).
   */
  idmapBlock: number;
  /** Author name for new notes (e.g. "Shinchoku"). */
  author: string;
}

export interface NotesOutput {
  /** The new comments part, or null when the sheet ends with no notes at all (the caller then removes the part). */
  comments: string | null;
  /** The new VML part, or null when it would hold no shape at all (no notes and nothing else such as form controls). */
  vml: string | null;
}

const SPREADSHEETML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const VML_NAMESPACES: Record<string, string> = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  x: 'urn:schemas-microsoft-com:office:excel',
};
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
/** Empty containers: the ordinary patch path fills them, so a new part is built like an edited one. */
const NEW_COMMENTS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<comments xmlns="${SPREADSHEETML}"><authors/><commentList/></comments>`;
const newVml = (block: number): string =>
  `<xml ${Object.entries(VML_NAMESPACES).map(([p, uri]) => `xmlns:${p}="${uri}"`).join(' ')}>` +
  `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${NOTE_SHAPETYPE}</xml>`;

/** A span of the input replaced by `insert` (an insertion when start === end); applied with `splice`. */
type Splice = { start: number; end: number; insert: string };

/** An element found by search, with its start tag's attribute text as written. */
interface ElementSpan extends XmlElement {
  attrs: string;
}

// Both parts are searched as text, not read with xml.ts's scanner (it refuses what is not well-formed): VML often is not.

/** Attribute text of a start tag; quoted values may hold `>`. */
const ATTRS = `(?:[^>"']|"[^"]*"|'[^']*')*`;
const finders = new Map<string, { open: RegExp; close: RegExp }>();

/** The first `<local>` element (any prefix) starting in [from, until) of the masked text `m`. */
function findElement(m: string, local: string, from = 0, until = m.length): ElementSpan | null {
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
function allElements(m: string, local: string, from = 0, until = m.length): ElementSpan[] {
  const out: ElementSpan[] = [];
  for (let e = findElement(m, local, from, until); e; e = findElement(m, local, e.end, until)) out.push(e);
  return out;
}

/** XML comments and CDATA blanked out at equal length, so searches never match inside them and offsets still hold. */
function masked(text: string): string {
  return text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length));
}

/** Adds `content` as the last children of `el`, turning `<x/>` into `<x>…</x>`. */
function appendTo(el: ElementSpan, content: string): Splice {
  return el.selfClosing
    ? { start: el.openEnd - 2, end: el.openEnd, insert: `>${content}</${el.qname}>` }
    : { start: el.closeStart, end: el.closeStart, insert: content };
}

/** Character data of an element's content as a parser gives it (entities, CDATA, line ends). */
function decodeText(raw: string): string {
  return raw
    .split(/<!\[CDATA\[([\s\S]*?)\]\]>/)
    .map((part, i) => (i % 2 === 1 ? part : xmlText(part.replace(/<!--[\s\S]*?-->/g, '').replace(/\r\n?/g, '\n'))))
    .join('');
}

const cellKey = (row: number, col: number): number => row * MAX_COLS + col;

/** `D5`/`$d$5` → its cell key; refs that are not a single cell never match an edit (-Infinity). */
function refKey(ref: string): number {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return -Infinity;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return cellKey(Number(m[2]) - 1, col - 1);
}

function a1(key: number): string {
  let col = (key % MAX_COLS) + 1;
  let letters = '';
  for (; col > 0; col = Math.floor((col - 1) / 26)) letters = String.fromCharCode(65 + ((col - 1) % 26)) + letters;
  return `${letters}${Math.floor(key / MAX_COLS) + 1}`;
}

/** Cell key → new text or null; a later edit of the same cell wins. */
function editsByCell(edits: readonly NoteEdit[]): Map<number, string | null> {
  const out = new Map<number, string | null>();
  for (const e of edits) {
    const inRange = Number.isInteger(e.row) && Number.isInteger(e.col) && e.row >= 0 && e.col >= 0;
    if (!inRange || e.row >= MAX_ROWS || e.col >= MAX_COLS) {
      throw new Error(`patchNotes: cell row ${e.row}, col ${e.col} is outside the sheet`);
    }
    out.set(cellKey(e.row, e.col), e.text);
  }
  return out;
}

interface CommentEntry {
  el: ElementSpan;
  ref: string;
  key: number;
  /** Its `<text>` element, in the part's offsets. */
  text: ElementSpan | null;
}

interface CommentsScan {
  m: string;
  root: ElementSpan;
  authors: ElementSpan | null;
  authorNames: string[];
  authorSpans: ElementSpan[];
  list: ElementSpan | null;
  comments: CommentEntry[];
}

function shifted(el: ElementSpan, by: number): ElementSpan {
  el.start += by;
  el.openEnd += by;
  el.closeStart += by;
  el.end += by;
  return el;
}

function scanComments(xml: string): CommentsScan {
  const m = masked(xml);
  const root = findElement(m, 'comments');
  if (!root) throw new Error('patchNotes: the comments part has no <comments> root');
  const authors = findElement(m, 'authors', root.openEnd, root.closeStart);
  const names = authors ? allElements(m, 'author', authors.openEnd, authors.closeStart) : [];
  const authorNames = names.map((a) => decodeText(xml.slice(a.openEnd, a.closeStart)));
  const list = findElement(m, 'commentList', root.openEnd, root.closeStart);
  const comments = (list ? allElements(m, 'comment', list.openEnd, list.closeStart) : []).map((c): CommentEntry => {
    const ref = /(?:^|\s)ref\s*=\s*(["'])(.*?)\1/.exec(c.attrs)?.[2] ?? '';
    // searched in the comment's own slice, so a comment without <text> never sends the search to the part's end
    const text = findElement(m.slice(c.openEnd, c.closeStart), 'text');
    return { el: c, ref, key: refKey(ref), text: text && shifted(text, c.openEnd) };
  });
  return { m, root, authors, authorNames, authorSpans: names, list, comments };
}

/** The plain text of a comment: its runs joined, phonetic guides (`<rPh>`, ふりがな) left out. */
function noteText(xml: string, m: string, c: CommentEntry): string {
  if (!c.text || c.text.selfClosing) return '';
  const at = c.text.openEnd;
  const body = m.slice(at, c.text.closeStart);
  const phonetic = allElements(body, 'rPh');
  return allElements(body, 't')
    .filter((t) => !phonetic.some((p) => t.start >= p.start && t.start < p.end))
    .map((t) => decodeText(xml.slice(at + t.openEnd, at + t.closeStart)))
    .join('');
}

/** The notes of a comments part: A1 ref → plain text of its runs joined (phonetic `<rPh>` runs excluded). */
export function readNotes(comments: string): Map<string, string> {
  const scan = scanComments(comments);
  const notes = new Map<string, string>();
  for (const c of scan.comments) {
    notes.set(c.key >= 0 ? a1(c.key) : c.ref.toUpperCase(), noteText(comments, scan.m, c));
  }
  return notes;
}

/**
 * `<text>` content of one note: one run without properties, since ExcelJS reads only `<r>` runs and drops a bare
 * `<t>` (checked with exceljs 4.4.0); `xml:space` keeps leading and trailing blanks.
 */
const run = (p: string, text: string): string =>
  `<${p}r><${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}r>`;

function setText(c: CommentEntry, text: string): Splice {
  const t = c.text;
  if (t && !t.selfClosing) return { start: t.openEnd, end: t.closeStart, insert: run(prefixOf(t), text) };
  if (t) return appendTo(t, run(prefixOf(t), text));
  const p = prefixOf(c.el);
  const el = `<${p}text>${run(p, text)}</${p}text>`;
  return c.el.selfClosing ? appendTo(c.el, el) : { start: c.el.openEnd, end: c.el.openEnd, insert: el };
}

function patchComments(xml: string | null, edits: Map<number, string | null>, author: string): string | null {
  const src = xml ?? NEW_COMMENTS;
  const scan = scanComments(src);
  // a part without <commentList> holds no note: nothing in it is worth keeping
  if (!scan.list) return patchComments(null, edits, author);
  const { list, root } = scan;
  const p = prefixOf(root);
  const splices: Splice[] = [];
  const existing = new Set(scan.comments.map((c) => c.key));
  const fresh = [...edits].filter(([k, t]) => t !== null && !existing.has(k)).sort((a, b) => a[0] - b[0]);
  let authorId = scan.authorNames.indexOf(author);
  if (fresh.length > 0 && authorId < 0) {
    authorId = scan.authorNames.length;
    const name = `<${p}author>${escapeText(author)}</${p}author>`;
    const authors = `<${p}authors>${name}</${p}authors>`;
    splices.push(scan.authors ? appendTo(scan.authors, name) : { start: list.start, end: list.start, insert: authors });
  }
  const comment = ([key, text]: [number, string | null]): string =>
    `<${p}comment ref="${a1(key)}" authorId="${authorId}"><${p}text>${run(p, text ?? '')}</${p}text></${p}comment>`;
  let next = 0;
  let removed = 0;
  for (const c of scan.comments) {
    // merged by row-major order, before the first existing note that comes later; existing ones keep their order
    let before = '';
    while (next < fresh.length && fresh[next][0] < c.key) before += comment(fresh[next++]);
    if (before) splices.push({ start: c.el.start, end: c.el.start, insert: before });
    const edit = edits.get(c.key);
    if (edit === null) {
      removed++;
      splices.push({ start: c.el.start, end: c.el.end, insert: '' });
    } else if (edit !== undefined && noteText(src, scan.m, c) !== edit) splices.push(setText(c, edit));
  }
  if (next < fresh.length) splices.push(appendTo(list, fresh.slice(next).map(comment).join('')));
  if (scan.comments.length - removed + fresh.length === 0) return null;
  // Our author goes with our last note (restore), when it is the last author: no other id moves.
  const own = scan.authorNames.length - 1;
  if (fresh.length === 0 && own >= 0 && scan.authorNames[own] === author) {
    const used = scan.comments.some((c) => edits.get(c.key) !== null && new RegExp(`\\sauthorId\\s*=\\s*["']${own}["']`).test(c.el.attrs));
    if (!used) splices.push({ start: scan.authorSpans[own].start, end: scan.authorSpans[own].end, insert: '' });
  }
  return splice(src, splices);
}

const IDMAP = /(<(?:[\w.-]+:)?idmap\b[^>]*?\sdata\s*=\s*)(["'])([^"']*)\2/;

/** The o:idmap block numbers a VML part declares (`<o:idmap v:ext="edit" data="1,3"/>` → [1, 3]); [] when none. */
export function idmapBlocks(vml: string): number[] {
  const found = IDMAP.exec(masked(vml));
  const blocks = (found?.[3] ?? '').split(',').map((s) => s.trim()).filter((s) => /^\d+$/.test(s)).map(Number);
  return [...new Set(blocks)];
}

/** Shapes of a VML part, with the cell of those that are notes (`<x:Row>`/`<x:Column>` are 0-based). */
function scanShapes(m: string): { start: number; end: number; note: number | null }[] {
  return allElements(m, 'shape').map((s) => {
    const body = m.slice(s.openEnd, s.closeStart);
    const isNote = /<(?:[\w.-]+:)?ClientData\b[^>]*\sObjectType\s*=\s*["']Note["']/.test(body);
    const row = /<(?:[\w.-]+:)?Row\s*>\s*(\d+)\s*</.exec(body);
    const col = /<(?:[\w.-]+:)?Column\s*>\s*(\d+)\s*</.exec(body);
    return { start: s.start, end: s.end, note: isNote && row && col ? cellKey(Number(row[1]), Number(col[1])) : null };
  });
}

/** A note shape as Excel writes one; margins assume 48pt columns and 15pt rows (Excel places it by x:Anchor). */
function noteShape(key: number, id: number, z: number): string {
  const row = Math.floor(key / MAX_COLS);
  const col = key % MAX_COLS;
  const top = Math.max(row - 1, 0);
  const style =
    `position:absolute;margin-left:${(col + 1) * 48 + 11.25}pt;margin-top:${top * 15 + 1.5}pt;` +
    `width:108pt;height:59.25pt;z-index:${z};visibility:hidden`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="${style}" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
    `<x:Anchor>${col + 1}, 15, ${top}, 2, ${col + 3}, 15, ${row + 3}, 16</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

function checkedBlock(block: number): number {
  if (Number.isInteger(block) && block >= 1) return block;
  throw new Error(`patchNotes: idmapBlock must be a positive integer, got ${block}`);
}

/** New note shapes before `</xml>`, with what they need: the note shapetype, namespaces, their idmap blocks. */
function addShapes(
  src: string, m: string, root: ElementSpan, cells: number[], block: number, firstShape: number,
): Splice[] {
  const out: Splice[] = [];
  // shapes written here use the v:, o: and x: prefixes
  const missing = Object.entries(VML_NAMESPACES).filter(([p]) => !new RegExp(`\\sxmlns:${p}\\s*=`).test(root.attrs));
  if (missing.length > 0) {
    const at = root.openEnd - 1;
    out.push({ start: at, end: at, insert: missing.map(([p, uri]) => ` xmlns:${p}="${uri}"`).join('') });
  }
  const declared = idmapBlocks(src);
  let id = (declared[0] ?? checkedBlock(block)) * 1024;
  for (const x of m.matchAll(/_x0000_s(\d+)/g)) id = Math.max(id, Number(x[1]));
  let z = 0;
  for (const x of m.matchAll(/z-index:\s*(-?\d+)/g)) z = Math.max(z, Number(x[1]));
  const blocks = new Set(declared);
  const extra: number[] = [];
  const shapes = cells.map((key) => {
    id++;
    const b = Math.floor(id / 1024);
    if (!blocks.has(b)) {
      blocks.add(b);
      extra.push(b);
    }
    return noteShape(key, id, ++z);
  });
  if (!/<(?:[\w.-]+:)?shapetype\b[^>]*\sid\s*=\s*["']_x0000_t202["']/.test(m)) {
    out.push({ start: firstShape, end: firstShape, insert: NOTE_SHAPETYPE });
  }
  out.push({ start: root.closeStart, end: root.closeStart, insert: shapes.join('') });
  const idmap = IDMAP.exec(m);
  if (extra.length > 0 && idmap) {
    const at = idmap.index + idmap[1].length + 1 + idmap[3].length;
    out.push({ start: at, end: at, insert: (idmap[3].trim() ? ',' : '') + extra.join(',') });
  } else if (extra.length > 0) {
    const layout = `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${extra.join(',')}"/></o:shapelayout>`;
    out.push({ start: root.openEnd, end: root.openEnd, insert: layout });
  }
  return out;
}

function patchVml(vml: string | null, edits: Map<number, string | null>, block: number): string | null {
  const hasNotes = [...edits.values()].some((t) => t !== null);
  if (vml === null && !hasNotes) return null;
  const src = vml ?? newVml(checkedBlock(block));
  const m = masked(src);
  const root = findElement(m, 'xml');
  if (!root) throw new Error('patchNotes: the VML drawing has no <xml> root');
  // `<xml/>` holds nothing worth keeping
  if (root.selfClosing) return patchVml(null, edits, block);
  const shapes = scanShapes(m);
  const splices: Splice[] = [];
  const noted = new Set<number>();
  let removed = 0;
  for (const s of shapes) {
    if (s.note === null) continue;
    noted.add(s.note);
    if (edits.get(s.note) === null) {
      removed++;
      splices.push({ start: s.start, end: s.end, insert: '' });
    }
  }
  const fresh = [...edits].filter(([k, t]) => t !== null && !noted.has(k)).map(([k]) => k).sort((a, b) => a - b);
  if (shapes.length - removed + fresh.length === 0) return null;
  if (fresh.length > 0) splices.push(...addShapes(src, m, root, fresh, block, shapes[0]?.start ?? root.closeStart));
  return splice(src, splices);
}

/** Sets and removes notes of one sheet in its comments part and VML drawing; see NotesInput and NotesOutput. */
export function patchNotes(input: NotesInput): NotesOutput {
  const edits = editsByCell(input.edits);
  return {
    comments: patchComments(input.comments, edits, input.author),
    vml: patchVml(input.vml, edits, input.idmapBlock),
  };
}
