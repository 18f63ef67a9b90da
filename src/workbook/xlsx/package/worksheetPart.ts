import { a1, parseA1, parseRange } from '../../../domain/address';
import { cellXml } from './sheetXml';
import { PackageError } from './xlsxPackage';
import { NS } from './parts';
import type { RawValue } from '../../../domain/grid';
import type { XmlElement } from './xml';
import { attr, childrenOf, namespacePrefix, prefixOf, removeAttr, rootElement, setAttr, startTagAt } from './xml';

/**
 * One worksheet part, changed as text: cells set in place (the cell's style kept), colour rules replaced, and
 * elements added where the schema's order puts them. Rows and cells that are not written keep their bytes.
 */

/** CT_Worksheet's children in schema order (an element goes after those before it). */
export const WORKSHEET_ORDER: readonly string[] = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
];
const SKIP = new Set(['sheetData']);

/** A value to put in a cell (0-based position). `null` empties it; its style stays. */
export interface CellEdit {
  row: number;
  col: number;
  value: RawValue;
}

function columnOf(ref: string): number | null {
  return parseA1(ref)?.col ?? null;
}

interface CellSpan {
  col: number;
  start: number;
  end: number;
  tag: string;
}

export class WorksheetPart {
  private xml: string;
  readonly prefix: string;

  constructor(
    xml: string,
    /** The sheet's name, for messages. */
    private readonly sheet: string,
  ) {
    this.xml = xml;
    const root = rootElement(xml);
    if (root.local !== 'worksheet') throw new PackageError(`the part of sheet "${sheet}" is not a worksheet`);
    this.prefix = prefixOf(root);
    this.formula = new RegExp(`<${this.prefix.replace('.', '\\.')}f[\\s/>]`);
  }

  /** A `<f>` child: the cell holds a formula. */
  private readonly formula: RegExp;

  toXml(): string {
    return this.xml;
  }

  private childrenCache: { xml: string; children: XmlElement[] } | null = null;

  /** The root's children, read once per version of the text (a sheet's `mergeCells` may hold thousands). */
  private children(): XmlElement[] {
    if (this.childrenCache?.xml !== this.xml) this.childrenCache = { xml: this.xml, children: childrenOf(this.xml, rootElement(this.xml), SKIP) };
    return this.childrenCache.children;
  }

  private child(local: string): XmlElement | undefined {
    return this.children().find((c) => c.local === local);
  }

  /** Where an element named `local` goes: after the last child that comes before it (or is one), by schema order. */
  private insertionPoint(local: string): number {
    const rank = WORKSHEET_ORDER.indexOf(local);
    let at = rootElement(this.xml).openEnd;
    for (const c of this.children()) {
      const r = WORKSHEET_ORDER.indexOf(c.local);
      if (r >= 0 && r <= rank) at = c.end;
    }
    return at;
  }

  /** Inserts a top-level element at its place in the schema's order (after any of the same name). */
  insertElement(local: string, elementXml: string): void {
    const at = this.insertionPoint(local);
    this.xml = this.xml.slice(0, at) + elementXml + this.xml.slice(at);
  }

  /** The `r:id` of a top-level element (`legacyDrawing`), or null when there is none. */
  relationshipOf(local: string): string | null {
    const el = this.child(local);
    return el ? attr(this.xml.slice(el.start, el.openEnd), `${this.relPrefix() ?? 'r'}:id`) : null;
  }

  /** Adds `<legacyDrawing r:id>` (or another element that only points to a related part). */
  addRelationshipElement(local: string, rId: string): void {
    const r = this.relPrefix();
    const idAttr = r ? `${r}:id="${rId}"` : `xmlns:r="${NS.rel}" r:id="${rId}"`;
    this.insertElement(local, `<${this.prefix}${local} ${idAttr}/>`);
  }

  removeElement(local: string): void {
    const el = this.child(local);
    if (el) this.xml = this.xml.slice(0, el.start) + this.xml.slice(el.end);
  }

  private relPrefix(): string | null {
    return namespacePrefix(this.xml, rootElement(this.xml), NS.rel);
  }

  /** Column styles from `<cols>` (what a new cell in that column gets, as when typed in Excel). */
  private columnStyles(): (col: number) => number {
    const cols = this.child('cols');
    if (!cols) return () => 0;
    const spans: { min: number; max: number; style: number }[] = [];
    for (const c of childrenOf(this.xml, cols)) {
      const tag = this.xml.slice(c.start, c.openEnd);
      const style = Number(attr(tag, 'style') ?? 0);
      if (style > 0) spans.push({ min: Number(attr(tag, 'min')) - 1, max: Number(attr(tag, 'max')) - 1, style });
    }
    return (col) => spans.find((s) => col >= s.min && col <= s.max)?.style ?? 0;
  }

  /**
   * Sets cells. A written cell keeps its style; a new one takes its row's style (when the row has one) or its
   * column's. A cell holding a formula is refused unless `replaceFormulas` (restore puts back what was there).
   * Rows and cells without an `r` get one where a new row or cell is put among them, so positions stay.
   */
  setCells(edits: readonly CellEdit[], options: { replaceFormulas: boolean }): void {
    if (edits.length === 0) return;
    const p = this.prefix;
    let sheetData = this.child('sheetData');
    if (!sheetData) throw new PackageError(`sheet "${this.sheet}" has no cell data`);
    if (sheetData.selfClosing) {
      const open = this.xml.slice(sheetData.start, sheetData.openEnd).replace(/\s*\/>$/, '>');
      this.xml = this.xml.slice(0, sheetData.start) + open + `</${sheetData.qname}>` + this.xml.slice(sheetData.end);
      sheetData = this.child('sheetData') as XmlElement;
    }
    const byRow = new Map<number, CellEdit[]>();
    for (const e of edits) {
      const list = byRow.get(e.row);
      if (list) list.push(e);
      else byRow.set(e.row, [e]);
    }
    const rowsToWrite = [...byRow.keys()].sort((a, b) => a - b);
    const columnStyle = this.columnStyles();
    const xml = this.xml;
    const out: string[] = [xml.slice(0, sheetData.openEnd)];
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    let at = sheetData.openEnd;
    let rowNumber = -1;
    let next = 0; // index into rowsToWrite
    const flushNewRowsBefore = (row: number): void => {
      while (next < rowsToWrite.length && rowsToWrite[next] < row) {
        const r = rowsToWrite[next++];
        const cells = this.rowCells('', [], byRow.get(r) as CellEdit[], r, 0, columnStyle, options);
        if (cells !== '') out.push(`<${p}row r="${r + 1}">`, cells, rowClose); // emptying cells that do not exist adds no row
      }
    };
    for (;;) {
      const i = xml.indexOf(rowOpen, at);
      if (i < 0 || i >= sheetData.closeStart) break;
      const tag = startTagAt(xml, i);
      if (!tag || tag.qname !== `${p}row`) {
        out.push(xml.slice(at, i + rowOpen.length));
        at = i + rowOpen.length;
        continue;
      }
      const rowEnd = tag.selfClosing ? tag.openEnd : xml.indexOf(rowClose, tag.openEnd);
      if (rowEnd < 0) throw new PackageError(`sheet "${this.sheet}": a row is not closed`);
      let open = xml.slice(i, tag.openEnd);
      const r = attr(open, 'r');
      rowNumber = r === null ? rowNumber + 1 : Number(r) - 1;
      if (!Number.isInteger(rowNumber) || rowNumber < 0) throw new PackageError(`sheet "${this.sheet}": unreadable row number "${r}"`);
      out.push(xml.slice(at, i));
      flushNewRowsBefore(rowNumber);
      if (r === null) open = setAttr(open, 'r', String(rowNumber + 1));
      const end = tag.selfClosing ? tag.openEnd : rowEnd + rowClose.length;
      if (next < rowsToWrite.length && rowsToWrite[next] === rowNumber) {
        const rowEdits = byRow.get(rowNumber) as CellEdit[];
        next++;
        const rowStyle = attr(open, 'customFormat') === '1' || attr(open, 'customFormat') === 'true' ? Number(attr(open, 's') ?? 0) : 0;
        const cells = tag.selfClosing ? '' : xml.slice(tag.openEnd, rowEnd);
        open = this.widenSpans(open, rowEdits);
        out.push(open.replace(/\s*\/>$/, '>'), this.rowCells(cells, this.cellSpans(cells), rowEdits, rowNumber, rowStyle, columnStyle, options), rowClose);
      } else {
        out.push(open, xml.slice(tag.openEnd, end));
      }
      at = end;
    }
    out.push(xml.slice(at, sheetData.closeStart));
    flushNewRowsBefore(Infinity);
    out.push(xml.slice(sheetData.closeStart));
    this.xml = out.join('');
    this.widenDimension(edits);
  }

  /** The cells of a row's content, with their columns (an `r`-less cell follows the one before it). */
  private cellSpans(content: string): CellSpan[] {
    const p = this.prefix;
    const spans: CellSpan[] = [];
    const open = `<${p}c`;
    const close = `</${p}c>`;
    let at = 0;
    let col = -1;
    for (;;) {
      const i = content.indexOf(open, at);
      if (i < 0) break;
      const tag = startTagAt(content, i);
      if (!tag || tag.qname !== `${p}c`) {
        at = i + open.length;
        continue;
      }
      const end = tag.selfClosing ? tag.openEnd : content.indexOf(close, tag.openEnd) + close.length;
      if (end < tag.openEnd) throw new PackageError(`sheet "${this.sheet}": a cell is not closed`);
      const ref = attr(content.slice(i, tag.openEnd), 'r');
      const c = ref === null ? col + 1 : columnOf(ref);
      if (c === null) throw new PackageError(`sheet "${this.sheet}": unreadable cell reference "${ref}"`);
      col = c;
      spans.push({ col, start: i, end, tag: content.slice(i, tag.openEnd) });
      at = end;
    }
    return spans;
  }

  /** A row's new content: its cells with the edits merged in column order; other content (`extLst`) kept after. */
  private rowCells(
    content: string,
    spans: readonly CellSpan[],
    edits: readonly CellEdit[],
    row: number,
    rowStyle: number,
    columnStyle: (col: number) => number,
    options: { replaceFormulas: boolean },
  ): string {
    const p = this.prefix;
    const byCol = new Map<number, CellEdit>();
    for (const e of edits) byCol.set(e.col, e);
    const parts: { col: number; xml: string }[] = [];
    // Cells come first in a row, then `extLst`; what lies between cells is white space, dropped when they are rejoined.
    const head = spans.length > 0 ? content.slice(0, spans[0].start) : '';
    const tail = spans.length > 0 ? content.slice(spans[spans.length - 1].end) : content;
    for (const s of spans) {
      const e = byCol.get(s.col);
      if (!e) {
        const cell = content.slice(s.start, s.end);
        parts.push({ col: s.col, xml: attr(s.tag, 'r') === null ? setAttr(s.tag, 'r', a1(row, s.col)) + cell.slice(s.tag.length) : cell });
        continue;
      }
      byCol.delete(s.col);
      const cell = content.slice(s.start, s.end);
      if (!options.replaceFormulas && this.formula.test(cell)) {
        throw new PackageError(`${this.sheet}!${a1(row, s.col)} holds a formula: it is never overwritten`);
      }
      parts.push({ col: s.col, xml: cellXml(p, a1(row, s.col), Number(attr(s.tag, 's') ?? 0), e.value) });
    }
    for (const e of byCol.values()) {
      parts.push({ col: e.col, xml: cellXml(p, a1(row, e.col), rowStyle || columnStyle(e.col), e.value) });
    }
    parts.sort((a, b) => a.col - b.col);
    return (head.trim() === '' ? '' : head) + parts.map((x) => x.xml).join('') + tail;
  }

  private widenSpans(open: string, edits: readonly CellEdit[]): string {
    const spans = attr(open, 'spans');
    if (spans === null) return open;
    const m = /^(\d+):(\d+)$/.exec(spans.trim());
    if (!m) return removeAttr(open, 'spans');
    let lo = Number(m[1]);
    let hi = Number(m[2]);
    for (const e of edits) {
      if (e.value === null) continue;
      lo = Math.min(lo, e.col + 1);
      hi = Math.max(hi, e.col + 1);
    }
    return lo === Number(m[1]) && hi === Number(m[2]) ? open : setAttr(open, 'spans', `${lo}:${hi}`);
  }

  private widenDimension(edits: readonly CellEdit[]): void {
    const dim = this.child('dimension');
    if (!dim) return;
    const tag = this.xml.slice(dim.start, dim.openEnd);
    const box = parseRange(attr(tag, 'ref') ?? '');
    if (!box) return;
    let { top, left, bottom, right } = box;
    for (const e of edits) {
      if (e.value === null) continue;
      top = Math.min(top, e.row);
      bottom = Math.max(bottom, e.row);
      left = Math.min(left, e.col);
      right = Math.max(right, e.col);
    }
    const ref = top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
    if (ref === attr(tag, 'ref')) return;
    this.xml = this.xml.slice(0, dim.start) + setAttr(tag, 'ref', ref) + this.xml.slice(dim.openEnd);
  }

  /**
   * Replaces the colour rules this tool wrote before (`isOwn(sqref)`: every range of the rule is one it recorded)
   * with `blocks` (given the first free priority). The new rules go where the old ones were last, so a second
   * run writes the same bytes. Returns how many rules were removed.
   */
  replaceConditionalFormats(isOwn: (sqref: string) => boolean, blocks: (priorityStart: number) => string[]): number {
    const cfs = this.children().filter((c) => c.local === 'conditionalFormatting');
    const own = cfs.filter((c) => isOwn(attr(this.xml.slice(c.start, c.openEnd), 'sqref') ?? ''));
    let removed = 0;
    for (const c of own.reverse()) {
      removed += (this.xml.slice(c.start, c.end).match(new RegExp(`<${this.prefix}cfRule[\\s/>]`, 'g')) ?? []).length;
      this.xml = this.xml.slice(0, c.start) + this.xml.slice(c.end);
    }
    let priority = 0;
    for (const c of this.children()) {
      if (c.local !== 'conditionalFormatting' && c.local !== 'extLst') continue;
      for (const m of this.xml.slice(c.start, c.end).matchAll(/\spriority\s*=\s*["'](\d+)["']/g)) priority = Math.max(priority, Number(m[1]));
    }
    const xml = blocks(priority + 1).join('');
    if (xml !== '') this.insertElement('conditionalFormatting', xml);
    return removed;
  }
}
