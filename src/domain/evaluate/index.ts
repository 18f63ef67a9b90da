/** The evaluation engine (SPEC §4): direction, benchmarks, schemes, trend, audit, per-KPI reports. */
export type { CategoryStyle, EvaluateOptions } from './types';
export { inferDirection, benchmarkSequenceDirection } from './direction';
export type { DirectionInference, DirectionSource } from './direction';
export { readsHigherIsBetter, LOWER_IS_BETTER_WORDS } from './directionWords';
export { benchmarksFor, benchmarkLine, isCumulative, planStartYear } from './benchmark';
export type { BenchmarkPoint } from './benchmark';
export {
  schemeSchema,
  sakuSchemeSchema,
  iwamizawaSchemeSchema,
  bandsSchemeSchema,
  bandSchema,
  bandBasisSchema,
  categoryStyleSchema,
  categoriesOf,
  formatIssuePath,
} from './scheme';
export type { Scheme, SchemeInput, SakuScheme, IwamizawaScheme, BandsScheme, BandBasis } from './scheme';
export { resolveScheme, presetScheme, presetLabels, knownCategoryLabels, PRESET_IDS, DEFAULT_SCHEME_ID } from './presets';
export { OKABE_ITO, contrastRatio, relativeLuminance, fontFor } from './palette';
export { measureAgainst, reaches } from './judge/measure';
export type { Measure } from './judge/measure';
export { judgeYear } from './judge/judgeYear';
export type { YearContext, Judgment } from './judge/context';
export * from './trend';
export { auditKpi, normaliseStatus } from './audit';
export { readActual, actualCellFilled } from './actual';
export type { ActualState, MissingActualCause } from './actual';
export { evaluateKpi, isJudgedYear } from './evaluateKpi';
export { evaluateKpis, defaultAsOf, latestJudgedYear } from './evaluateKpis';
export { atLeast, atMost, nearlyEqual, THRESHOLD_EPSILON } from './numbers';
export { formatNumber, formatPercent } from './format';
