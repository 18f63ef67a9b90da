/**
 * Which optional Office.js features this Excel has (`Office.context.requirements.isSetSupported`). The manifest
 * asks for ExcelApi 1.4 only; everything newer is checked here once per call and degrades with a notice, never
 * a crash (SPEC §7, issue 7 "Requirement sets").
 */
export interface OfficeFeatures {
  /** `Range.getMergedAreasOrNullObject` (ExcelApi 1.13). Without it merged areas are not read. */
  mergedAreas: boolean;
  /** `Worksheet.notes` (ExcelApi 1.18). Without it notes are neither read nor written. */
  notes: boolean;
  /** Conditional formats, `customOrNullObject` (ExcelApi 1.6). Without them the status text is still written. */
  conditionalFormats: boolean;
  /**
   * `Worksheet.getRanges` and `ConditionalFormat.getRanges` (ExcelApi 1.9): one colour rule per category over up to
   * 100 status ranges. Without them one rule per category per range, as before (conditionalFormats.ts).
   */
  rangeAreas: boolean;
  /** `Application.suspendApiCalculationUntilNextSync` (ExcelApi 1.6). */
  suspendCalculation: boolean;
  /** `Application.suspendScreenUpdatingUntilNextSync` (ExcelApi 1.9). */
  suspendScreenUpdating: boolean;
  /** Charts and tables (ExcelApi 1.1; checked anyway so a stripped-down host degrades). */
  charts: boolean;
  /** `ChartSeries.trendlines` (ExcelApi 1.7). */
  trendlines: boolean;
  /** `ChartTrendline.forwardPeriod` and `showRSquared` (ExcelApi 1.8). */
  trendlineForecast: boolean;
  /** `Workbook.name` (ExcelApi 1.7), shown as the report's input. */
  workbookName: boolean;
  /** `RangeFormat.columnWidth` (ExcelApi 1.2). */
  columnWidth: boolean;
}

export function detectFeatures(): OfficeFeatures {
  const requirements = Office.context.requirements;
  const has = (version: string): boolean => requirements.isSetSupported('ExcelApi', version);
  return {
    mergedAreas: has('1.13'),
    notes: has('1.18'),
    conditionalFormats: has('1.6'),
    rangeAreas: has('1.9'),
    suspendCalculation: has('1.6'),
    suspendScreenUpdating: has('1.9'),
    charts: has('1.1'),
    trendlines: has('1.7'),
    trendlineForecast: has('1.8'),
    workbookName: has('1.7'),
    columnWidth: has('1.2'),
  };
}
