import type { ElementSpan, Splice } from './textSearch';
import {
  MAX_COLS, MAX_ROWS, allElements, appendTo, cellKey, decodeText, findElement, keyToA1, masked, refKey,
} from './textSearch';
import { patchVml } from './vmlPart';
import { escapeText, prefixOf, splice } from './xml';
import { NS } from './parts';

/**
 * Notes (legacy comments) of one worksheet, patched in place: the comments part (CT_Comments) here, the VML drawing
 * Excel needs to show them in vmlPart.ts. Both are handled as text with spans found by search (textSearch.ts), never
 * parsed and re-serialised: whatever is not edited stays byte-identical. This file is the public face of both.
 */

export { idmapBlocks } from './vmlPart';

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

/** Empty containers: the ordinary patch path fills them, so a new part is built like an edited one. */
const NEW_COMMENTS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<comments xmlns="${NS.main}"><authors/><commentList/></comments>`;

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
    notes.set(c.key >= 0 ? keyToA1(c.key) : c.ref.toUpperCase(), noteText(comments, scan.m, c));
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
    `<${p}comment ref="${keyToA1(key)}" authorId="${authorId}"><${p}text>${run(p, text ?? '')}</${p}text></${p}comment>`;
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

/** Sets and removes notes of one sheet in its comments part and VML drawing; see NotesInput and NotesOutput. */
export function patchNotes(input: NotesInput): NotesOutput {
  const edits = editsByCell(input.edits);
  return {
    comments: patchComments(input.comments, edits, input.author),
    vml: patchVml(input.vml, edits, input.idmapBlock),
  };
}
