/**
 * The ExcelJS side of the browser page, loaded with ExcelJS itself on first use (src/workbook/browser/browserHost.ts
 * imports this module dynamically), so neither ExcelJS nor the xlsx adapter is in the add-in's first bundle.
 */
export { loadXlsx, saveXlsx } from '../xlsx/workbookFile';
export type { ExcelJSModule, LoadedWorkbook } from '../xlsx/workbookFile';
export { applyPlanToWorkbook } from '../xlsx/applyPlan';
export { restoreWorkbook } from '../xlsx/restore';
export { parseBackupRows } from '../../domain/plan/backup';
export { describeUnkept } from '../xlsx/unkept';
