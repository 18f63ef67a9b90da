import { xmlText } from '../opcPackage';

/**
 * Just enough XML for changing parts of a package as text: escaping, attributes of one tag, and the direct
 * children of an element found by a tag scanner (comments, processing instructions and CDATA skipped; quoted
 * `>` in attributes handled). Parts are never parsed into a tree and serialised again, so everything this
 * tool does not touch keeps its exact bytes.
 */

/**
 * Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). They cannot
 * come from a cell, but can from settings JSON (`"\uffff"`), a scheme file or a tampered backup; written as they
 * are, the saved file no longer opens.
 */
// eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot hold
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as it can be stored: characters XML cannot hold become U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\ufffd');
}

/** JSON text as it can be stored, meaning unchanged: such characters only occur inside strings, as `\uXXXX`. */
export function xmlSafeJson(json: string): string {
  return json.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** Element text: `&`, `<`, `>` escaped, a CR kept as a reference (a parser would turn a bare CR into LF). */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]);
}

/** Attribute value (double-quoted): also `"`, and tab/LF as references (a parser would turn them into spaces). */
export function escapeAttr(text: string): string {
  return xmlSafe(text).replace(/[&<>"\r\n\t]/g, (c) => TEXT_ESCAPES[c] ?? `&#${c.charCodeAt(0)};`);
}

/** `<t>` content with `xml:space="preserve"` when the text starts or ends with white space or holds a line break. */
export function textElement(qname: string, text: string): string {
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<${qname}${preserve}>${escapeText(text)}</${qname}>`;
}

/**
 * The attributes of a start tag, read one after another from the tag's name: text inside another attribute's
 * value (a sheet named `a state='hidden'`) is never taken for an attribute. Group 1 is the white space before.
 */
const ATTRIBUTE = /(\s+)([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/** Where attribute `qname` is in `tag` (from the white space just before it) and its raw value; null when absent. */
function findAttr(tag: string, qname: string): { start: number; end: number; raw: string } | null {
  if (!tag.includes(qname)) return null; // quick for an absent one: attributes are read for every cell written
  ATTRIBUTE.lastIndex = Math.max(0, tag.search(/[\s/>]/)); // past the element's name
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) {
    if (m[2] === qname) return { start: m.index + m[1].length - 1, end: ATTRIBUTE.lastIndex, raw: m[3] ?? m[4] ?? '' };
  }
  return null;
}

/** An attribute of a start tag (`<c r="D5" s="3">`), unescaped; null when absent. `qname` as written (`r:id`). */
export function attr(tag: string, qname: string): string | null {
  const found = findAttr(tag, qname);
  return found ? xmlText(found.raw) : null;
}

/** The start tag with the attribute set (replaced in place, or added before the tag's end). */
export function setAttr(tag: string, qname: string, value: string): string {
  const found = findAttr(tag, qname);
  const written = ` ${qname}="${escapeAttr(value)}"`;
  // spliced, not `String.replace` with a string: a `$&` or `$1` in the value would be read as a pattern
  if (found) return tag.slice(0, found.start) + written + tag.slice(found.end);
  const close = /\s*\/?>$/.exec(tag);
  if (!close) return tag + written;
  return tag.slice(0, close.index) + written + tag.slice(close.index).trimStart();
}

/** The start tag without the attribute. */
export function removeAttr(tag: string, qname: string): string {
  const found = findAttr(tag, qname);
  return found ? tag.slice(0, found.start) + tag.slice(found.end) : tag;
}

/** One element found by the scanner; offsets into the text. */
export interface XmlElement {
  /** Name as written, with its prefix (`x:row`). */
  qname: string;
  /** Name without prefix. */
  local: string;
  start: number;
  /** Just past the start tag's `>`. */
  openEnd: number;
  /** Start of the end tag (= openEnd for a self-closing element). */
  closeStart: number;
  /** Just past the element. */
  end: number;
  selfClosing: boolean;
}

// Names may hold any non-ASCII character, as XML allows (`<名前>`): a reader need not tell which are letters.
const START_TAG = /<([A-Za-z_\u0080-\uffff][\w.\u0080-\uffff-]*(?::[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff-]*)?)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/y;

function localOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Skips a comment, processing instruction, CDATA section or DOCTYPE at `at`; the position after it, or -1. */
function skipMarkup(xml: string, at: number): number {
  if (xml.startsWith('<!--', at)) return end(xml.indexOf('-->', at + 4), 3);
  if (xml.startsWith('<?', at)) return end(xml.indexOf('?>', at + 2), 2);
  if (xml.startsWith('<![CDATA[', at)) return end(xml.indexOf(']]>', at + 9), 3);
  if (xml.startsWith('<!', at)) return end(xml.indexOf('>', at + 2), 1);
  return -1;
}

function end(found: number, length: number): number {
  if (found < 0) throw new XmlShapeError('unterminated markup');
  return found + length;
}

/** The text is not the well-formed XML the scanner expects. */
export class XmlShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlShapeError';
  }
}

/** The element whose start tag begins at or after `from` (the next one); null when there is none. */
export function nextElement(xml: string, from: number, skipContentOf: ReadonlySet<string> = NO_SKIP): XmlElement | null {
  let at = xml.indexOf('<', from);
  while (at >= 0) {
    const skipped = skipMarkup(xml, at);
    if (skipped < 0) break;
    at = xml.indexOf('<', skipped);
  }
  if (at < 0) return null;
  if (xml[at + 1] === '/') throw new XmlShapeError(`unexpected end tag at ${at}`);
  START_TAG.lastIndex = at;
  const m = START_TAG.exec(xml);
  if (!m) throw new XmlShapeError(`unreadable tag at ${at}`);
  const qname = m[1];
  const openEnd = START_TAG.lastIndex;
  if (m[2] === '/') return { qname, local: localOf(qname), start: at, openEnd, closeStart: openEnd, end: openEnd, selfClosing: true };
  const closeStart = skipContentOf.has(localOf(qname)) ? endTagAfter(xml, openEnd, qname) : closingTag(xml, openEnd, qname);
  if (closeStart < 0) throw new XmlShapeError(`<${qname}> is not closed`);
  const close = xml.indexOf('>', closeStart);
  if (close < 0) throw new XmlShapeError(`</${qname}> is not closed`);
  return { qname, local: localOf(qname), start: at, openEnd, closeStart, end: close + 1, selfClosing: false };
}

const NO_SKIP: ReadonlySet<string> = new Set();

/** Whether the end tag of `qname` starts at `at` (`</row>` or `</row >`, not `</rows>`). */
function isEndTagOf(xml: string, at: number, qname: string): boolean {
  if (!xml.startsWith(`</${qname}`, at)) return false;
  const after = xml[at + 2 + qname.length];
  return after === '>' || after === ' ' || after === '\t' || after === '\r' || after === '\n';
}

/** The first end tag of `qname` from `from`, its content not read (an element that never nests in itself); -1 when none. */
function endTagAfter(xml: string, from: number, qname: string): number {
  let at = xml.indexOf(`</${qname}`, from);
  while (at >= 0 && !isEndTagOf(xml, at, qname)) at = xml.indexOf(`</${qname}`, at + 2);
  return at;
}

/** Start of the end tag matching an element opened just before `from`, counting nested elements. */
function closingTag(xml: string, from: number, qname: string): number {
  let depth = 1;
  let at = from;
  for (;;) {
    at = xml.indexOf('<', at);
    if (at < 0) return -1;
    const skipped = skipMarkup(xml, at);
    if (skipped >= 0) {
      at = skipped;
      continue;
    }
    if (xml[at + 1] === '/') {
      depth--;
      if (depth === 0) return isEndTagOf(xml, at, qname) ? at : -1;
      at += 2;
      continue;
    }
    START_TAG.lastIndex = at;
    const m = START_TAG.exec(xml);
    if (!m) return -1;
    if (m[2] !== '/') depth++;
    at = START_TAG.lastIndex;
  }
}

/** The root element (after the XML declaration and any comments); its end tag is the last one in the text. */
export function rootElement(xml: string): XmlElement {
  let at = xml.indexOf('<');
  while (at >= 0) {
    const skipped = skipMarkup(xml, at);
    if (skipped < 0) break;
    at = xml.indexOf('<', skipped);
  }
  if (at < 0) throw new XmlShapeError('no root element');
  START_TAG.lastIndex = at;
  const m = START_TAG.exec(xml);
  if (!m) throw new XmlShapeError('unreadable root element');
  const qname = m[1];
  const openEnd = START_TAG.lastIndex;
  if (m[2] === '/') return { qname, local: localOf(qname), start: at, openEnd, closeStart: openEnd, end: openEnd, selfClosing: true };
  const closeStart = xml.lastIndexOf(`</${qname}`);
  if (closeStart < openEnd || !isEndTagOf(xml, closeStart, qname)) throw new XmlShapeError(`<${qname}> is not closed`);
  const close = xml.indexOf('>', closeStart);
  if (close < 0) throw new XmlShapeError(`</${qname}> is not closed`);
  return { qname, local: localOf(qname), start: at, openEnd, closeStart, end: close + 1, selfClosing: false };
}

/**
 * The direct children of `parent`. Elements named in `skipContentOf` are jumped over without reading their
 * content (a worksheet's `sheetData` holds every cell; it never nests in itself).
 */
export function childrenOf(xml: string, parent: XmlElement, skipContentOf: ReadonlySet<string> = NO_SKIP): XmlElement[] {
  const out: XmlElement[] = [];
  if (parent.selfClosing) return out;
  let at = parent.openEnd;
  for (;;) {
    const next = xml.indexOf('<', at);
    if (next < 0 || next >= parent.closeStart) return out;
    const skipped = skipMarkup(xml, next);
    if (skipped >= 0) {
      at = skipped;
      continue;
    }
    const child = nextElement(xml, next, skipContentOf);
    if (!child || child.start >= parent.closeStart) return out;
    out.push(child);
    at = child.end;
  }
}

/** The prefix of an element's name with its colon (`x:`), or '' when it has none. */
export function prefixOf(el: XmlElement): string {
  return el.qname.slice(0, el.qname.length - el.local.length);
}

/** The prefix bound to a namespace URI on the root start tag (`r` for relationships), or null. */
export function namespacePrefix(xml: string, root: XmlElement, uri: string): string | null {
  const tag = xml.slice(root.start, root.openEnd);
  for (const m of tag.matchAll(/\sxmlns:([\w.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    if ((m[3] ?? m[4]) === uri) return m[1];
  }
  return null;
}

/** Replaces ranges of a text in one pass (ranges must not overlap); `edits` in any order. */
export function splice(text: string, edits: readonly { start: number; end: number; insert: string }[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error('splice: overlapping edits');
    out += text.slice(at, e.start) + e.insert;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The start tag beginning exactly at `at`: its name, where it ends, whether it closes itself; null when none is there. */
export function startTagAt(xml: string, at: number): { qname: string; openEnd: number; selfClosing: boolean } | null {
  START_TAG.lastIndex = at;
  const m = START_TAG.exec(xml);
  return m ? { qname: m[1], openEnd: START_TAG.lastIndex, selfClosing: m[2] === '/' } : null;
}

/** Inserts `insert` just before the end tag of `el`, expanding a self-closing element. */
export function appendToElement(xml: string, el: XmlElement, insert: string): string {
  if (!el.selfClosing) return xml.slice(0, el.closeStart) + insert + xml.slice(el.closeStart);
  const tag = xml.slice(el.start, el.openEnd).replace(/\s*\/>$/, '>');
  return xml.slice(0, el.start) + tag + insert + `</${el.qname}>` + xml.slice(el.end);
}
