import type { CellBox } from '../../../src/domain/grid';
import type { FakeContext, Subset } from './context';
import { FakeProxy } from './context';
import { fail } from './errors';
import { assertWritable, FakeRange } from './range';
import type { FakeChart, FakeSheet } from './state';
import { intersects, key, parseAddress } from './state';

/** Tables, charts and notes of a worksheet, as far as the adapter uses them. */

type Table = FakeSheet['tables'][number];

export class FakeTable extends FakeProxy implements Subset<Excel.Table, 'name' | 'style' | 'delete'> {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly find: () => { sheet: FakeSheet; table: Table } | undefined,
  ) {
    super(ctx, path);
  }
  private live2(op: string): { sheet: FakeSheet; table: Table } {
    return this.find() ?? fail('ItemNotFound', 'The table does not exist.', `${this.path}.${op}`);
  }
  protected target(): unknown {
    return this.live2('load');
  }
  protected property(t: unknown, name: string): unknown {
    const { sheet, table } = t as { sheet: FakeSheet; table: Table };
    if (name === 'name') return table.name;
    if (name === 'worksheet/name') return sheet.name;
    return fail('InvalidArgument', `Table has no loadable property "${name}" in the fake.`, this.path);
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(v: string) {
    this.call('name', v, () => {
      const { sheet, table } = this.live2('name');
      assertWritable(sheet, `${this.path}.name`);
      const clash = this.ctx.book.sheets.some((s) => s.tables.some((t) => t !== table && t.name.toLowerCase() === v.toLowerCase()));
      if (clash || !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v)) fail('InvalidArgument', `The table name "${v}" is not valid or already used.`, `${this.path}.name`);
      table.name = v;
    });
  }
  get style(): string {
    return this.loaded('style');
  }
  set style(v: string) {
    this.call('style', v, () => {
      const { sheet, table } = this.live2('style');
      assertWritable(sheet, `${this.path}.style`);
      table.style = v;
    });
  }
  get worksheet(): { name: string } {
    const name = (): string => this.loaded<string>('worksheet/name');
    return {
      get name() {
        return name();
      },
    };
  }
  delete(): void {
    this.call('delete', null, () => {
      const { sheet, table } = this.live2('delete');
      assertWritable(sheet, `${this.path}.delete`);
      sheet.tables = sheet.tables.filter((t) => t !== table);
      for (const [k] of sheet.cellsIn(table.box)) sheet.cells.delete(k);
    });
  }
}

/** Loads `items/<property>` of a collection: one item proxy per element, each with its loaded values. */
export function loadItems<T extends FakeProxy>(
  ctx: FakeContext,
  path: string,
  names: string | string[] | OfficeExtension.LoadOption | undefined,
  list: () => { item: T; read: (name: string) => unknown }[],
  done: (items: T[]) => void,
): void {
  const props = (typeof names === 'string' ? names.split(',') : Array.isArray(names) ? names : []).map((s) => s.trim());
  if (props.length === 0 || props.some((n) => !n.startsWith('items/'))) throw new Error(`fake: load ${path} as items/<property>`);
  ctx.enqueue({
    path,
    op: 'load',
    args: props,
    run: () => {
      const items = list().map(({ item, read }) => ({ item, values: Object.fromEntries(props.map((p) => [p.slice(6), read(p.slice(6))])) }));
      ctx.onSuccess(() => {
        for (const { item, values } of items) item.setLoaded(false, values);
        done(items.map((i) => i.item));
      });
      return items.map((i) => i.values);
    },
  });
}

export class FakeTables extends FakeProxy implements Subset<Excel.TableCollection, 'add' | 'getItem' | 'load'> {
  private itemList: FakeTable[] | null = null;
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheets: () => FakeSheet[],
  ) {
    super(ctx, path);
  }
  protected target(): unknown {
    return this.sheets();
  }
  protected property(): unknown {
    return null;
  }
  override load(names?: string | string[] | OfficeExtension.LoadOption): this {
    loadItems(this.ctx, this.path, names, () =>
      this.sheets().flatMap((sheet) =>
        sheet.tables.map((table) => {
          const item = new FakeTable(this.ctx, `${this.path}.items['${table.name}']`, () => (sheet.tables.includes(table) ? { sheet, table } : undefined));
          return { item, read: (name: string) => (name === 'name' ? table.name : name === 'worksheet/name' ? sheet.name : fail('InvalidArgument', name, this.path)) };
        }),
      ),
    (items) => (this.itemList = items));
    return this;
  }
  get items(): FakeTable[] {
    return this.itemList ?? this.notLoaded('items');
  }
  add(address: Excel.Range | string, hasHeaders: boolean): FakeTable {
    const holder: { sheet?: FakeSheet; table?: Table } = {};
    this.call('add', [address, hasHeaders], () => {
      const sheet = this.sheets()[0];
      assertWritable(sheet, `${this.path}.add`);
      const box = parseAddress(String(address));
      if (sheet.tables.some((t) => intersects(t.box, box))) fail('InvalidOperation', 'A table can\'t overlap another table.', `${this.path}.add`);
      if (sheet.merges.some((m) => intersects(m, box))) fail('MergedRangeConflict', 'A table can\'t overlap merged cells.', `${this.path}.add`);
      const taken = new Set(this.ctx.book.sheets.flatMap((s) => s.tables.map((t) => t.name)));
      let n = 1;
      while (taken.has(`Table${n}`)) n++;
      const table = { name: `Table${n}`, box, style: 'TableStyleMedium2' };
      sheet.tables.push(table);
      holder.sheet = sheet;
      holder.table = table;
    });
    return new FakeTable(this.ctx, `${this.path}.add()`, () => (holder.sheet && holder.table ? { sheet: holder.sheet, table: holder.table } : undefined));
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.ctx, `${this.path}.getItem('${name}')`, () => {
      for (const sheet of this.sheets()) {
        const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
        if (table) return { sheet, table };
      }
      return undefined;
    });
  }
}

export class FakeChartProxy extends FakeProxy implements Subset<Excel.Chart, 'name' | 'setPosition' | 'delete'> {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly find: () => { sheet: FakeSheet; chart: FakeChart } | undefined,
  ) {
    super(ctx, path);
  }
  private live2(op: string): { sheet: FakeSheet; chart: FakeChart } {
    const found = this.find() ?? fail('ItemNotFound', 'The chart does not exist.', `${this.path}.${op}`);
    assertWritable(found.sheet, `${this.path}.${op}`);
    return found;
  }
  protected target(): unknown {
    return this.find() ?? null;
  }
  protected property(t: unknown, name: string): unknown {
    if (name === 'name') return (t as { chart: FakeChart }).chart.name;
    return fail('InvalidArgument', `Chart has no loadable property "${name}" in the fake.`, this.path);
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(v: string) {
    this.call('name', v, () => void (this.live2('name').chart.name = v));
  }
  get title(): { text: string } {
    const set = (v: string): void => this.call('title.text', v, () => void (this.live2('title').chart.title = v));
    return {
      set text(v: string) {
        set(v);
      },
    } as { text: string };
  }
  setPosition(start: Excel.Range | string, end?: Excel.Range | string): void {
    this.call('setPosition', [start, end], () => void (this.live2('setPosition').chart.position = [String(start), String(end)]));
  }
  get series(): { getItemAt(i: number): { format: { fill: { setSolidColor(c: string): void } }; trendlines: { add(type?: string): { forwardPeriod: number; showRSquared: boolean } } } } {
    const chartOf = (op: string, i: number): FakeChart => {
      const { chart } = this.live2(op);
      const count = chart.source.right - chart.source.left;
      if (i < 0 || i >= count) fail('InvalidArgument', `The chart has no series ${i}.`, `${this.path}.series.getItemAt`);
      return chart;
    };
    const call = this.call.bind(this);
    return {
      getItemAt: (i: number) => ({
        format: { fill: { setSolidColor: (c: string) => call('series.fill', [i, c], () => void (chartOf('series', i).seriesFills[i] = c)) } },
        trendlines: {
          add: (type = 'Linear') => {
            const holder: { t?: FakeChart['trendlines'][number] } = {};
            call('trendlines.add', [i, type], () => {
              holder.t = { series: i, type, forwardPeriod: 0, showRSquared: false };
              chartOf('trendlines', i).trendlines.push(holder.t);
            });
            return {
              set forwardPeriod(v: number) {
                call('trendline.forwardPeriod', v, () => void (holder.t!.forwardPeriod = v));
              },
              set showRSquared(v: boolean) {
                call('trendline.showRSquared', v, () => void (holder.t!.showRSquared = v));
              },
            } as { forwardPeriod: number; showRSquared: boolean };
          },
        },
      }),
    };
  }
  delete(): void {
    this.call('delete', null, () => {
      const { sheet, chart } = this.live2('delete');
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

export class FakeNote extends FakeProxy implements Subset<Excel.Note, 'content' | 'delete' | 'getLocation'> {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet,
    private readonly cell: () => number | null,
  ) {
    super(ctx, path);
  }
  protected target(): unknown {
    const k = this.cell();
    return k !== null && this.sheet().notes.has(k) ? k : null;
  }
  protected property(t: unknown, name: string): unknown {
    if (name === 'content') return this.sheet().notes.get(t as number);
    return fail('InvalidArgument', `Note has no loadable property "${name}" in the fake.`, this.path);
  }
  get content(): string {
    return this.loaded('content');
  }
  set content(v: string) {
    this.call('content', v, () => {
      assertWritable(this.sheet(), `${this.path}.content`);
      this.sheet().notes.set(this.live<number>(), v);
    });
  }
  delete(): void {
    this.call('delete', null, () => {
      assertWritable(this.sheet(), `${this.path}.delete`);
      this.sheet().notes.delete(this.live<number>());
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getLocation()`, () => {
      const k = this.live<number>();
      const row = Math.floor(k / 16_384);
      const col = k % 16_384;
      return { sheet: this.sheet(), box: { top: row, left: col, bottom: row, right: col } as CellBox };
    }, () => null);
  }
}

export function noteKey(address: string): number {
  const box = parseAddress(address);
  return key(box.top, box.left);
}
