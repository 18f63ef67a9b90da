export { createOfficeHost } from './officeHost';
export { readActiveSheet } from './readSheet';
export { toSheetGrid, parseAreasAddress } from './toSheetGrid';
export type { LoadedSheet, LoadedRange } from './toSheetGrid';
