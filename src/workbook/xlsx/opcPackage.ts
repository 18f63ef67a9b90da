/**
 * Reading an .xlsx package (Open Packaging Conventions) as text, without a model: content types, relationships,
 * sheet names. Shared by the inspection before ExcelJS loads a file (`inspect.ts`), the search for what an
 * ExcelJS save would leave out (`unkept.ts`) and the notes ExcelJS drops (`notes.ts`).
 */

/** XML character and entity references → text. */
export function xmlText(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** `xl/worksheets/sheet3.xml` → the sheet's name as the user sees it, from workbook.xml and its relationships. */
export function sheetNamesByPart(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1];
    const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1];
    if (id && target) targets.set(id, xmlText(target).replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const names = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1];
    const id = /\br:id\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1] ?? /\b\w+:id\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) names.set(part, xmlText(name));
  }
  return names;
}

/** Part name (no leading slash) → content type, from `[Content_Types].xml` (Override by name, else Default by extension). */
export function contentTypes(xml: string, parts: readonly string[]): Map<string, string> {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?(Default|Override)\b[^>]*>/g)) {
    const attr = (name: string): string | undefined => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(m[0])?.[1];
    const type = attr('ContentType');
    if (!type) continue;
    if (m[1] === 'Default') {
      const ext = attr('Extension');
      if (ext) defaults.set(ext.toLowerCase(), type);
    } else {
      const name = attr('PartName');
      if (name) overrides.set(decodeURIComponent(name).replace(/^\//, '').toLowerCase(), type);
    }
  }
  const out = new Map<string, string>();
  for (const part of parts) {
    const ext = /\.([^./]+)$/.exec(part)?.[1]?.toLowerCase() ?? '';
    const type = overrides.get(part.toLowerCase()) ?? defaults.get(ext);
    if (type) out.set(part, type);
  }
  return out;
}

/** Relationship targets of a `.rels` part, resolved against the folder of the part it belongs to. */
export function relTargets(relsXml: string, ownerPart: string): string[] {
  const folder = ownerPart.includes('/') ? ownerPart.slice(0, ownerPart.lastIndexOf('/') + 1) : '';
  const out: string[] = [];
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (/\bTargetMode\s*=\s*["']External["']/i.test(m[0])) continue;
    const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1];
    if (target) out.push(resolvePart(folder, xmlText(target)));
  }
  return out;
}

/** A relationship target (relative to `folder`, or absolute from the package root) → part name without a leading slash. */
export function resolvePart(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Parts read as text (`findUnkept`, `notesBySheet`): small ones only (worksheets are counted as they are checked). */
export function isSmallPackagePart(part: string): boolean {
  return part === '[Content_Types].xml' || /\.rels$/i.test(part) || /^xl\/(?:drawings\/[^/]+|comments[^/]*)\.xml$/i.test(part);
}

export interface PackageView {
  /** Every part name, without a leading slash. */
  parts: readonly string[];
  /** Part name → content type (`contentTypes`), read once for every user of the view. */
  types: ReadonlyMap<string, string>;
  /** Text of a small part (content types, relationships, drawings), or '' when it is missing or unreadable. */
  text: (part: string) => string;
  /** Sparkline groups in a worksheet part (counted while the worksheet is read anyway; see `countSparklineGroups`). */
  sparklineGroups: (part: string) => number;
  /** Worksheet part → the sheet's name as the user knows it. */
  sheetNames: ReadonlyMap<string, string>;
}
