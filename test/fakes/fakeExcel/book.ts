import type { FakeContext, Subset } from './context';
import { FakeProxy } from './context';
import { fail } from './errors';
import { FakeTables, loadItems } from './objects';
import { FakeRange } from './range';
import { FakeWorksheet } from './sheet';
import type { FakeSheet } from './state';

export class FakeWorksheets extends FakeProxy implements Subset<Excel.WorksheetCollection, 'getActiveWorksheet' | 'getItem' | 'getItemOrNullObject' | 'add' | 'load'> {
  private itemList: FakeWorksheet[] | null = null;

  protected target(): unknown {
    return this.ctx.book.sheets;
  }
  protected property(): unknown {
    return null;
  }

  override load(names?: string | string[] | OfficeExtension.LoadOption): this {
    loadItems(this.ctx, this.path, names, () =>
      this.ctx.book.sheets.map((sheet) => {
        const item = bound(this.ctx, sheet, `${this.path}.items['${sheet.name}']`);
        return { item, read: (name: string) => item.property(sheet, name) };
      }),
    (items) => (this.itemList = items));
    return this;
  }

  get items(): FakeWorksheet[] {
    return this.itemList ?? this.notLoaded('items');
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.getActiveWorksheet()`, () => this.ctx.book.sheets[this.ctx.book.active]);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.getItem('${name}')`, () => this.ctx.book.find(name) ?? fail('ItemNotFound', `The worksheet "${name}" doesn't exist.`, `${this.path}.getItem`));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.getItemOrNullObject('${name}')`, () => this.ctx.book.find(name) ?? null);
  }

  add(name?: string): FakeWorksheet {
    if (name === undefined) throw new Error('fake: worksheets.add needs a name');
    const holder: { sheet?: FakeSheet } = {};
    this.call('add', name, () => {
      holder.sheet = this.ctx.book.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, `${this.path}.add('${name}')`, () => holder.sheet ?? fail('ItemNotFound', 'The sheet was not added.', `${this.path}.add`));
  }
}

/** A worksheet proxy bound to one sheet (an item of a loaded collection): gone from the book → ItemNotFound. */
function bound(ctx: FakeContext, sheet: FakeSheet, path: string): FakeWorksheet {
  return new FakeWorksheet(ctx, path, () => (ctx.book.sheets.includes(sheet) ? sheet : fail('ItemNotFound', `The worksheet "${sheet.name}" was deleted.`, path)));
}

export class FakeApplication implements Subset<Excel.Application, 'suspendApiCalculationUntilNextSync' | 'suspendScreenUpdatingUntilNextSync' | 'calculate'> {
  constructor(private readonly ctx: FakeContext) {}
  private record(op: string, args: unknown = null): void {
    this.ctx.enqueue({ path: 'workbook.application', op, args, run: () => void this.ctx.controls.appCalls.push(op) });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.record('suspendApiCalculationUntilNextSync');
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.record('suspendScreenUpdatingUntilNextSync');
  }
  calculate(type: Excel.CalculationType | string): void {
    this.record(`calculate:${type}`, type);
  }
}

export class FakeWorkbookProxy extends FakeProxy implements Subset<Excel.Workbook, 'name' | 'getSelectedRange' | 'load'> {
  protected target(): unknown {
    return this.ctx.book;
  }
  protected property(_t: unknown, name: string): unknown {
    if (name === 'name') return this.ctx.book.name;
    return fail('InvalidArgument', `Workbook has no loadable property "${name}" in the fake.`, this.path);
  }
  get name(): string {
    return this.loaded('name');
  }
  get worksheets(): FakeWorksheets {
    return new FakeWorksheets(this.ctx, 'workbook.worksheets');
  }
  get tables(): FakeTables {
    return new FakeTables(this.ctx, 'workbook.tables', () => this.ctx.book.sheets);
  }
  get application(): FakeApplication {
    return new FakeApplication(this.ctx);
  }
  getSelectedRange(): FakeRange {
    const resolve = (): { sheet: FakeSheet; box: FakeSheet['merges'][number] } => {
      const sel = this.ctx.book.selection ?? fail('InvalidSelection', 'Nothing is selected.', 'workbook.getSelectedRange');
      return { sheet: this.ctx.book.sheet(sel.sheet), box: sel.box };
    };
    return new FakeRange(this.ctx, 'workbook.getSelectedRange()', resolve, () => new FakeWorksheet(this.ctx, 'workbook.getSelectedRange().worksheet', () => resolve().sheet));
  }
}
