export type { Point, Line } from './point';
export { lineAt } from './point';
export { linearRegression } from './linearRegression';
export { rSquared } from './rSquared';
export { median } from './median';
export { theilSenSlope } from './theilSenSlope';
export { yearReached, LAST_YEAR_REPORTED } from './yearReached';
export { computeTrend, MIN_POINTS_FIRM, MIN_R2_FIRM } from './trend';
export type { TrendTarget } from './trend';
