import type { Work } from './batches';
import { OP_OVERHEAD_BYTES } from './batches';

/**
 * Finds where each note sits (`Note.getLocation().address`), in one batch: used by the reader (note texts into
 * the grid) and by restore (which notes to put back or delete). `found` gets the A1 address without the sheet.
 */
export function noteLocationWork(sheet: string, items: readonly Excel.Note[], found: (cell: string, note: Excel.Note) => void, done?: () => void): Work {
  const located: { note: Excel.Note; range: Excel.Range }[] = [];
  return {
    bytes: OP_OVERHEAD_BYTES * (1 + items.length),
    sheet,
    queue() {
      for (const note of items) {
        const range = note.getLocation();
        range.load('address');
        located.push({ note, range });
      }
    },
    collect() {
      for (const { note, range } of located) found(range.address.slice(range.address.lastIndexOf('!') + 1).replace(/\$/g, ''), note);
      done?.();
    },
  };
}
