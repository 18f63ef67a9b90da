import type { SheetGrid } from '../../domain/grid';
import { toSheetGrid } from './toSheetGrid';

/**
 * The only code that calls `Excel.run` (STYLE.md). Reads the active worksheet in ONE `context.sync()`.
 *
 * Requirement sets: `Worksheet.getUsedRangeOrNullObject` is ExcelApi 1.4 (the manifest's minimum);
 * `WorksheetProtection` is ExcelApi 1.2; `Range.getMergedAreasOrNullObject` is ExcelApi 1.13, so merged
 * areas are read only when the host has it; an older host gives `merges: []` (the engine then sees merged
 * names in their top-left cell only).
 *
 * Errors are not caught here: Office's own error (code, message, debugInfo) reaches the UI, which shows it.
 */
export async function readActiveSheet(): Promise<SheetGrid> {
  const withMerges = Office.context.requirements.isSetSupported('ExcelApi', '1.13');
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name, visibility, protection/protected');
    // valuesOnly = true: formatting painted far below a table (a common cause of huge used ranges) is not
    // read; merged areas come from the whole sheet below, so empty merged cells are not lost.
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address, rowIndex, columnIndex, values, valueTypes, numberFormat, formulas');
    // Excel refuses to list more than 512 merged areas in one call: such a sheet fails here with Excel's
    // message rather than being read with its merges silently missing.
    const merged = withMerges ? sheet.getRange().getMergedAreasOrNullObject() : null;
    if (merged) merged.load('address');
    await context.sync();

    return toSheetGrid({
      name: sheet.name,
      visibility: sheet.visibility,
      protected: sheet.protection.protected,
      used: used.isNullObject
        ? null
        : {
            rowIndex: used.rowIndex,
            columnIndex: used.columnIndex,
            values: used.values,
            valueTypes: used.valueTypes,
            numberFormat: used.numberFormat,
            formulas: used.formulas,
          },
      mergedAreasAddress: merged && !merged.isNullObject ? merged.address : null,
    });
  });
}
