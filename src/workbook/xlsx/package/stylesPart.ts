import { PackageError } from './xlsxPackage';
import type { XmlElement } from './xml';
import { appendToElement, attr, childrenOf, escapeAttr, nextElement, prefixOf, rootElement, splice, XmlShapeError } from './xml';
import { NS } from './parts';

/**
 * `xl/styles.xml`, patched in place: the looks the tool writes are appended at the end of their containers and
 * everything the workbook already had stays byte for byte as it was (indices included, so every `s="…"` and
 * every conditional format of the user keeps its meaning). Entries already present exactly as this module writes
 * them are reused, so a second run over the tool's own output adds nothing.
 */

/** How a cell we write looks (summary sheet of the tool). Colours are `#RRGGBB`. */
export interface CellLook {
  bold?: boolean;
  /** Font colour. */
  font?: string;
  /** Solid fill. */
  fill?: string;
  /** Hyperlink look: font colour #0B5CAD, single underline (a `font` given too wins for the colour). */
  link?: boolean;
  /** Number format code, e.g. `#,##0.0`, `0.0%`, `#,##0`. `General` or '' is the default format (id 0). */
  numberFormat?: string;
  /** Wrap text, aligned to the top. */
  wrap?: boolean;
}

/** A conditional-format look: solid fill and font colour, `#RRGGBB`. */
export interface DxfLook {
  fill: string;
  font: string;
}

/** CT_Stylesheet's child order: a missing container goes before the first later one present. */
const SHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
/** CT_Font's child order (a copied font is rebuilt in it; ExcelJS writes its font 0 out of order). */
const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];
/** The containers appended to, in schema order, and the element name of their entries. */
const ENTRY = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', cellXfs: 'xf', dxfs: 'dxf' } as const;
type ContainerName = keyof typeof ENTRY;

/**
 * Built-in number formats (ECMA-376 Part 1 §18.8.30) that read the same in every locale; the date ones (14–22)
 * and the Japanese era ones (27–36, 50–58) display per locale, so such codes get a custom id instead.
 */
const BUILT_IN_FORMATS = new Map<string, number>([
  ['General', 0], ['', 0], ['0', 1], ['0.00', 2], ['#,##0', 3], ['#,##0.00', 4], ['0%', 9], ['0.00%', 10],
  ['0.00E+00', 11], ['# ?/?', 12], ['# ??/??', 13], ['mm:ss', 45], ['[h]:mm:ss', 46], ['##0.0E+0', 48], ['@', 49],
]);
/** Custom number format ids start above the built-in range. */
const LAST_BUILT_IN_ID = 163;
const LINK_COLOUR = '#0B5CAD';

/** Font 0 of a created stylesheet: what a Japanese Excel starts with (no theme colour: the package may lack a theme). */
const DEFAULT_FONT = ['sz val="11"', 'name val="游ゴシック"', 'family val="2"', 'charset val="128"', 'scheme val="minor"'];
const MINIMAL =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${NS.main}">` +
  `<fonts count="1"><font>${DEFAULT_FONT.map((c) => `<${c}/>`).join('')}</font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

interface Container {
  el: XmlElement | null;
  /** Entries in the input. */
  size: number;
  added: string[];
  /** Entry text → index, first occurrence (input and added). */
  byText: Map<string, number>;
}
const lengthOf = (c: Container): number => c.size + c.added.length;
/** Fills 0 and 1 are read as none and gray125 whatever they hold (ClosedXML#2769): never reused for a look. */
const reusable = (name: ContainerName, index: number): boolean => name !== 'fills' || index >= 2;

/** What the scanner finds wrong is the part's problem: refused as a `PackageError`, as every refusal of the writer. */
function scanned<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw e instanceof XmlShapeError ? new PackageError(`xl/styles.xml is not well-formed: ${e.message}`) : e;
  }
}

/** `#rrggbb` → `FFRRGGBB`; anything else is the caller's mistake. */
function argb(colour: unknown, method: string): string {
  if (typeof colour !== 'string' || !/^#[0-9a-f]{6}$/i.test(colour)) {
    throw new Error(`${method}: colour ${JSON.stringify(colour)} is not #RRGGBB`);
  }
  return `FF${colour.slice(1).toUpperCase()}`;
}

/** The start tag with its `count` set (quote style and other attributes such as `x14ac:knownFonts` kept). */
function withCount(startTag: string, count: number): string {
  if (/\scount\s*=/.test(startTag)) return startTag.replace(/(\scount\s*=\s*)(["'])[^"']*\2/, `$1$2${count}$2`);
  return startTag.replace(/^<[^\s/>]+/, (name) => `${name} count="${count}"`);
}

export class StylesPart {
  private readonly source: string;
  private readonly created: boolean;
  private readonly root: XmlElement;
  /** The root's children: the containers, and where a created one goes. */
  private readonly sections: XmlElement[];
  /** The root's namespace prefix with its colon (`x:`), or ''; every inserted element uses it. */
  private readonly p: string;
  private readonly containers = {} as Record<ContainerName, Container>;
  /** Font 0's child elements as written, the template of every font added. */
  private readonly fontTemplate: { local: string; text: string }[];
  private readonly formatIds = new Map<string, number>();
  private nextFormatId: number;
  private readonly xfCache = new Map<string, number>();
  private readonly dxfCache = new Map<string, number>();

  /** `xml`: the package's xl/styles.xml text, or null when the package has none (then a minimal valid stylesheet is made). */
  constructor(xml: string | null) {
    this.created = xml === null;
    this.source = xml ?? MINIMAL;
    const root = scanned(() => rootElement(this.source));
    if (scanned(() => nextElement(this.source, root.end))) throw new PackageError('xl/styles.xml has more than one root element');
    if (root.local !== 'styleSheet') throw new PackageError(`xl/styles.xml: root element is <${root.qname}>, not <styleSheet>`);
    this.root = root;
    this.p = prefixOf(root);
    const children = (el: XmlElement): XmlElement[] => scanned(() => childrenOf(this.source, el));
    this.sections = children(root);
    const entriesOf = new Map<ContainerName, XmlElement[]>();
    for (const name of Object.keys(ENTRY) as ContainerName[]) {
      const el = this.sections.find((c) => c.local === name) ?? null;
      const entries = el ? children(el).filter((c) => c.local === ENTRY[name]) : [];
      const byText = new Map<string, number>();
      entries.forEach((e, i) => {
        const text = this.source.slice(e.start, e.end);
        if (!byText.has(text) && reusable(name, i)) byText.set(text, i);
      });
      entriesOf.set(name, entries);
      this.containers[name] = { el, size: entries.length, added: [], byText };
    }
    // No font at all (not something Excel writes): new fonts start from the default of a created stylesheet.
    const font0 = entriesOf.get('fonts')?.[0];
    this.fontTemplate = font0
      ? children(font0).map((c) => ({ local: c.local, text: this.source.slice(c.start, c.end) }))
      : DEFAULT_FONT.map((c) => ({ local: c.slice(0, c.indexOf(' ')), text: `<${this.p}${c}/>` }));
    let highest = LAST_BUILT_IN_ID;
    for (const e of entriesOf.get('numFmts') ?? []) {
      const tag = this.source.slice(e.start, e.openEnd);
      const id = Number(attr(tag, 'numFmtId') ?? NaN); // a missing id is no id (Number(null) would be 0)
      const code = attr(tag, 'formatCode');
      if (!Number.isInteger(id) || code === null) continue;
      if (!this.formatIds.has(code)) this.formatIds.set(code, id);
      highest = Math.max(highest, id);
    }
    this.nextFormatId = highest + 1;
  }

  /** Index into <cellXfs> for the look. An empty look ({}) gives 0. */
  cellXf(look: CellLook): number {
    // Asked once per summary cell: the key is cheap, the work below runs once per distinct look.
    // A colour given is marked with '=' so that `font: ''` (malformed) never hits the cache of `{}`.
    const key = `${look.bold ? 1 : 0}${look.link ? 1 : 0}${look.wrap ? 1 : 0}${look.font === undefined ? '' : `=${look.font}`}\0${look.fill === undefined ? '' : `=${look.fill}`}\0${look.numberFormat ?? ''}`;
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const xf = this.newCellXf(look);
    this.xfCache.set(key, xf);
    return xf;
  }

  /** Index into <dxfs> for the look. */
  dxf(look: DxfLook): number {
    const key = `${look.fill}\0${look.font}`;
    const cached = this.dxfCache.get(key);
    if (cached !== undefined) return cached;
    const fill = argb(look.fill, 'StylesPart.dxf');
    const font = argb(look.font, 'StylesPart.dxf');
    const p = this.p;
    // Excel reads the bgColor of a solid dxf fill, other readers the fgColor: both are written.
    const dxf = this.entry(
      'dxfs',
      `<${p}dxf><${p}font><${p}color rgb="${font}"/></${p}font><${p}fill><${p}patternFill patternType="solid">` +
        `<${p}fgColor rgb="${fill}"/><${p}bgColor rgb="${fill}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
    this.dxfCache.set(key, dxf);
    return dxf;
  }

  /** True once something was added (or the part was created). */
  get changed(): boolean {
    return this.created || Object.values(this.containers).some((c) => c.added.length > 0);
  }

  /** The stylesheet with the additions. When nothing was added, exactly the input text. */
  toXml(): string {
    const edits: { start: number; end: number; insert: string }[] = [];
    // Schema order (ENTRY's): created containers that land on the same spot are inserted in it.
    for (const name of Object.keys(ENTRY) as ContainerName[]) {
      const c = this.containers[name];
      if (c.added.length === 0) continue;
      const count = lengthOf(c);
      const body = c.added.join('');
      if (!c.el) {
        const rank = SHEET_ORDER.indexOf(name);
        const at = this.sections.find((ch) => SHEET_ORDER.indexOf(ch.local) > rank)?.start ?? this.root.closeStart;
        edits.push({ start: at, end: at, insert: `<${this.p}${name} count="${count}">${body}</${this.p}${name}>` });
        continue;
      }
      const startTag = this.source.slice(c.el.start, c.el.openEnd);
      if (c.el.selfClosing) {
        const open = withCount(startTag.replace(/\s*\/>$/, '>'), count);
        edits.push({ start: c.el.start, end: c.el.end, insert: `${open}${body}</${c.el.qname}>` });
      } else {
        edits.push({ start: c.el.start, end: c.el.openEnd, insert: withCount(startTag, count) });
        edits.push({ start: c.el.closeStart, end: c.el.closeStart, insert: body });
      }
    }
    if (edits.length === 0) return this.source;
    // `<styleSheet/>`: only created containers can be pending; they become its content.
    if (this.root.selfClosing) return appendToElement(this.source, this.root, edits.map((e) => e.insert).join(''));
    // At one spot a created container (an insertion) sorts before an existing one's new start tag.
    return splice(this.source, edits);
  }

  private newCellXf(look: CellLook): number {
    const method = 'StylesPart.cellXf';
    const fontColour = look.font !== undefined ? argb(look.font, method) : look.link ? argb(LINK_COLOUR, method) : null;
    const fillColour = look.fill !== undefined ? argb(look.fill, method) : null;
    const hasFont = Boolean(look.bold) || Boolean(look.link) || fontColour !== null;
    const wrap = Boolean(look.wrap);
    const numFmtId = this.numFmt(look.numberFormat ?? '');
    if (!hasFont && fillColour === null && numFmtId === 0 && !wrap) return 0;

    const p = this.p;
    const fontId = hasFont ? this.font(Boolean(look.bold), Boolean(look.link), fontColour) : 0;
    const fillId = fillColour === null ? 0 : this.fill(fillColour);
    let attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"`;
    if (numFmtId !== 0) attrs += ' applyNumberFormat="1"';
    if (hasFont) attrs += ' applyFont="1"';
    if (fillColour !== null) attrs += ' applyFill="1"';
    if (wrap) attrs += ' applyAlignment="1"';
    // Index 0 must stay the plain default even in a stylesheet that had no cell formats at all.
    if (lengthOf(this.containers.cellXfs) === 0) this.append('cellXfs', `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
    return this.entry('cellXfs', wrap ? `<${p}xf ${attrs}><${p}alignment wrapText="1" vertical="top"/></${p}xf>` : `<${p}xf ${attrs}/>`);
  }

  /** A copy of font 0 (the workbook's default face and size) with bold, underline and colour as asked. */
  private font(bold: boolean, underline: boolean, colour: string | null): number {
    const p = this.p;
    // fontId 0 stays the plain default even where the stylesheet had no font at all.
    if (lengthOf(this.containers.fonts) === 0) this.append('fonts', `<${p}font>${this.fontTemplate.map((c) => c.text).join('')}</${p}font>`);
    const replaced = new Set([bold ? 'b' : '', underline ? 'u' : '', colour !== null ? 'color' : '']);
    const children = this.fontTemplate.filter((c) => !replaced.has(c.local));
    if (bold) children.push({ local: 'b', text: `<${p}b/>` });
    if (underline) children.push({ local: 'u', text: `<${p}u/>` });
    if (colour !== null) children.push({ local: 'color', text: `<${p}color rgb="${colour}"/>` });
    const rank = (local: string): number => (FONT_ORDER.includes(local) ? FONT_ORDER.indexOf(local) : FONT_ORDER.length);
    children.sort((a, b) => rank(a.local) - rank(b.local));
    return this.entry('fonts', `<${p}font>${children.map((c) => c.text).join('')}</${p}font>`);
  }

  /**
   * A solid fill. Excel reads fills 0 and 1 as none and gray125 whatever they hold (ClosedXML#2769), so a
   * stylesheet with fewer than two fills gets the reserved ones appended first: nothing is renumbered.
   */
  private fill(argbColour: string): number {
    const p = this.p;
    for (let i = lengthOf(this.containers.fills); i < 2; i++) {
      this.append('fills', `<${p}fill><${p}patternFill patternType="${['none', 'gray125'][i]}"/></${p}fill>`);
    }
    return this.entry(
      'fills',
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argbColour}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }

  /** The id of a number format code: built-in, already defined (compared unescaped), or a new custom one. */
  private numFmt(code: string): number {
    const known = BUILT_IN_FORMATS.get(code) ?? this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.append('numFmts', `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    this.formatIds.set(code, id);
    return id;
  }

  /** The index of the entry with exactly this text, appending it when the container has none. */
  private entry(name: ContainerName, text: string): number {
    return this.containers[name].byText.get(text) ?? this.append(name, text);
  }

  private append(name: ContainerName, text: string): number {
    const c = this.containers[name];
    const index = lengthOf(c);
    c.added.push(text);
    if (!c.byText.has(text) && reusable(name, index)) c.byText.set(text, index);
    return index;
  }
}
