import { relsPartOf, resolvePart } from '../opcPackage';
import type { XmlElement } from './xml';
import { attr, childrenOf, escapeAttr, prefixOf, rootElement, splice } from './xml';

/**
 * Namespaces, relationship types and content types of the parts this writer adds or changes. The namespace URIs
 * are names that XML compares as text; nothing ever fetches them (the page's CSP and test/reliability/offline.test.ts).
 */
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: OFFICE_REL,
  packageRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  /** Strict Open XML's main namespace (not supported: its files are saved rebuilt, with consent). */
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
} as const;

export const REL = {
  officeDocument: `${OFFICE_REL}/officeDocument`,
  worksheet: `${OFFICE_REL}/worksheet`,
  styles: `${OFFICE_REL}/styles`,
  table: `${OFFICE_REL}/table`,
  comments: `${OFFICE_REL}/comments`,
  vmlDrawing: `${OFFICE_REL}/vmlDrawing`,
  calcChain: `${OFFICE_REL}/calcChain`,
  drawing: `${OFFICE_REL}/drawing`,
} as const;

const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
export const CONTENT_TYPE = {
  worksheet: `${SML}.worksheet+xml`,
  styles: `${SML}.styles+xml`,
  table: `${SML}.table+xml`,
  comments: `${SML}.comments+xml`,
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** The part it points to (no leading slash), or null for an external target. */
  part: string | null;
}

function folderOf(part: string): string {
  return part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
}

/** `part` as a target relative to the folder of `owner` (`xl/worksheets/sheet1.xml` → `../tables/table1.xml`). */
export function relativeTarget(owner: string, part: string): string {
  const from = folderOf(owner).split('/').filter(Boolean);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** One `.rels` part, changed as text: removed relationships cut out, new ones appended. */
export class Relationships {
  private readonly items: (Relationship & { el: XmlElement | null; xml: string })[] = [];
  private readonly removed = new Set<string>();
  private readonly original: string | null;
  private readonly root: XmlElement | null;
  private readonly prefix: string;

  constructor(
    xml: string | null,
    /** The part these relationships belong to ('' for the package's own `_rels/.rels`). */
    readonly owner: string,
  ) {
    this.original = xml;
    this.root = xml ? rootElement(xml) : null;
    this.prefix = this.root ? prefixOf(this.root) : '';
    if (!xml || !this.root) return;
    for (const el of childrenOf(xml, this.root)) {
      if (el.local !== 'Relationship') continue;
      const tag = xml.slice(el.start, el.openEnd);
      const id = attr(tag, 'Id');
      const type = attr(tag, 'Type');
      const target = attr(tag, 'Target');
      if (id === null || type === null || target === null) continue;
      const external = /^external$/i.test(attr(tag, 'TargetMode') ?? '');
      this.items.push({ id, type, part: external ? null : resolvePart(folderOf(owner), target), el, xml: '' });
    }
  }

  /** The `.rels` part name for `owner`. */
  static partFor(owner: string): string {
    return owner === '' ? '_rels/.rels' : relsPartOf(owner);
  }

  list(): Relationship[] {
    return this.items.filter((r) => !this.removed.has(r.id)).map(({ id, type, part }) => ({ id, type, part }));
  }

  byId(id: string): Relationship | undefined {
    return this.list().find((r) => r.id === id);
  }

  ofType(type: string): Relationship[] {
    return this.list().filter((r) => r.type === type);
  }

  /** Adds a relationship to `part`; its new, unused id. */
  add(type: string, part: string): string {
    const used = new Set(this.items.map((r) => r.id));
    let n = this.items.length + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const p = this.prefix;
    const xml = `<${p}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(this.owner, part))}"/>`;
    this.items.push({ id, type, part, el: null, xml });
    return id;
  }

  remove(id: string): void {
    this.removed.add(id);
  }

  get changed(): boolean {
    return this.removed.size > 0 || this.items.some((r) => r.el === null && !this.removed.has(r.id));
  }

  /** Whether no relationship is left (the caller may then drop the part). */
  get empty(): boolean {
    return this.list().length === 0;
  }

  toXml(): string {
    const fresh = this.items.filter((r) => r.el === null && !this.removed.has(r.id)).map((r) => r.xml).join('');
    if (!this.original || !this.root) {
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRel}">${fresh}</Relationships>`;
    }
    const xml = this.original;
    const edits = this.items
      .filter((r) => r.el !== null && this.removed.has(r.id))
      .map((r) => ({ start: (r.el as XmlElement).start, end: (r.el as XmlElement).end, insert: '' }));
    if (this.root.selfClosing) {
      const tag = xml.slice(this.root.start, this.root.openEnd).replace(/\s*\/>$/, '>');
      return xml.slice(0, this.root.start) + tag + fresh + `</${this.root.qname}>` + xml.slice(this.root.end);
    }
    edits.push({ start: this.root.closeStart, end: this.root.closeStart, insert: fresh });
    return splice(xml, edits);
  }
}

/** `[Content_Types].xml`, changed as text: changed or removed overrides cut out, new ones and defaults appended. */
export class ContentTypes {
  private readonly original: string;
  private readonly root: XmlElement;
  private readonly overrides = new Map<string, { el: XmlElement; part: string; type: string }>();
  private readonly defaults = new Map<string, string>();
  /** Part key → its new type, or null when its override goes. */
  private readonly changes = new Map<string, { part: string; type: string | null }>();
  private readonly newDefaults: string[] = [];

  constructor(xml: string) {
    this.original = xml;
    this.root = rootElement(xml);
    for (const el of childrenOf(xml, this.root)) {
      const tag = xml.slice(el.start, el.openEnd);
      const type = attr(tag, 'ContentType');
      if (type === null) continue;
      if (el.local === 'Override') {
        const name = attr(tag, 'PartName');
        if (name !== null) this.overrides.set(partKey(name), { el, part: name.replace(/^\//, ''), type });
      } else if (el.local === 'Default') {
        const ext = attr(tag, 'Extension');
        if (ext !== null) this.defaults.set(ext.toLowerCase(), type);
      }
    }
  }

  typeOf(part: string): string | null {
    const k = partKey(part);
    const change = this.changes.get(k);
    const type = change ? change.type : (this.overrides.get(k)?.type ?? null);
    if (type !== null) return type;
    const ext = /\.([^./]+)$/.exec(part)?.[1]?.toLowerCase() ?? '';
    return this.defaults.get(ext) ?? null;
  }

  /** Declares `part`'s type by an Override (replacing an earlier one). */
  override(part: string, type: string): void {
    const k = partKey(part);
    if (this.overrides.get(k)?.type === type) this.changes.delete(k);
    else this.changes.set(k, { part: part.replace(/^\//, ''), type });
  }

  removeOverride(part: string): void {
    const k = partKey(part);
    if (this.overrides.has(k)) this.changes.set(k, { part, type: null });
    else this.changes.delete(k);
  }

  ensureDefault(extension: string, type: string): void {
    const ext = extension.toLowerCase();
    if (this.defaults.has(ext)) return;
    this.defaults.set(ext, type);
    this.newDefaults.push(`<${prefixOf(this.root)}Default Extension="${escapeAttr(extension)}" ContentType="${escapeAttr(type)}"/>`);
  }

  get changed(): boolean {
    return this.changes.size > 0 || this.newDefaults.length > 0;
  }

  toXml(): string {
    if (!this.changed) return this.original;
    const edits: { start: number; end: number; insert: string }[] = [];
    for (const [k, o] of this.overrides) if (this.changes.has(k)) edits.push({ start: o.el.start, end: o.el.end, insert: '' });
    const p = prefixOf(this.root);
    const added = [...this.changes.values()]
      .filter((c) => c.type !== null)
      .map((c) => `<${p}Override PartName="/${escapeAttr(c.part)}" ContentType="${escapeAttr(c.type as string)}"/>`);
    edits.push({ start: this.root.closeStart, end: this.root.closeStart, insert: this.newDefaults.join('') + added.join('') });
    return splice(this.original, edits);
  }
}

function partKey(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // a malformed %-escape names the part as written
  }
  return decoded.replace(/^\//, '').toLowerCase();
}
