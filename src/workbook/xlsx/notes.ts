import type { PackageView } from './opcPackage';
import { relsPartOf, relTargets, xmlText } from './opcPackage';

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

/** The notes of one comments part: cell ref → the text of its runs, joined. */
export function parseComments(xml: string): { ref: string; text: string }[] {
  const out: { ref: string; text: string }[] = [];
  for (const m of xml.matchAll(COMMENT)) {
    const body = m[2].replace(PHONETIC, '');
    let text = '';
    for (const t of body.matchAll(TEXT_RUN)) text += xmlText(t[1]);
    out.push({ ref: m[1].toUpperCase(), text });
  }
  return out;
}

/** Every worksheet's notes, found through the worksheet's relationships (any part name, any producer). */
export function notesBySheet(pkg: PackageView): SheetNotes {
  const out: SheetNotes = new Map();
  for (const [sheetPart, name] of pkg.sheetNames) {
    for (const target of relTargets(pkg.text(relsPartOf(sheetPart)), sheetPart)) {
      if (!/spreadsheetml\.comments\+xml$/i.test(pkg.types.get(target) ?? '')) continue;
      const notes = parseComments(pkg.text(target));
      if (notes.length > 0) out.set(name, [...(out.get(name) ?? []), ...notes]);
    }
  }
  return out;
}
