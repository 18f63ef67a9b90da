import type { CellBox } from '../../../src/domain/grid';
import type { FakeContext, Subset } from './context';
import { FakeProxy } from './context';
import { fail } from './errors';
import { FakeRangeFormat } from './format';
import { FakeConditionalFormats } from './rules';
import type { AreasTarget, FakeCell, FakeSheet } from './state';
import { boxAddress, intersects, key, quoteName } from './state';
import { readFormula, readType, readValue, typeInto } from './typing';

export interface RangeTarget {
  sheet: FakeSheet;
  box: CellBox;
}

export function assertWritable(sheet: FakeSheet, location: string): void {
  if (sheet.protected) fail('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`, location);
}

function matrix(target: RangeTarget, read: (cell: FakeCell | undefined) => unknown): unknown[][] {
  const { sheet, box } = target;
  const rows: unknown[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const line: unknown[] = [];
    for (let c = box.left; c <= box.right; c++) line.push(sheet.mergedInside(r, c) ? read(undefined) : read(sheet.cell(r, c)));
    rows.push(line);
  }
  return rows;
}

function assertShape(value: unknown, box: CellBox, location: string): unknown[][] {
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  const ok = Array.isArray(value) && value.length === rows && value.every((line) => Array.isArray(line) && line.length === cols);
  if (!ok) fail('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`, location);
  return value as unknown[][];
}

export function store(sheet: FakeSheet, row: number, col: number, cell: FakeCell | undefined): void {
  const empty = !cell || (cell.value === null && cell.formula === undefined && cell.numberFormat === undefined && !cell.style && !cell.quotePrefix);
  if (empty) sheet.cells.delete(key(row, col));
  else sheet.cells.set(key(row, col), cell);
}

type RangeMembers = 'address' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount' | 'values' | 'valueTypes' | 'numberFormat' | 'formulas' | 'load' | 'clear' | 'unmerge' | 'select' | 'getMergedAreasOrNullObject';

export class FakeRange extends FakeProxy implements Subset<Excel.Range, RangeMembers> {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly resolve: () => RangeTarget | null,
    private readonly sheetProxy: () => unknown,
  ) {
    super(ctx, path);
  }

  protected target(): RangeTarget | null {
    return this.resolve();
  }

  /** The sheet and box at sync time (for calls that take a Range argument). */
  resolveTarget(): RangeTarget | null {
    return this.resolve();
  }

  protected property(t: unknown, name: string): unknown {
    const target = t as RangeTarget;
    const { box, sheet } = target;
    const cells = (box.bottom - box.top + 1) * (box.right - box.left + 1);
    if (['values', 'valueTypes', 'numberFormat', 'formulas'].includes(name) && cells > 5_000_000) {
      fail('ResponsePayloadSizeLimitExceeded', `Reading ${cells} cells exceeds the 5,000,000-cell limit.`, `${this.path}.${name}`);
    }
    switch (name) {
      case 'address':
        return `${quoteName(sheet.name)}!${boxAddress(box)}`;
      case 'rowIndex':
        return box.top;
      case 'columnIndex':
        return box.left;
      case 'rowCount':
        return box.bottom - box.top + 1;
      case 'columnCount':
        return box.right - box.left + 1;
      case 'values':
        return matrix(target, readValue);
      case 'valueTypes':
        return matrix(target, readType);
      case 'numberFormat':
        return matrix(target, (c) => c?.numberFormat ?? 'General');
      case 'formulas':
        return matrix(target, readFormula);
      default:
        return fail('InvalidArgument', `Range has no loadable property "${name}" in the fake.`, this.path);
    }
  }

  get address(): string {
    return this.loaded('address');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.loaded('valueTypes');
  }
  get values(): unknown[][] {
    return this.loaded('values');
  }
  set values(v: unknown[][]) {
    this.call('values', v, () => {
      const { sheet, box } = this.live<RangeTarget>();
      assertWritable(sheet, `${this.path}.values`);
      const rows = assertShape(v, box, `${this.path}.values`);
      rows.forEach((line, r) =>
        line.forEach((input, c) => {
          if (input === null || input === undefined) return;
          const row = box.top + r;
          const col = box.left + c;
          if (sheet.mergedInside(row, col)) fail('InvalidOperation', `Cannot change part of a merged cell (${sheet.name}!${boxAddress({ top: row, left: col, bottom: row, right: col })}).`, `${this.path}.values`);
          store(sheet, row, col, typeInto(sheet.cell(row, col), input, `${this.path}.values`));
        }),
      );
    });
  }
  get numberFormat(): unknown[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.call('numberFormat', v, () => {
      const { sheet, box } = this.live<RangeTarget>();
      assertWritable(sheet, `${this.path}.numberFormat`);
      assertShape(v, box, `${this.path}.numberFormat`).forEach((line, r) =>
        line.forEach((format, c) => {
          if (format === null || format === undefined) return;
          const cell = { ...(sheet.cell(box.top + r, box.left + c) ?? { value: null }) };
          if (format === 'General') delete cell.numberFormat;
          else cell.numberFormat = String(format);
          store(sheet, box.top + r, box.left + c, cell);
        }),
      );
    });
  }
  get formulas(): unknown[][] {
    return this.loaded('formulas');
  }
  set formulas(v: unknown[][]) {
    this.values = v;
  }

  get worksheet(): unknown {
    return this.sheetProxy();
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.ctx, `${this.path}.format`, () => this.live<RangeTarget>());
  }

  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.ctx, `${this.path}.conditionalFormats`, () => {
      const { sheet, box } = this.live<RangeTarget>();
      return { sheet, areas: [box] };
    });
  }

  clear(applyTo: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents' = 'All'): void {
    this.call('clear', applyTo, () => {
      const { sheet, box } = this.live<RangeTarget>();
      assertWritable(sheet, `${this.path}.clear`);
      for (const [k, cell] of sheet.cellsIn(box)) {
        const row = Math.floor(k / 16_384);
        const col = k % 16_384;
        if (applyTo === 'All') sheet.cells.delete(k);
        else if (applyTo === 'Contents') store(sheet, row, col, { ...cell, value: null, formula: undefined });
        else if (applyTo === 'Formats') store(sheet, row, col, { value: cell.value, ...(cell.formula !== undefined ? { formula: cell.formula } : {}) });
      }
      if (applyTo === 'All') for (const k of [...sheet.notes.keys()]) if (isIn(box, k)) sheet.notes.delete(k);
    });
  }

  unmerge(): void {
    this.call('unmerge', null, () => {
      const { sheet, box } = this.live<RangeTarget>();
      assertWritable(sheet, `${this.path}.unmerge`);
      sheet.merges = sheet.merges.filter((m) => !intersects(m, box));
    });
  }

  select(): void {
    this.call('select', null, () => {
      const { sheet, box } = this.live<RangeTarget>();
      const book = this.ctx.book;
      if (book.sheets[book.active] !== sheet) fail('InvalidSelection', 'The current selection is invalid for this operation.', `${this.path}.select`);
      book.selection = { sheet: sheet.name, box };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const { sheet, box } = this.live<RangeTarget>();
      const areas = sheet.merges.filter((m) => intersects(m, box));
      if (areas.length > 512) fail('GeneralException', `The range holds ${areas.length} merged areas; at most 512 can be returned.`, `${this.path}.getMergedAreasOrNullObject`);
      return areas.length === 0 ? null : { sheet, areas };
    });
  }
}

function isIn(box: CellBox, k: number): boolean {
  const row = Math.floor(k / 16_384);
  const col = k % 16_384;
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

/** Several ranges of one sheet: merged areas of a range, `Worksheet.getRanges`, `ConditionalFormat.getRanges`. */
export class FakeRangeAreas extends FakeProxy implements Subset<Excel.RangeAreas, 'address' | 'areaCount' | 'load'> {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly resolve: () => AreasTarget | null,
  ) {
    super(ctx, path);
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected property(t: unknown, name: string): unknown {
    const { sheet, areas } = t as AreasTarget;
    if (name === 'address') return areas.map((b) => `${quoteName(sheet.name)}!${boxAddress(b)}`).join(',');
    if (name === 'areaCount') return areas.length;
    return fail('InvalidArgument', `RangeAreas has no loadable property "${name}" in the fake.`, this.path);
  }
  get address(): string {
    return this.loaded('address');
  }
  get areaCount(): number {
    return this.loaded('areaCount');
  }
  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.ctx, `${this.path}.conditionalFormats`, () => this.live<AreasTarget>());
  }
}
