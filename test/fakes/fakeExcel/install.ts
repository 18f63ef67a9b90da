import { FakeWorkbookProxy } from './book';
import type { FakeControls, SyncRecord } from './context';
import { FakeContext } from './context';
import { FakeWorkbook } from './state';

/**
 * Installs the fake as `globalThis.Excel` and `globalThis.Office` for the adapter under test. Only the subset of
 * Office.js that src/workbook/office uses exists; anything else is undefined and fails loudly. The casts to
 * Office's types happen here, at the boundary, and nowhere else.
 */
export interface FakeExcelOptions {
  /** Highest ExcelApi minor version the fake host supports (default 18: ExcelApi 1.18). */
  excelApi?: number;
  /** Payload limit per request and per response (default 5,000,000 bytes, Excel on the web's 5 MB). */
  limitBytes?: number;
}

export interface FakeExcel extends FakeControls {
  /** `context.sync()` calls so far (failed ones included). */
  readonly syncCount: number;
  /** Largest request or response of any sync, in bytes. */
  readonly maxPayloadBytes: number;
  /** Forget the sync log (between the steps of a test). */
  resetCounters(): void;
  uninstall(): void;
}

const ENUMS = {
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  ConditionalFormatType: { custom: 'Custom' },
  ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
  ChartType: { barStacked: 'BarStacked', lineMarkers: 'LineMarkers', line: 'Line' },
  ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
  ChartTrendlineType: { linear: 'Linear' },
  CalculationType: { recalculate: 'Recalculate', full: 'Full' },
  VerticalAlignment: { top: 'Top', center: 'Center', bottom: 'Bottom' },
  RangeUnderlineStyle: { none: 'None', single: 'Single' },
};

export function installFakeExcel(book: FakeWorkbook = new FakeWorkbook(), options: FakeExcelOptions = {}): FakeExcel {
  const g = globalThis as Record<string, unknown>;
  const saved = { Excel: g.Excel, Office: g.Office };
  const controls: FakeExcel = {
    book,
    excelApi: options.excelApi ?? 18,
    limitBytes: options.limitBytes ?? 5_000_000,
    syncs: [] as SyncRecord[],
    appCalls: [],
    get syncCount() {
      return this.syncs.length;
    },
    get maxPayloadBytes() {
      return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes, s.responseBytes), 0);
    },
    resetCounters() {
      this.syncs = [];
      this.appCalls = [];
    },
    uninstall() {
      g.Excel = saved.Excel;
      g.Office = saved.Office;
    },
  };
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(controls);
    const context = { workbook: new FakeWorkbookProxy(ctx, 'workbook'), sync: () => ctx.sync() };
    const result = await batch(context as unknown as Excel.RequestContext);
    if (ctx.pending > 0) await ctx.sync(); // Excel.run syncs what is left queued
    return result;
  };
  g.Excel = { ...ENUMS, run } as unknown as typeof Excel;
  g.Office = {
    context: {
      requirements: {
        isSetSupported(name: string, version?: string): boolean {
          if (name !== 'ExcelApi') return false;
          const [major, minor] = String(version ?? '1.1').split('.').map(Number);
          return major === 1 && (minor ?? 0) <= controls.excelApi;
        },
      },
    },
  } as unknown as typeof Office;
  return controls;
}
