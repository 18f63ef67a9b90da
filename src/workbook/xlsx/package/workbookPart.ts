import type { XlsxPackage } from './xlsxPackage';
import { PackageError } from './xlsxPackage';
import { ContentTypes, CONTENT_TYPE, NS, REL, Relationships } from './parts';
import type { XmlElement } from './xml';
import { appendToElement, attr, childrenOf, escapeAttr, namespacePrefix, prefixOf, removeAttr, rootElement, setAttr } from './xml';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** One `<sheet>` of the workbook: a worksheet, or a chart or dialog sheet (they count in sheet positions too). */
export interface SheetEntry {
  name: string;
  sheetId: number;
  state: SheetState;
  rId: string;
  /** The part it points to, or null when its relationship is missing. */
  part: string | null;
  /** A worksheet (not a chart sheet or dialog sheet). */
  worksheet: boolean;
}

/** Excel compares sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The workbook part (`xl/workbook.xml`), its relationships and the package's content types, changed as text:
 * sheets added (at the end of the tab order), hidden or removed, with the sheet positions that defined names
 * and the workbook view keep in step. `flush` writes what changed back into the package.
 */
export class WorkbookParts {
  private xml: string;
  private readonly relsCache = new Map<string, Relationships>();
  private changedXml = false;
  private relPrefix: string | null;

  private constructor(
    private readonly pkg: XlsxPackage,
    readonly mainPart: string,
    xml: string,
    readonly types: ContentTypes,
    readonly packageRels: Relationships,
  ) {
    this.xml = xml;
    const root = rootElement(xml);
    this.relPrefix = namespacePrefix(xml, root, NS.rel);
  }

  static async open(pkg: XlsxPackage): Promise<WorkbookParts> {
    const typesXml = await pkg.text('[Content_Types].xml');
    if (typesXml === null) throw new PackageError('[Content_Types].xml is missing');
    const packageRels = new Relationships(await pkg.text('_rels/.rels'), '');
    const main = packageRels.ofType(REL.officeDocument)[0]?.part;
    if (!main) throw new PackageError(packageRels.list().some((r) => /purl\.oclc\.org/.test(r.type)) ? 'Strict Open XML workbooks are not supported' : 'the package names no workbook part');
    const xml = await pkg.text(main);
    if (xml === null) throw new PackageError(`the workbook part ${main} is missing`);
    if (xml.includes(NS.strictMain)) throw new PackageError('Strict Open XML workbooks are not supported');
    const parts = new WorkbookParts(pkg, main, xml, new ContentTypes(typesXml), packageRels);
    parts.relsCache.set(main, new Relationships(await pkg.text(Relationships.partFor(main)), main));
    parts.sheets(); // reads the sheet list once, so a malformed one fails here, before anything is changed
    return parts;
  }

  private root(): XmlElement {
    return rootElement(this.xml);
  }

  private child(local: string): XmlElement | undefined {
    return childrenOf(this.xml, this.root()).find((c) => c.local === local);
  }

  private sheetElements(): XmlElement[] {
    const sheets = this.child('sheets');
    if (!sheets) throw new PackageError(`${this.mainPart} has no <sheets>`);
    return childrenOf(this.xml, sheets).filter((c) => c.local === 'sheet');
  }

  private workbookRels(): Relationships {
    return this.relsCache.get(this.mainPart) as Relationships;
  }

  /** The `r:id` attribute's name as this part writes it (the prefix bound on the root; `r` when declared elsewhere). */
  private rIdName(): string {
    return `${this.relPrefix ?? 'r'}:id`;
  }

  sheets(): SheetEntry[] {
    const rels = this.workbookRels();
    return this.sheetElements().map((el) => {
      const tag = this.xml.slice(el.start, el.openEnd);
      const name = attr(tag, 'name');
      const rId = attr(tag, this.rIdName());
      if (name === null || rId === null) throw new PackageError(`a <sheet> of ${this.mainPart} has no name or relationship`);
      const state = attr(tag, 'state');
      const rel = rels.byId(rId);
      return {
        name,
        sheetId: Number(attr(tag, 'sheetId') ?? 0),
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        rId,
        part: rel?.part ?? null,
        worksheet: rel?.type === REL.worksheet,
      };
    });
  }

  find(name: string): SheetEntry | undefined {
    return this.sheets().find((s) => sameSheetName(s.name, name));
  }

  /** The relationships of a part (cached; written by `flush`). */
  async relsOf(part: string): Promise<Relationships> {
    let rels = this.relsCache.get(part);
    if (!rels) {
      rels = new Relationships(await this.pkg.text(Relationships.partFor(part)), part);
      this.relsCache.set(part, rels);
    }
    return rels;
  }

  /** The styles part's name, or null when the workbook has none. */
  stylesPart(): string | null {
    return this.workbookRels().ofType(REL.styles)[0]?.part ?? null;
  }

  /** Declares a styles part the workbook lacked. */
  addStylesPart(part: string): void {
    this.workbookRels().add(REL.styles, part);
    this.types.override(part, CONTENT_TYPE.styles);
  }

  /** A part name not yet used, `prefix{n}{suffix}` with the smallest n ≥ 1. */
  freePartName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.pkg.has(name)) return name;
    }
  }

  /** Adds a worksheet at the end of the tab order; the caller writes its part. */
  addSheet(name: string, state: SheetState): SheetEntry {
    const part = this.freePartName('xl/worksheets/sheet', '.xml');
    const rId = this.workbookRels().add(REL.worksheet, part);
    this.types.override(part, CONTENT_TYPE.worksheet);
    const sheetId = Math.max(0, ...this.sheets().map((s) => s.sheetId)) + 1;
    const sheets = this.child('sheets') as XmlElement;
    const p = prefixOf(this.root());
    const stateAttr = state === 'visible' ? '' : ` state="${state}"`;
    const rAttr = this.relPrefix ? `${this.relPrefix}:id="${rId}"` : `xmlns:r="${NS.rel}" r:id="${rId}"`;
    this.xml = appendToElement(this.xml, sheets, `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}"${stateAttr} ${rAttr}/>`);
    this.changedXml = true;
    return { name, sheetId, state, rId, part, worksheet: true };
  }

  setState(name: string, state: SheetState): void {
    const el = this.sheetElements().find((e) => sameSheetName(attr(this.xml.slice(e.start, e.openEnd), 'name') ?? '', name));
    if (!el) return;
    const tag = this.xml.slice(el.start, el.openEnd);
    const next = state === 'visible' ? removeAttr(tag, 'state') : setAttr(tag, 'state', state);
    if (next === tag) return;
    this.xml = this.xml.slice(0, el.start) + next + this.xml.slice(el.openEnd);
    this.changedXml = true;
  }

  /**
   * Removes a sheet: its `<sheet>`, its relationship, its part, and the parts only it used (tables, comments,
   * drawings and what they use), with their content types. Defined names scoped to it go; positions after it
   * (defined names' `localSheetId`, the active and first tab) move down by one.
   */
  async removeSheet(name: string): Promise<void> {
    const els = this.sheetElements();
    const index = els.findIndex((e) => sameSheetName(attr(this.xml.slice(e.start, e.openEnd), 'name') ?? '', name));
    if (index < 0) return;
    const entry = this.sheets()[index];
    const el = els[index];
    this.xml = this.xml.slice(0, el.start) + this.xml.slice(el.end);
    this.shiftSheetPositions(index, els.length - 1);
    this.workbookRels().remove(entry.rId);
    this.changedXml = true;
    if (entry.part) await this.removeExclusiveParts(entry.part);
  }

  private shiftSheetPositions(removed: number, remaining: number): void {
    const names = this.child('definedNames');
    if (names) {
      const edits: { el: XmlElement; tag: string | null }[] = [];
      for (const dn of childrenOf(this.xml, names)) {
        const tag = this.xml.slice(dn.start, dn.openEnd);
        const local = attr(tag, 'localSheetId');
        if (local === null) continue;
        const k = Number(local);
        if (k === removed) edits.push({ el: dn, tag: null });
        else if (k > removed) edits.push({ el: dn, tag: setAttr(tag, 'localSheetId', String(k - 1)) });
      }
      for (const { el, tag } of edits.reverse()) {
        this.xml = tag === null ? this.xml.slice(0, el.start) + this.xml.slice(el.end) : this.xml.slice(0, el.start) + tag + this.xml.slice(el.openEnd);
      }
      const after = this.child('definedNames');
      if (after && childrenOf(this.xml, after).length === 0) this.xml = this.xml.slice(0, after.start) + this.xml.slice(after.end);
    }
    const views = this.child('bookViews');
    if (!views) return;
    const visible = this.sheets().findIndex((s) => s.state === 'visible');
    for (const view of childrenOf(this.xml, views).reverse()) {
      let tag = this.xml.slice(view.start, view.openEnd);
      for (const name of ['activeTab', 'firstSheet']) {
        const v = attr(tag, name);
        if (v === null) continue;
        let k = Number(v);
        if (k > removed) k--;
        else if (k === removed) k = name === 'activeTab' ? Math.max(0, visible) : Math.min(k, Math.max(0, remaining - 1));
        tag = setAttr(tag, name, String(k));
      }
      this.xml = this.xml.slice(0, view.start) + tag + this.xml.slice(view.openEnd);
    }
  }

  /** Every part reachable from `start` through relationships that nothing else in the package refers to. */
  private async removeExclusiveParts(start: string): Promise<void> {
    const reachable = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
      const part = queue.pop() as string;
      if (reachable.has(part.toLowerCase())) continue;
      reachable.add(part.toLowerCase());
      for (const r of (await this.relsOf(part)).list()) if (r.part && this.pkg.has(r.part)) queue.push(r.part);
    }
    // What the rest of the package refers to stays (a picture shared with another sheet, say), and so does what
    // that uses in turn (a pivot cache the workbook lists keeps its records, though only the sheet led to them).
    const kept: string[] = [];
    for (const name of this.pkg.names()) {
      if (!/(^|\/)_rels\/[^/]*\.rels$/i.test(name)) continue;
      const owner = name.replace(/(^|\/)_rels\/([^/]*)\.rels$/i, '$1$2');
      if (reachable.has(owner.toLowerCase())) continue;
      for (const r of (await this.relsOf(owner)).list()) if (r.part) kept.push(r.part);
    }
    const keep = new Set<string>();
    while (kept.length > 0) {
      const part = kept.pop() as string;
      const k = part.toLowerCase();
      if (keep.has(k)) continue;
      keep.add(k);
      if (reachable.has(k)) for (const r of (await this.relsOf(part)).list()) if (r.part) kept.push(r.part);
    }
    for (const part of this.pkg.names()) {
      const k = part.toLowerCase();
      if (!reachable.has(k) || keep.has(k)) continue;
      this.pkg.remove(part);
      this.pkg.remove(Relationships.partFor(part));
      this.relsCache.delete(part);
      this.types.removeOverride(part);
    }
  }

  /**
   * Drops the calculation chain: it lists formula cells by position, and a regenerated or removed sheet would
   * leave it pointing at cells that hold none (Excel then reports the file as damaged). Excel rebuilds it.
   */
  dropCalcChain(): void {
    for (const r of this.workbookRels().ofType(REL.calcChain)) {
      this.workbookRels().remove(r.id);
      if (r.part) {
        this.pkg.remove(r.part);
        this.types.removeOverride(r.part);
      }
    }
  }

  /** Writes the workbook part, every changed relationships part and the content types into the package. */
  flush(): void {
    if (this.changedXml) this.pkg.setText(this.mainPart, this.xml);
    for (const [owner, rels] of this.relsCache) {
      if (!rels.changed || (owner !== '' && !this.pkg.has(owner))) continue;
      const name = Relationships.partFor(owner);
      if (rels.empty) this.pkg.remove(name);
      else this.pkg.setText(name, rels.toXml());
    }
    if (this.packageRels.changed) this.pkg.setText('_rels/.rels', this.packageRels.toXml());
    if (this.types.changed) this.pkg.setText('[Content_Types].xml', this.types.toXml());
  }
}
