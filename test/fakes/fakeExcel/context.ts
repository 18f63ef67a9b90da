import { fail, FakeOfficeError } from './errors';
import type { FakeWorkbook } from './state';

/**
 * The request/sync machinery of the fake: calls on proxies are QUEUED; `context.sync()` runs them in order
 * against the workbook, like Office.js. A failing call stops the batch there (the calls before it stay done,
 * as in Excel) and rejects the sync. Payload: the request is the JSON of the queued calls (path, method,
 * arguments), the response the JSON of what was loaded, both counted in UTF-8 bytes; over `limitBytes` the sync
 * is refused with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, as Excel on the web does.
 */
export interface QueuedCall {
  path: string;
  op: string;
  args: unknown;
  run(): unknown;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  calls: number;
  ok: boolean;
}

export interface FakeControls {
  book: FakeWorkbook;
  /** Highest ExcelApi minor version of the host (`isSetSupported`); newer calls fail with ApiNotFound at sync. */
  excelApi: number;
  limitBytes: number;
  syncs: SyncRecord[];
  /** Called before the n-th sync (1-based) runs its calls: a test changes the workbook "meanwhile". */
  beforeSync?: (n: number, book: FakeWorkbook) => void;
  /** Make the n-th sync fail after running `afterCalls` of its calls. */
  failSync?: { sync: number; afterCalls: number; code?: string };
  /** Application calls seen, in order (suspendApiCalculationUntilNextSync …). */
  appCalls: string[];
}

export function utf8Bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
}

export class FakeContext {
  private queue: QueuedCall[] = [];
  private commits: (() => void)[] = [];
  /** Syncs completed successfully in this context: a load is readable once the sync that ran it completed. */
  completed = 0;
  private objects = 0;

  constructor(readonly controls: FakeControls) {}

  get book(): FakeWorkbook {
    return this.controls.book;
  }

  enqueue(call: QueuedCall): void {
    this.queue.push(call);
  }

  /** Runs after the current sync succeeds (loaded values reach the proxies only then). */
  onSuccess(commit: () => void): void {
    this.commits.push(commit);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** A number naming a proxy in paths (`getRanges#3`) whose argument is counted once, in its creating call. */
  nextObjectId(): number {
    return ++this.objects;
  }

  /** At sync: ApiNotFound unless the host has ExcelApi 1.`minor`, as Excel answers a call it does not know. */
  requireApi(minor: number, location: string): void {
    if (this.controls.excelApi < minor) fail('ApiNotFound', `The API you are trying to use could not be found (needs ExcelApi 1.${minor}).`, location);
  }

  async sync(): Promise<void> {
    const calls = this.queue;
    this.queue = [];
    const commits: (() => void)[] = [];
    this.commits = commits;
    const c = this.controls;
    const n = c.syncs.length + 1;
    const record: SyncRecord = { requestBytes: utf8Bytes(calls.map((q) => ({ p: q.path, o: q.op, a: q.args }))), responseBytes: 0, calls: calls.length, ok: false };
    c.syncs.push(record);
    await Promise.resolve();
    if (record.requestBytes > c.limitBytes) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size (${record.requestBytes}) has exceeded the limit.`, 'RequestContext.sync');
    }
    c.beforeSync?.(n, c.book);
    const results: unknown[] = [];
    calls.forEach((call, i) => {
      if (c.failSync && c.failSync.sync === n && c.failSync.afterCalls === i) {
        fail(c.failSync.code ?? 'GeneralException', 'An internal error has occurred.', call.path);
      }
      try {
        results.push(call.run());
      } catch (e) {
        if (e instanceof FakeOfficeError) throw e;
        throw new FakeOfficeError('GeneralException', `${(e as Error).message}`, `${call.path}.${call.op}`);
      }
    });
    record.responseBytes = utf8Bytes(results.filter((r) => r !== undefined));
    if (record.responseBytes > c.limitBytes) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${record.responseBytes}) has exceeded the limit.`, 'RequestContext.sync');
    }
    record.ok = true;
    this.completed = n;
    for (const commit of commits) commit();
  }
}

/**
 * Base of every proxy. `load` queues a call that, at sync, copies the requested properties; reading one
 * before that sync completed — or one never loaded — throws PropertyNotLoaded, as Office.js does.
 */
export abstract class FakeProxy {
  private readonly loadedValues = new Map<string, unknown>();
  private nullLoaded: boolean | undefined;

  constructor(
    protected readonly ctx: FakeContext,
    readonly path: string,
  ) {}

  /** The object itself at sync time; null for a missing *OrNullObject target. */
  protected abstract target(): unknown;
  /** A loadable scalar property of the target, by name. */
  protected abstract property(target: unknown, name: string): unknown;

  /** The target, or ItemNotFound for a null object: only loading it and reading isNullObject are allowed then. */
  protected live<T>(): T {
    const t = this.target();
    if (t === null) fail('ItemNotFound', `The requested resource doesn't exist (${this.path}).`, this.path);
    return t as T;
  }

  load(names?: string | string[] | OfficeExtension.LoadOption): this {
    if (typeof names !== 'string' && !Array.isArray(names)) throw new Error(`fake load(${JSON.stringify(names)}): pass property names`);
    const list = (Array.isArray(names) ? names : names.split(',')).map((s) => s.trim()).filter((s) => s !== '');
    if (list.length === 0) throw new Error('fake load(): an empty load is not used by the adapter');
    this.ctx.enqueue({
      path: this.path,
      op: 'load',
      args: list,
      run: () => {
        const t = this.target();
        const snapshot: Record<string, unknown> = {};
        if (t !== null) for (const name of list) snapshot[name] = this.property(t, name);
        this.ctx.onSuccess(() => this.setLoaded(t === null, snapshot));
        return snapshot;
      },
    });
    return this;
  }

  /** Values a completed sync brought back (collections set their items' values this way). */
  setLoaded(isNull: boolean, values: Record<string, unknown>): void {
    this.nullLoaded = isNull;
    for (const [k, v] of Object.entries(values)) this.loadedValues.set(k, v);
  }

  get isNullObject(): boolean {
    if (this.nullLoaded === undefined) this.notLoaded('isNullObject');
    return this.nullLoaded as boolean;
  }

  /** A loaded property (also a path such as `protection/protected`, read by a child proxy). */
  loaded<T>(name: string): T {
    if (!this.loadedValues.has(name)) this.notLoaded(name);
    if (this.nullLoaded) fail('ItemNotFound', `The requested resource doesn't exist (${this.path}).`, `${this.path}.${name}`);
    return this.loadedValues.get(name) as T;
  }

  notLoaded(name: string): never {
    return fail('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`, `${this.path}.${name}`);
  }

  protected call(op: string, args: unknown, run: () => unknown): void {
    this.ctx.enqueue({ path: this.path, op, args, run });
  }
}

/**
 * The members of an Office.js class that a fake class implements, with Office's own property types and
 * parameter lists (return types are the fake's own proxies): `class FakeRange implements Subset<Excel.Range,
 * 'values' | 'load'>` fails to compile if the fake drifts from @types/office-js.
 */
export type Subset<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => unknown : T[P];
};
