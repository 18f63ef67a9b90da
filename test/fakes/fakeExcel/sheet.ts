import type { FakeContext, Subset } from './context';
import { FakeProxy } from './context';
import { fail } from './errors';
import { FakeChartProxy, FakeNote, FakeTables, loadItems, noteKey } from './objects';
import { assertWritable, FakeRange, FakeRangeAreas } from './range';
import type { AreasTarget, FakeSheet } from './state';
import { MAX_COLS, MAX_ROWS, parseAddress, parseAreas } from './state';

type SheetMembers = 'name' | 'visibility' | 'getRange' | 'getRanges' | 'getUsedRangeOrNullObject' | 'activate' | 'delete' | 'load';

export class FakeWorksheet extends FakeProxy implements Subset<Excel.Worksheet, SheetMembers> {
  constructor(
    ctx: FakeContext,
    path: string,
    /** The sheet at sync time; null for a missing *OrNullObject; throws ItemNotFound for a missing getItem. */
    private readonly resolve: () => FakeSheet | null,
  ) {
    super(ctx, path);
  }

  protected target(): FakeSheet | null {
    return this.resolve();
  }

  property(t: unknown, name: string): unknown {
    const sheet = t as FakeSheet;
    if (name === 'name') return sheet.name;
    if (name === 'visibility') return sheet.visibility;
    if (name === 'protection/protected') return sheet.protected;
    return fail('InvalidArgument', `Worksheet has no loadable property "${name}" in the fake.`, this.path);
  }

  sheet(): FakeSheet {
    return this.live<FakeSheet>();
  }

  get name(): string {
    return this.loaded('name');
  }
  get visibility(): Excel.SheetVisibility {
    return this.loaded('visibility');
  }
  set visibility(v: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    this.call('visibility', v, () => {
      const sheet = this.sheet();
      const visible = this.ctx.book.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet);
      if (v !== 'Visible' && visible.length === 0) fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.', `${this.path}.visibility`);
      sheet.visibility = v as FakeSheet['visibility'];
    });
  }
  get protection(): { protected: boolean } {
    const read = (): boolean => this.loaded<boolean>('protection/protected');
    return {
      get protected() {
        return read();
      },
    };
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange(${address ?? ''})`, () => {
      const sheet = this.sheet();
      const box = address === undefined ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } : parseAddress(address);
      return { sheet, box };
    }, () => this);
  }

  /**
   * `D6:L6, D9:L9` → RangeAreas (ExcelApi 1.9: ApiNotFound at sync before). Office.js sends an object path once per
   * request and refers to it by id: the address — up to 8,192 characters, longer is InvalidArgument here — is
   * counted once, in a queued `getRanges` call that checks it, not in the path of every call on the areas.
   */
  getRanges(address?: string): FakeRangeAreas {
    if (address === undefined) throw new Error('fake: getRanges needs an address');
    const path = `${this.path}.getRanges#${this.ctx.nextObjectId()}`;
    let areas: AreasTarget['areas'] | null = null;
    const resolve = (): AreasTarget => {
      this.ctx.requireApi(9, path);
      areas ??= parseAreas(address);
      return { sheet: this.sheet(), areas };
    };
    this.call('getRanges', address, () => void resolve());
    return new FakeRangeAreas(this.ctx, path, resolve);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error('fake: only getUsedRangeOrNullObject(true) is modelled');
    return new FakeRange(this.ctx, `${this.path}.getUsedRangeOrNullObject(true)`, () => {
      const sheet = this.sheet();
      const box = sheet.usedBox();
      return box ? { sheet, box } : null;
    }, () => this);
  }

  get tables(): FakeTables {
    return new FakeTables(this.ctx, `${this.path}.tables`, () => [this.sheet()]);
  }

  get charts(): FakeCharts {
    return new FakeCharts(this.ctx, `${this.path}.charts`, () => this.sheet());
  }

  get notes(): FakeNotes {
    return new FakeNotes(this.ctx, `${this.path}.notes`, () => this.sheet());
  }

  activate(): void {
    this.call('activate', null, () => {
      const sheet = this.sheet();
      if (sheet.visibility !== 'Visible') fail('InvalidOperation', 'A hidden sheet cannot be activated.', `${this.path}.activate`);
      this.ctx.book.active = this.ctx.book.sheets.indexOf(sheet);
    });
  }

  delete(): void {
    this.call('delete', null, () => {
      const book = this.ctx.book;
      const sheet = this.sheet();
      if (!book.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.', `${this.path}.delete`);
      const active = book.sheets[book.active];
      book.sheets = book.sheets.filter((s) => s !== sheet);
      book.active = Math.max(0, active === sheet ? 0 : book.sheets.indexOf(active));
    });
  }
}

export class FakeCharts extends FakeProxy implements Subset<Excel.ChartCollection, 'add' | 'load'> {
  private itemList: FakeChartProxy[] | null = null;
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, path);
  }
  protected target(): unknown {
    return this.sheet();
  }
  protected property(): unknown {
    return null;
  }
  override load(names?: string | string[] | OfficeExtension.LoadOption): this {
    loadItems(this.ctx, this.path, names, () => {
      const sheet = this.sheet();
      return sheet.charts.map((chart) => ({
        item: new FakeChartProxy(this.ctx, `${this.path}.items['${chart.name}']`, () => (sheet.charts.includes(chart) ? { sheet, chart } : undefined)),
        read: (name: string) => (name === 'name' ? chart.name : fail('InvalidArgument', name, this.path)),
      }));
    }, (items) => (this.itemList = items));
    return this;
  }
  get items(): FakeChartProxy[] {
    return this.itemList ?? this.notLoaded('items');
  }
  add(type: Excel.ChartType | string, source: Excel.Range | FakeRange, seriesBy?: Excel.ChartSeriesBy | string): FakeChartProxy {
    const holder: { sheet?: FakeSheet; chart?: FakeSheet['charts'][number] } = {};
    this.call('add', [type, (source as FakeRange).path, seriesBy], () => {
      const sheet = this.sheet();
      assertWritable(sheet, `${this.path}.add`);
      const range = (source as FakeRange).resolveTarget();
      if (!range) fail('InvalidArgument', 'The chart source range does not exist.', `${this.path}.add`);
      const chart = { name: `Chart ${sheet.charts.length + 1}`, type: String(type), source: range.box, seriesBy: String(seriesBy ?? 'Auto'), title: '', position: null, seriesFills: {}, trendlines: [] };
      sheet.charts.push(chart);
      holder.sheet = sheet;
      holder.chart = chart;
    });
    return new FakeChartProxy(this.ctx, `${this.path}.add()`, () => (holder.sheet && holder.chart ? { sheet: holder.sheet, chart: holder.chart } : undefined));
  }
}

export class FakeNotes extends FakeProxy implements Subset<Excel.NoteCollection, 'add' | 'getItemOrNullObject' | 'load'> {
  private itemList: FakeNote[] | null = null;
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, path);
  }
  protected target(): unknown {
    return this.sheet();
  }
  protected property(): unknown {
    return null;
  }
  override load(names?: string | string[] | OfficeExtension.LoadOption): this {
    loadItems(this.ctx, this.path, names, () => {
      const sheet = this.sheet();
      return [...sheet.notes.keys()].map((k) => ({
        item: new FakeNote(this.ctx, `${this.path}.items[${k}]`, () => sheet, () => k),
        read: (name: string) => (name === 'content' ? sheet.notes.get(k) : fail('InvalidArgument', name, this.path)),
      }));
    }, (items) => (this.itemList = items));
    return this;
  }
  get items(): FakeNote[] {
    return this.itemList ?? this.notLoaded('items');
  }
  add(cell: Excel.Range | string, content: unknown): FakeNote {
    const holder: { k?: number } = {};
    const address = typeof cell === 'string' ? cell : (cell as unknown as FakeRange).path;
    this.call('add', [address, content], () => {
      const sheet = this.sheet();
      assertWritable(sheet, `${this.path}.add`);
      const target = typeof cell === 'string' ? { sheet, box: parseAddress(cell) } : (cell as unknown as FakeRange).resolveTarget();
      if (!target) return fail('InvalidCellAddress', 'The note cell does not exist.', `${this.path}.add`);
      const { box } = target;
      if (target.sheet !== sheet || box.top !== box.bottom || box.left !== box.right) fail('InvalidCellAddress', 'A note goes on one cell of this sheet.', `${this.path}.add`);
      const k = box.top * 16_384 + box.left;
      if (sheet.notes.has(k)) fail('InvalidArgument', 'The cell already has a note.', `${this.path}.add`);
      sheet.notes.set(k, String(content));
      holder.k = k;
    });
    return new FakeNote(this.ctx, `${this.path}.add()`, () => this.sheet(), () => holder.k ?? null);
  }
  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.ctx, `${this.path}.getItemOrNullObject('${address}')`, () => this.sheet(), () => noteKey(address));
  }
}
