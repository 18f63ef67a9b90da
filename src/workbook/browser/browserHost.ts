import type { WritePlan } from '../../domain/plan';
import type { SheetGrid } from '../../domain/grid';
import type {
  ChangeOptions,
  HostSnapshot,
  OpenOutcome,
  ProgressListener,
  ReadScope,
  RestoreOutcome,
  UnsavableParts,
  WorkbookHost,
  WriteOutcome,
} from '../port';
import { emptySheet } from '../port';
import type { ExcelJSModule, LoadedWorkbook } from './xlsxAdapter';
import type { WrittenFile } from '../xlsx/writeBack';

/**
 * The port for the browser page: the workbook is a file the user picked, held in memory and processed in the
 * page; nothing is uploaded and no request is made except for this site's own script chunks. ExcelJS (which
 * reads the grids) and the xlsx adapter are loaded by dynamic `import()` on first use, so the task pane's first
 * bundle (the same bundle runs inside Excel) does not carry them.
 *
 * Every change is committed as a whole: the file is written part by part (src/workbook/xlsx/writeBack.ts: every
 * part the plan does not touch — charts, pivot tables, shapes — is kept byte for byte) and loaded back, so the
 * next read sees the backup and settings sheets exactly as the file holds them. If any step fails or is
 * cancelled, the last committed bytes stay: nothing half-written is ever offered for download.
 *
 * Only where the file must be saved through ExcelJS instead (a browser without compression streams, or a file
 * whose structure the writer cannot follow) could parts be lost (src/workbook/xlsx/unkept.ts): `open` names
 * them when that is known in advance, and a change refuses to run until the user has agreed (`acceptLoss`), as
 * the CLI's `--accept-loss` does: nothing is dropped silently.
 */

export type BrowserHostErrorCode = 'no-workbook' | 'no-selection' | 'no-backup' | 'engine-unavailable' | 'unsavable-parts';

/** A refusal of the browser host, with a code the UI translates (the host does not know the UI language). */
export class BrowserHostError extends Error {
  constructor(
    readonly code: BrowserHostErrorCode,
    message: string,
    /** With `unsavable-parts`: what a save would lose, found only when the change was tried (the pane then asks). */
    readonly unsavable: UnsavableParts | null = null,
  ) {
    super(message);
    this.name = 'BrowserHostError';
  }
}

interface Runtime {
  excel: ExcelJSModule;
  xlsx: typeof import('./xlsxAdapter');
}

let runtime: Promise<Runtime> | null = null;

/** ExcelJS as a module namespace: webpack and ts-jest put a CommonJS module under `default`, or not. */
function excelFrom(ns: unknown): ExcelJSModule {
  const mod = ns as { Workbook?: unknown; default?: { Workbook?: unknown } };
  if (typeof mod.Workbook === 'function') return mod as unknown as ExcelJSModule;
  if (mod.default && typeof mod.default.Workbook === 'function') return mod.default as unknown as ExcelJSModule;
  throw new Error('browserHost: the ExcelJS module has no Workbook class');
}

function loadRuntime(): Promise<Runtime> {
  runtime ??= Promise.all([
    import(/* webpackChunkName: "exceljs" */ 'exceljs'),
    import(/* webpackChunkName: "xlsx-adapter" */ './xlsxAdapter'),
  ]).then(
    ([excel, xlsx]) => ({ excel: excelFrom(excel), xlsx }),
    (err: unknown) => {
      runtime = null; // a later attempt may succeed (the chunk failed to load this time)
      throw new BrowserHostError(
        'engine-unavailable',
        `ExcelJS could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
      );
    },
  );
  return runtime;
}

interface OpenWorkbook {
  name: string;
  /** The committed state: what a download gives and what a failed change falls back to. */
  bytes: Uint8Array;
  loaded: LoadedWorkbook;
  last: 'opened' | 'written' | 'restored';
  /** What the file as opened holds that ExcelJS does not save: true of every later download, so kept across commits. */
  unsavable: UnsavableParts | null;
}

function baseName(fileName: string): string {
  const base = fileName.replace(/\.xlsx$/i, '');
  return base === '' ? 'workbook' : base;
}

function firstVisibleSheet(sheets: readonly SheetGrid[]): string | null {
  return (sheets.find((s) => s.visibility === 'visible') ?? sheets[0])?.name ?? null;
}

/** A grid with the sheet's name, protection and visibility but no cells (for sheets outside the scope). */
function nameOnly(sheet: SheetGrid): SheetGrid {
  return { ...emptySheet(sheet.name), protected: sheet.protected, visibility: sheet.visibility };
}

export function createBrowserHost(): WorkbookHost {
  let current: OpenWorkbook | null = null;

  function requireOpen(): OpenWorkbook {
    if (!current) throw new BrowserHostError('no-workbook', 'No workbook is open: open an .xlsx file first');
    return current;
  }

  /**
   * Runs `change` (which gives the new file's bytes), then commits: the new bytes become the workbook (loaded
   * again, so the next read sees the backup and settings sheets exactly as the file holds them). On any failure
   * or cancellation the workbook is reloaded from the last committed bytes (a save through ExcelJS may have
   * changed the in-memory model) and the error is passed on.
   */
  async function commit<T>(
    change: (rt: Runtime, open: OpenWorkbook) => Promise<{ written: WrittenFile; value: T }>,
    last: OpenWorkbook['last'],
    signal: AbortSignal | undefined,
    progress: ProgressListener,
  ): Promise<T> {
    const open = requireOpen();
    signal?.throwIfAborted();
    const rt = await loadRuntime();
    progress(0, 3);
    try {
      const { written, value } = await change(rt, open).catch((err: unknown) => {
        if (err instanceof rt.xlsx.UnkeptPartsError) {
          const unsavable = { ja: rt.xlsx.describeUnkept(err.unkept, 'ja'), en: rt.xlsx.describeUnkept(err.unkept, 'en') };
          throw new BrowserHostError('unsavable-parts', `${err.message}: ${unsavable.en}; pass acceptLoss once the user agreed`, unsavable);
        }
        throw err;
      });
      progress(1, 3);
      signal?.throwIfAborted();
      const loaded = await rt.xlsx.loadXlsx(rt.excel, written.bytes, { model: 'read' });
      progress(2, 3);
      signal?.throwIfAborted();
      current = { ...open, bytes: written.bytes, loaded, last };
      progress(3, 3);
      return value;
    } catch (err) {
      // Found out only now that a save would lose parts: every later change asks too, as if named on opening.
      const unsavable = err instanceof BrowserHostError && err.unsavable ? err.unsavable : open.unsavable;
      current = { ...open, unsavable, loaded: await rt.xlsx.loadXlsx(rt.excel, open.bytes, { model: 'read' }) };
      throw err;
    }
  }

  /** A change would drop parts of the file and the user has not agreed: refused before anything is touched. */
  function refuseSilentLoss(open: OpenWorkbook, options: ChangeOptions): void {
    if (open.unsavable && options.acceptLoss !== true) {
      throw new BrowserHostError(
        'unsavable-parts',
        `The browser page cannot save ${open.unsavable.en} of this workbook: pass acceptLoss once the user agreed`,
      );
    }
  }

  return {
    kind: 'browser',

    async open(file): Promise<OpenOutcome> {
      const rt = await loadRuntime();
      const bytes = new Uint8Array(file.bytes.slice(0));
      const loaded = await rt.xlsx.loadXlsx(rt.excel, bytes, { model: 'read' });
      // The page writes the file part by part and keeps everything, unless the browser lacks compression streams.
      const unsavable =
        loaded.unkept.length > 0 && rt.xlsx.streamCodec === null
          ? { ja: rt.xlsx.describeUnkept(loaded.unkept, 'ja'), en: rt.xlsx.describeUnkept(loaded.unkept, 'en') }
          : null;
      current = { name: file.name, bytes, loaded, last: 'opened', unsavable };
      return { unsavable };
    },

    async read(scope: ReadScope, options = {}): Promise<HostSnapshot> {
      const open = requireOpen();
      options.signal?.throwIfAborted();
      if (scope === 'selection') {
        throw new BrowserHostError('no-selection', 'The browser page has no selection: choose a sheet or all sheets');
      }
      const sheets = open.loaded.grid.sheets;
      const active = firstVisibleSheet(sheets);
      const chosen = scope === 'all-sheets' ? sheets : sheets.map((s) => (s.name === active ? s : nameOnly(s)));
      options.onProgress?.(1, 1);
      return {
        workbook: { sheets: chosen },
        settingsText: open.loaded.settingsText,
        backupCells: open.loaded.backupCells,
        activeSheet: active,
        label: open.name,
      };
    },

    async write(plan: WritePlan, options = {}): Promise<WriteOutcome> {
      refuseSilentLoss(requireOpen(), options);
      await commit(
        async (rt, open) => ({
          written: await rt.xlsx.writePlanToFile(open.loaded, plan, { acceptLoss: options.acceptLoss === true, codec: rt.xlsx.streamCodec }),
          value: null,
        }),
        'written',
        options.signal,
        options.onProgress ?? (() => undefined),
      );
      return {
        statusCells: plan.statusWrites.length,
        summarySheet: plan.summary.name,
        charts: options.charts ? 'unsupported' : 'none',
        notices: [],
      };
    },

    async restore(options: ChangeOptions = {}): Promise<RestoreOutcome> {
      const open = requireOpen();
      if (!open.loaded.backupCells) {
        throw new BrowserHostError('no-backup', 'This workbook holds no backup: it was not evaluated by Shinchoku');
      }
      refuseSilentLoss(open, options);
      const cells = open.loaded.backupCells;
      const done = await commit(
        async (rt, o) => {
          const out = await rt.xlsx.restoreFile(o.loaded, rt.xlsx.parseBackupRows(cells).rows, {
            acceptLoss: options.acceptLoss === true,
            codec: rt.xlsx.streamCodec,
          });
          return { written: out.written, value: out.result };
        },
        'restored',
        undefined,
        () => undefined,
      );
      return { cells: done.cells, sheetsRemoved: done.sheetsRemoved };
    },

    async download() {
      const open = requireOpen();
      const suffix = open.last === 'restored' ? 'restored' : 'evaluated';
      return { name: `${baseName(open.name)}.${suffix}.xlsx`, bytes: open.bytes.slice() };
    },
  };
}
