import type { FakeContext } from './context';
import type { RangeTarget } from './range';
import { assertWritable, store } from './range';
import type { FakeCell } from './state';

/** `Range.format` (fill, font, wrap, alignment, column width): writes only. */
export class FakeRangeFormat {
  constructor(
    private readonly ctx: FakeContext,
    private readonly path: string,
    private readonly resolve: () => RangeTarget,
  ) {}

  private style(op: string, value: unknown, apply: (cell: FakeCell) => void): void {
    this.ctx.enqueue({
      path: this.path,
      op,
      args: value,
      run: () => {
        const { sheet, box } = this.resolve();
        assertWritable(sheet, `${this.path}.${op}`);
        if (op === 'columnWidth') {
          for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, Number(value));
          return;
        }
        if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > 1_000_000) throw new Error('the fake does not model styling a million cells');
        for (let r = box.top; r <= box.bottom; r++)
          for (let c = box.left; c <= box.right; c++) {
            const cell = { ...(sheet.cell(r, c) ?? { value: null }) };
            cell.style = { ...(cell.style ?? {}) };
            apply(cell);
            store(sheet, r, c, cell);
          }
      },
    });
  }

  set wrapText(v: boolean) {
    this.style('wrapText', v, (c) => (c.style!.wrap = v));
  }
  set verticalAlignment(v: string) {
    this.style('verticalAlignment', v, (c) => (c.style!.vertical = v));
  }
  set columnWidth(v: number) {
    this.style('columnWidth', v, () => undefined);
  }
  get fill(): { color: string } {
    const style = this.style.bind(this);
    return {
      set color(v: string) {
        style('fill.color', v, (c) => (c.style!.fill = v));
      },
    } as { color: string };
  }
  get font(): { bold: boolean; color: string; underline: string } {
    const style = this.style.bind(this);
    return {
      set bold(v: boolean) {
        style('font.bold', v, (c) => (c.style!.bold = v));
      },
      set color(v: string) {
        style('font.color', v, (c) => (c.style!.font = v));
      },
      set underline(v: string) {
        style('font.underline', v, (c) => (c.style!.underline = v));
      },
    } as { bold: boolean; color: string; underline: string };
  }
}
