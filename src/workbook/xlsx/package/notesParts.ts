import type { NoteEdit } from './commentsPart';
import { patchNotes } from './commentsPart';
import { idmapBlocks } from './vmlPart';
import { CONTENT_TYPE, REL } from './parts';
import type { WorkbookParts } from './workbookPart';
import type { WorksheetPart } from './worksheetPart';
import type { XlsxPackage } from './xlsxPackage';

/** Author of the notes this tool writes (`--notes`, the task pane's option). */
const NOTE_AUTHOR = 'Shinchoku';

/** Sets or removes notes on one worksheet: its comments part and VML drawing, created or removed as needed. */
export async function writeNotes(wb: WorkbookParts, pkg: XlsxPackage, part: string, ws: WorksheetPart, edits: NoteEdit[], nextBlock: (shapes: number) => Promise<number>): Promise<void> {
  if (edits.length === 0) return;
  const rels = await wb.relsOf(part);
  const commentsRel = rels.ofType(REL.comments)[0];
  const vmlId = ws.relationshipOf('legacyDrawing');
  const vmlRel = vmlId ? rels.byId(vmlId) : undefined;
  const comments = commentsRel?.part ? await pkg.text(commentsRel.part) : null;
  if (comments === null && edits.every((e) => e.text === null)) return; // nothing to remove
  const vml = vmlRel?.part ? await pkg.text(vmlRel.part) : null;
  const out = patchNotes({ comments, vml, edits, idmapBlock: vml === null ? await nextBlock(edits.length) : 0, author: NOTE_AUTHOR });
  if (out.comments !== null) {
    const name = commentsRel?.part ?? wb.freePartName('xl/comments', '.xml');
    if (!commentsRel?.part) {
      rels.add(REL.comments, name);
      wb.types.override(name, CONTENT_TYPE.comments);
    }
    pkg.setText(name, out.comments);
  } else if (commentsRel) {
    rels.remove(commentsRel.id);
    if (commentsRel.part) {
      pkg.remove(commentsRel.part);
      wb.types.removeOverride(commentsRel.part);
    }
  }
  if (out.vml !== null) {
    const name = vmlRel?.part ?? wb.freePartName('xl/drawings/vmlDrawing', '.vml');
    if (!vmlRel?.part) {
      wb.types.ensureDefault('vml', CONTENT_TYPE.vml);
      ws.addRelationshipElement('legacyDrawing', rels.add(REL.vmlDrawing, name));
    }
    pkg.setText(name, out.vml);
  } else if (vmlRel) {
    rels.remove(vmlRel.id);
    ws.removeElement('legacyDrawing');
    if (vmlRel.part) pkg.remove(vmlRel.part);
  }
}

/**
 * Hands out o:idmap blocks no VML part of the package uses yet: `shapes` new note shapes take ⌈(shapes + 1) / 1024⌉
 * blocks (a block holds 1,024 shape ids), so a sheet with thousands of notes does not reach into the next one's.
 */
export function idmapAllocator(pkg: XlsxPackage): (shapes: number) => Promise<number> {
  let next: number | null = null;
  return async (shapes) => {
    if (next === null) {
      next = 1;
      for (const name of pkg.names()) {
        if (!/\.vml$/i.test(name)) continue;
        const blocks = idmapBlocks((await pkg.text(name)) ?? '');
        // a part with more than 1,023 shapes spans the blocks after its own
        next = Math.max(next, ...blocks.map((b) => b + 2));
      }
    }
    const block = next;
    next += Math.max(1, Math.ceil((shapes + 1) / 1024));
    return block;
  };
}
