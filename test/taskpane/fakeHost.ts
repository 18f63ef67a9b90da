import { deserialize, serialize } from 'node:v8';
import type { SheetGrid } from '../../src/domain/grid';
import { backupRowsToCells } from '../../src/domain/plan';
import type { WritePlan } from '../../src/domain/plan';
import { emptySheet } from '../../src/workbook/port';
import type {
  ChangeOptions,
  HostSnapshot,
  KpiChartRequest,
  OpenOutcome,
  ProgressListener,
  ReadScope,
  RestoreOutcome,
  UnsavableParts,
  WorkbookHost,
  WriteOutcome,
} from '../../src/workbook/port';
import { gridFixtures } from '../fixtures/grids';

// jsdom gives the test window no structuredClone (the engine's presets use it; browsers and Node have it).
const g = globalThis as { structuredClone?: <T>(value: T) => T };
g.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;

type Options = { signal?: AbortSignal; onProgress?: ProgressListener };

/** An in-memory WorkbookHost: what it was asked to do is recorded; what it reads can be set per test. */
export interface FakeHost extends WorkbookHost {
  read: jest.Mock<Promise<HostSnapshot>, [ReadScope, Options?]>;
  write: jest.Mock<Promise<WriteOutcome>, [WritePlan, (Options & { charts?: boolean } & ChangeOptions)?]>;
  restore: jest.Mock<Promise<RestoreOutcome>, [ChangeOptions?]>;
  selectRange?: jest.Mock<Promise<void>, [string, string]>;
  addKpiChart?: jest.Mock<Promise<WriteOutcome>, [KpiChartRequest]>;
  open?: jest.Mock<Promise<OpenOutcome>, [{ name: string; bytes: ArrayBuffer }]>;
  download?: jest.Mock<Promise<{ name: string; bytes: Uint8Array }>, []>;
}

/**
 * Sheets for the pane's tests, from the seed fixtures: 佐久市 基本目標1 (one KPI, a status row) with R3's
 * actual made unreadable (a problem at E5) and R4's status typed as 努力を要する (an audit disagreement at F6),
 * plus 小諸市 施策3-3 (a compound KPI and a "lower is better" KPI, no status row).
 */
export function testSheets(): SheetGrid[] {
  const saku = structuredClone(gridFixtures['saku-sumiyasui'].sheets[0]);
  saku.values[4][4] = '調べ中?';
  saku.values[5][5] = '努力を要する';
  return [saku, ...structuredClone(gridFixtures['komoro-kaigo'].sheets)];
}

export function fakeHost(
  kind: WorkbookHost['kind'],
  sheets: SheetGrid[] = testSheets(),
  stored: { settingsText?: string; unsavable?: UnsavableParts; charts?: boolean } = {},
): FakeHost {
  // Writes land in these grids, so that a second read sees them (as the real hosts do): the status cells, and
  // the summary sheet (as a name: its cells are Shinchoku's own and never read as a KPI table).
  let settingsText: string | null = stored.settingsText ?? null;
  let backupCells: string[][] | null = null;
  const created: string[] = [];
  const host: FakeHost = {
    kind,
    read: jest.fn(async (_scope: ReadScope, options?: Options) => {
      options?.onProgress?.(1, 1);
      return {
        workbook: { sheets: structuredClone(sheets) },
        settingsText,
        backupCells,
        activeSheet: sheets[0]?.name ?? null,
        label: 'test.xlsx',
      };
    }),
    write: jest.fn(async (plan: WritePlan, options?: Options & { charts?: boolean } & ChangeOptions) => {
      for (const w of plan.statusWrites) {
        const sheet = sheets.find((s) => s.name === w.sheet);
        if (sheet) sheet.values[w.row - sheet.top][w.col - sheet.left] = w.value;
      }
      if (!sheets.some((s) => s.name === plan.summary.name)) {
        sheets.push(emptySheet(plan.summary.name));
        created.push(plan.summary.name);
      }
      settingsText = plan.settings.json;
      backupCells = backupRowsToCells(plan.backup.rows);
      return {
        statusCells: plan.statusWrites.length,
        summarySheet: plan.summary.name,
        charts: options?.charts ? ('added' as const) : ('none' as const),
        notices: [],
      };
    }),
    restore: jest.fn(async (_options?: ChangeOptions) => {
      backupCells = null;
      for (const name of created.splice(0)) sheets.splice(sheets.findIndex((s) => s.name === name), 1);
      return { cells: 2, sheetsRemoved: ['KPI集計'] };
    }),
  };
  if (kind === 'office') {
    host.selectRange = jest.fn(async (_sheet: string, _range: string): Promise<void> => undefined);
    // Excel's charts (`stored.charts: false`: a host without addKpiChart). Like the Office host, the summary
    // sheet must exist: it is where the chart goes.
    if (stored.charts !== false) {
      host.addKpiChart = jest.fn(async (request: KpiChartRequest): Promise<WriteOutcome> => {
        if (!sheets.some((s) => s.name === request.sheet)) {
          throw Object.assign(new Error(`シート「${request.sheet}」が見つかりません / Sheet "${request.sheet}" not found`), {
            code: 'sheet-missing',
          });
        }
        return { statusCells: 0, summarySheet: request.sheet, charts: 'added', notices: [] };
      });
    }
  } else {
    // What the browser page cannot save of the opened file (`stored.unsavable`: a workbook with charts, …).
    host.open = jest.fn(async (_file: { name: string; bytes: ArrayBuffer }): Promise<OpenOutcome> => ({ unsavable: stored.unsavable ?? null }));
    host.download = jest.fn(async () => ({ name: 'test.evaluated.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) }));
  }
  return host;
}
