import type { WritePlan } from '../../domain/plan/types';
import type { ProgressListener, WriteOutcome } from '../port';
import type { SyncStats, Work } from './batches';
import { newStats, OP_OVERHEAD_BYTES, runStep, StepFailure } from './batches';
import { countsChartWork } from './charts';
import type { WriteStep } from './errors';
import { changedSinceReadError, mergedCellError, OfficeAdapterError, protectedSheetError, sheetMissingError, sheetNameTakenError, writeStepError } from './errors';
import type { OfficeFeatures } from './features';
import { checkOwnRulesWorks } from './ownRules';
import { backupWorks, settingsWorks } from './ownSheets';
import type { Preflight } from './preflight';
import { emptyPreflight, planSheets, preflightWorks } from './preflight';
import { SheetCache } from './sheetCache';
import { cellsWorks } from './statusCells';
import { summaryChartsWork, summaryWorks } from './summarySheet';

/**
 * Carries a write plan out in Excel in FOUR round trips, whatever the number of KPIs, plus one per extra chunk
 * when a step's payload is over the budget (batches.ts):
 * 1. preflight — reads only: sheets, tables, the status cells' current values and formats, merged areas,
 *    notes, the colour rules of earlier runs. Refuses here (nothing changed) on a protected sheet, a status
 *    cell edited or merged since the read, or a sheet name taken since the read;
 * 2. backup — the backup sheet (created hidden on a first run), BEFORE any user cell changes; also loads the
 *    summary sheet's charts and the ranges each colour rule found in step 1 applies to (only a rule entirely on
 *    the backup's ranges is removed: ownRules.ts);
 * 3. cells — previous colour rules removed, status values, notes, new colour rules; calculation and screen
 *    updating suspended until the sync (ExcelApi 1.6 / 1.9);
 * 4. summary — recalculation of what step 3 suspended, the summary sheet cleared and rebuilt with its table,
 *    links, formats and chart, the settings sheet.
 * A failure names the step and what it means: before step 2 completes nothing of the user's changed; after it,
 * the backup makes the run restorable (errors.ts).
 */
export interface WriteOptions {
  features: OfficeFeatures;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** Add the chart of categories per group (default true). */
  charts?: boolean;
  /** Lower-case sheet names when the workbook was read: a sheet the plan creates that appeared since is a collision. */
  namesAtRead?: ReadonlySet<string> | null;
}

function check(plan: WritePlan, pre: Preflight, namesAtRead: ReadonlySet<string> | null | undefined): void {
  const own = [plan.summary.name, plan.backup.sheetName, plan.settings.sheetName];
  if (namesAtRead) {
    for (const name of own) {
      if (pre.sheets.has(name.toLowerCase()) && !namesAtRead.has(name.toLowerCase())) throw sheetNameTakenError(name);
    }
  }
  const written = [...planSheets(plan), ...own];
  for (const name of written) {
    const info = pre.sheets.get(name.toLowerCase());
    if (info?.protected) throw protectedSheetError(info.name);
  }
  const [mergedSheet, mergedCells] = [...pre.mergedInside][0] ?? [];
  if (mergedSheet && mergedCells) throw mergedCellError(mergedSheet, mergedCells);
  if (pre.changed.length > 0) throw changedSinceReadError(pre.changed);
}

/** A preflight that failed with ItemNotFound: one more round trip to say WHICH sheet is gone. */
async function explainPreflight(context: Excel.RequestContext, plan: WritePlan, failure: StepFailure): Promise<OfficeAdapterError> {
  const code = (failure.cause as { code?: unknown } | null)?.code;
  if (code === 'ItemNotFound') {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const names = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const missing = [...planSheets(plan)].find((s) => !names.has(s.toLowerCase()));
    if (missing) return sheetMissingError(missing, failure.cause);
  }
  return writeStepError('preflight', failure.sheets, failure.cause);
}

export async function writePlanToExcel(plan: WritePlan, options: WriteOptions): Promise<{ outcome: WriteOutcome; stats: SyncStats }> {
  const { features, signal } = options;
  return Excel.run(async (context) => {
    const stats = newStats();
    const cache = new SheetCache(context);
    const pre = emptyPreflight();
    const notices: string[] = [];
    const onSynced = (): void => options.onProgress?.(stats.syncs, Math.max(4 + stats.chunks, stats.syncs));
    const suspendScreen = (c: Excel.RequestContext): void => {
      if (features.suspendScreenUpdating) c.workbook.application.suspendScreenUpdatingUntilNextSync();
    };
    const step = async (name: WriteStep, works: Work[], prelude?: (c: Excel.RequestContext) => void): Promise<void> => {
      try {
        await runStep(context, name, works, stats, { signal, prelude, onSynced });
      } catch (e) {
        if (!(e instanceof StepFailure)) throw e;
        cache.clear();
        throw name === 'preflight' ? await explainPreflight(context, plan, e) : writeStepError(name, e.sheets, e.cause);
      }
    };

    await step('preflight', preflightWorks(plan, features, cache, pre));
    check(plan, pre, options.namesAtRead);

    const ownCharts: Excel.Chart[] = [];
    const summaryInfo = pre.sheets.get(plan.summary.name.toLowerCase());
    const backup = backupWorks(plan, pre, cache);
    if (summaryInfo && features.charts) backup.push(summaryChartsWork(summaryInfo.name, cache, ownCharts));
    if (features.conditionalFormats) backup.push(...checkOwnRulesWorks(pre.oldRules, features));
    await step('backup', backup);

    const cells = cellsWorks(plan, features, pre, cache, notices);
    await step('cells', cells, (c) => {
      if (features.suspendCalculation) c.workbook.application.suspendApiCalculationUntilNextSync();
      suspendScreen(c);
    });

    const summary: Work[] = [];
    if (features.suspendCalculation && cells.length > 0) {
      // suspendApiCalculationUntilNextSync leaves the recalculation to the add-in: formulas that depend on the
      // status cells (a COUNTIF over 進捗区分) are brought up to date here.
      summary.push({ bytes: OP_OVERHEAD_BYTES, queue: (c) => c.workbook.application.calculate(Excel.CalculationType.recalculate) });
    }
    summary.push(...summaryWorks(plan.summary, features, pre, ownCharts, cache));
    let charts: WriteOutcome['charts'] = 'none';
    if (options.charts !== false) {
      if (!features.charts) {
        charts = 'unsupported';
        notices.push('この Excel ではグラフを作れないため、区分別のグラフは省きました / Charts are not available in this Excel; the chart was left out');
      } else {
        const chart = countsChartWork(plan.summary, summaryInfo?.name ?? plan.summary.name, cache);
        if (chart) {
          summary.push(chart);
          charts = 'added';
        }
      }
    }
    summary.push(...settingsWorks(plan, pre, cache));
    await step('summary', summary, suspendScreen);

    return {
      outcome: { statusCells: plan.statusWrites.length, summarySheet: summaryInfo?.name ?? plan.summary.name, charts, notices },
      stats,
    };
  });
}
