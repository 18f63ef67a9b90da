/**
 * The ExcelJS side of the browser page, loaded with ExcelJS itself on first use (src/workbook/browser/browserHost.ts
 * imports this module dynamically), so neither ExcelJS nor the xlsx adapter is in the add-in's first bundle.
 */
export { loadXlsx } from '../xlsx/workbookFile';
export type { ExcelJSModule, LoadedWorkbook } from '../xlsx/workbookFile';
export { restoreFile, UnkeptPartsError, writePlanToFile } from '../xlsx/writeBack';
export { streamCodec } from '../xlsx/package/codec';
export { parseBackupRows } from '../../domain/plan/backup';
export { describeUnkept } from '../xlsx/unkept';
