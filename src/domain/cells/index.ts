/** Cell text → values: the public face of `domain/cells`. */
export type {
  CellPart,
  CellReading,
  Comparator,
  MissingCause,
  MissingReason,
  ReadCell,
  ReadCellOptions,
  TargetBasis,
  YearTaggedValue,
} from './types';
export { readCell } from './readCell';
export { valueInScale, partValueInScale } from './valueInScale';
export { scaleWord } from './units';
export type { UnitParts } from './units';
export { numberFormatInfo } from './numberFormat';
export type { NumberFormatInfo } from './numberFormat';
export { missingCauseOf } from './words';
