import type { WritePlan } from '../../domain/plan/types';
import type { KpiChartRequest, ProgressListener, ReadScope, WorkbookHost } from '../port';
import { addKpiChart } from './charts';
import { sheetMissingError } from './errors';
import { detectFeatures } from './features';
import { readWorkbook } from './readSheet';
import { restoreFromBackup } from './restore';
import { writePlanToExcel } from './writePlan';

/**
 * Selects a KPI's cells: two round trips, the first to tell a missing sheet (renamed or deleted since the
 * read) from any other failure, so the message can name it.
 */
export async function selectRange(sheet: string, range: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    ws.load('name');
    await context.sync();
    if (ws.isNullObject) throw sheetMissingError(sheet);
    ws.activate();
    ws.getRange(range).select();
    await context.sync();
  });
}

/**
 * The host used inside Excel. Create it only after `Office.onReady` reported Excel. It remembers the sheet
 * names of the last read, so a write can tell a sheet created since then (a name collision) from its own.
 */
export function createOfficeHost(): WorkbookHost {
  let namesAtRead: Set<string> | null = null;
  return {
    kind: 'office',
    async read(scope: ReadScope, options: { signal?: AbortSignal; onProgress?: ProgressListener } = {}) {
      const { snapshot } = await readWorkbook(scope, { features: detectFeatures(), ...options });
      namesAtRead = new Set(snapshot.workbook.sheets.map((s) => s.name.toLowerCase()));
      return snapshot;
    },
    async write(plan: WritePlan, options: { signal?: AbortSignal; onProgress?: ProgressListener; charts?: boolean } = {}) {
      const { outcome } = await writePlanToExcel(plan, { features: detectFeatures(), namesAtRead, ...options });
      namesAtRead = null;
      return outcome;
    },
    async restore() {
      const { outcome } = await restoreFromBackup(detectFeatures());
      namesAtRead = null;
      return outcome;
    },
    selectRange,
    addKpiChart: (request: KpiChartRequest) => addKpiChart(request, detectFeatures()),
  };
}
