import { contentTypes, relsPartOf, relTargets } from './unkept';
import type { PackageView } from './unkept';

/**
 * Notes (legacy comments) as the package holds them, per sheet. ExcelJS attaches a note only to a cell that has
 * a `<c>` element; a note on an empty cell is dropped on load and missing from anything saved afterwards
 * (`test/workbook/xlsx/notes.test.ts`). `loadXlsx` puts these back on their cells, as plain text.
 */
export type SheetNotes = Map<string, { ref: string; text: string }[]>;

const COMMENT = /<(?:\w+:)?comment\b[^>]*?\bref\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/(?:\w+:)?comment>/g;
const TEXT_RUN = /<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g;
/** Phonetic guides (ふりがな) are not part of the note's text. */
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
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

/** The notes of one comments part: cell ref → the text of its runs, joined. */
export function parseComments(xml: string): { ref: string; text: string }[] {
  const out: { ref: string; text: string }[] = [];
  for (const m of xml.matchAll(COMMENT)) {
    const body = m[2].replace(PHONETIC, '');
    let text = '';
    for (const t of body.matchAll(TEXT_RUN)) text += unescapeXml(t[1]);
    out.push({ ref: m[1].toUpperCase(), text });
  }
  return out;
}

/** Every worksheet's notes, found through the worksheet's relationships (any part name, any producer). */
export function notesBySheet(pkg: PackageView): SheetNotes {
  const types = contentTypes(pkg.text('[Content_Types].xml'), pkg.parts);
  const out: SheetNotes = new Map();
  for (const [sheetPart, name] of pkg.sheetNames) {
    for (const target of relTargets(pkg.text(relsPartOf(sheetPart)), sheetPart)) {
      if (!/spreadsheetml\.comments\+xml$/i.test(types.get(target) ?? '')) continue;
      const notes = parseComments(pkg.text(target));
      if (notes.length > 0) out.set(name, [...(out.get(name) ?? []), ...notes]);
    }
  }
  return out;
}
