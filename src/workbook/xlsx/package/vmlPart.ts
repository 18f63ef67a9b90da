import type { ElementSpan, Splice } from './textSearch';
import { MAX_COLS, allElements, cellKey, findElement, masked } from './textSearch';
import { splice } from './xml';

/**
 * The VML drawing of a sheet's notes (legacy comments): Excel shows a note only when a `<v:shape>` with
 * `<x:ClientData ObjectType="Note">` points at its cell. Patched in place as text (see textSearch.ts): note shapes
 * of removed notes are cut, new ones appended with their shapetype, namespaces and `o:idmap` blocks; everything
 * else, form controls included, stays byte-identical.
 */

const VML_NAMESPACES: Record<string, string> = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  x: 'urn:schemas-microsoft-com:office:excel',
};
const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
/** An empty drawing: the ordinary patch path fills it, so a new part is built like an edited one. */
const newVml = (block: number): string =>
  `<xml ${Object.entries(VML_NAMESPACES).map(([p, uri]) => `xmlns:${p}="${uri}"`).join(' ')}>` +
  `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${NOTE_SHAPETYPE}</xml>`;

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

/**
 * The VML part after the edits (cell key → text, null removes), or null when it would hold no shape at all;
 * `block` is the idmap block of a new part (see NotesInput.idmapBlock).
 */
export function patchVml(vml: string | null, edits: Map<number, string | null>, block: number): string | null {
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
