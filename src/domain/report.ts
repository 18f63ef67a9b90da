import { z } from 'zod';

/**
 * The report of one run (SPEC §6), exported as a zod schema so that tests and other tools can validate it.
 * Fields the engine cannot fill are `null`, never invented. Extra fields explain each judgment.
 */

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const nullableNumber = finite.nullable();

export const problemSchema = z.object({
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const anchorSchema = z.object({
  label: z.string(),
  fiscalYear: z.number().int().nullable(),
  value: nullableNumber,
});

export const yearBasisSchema = z.enum(['ratio', 'inverse-ratio', 'progress', 'change', 'comparison', 'none']);

export const yearResultSchema = z.object({
  label: z.string(),
  fiscalYear: z.number().int().nullable(),
  benchmark: nullableNumber,
  benchmarkSource: z.enum(['sheet', 'interpolated']).nullable(),
  actual: nullableNumber,
  missingReason: z.enum(['unpublished', 'no-data', 'ended']).nullable(),
  ratio: nullableNumber,
  category: z.string().nullable(),
  statusCell: z.string().nullable(),
  existing: z.string().nullable(),
  /** How the category was reached: which basis, its value, the thresholds used, in words. */
  basis: yearBasisSchema,
  basisValue: nullableNumber,
  explanation: z.string(),
  provisional: z.boolean(),
});

export const trendSchema = z.object({
  method: z.literal('ols'),
  points: z.number().int(),
  slope: finite,
  intercept: finite,
  r2: nullableNumber,
  theilSenSlope: nullableNumber,
  projectedAtTarget: nullableNumber,
  outlook: z.enum(['達成見込み', '未達見込み']).nullable(),
  yearReached: z.number().int().nullable(),
  requiredPace: nullableNumber,
  observedPace: nullableNumber,
  tentative: z.boolean(),
  tentativeReasons: z.array(z.string()),
});

export const disagreementSchema = z.object({
  fiscalYear: z.number().int().nullable(),
  cell: z.string(),
  existing: z.string(),
  computed: z.string(),
  detail: z.string(),
});

export const kpiReportSchema = z.object({
  id: z.string(),
  sheet: z.string(),
  range: z.string(),
  layout: z.enum(['year-columns', 'row-per-kpi']),
  group: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  direction: z.enum(['up', 'down', 'maintain']),
  directionReason: z.string(),
  baseline: anchorSchema.nullable(),
  target: anchorSchema.nullable(),
  years: z.array(yearResultSchema),
  trend: trendSchema.nullable(),
  disagreements: z.array(disagreementSchema),
  problems: z.array(problemSchema),
});

export const reportSchema = z.object({
  version: z.literal(1),
  input: z.string(),
  scheme: z.string(),
  asOf: z.number().int().nullable(),
  kpis: z.array(kpiReportSchema),
  counts: z.record(z.string(), z.number().int()),
  problems: z.array(problemSchema),
});

export type ProblemReport = z.infer<typeof problemSchema>;
export type YearResult = z.infer<typeof yearResultSchema>;
export type YearBasis = z.infer<typeof yearBasisSchema>;
export type TrendResult = z.infer<typeof trendSchema>;
export type Disagreement = z.infer<typeof disagreementSchema>;
export type KpiReport = z.infer<typeof kpiReportSchema>;
export type Report = z.infer<typeof reportSchema>;
