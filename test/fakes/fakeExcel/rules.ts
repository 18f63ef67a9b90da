import type { FakeContext, Subset } from './context';
import { FakeProxy } from './context';
import { fail } from './errors';
import { FakeRange, FakeRangeAreas } from './range';
import type { AreasTarget, FakeRule, FakeSheet } from './state';
import { areasMeet } from './state';

function writable(sheet: FakeSheet, location: string): void {
  if (sheet.protected) fail('AccessDenied', `The sheet "${sheet.name}" is protected.`, location);
}

const NULL = '\u0000null';

/**
 * `Range.conditionalFormats` and `RangeAreas.conditionalFormats`: the rules meeting any of the ranges (load),
 * `add` (one rule applying to all of them), `clearAll` (modelled as deleting every rule meeting them).
 */
export class FakeConditionalFormats extends FakeProxy implements Subset<Excel.ConditionalFormatCollection, 'add' | 'clearAll' | 'load'> {
  private itemList: FakeConditionalFormat[] | null = null;

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly resolve: () => AreasTarget,
  ) {
    super(ctx, path);
  }

  protected target(): unknown {
    return this.resolve();
  }

  protected property(): unknown {
    return null;
  }

  override load(names?: string | string[] | OfficeExtension.LoadOption): this {
    const list = (typeof names === 'string' ? names.split(',') : Array.isArray(names) ? names : []).map((s) => s.trim());
    if (list.length === 0 || list.some((n) => !n.startsWith('items/'))) throw new Error('fake: load conditionalFormats as items/<property>');
    this.ctx.enqueue({
      path: this.path,
      op: 'load',
      args: list,
      run: () => {
        const { sheet, areas } = this.resolve();
        const rules = sheet.rules.filter((r) => areasMeet(r.areas, areas));
        const items = rules.map((rule) => {
          const item = new FakeConditionalFormat(this.ctx, `${this.path}.items['${rule.id}']`, sheet, rule);
          const values: Record<string, unknown> = {};
          for (const name of list.map((n) => n.slice('items/'.length))) values[name] = item.read(rule, name);
          return { item, values };
        });
        this.ctx.onSuccess(() => {
          for (const { item, values } of items) item.setLoaded(false, values);
          this.itemList = items.map((i) => i.item);
        });
        return items.map((i) => i.values);
      },
    });
    return this;
  }

  get items(): FakeConditionalFormat[] {
    if (!this.itemList) this.notLoaded('items');
    return this.itemList as FakeConditionalFormat[];
  }

  add(type: Excel.ConditionalFormatType | string): FakeConditionalFormat {
    const holder: { sheet?: FakeSheet; rule?: FakeRule } = {};
    this.call('add', type, () => {
      const { sheet, areas } = this.resolve();
      writable(sheet, `${this.path}.add`);
      const rule: FakeRule = { id: this.ctx.book.id(), areas: areas.map((b) => ({ ...b })), type: String(type), formula: null, fill: null, font: null };
      sheet.addRule(rule);
      holder.sheet = sheet;
      holder.rule = rule;
    });
    return new FakeConditionalFormat(this.ctx, `${this.path}.add()`, () => holder.sheet, () => holder.rule);
  }

  clearAll(): void {
    this.call('clearAll', null, () => {
      const { sheet, areas } = this.resolve();
      writable(sheet, `${this.path}.clearAll`);
      for (const r of sheet.rules) if (areasMeet(r.areas, areas)) sheet.deleteRule(r);
    });
  }
}

export class FakeConditionalFormat extends FakeProxy implements Subset<Excel.ConditionalFormat, 'id' | 'type' | 'delete' | 'getRanges' | 'getRangeOrNullObject'> {
  private readonly sheetOf: () => FakeSheet | undefined;
  private readonly ruleOf: () => FakeRule | undefined;

  constructor(ctx: FakeContext, path: string, sheet: FakeSheet | (() => FakeSheet | undefined), rule: FakeRule | (() => FakeRule | undefined)) {
    super(ctx, path);
    this.sheetOf = typeof sheet === 'function' ? sheet : () => sheet;
    this.ruleOf = typeof rule === 'function' ? rule : () => rule;
  }

  rule(): { sheet: FakeSheet; rule: FakeRule } {
    const sheet = this.sheetOf();
    const rule = this.ruleOf();
    if (!sheet || !rule || rule.deleted || !this.ctx.book.sheets.includes(sheet)) return fail('ItemNotFound', 'The conditional format does not exist.', this.path);
    return { sheet, rule };
  }

  protected target(): unknown {
    return this.rule().rule;
  }

  protected property(t: unknown, name: string): unknown {
    return this.read(t as FakeRule, name);
  }

  read(rule: FakeRule, name: string): unknown {
    if (name === 'id') return rule.id;
    if (name === 'type') return rule.type;
    if (name === 'customOrNullObject/rule/formula') return rule.type === 'Custom' ? rule.formula : NULL;
    return fail('InvalidArgument', `ConditionalFormat has no loadable property "${name}" in the fake.`, this.path);
  }

  get id(): string {
    return this.loaded('id');
  }
  get type(): Excel.ConditionalFormatType {
    return this.loaded('type');
  }

  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string } } {
    const formula = (): unknown => this.loaded('customOrNullObject/rule/formula');
    return {
      get isNullObject() {
        return formula() === NULL;
      },
      rule: {
        get formula() {
          return formula() as string;
        },
      },
    } as { isNullObject: boolean; rule: { formula: string } };
  }

  /** `custom.rule.formula` and `custom.format.fill/font.color`: writes only. */
  get custom(): { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } {
    const set = (op: string, apply: (rule: FakeRule) => void, value: unknown): void =>
      this.call(op, value, () => {
        const { sheet, rule } = this.rule();
        writable(sheet, `${this.path}.${op}`);
        if (rule.type !== 'Custom') fail('InvalidOperation', 'Not a custom conditional format.', `${this.path}.${op}`);
        apply(rule);
      });
    return {
      rule: {
        set formula(v: string) {
          set('custom.rule.formula', (r) => (r.formula = v), v);
        },
      },
      format: {
        fill: {
          set color(v: string) {
            set('custom.format.fill.color', (r) => (r.fill = v), v);
          },
        },
        font: {
          set color(v: string) {
            set('custom.format.font.color', (r) => (r.font = v), v);
          },
        },
      },
    } as { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } };
  }

  delete(): void {
    this.call('delete', null, () => {
      const { sheet, rule } = this.rule();
      writable(sheet, `${this.path}.delete`);
      sheet.deleteRule(rule);
    });
  }

  /** The ranges the rule applies to (ExcelApi 1.9). */
  getRanges(): FakeRangeAreas {
    const path = `${this.path}.getRanges()`;
    return new FakeRangeAreas(this.ctx, path, () => {
      this.ctx.requireApi(9, path);
      const { sheet, rule } = this.rule();
      return { sheet, areas: rule.areas };
    });
  }

  /** The one range the rule applies to; a null object when it applies to several (ExcelApi 1.6). */
  getRangeOrNullObject(): FakeRange {
    const path = `${this.path}.getRangeOrNullObject()`;
    return new FakeRange(this.ctx, path, () => {
      this.ctx.requireApi(6, path);
      const { sheet, rule } = this.rule();
      return rule.areas.length === 1 ? { sheet, box: rule.areas[0] } : null;
    }, () => null);
  }
}
