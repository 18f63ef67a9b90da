/**
 * Caps that keep a hostile or broken .xlsx from exhausting memory or time (SPEC §7 "huge used ranges").
 * Each is far above what a municipal KPI workbook needs (the bundled sample: 14 zip entries, 0.2 MB
 * uncompressed, 5 sheets, 2,000 cells) and low enough that ExcelJS stays within seconds and a few hundred MB:
 * measured on ExcelJS 4.4.0, one merged area of 100,000 cells costs 3 s and 340 MB, a data validation over a
 * whole column (1,048,576 cells, which ExcelJS expands cell by cell) 9 s, and 8,000 merges 6 s (quadratic).
 * docs/security.md lists them with the reasons.
 */
export interface XlsxLimits {
  /** Size of the .xlsx file itself (compressed). */
  maxFileBytes: number;
  /** Entries in the zip (parts of the package). */
  maxEntries: number;
  /** Worksheet parts (`xl/worksheets/sheetN.xml`). */
  maxSheets: number;
  /** Uncompressed size of any one part. */
  maxEntryBytes: number;
  /** Uncompressed size of all parts together. */
  maxTotalBytes: number;
  /** Compression ratio above which a part larger than `ratioFloorBytes` is taken for a zip bomb. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Cells covered by merged areas, all sheets together (ExcelJS creates a cell object for each). */
  maxMergedCells: number;
  /** Merged areas on one sheet (ExcelJS checks each new merge against all earlier ones). */
  maxMergesPerSheet: number;
  /** Cells covered by data validations, all sheets together (ExcelJS expands each range cell by cell). */
  maxValidationCells: number;
  /** Cells of one sheet's grid (the bounding box of its used cells) handed to detection. */
  maxSheetGridCells: number;
  /** Cells of all grids together. */
  maxWorkbookGridCells: number;
}

export const DEFAULT_XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxFileBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
  maxSheets: 1_000,
  maxEntryBytes: 192 * 1024 * 1024,
  maxTotalBytes: 384 * 1024 * 1024,
  maxRatio: 250,
  ratioFloorBytes: 4 * 1024 * 1024,
  maxMergedCells: 500_000,
  maxMergesPerSheet: 20_000,
  maxValidationCells: 3_200_000,
  maxSheetGridCells: 4_000_000,
  maxWorkbookGridCells: 16_000_000,
});

/** `1_500_000` → `1.4 MB` for messages. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

/** `17179869184` → `17,179,869,184`. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
