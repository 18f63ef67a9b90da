/** Era and fiscal-year parsing: the public face of `domain/years`. */
export type { ParseYearLabel, YearLabel, YearRoleHint } from './types';
export type { Era, EraName, FiscalYearStyle } from './eras';
export { ERAS, eraByKanji, eraByLetter, eraOfYear, formatFiscalYear, westernYear } from './eras';
export { parseYearLabel } from './parseYearLabel';
export { fixEraTypos } from './fixEraTypos';
export type { FixedYearLabels, YearTypoProblem } from './fixEraTypos';
