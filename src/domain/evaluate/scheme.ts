import { z } from 'zod';
import type { Problem } from '../problems';
import type { CategoryStyle } from './types';

/**
 * Evaluation schemes as data (SPEC §4), validated with zod when read from a workbook or a `--scheme` file.
 * Three kinds: `saku` (ratio to the benchmark, 000 seed lines 223–243; also 長野県), `iwamizawa` (actual vs
 * baseline, 001 seed lines 235–277), and `bands` (user-defined thresholds on a chosen basis).
 */

const hex = z.string().regex(/^#[0-9A-Fa-f]{6}$/, { message: 'must be a colour #RRGGBB' });
const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const text = z.object({ ja: z.string().min(1).max(200), en: z.string().min(1).max(200) });
const label = z.string().trim().min(1).max(40);

export const categoryStyleSchema = z.object({ label, fill: hex, font: hex, meaning: text });

function roleStyles<R extends string>(roles: readonly [R, ...R[]]) {
  return z
    .array(categoryStyleSchema.extend({ role: z.enum(roles) }))
    .superRefine((cats, ctx) => {
      for (const role of roles) {
        const n = cats.filter((c) => c.role === role).length;
        if (n !== 1) ctx.addIssue({ code: 'custom', message: `needs exactly one category with role "${role}" (found ${n})` });
      }
      uniqueLabels(cats.map((c) => c.label), (i) => [i, 'label'], ctx);
    });
}

function uniqueLabels(labels: string[], pathOf: (i: number) => (string | number)[], ctx: z.RefinementCtx): void {
  labels.forEach((l, i) => {
    if (labels.indexOf(l) !== i) ctx.addIssue({ code: 'custom', path: pathOf(i), message: `duplicate label "${l}"` });
  });
}

const common = { id: z.string().trim().min(1).max(100), name: text };

export const SAKU_ROLES = ['good', 'fair', 'poor', 'unpublished', 'no-data'] as const;
export const IWAMIZAWA_ROLES = ['good', 'poor', 'no-data'] as const;

export const sakuSchemeSchema = z.object({
  kind: z.literal('saku'),
  ...common,
  /** r ≥ good → good, r ≥ fair → fair, else poor (r: actual/benchmark, or progress where values are ≤ 0). */
  thresholds: z
    .object({ good: finite.positive(), fair: finite.positive() })
    .refine((t) => t.fair <= t.good, { message: 'fair must not exceed good', path: ['fair'] })
    .default({ good: 1, fair: 0.8 }),
  categories: roleStyles(SAKU_ROLES),
});

export const iwamizawaSchemeSchema = z.object({
  kind: z.literal('iwamizawa'),
  ...common,
  /** An actual equal to the baseline counts as good (for maintain KPIs it always does). */
  equalIsGood: z.boolean().default(false),
  /** A missing baseline (`-`) of a count whose target is > 0 is taken as 0 (001 seed line 277: `-` → 17種, 5種 → 順調). */
  zeroMissingBaseline: z.boolean().default(true),
  categories: roleStyles(IWAMIZAWA_ROLES),
});

export const bandBasisSchema = z.enum(['ratio-to-benchmark', 'ratio-to-target', 'progress-from-baseline', 'change-vs-baseline']);
export type BandBasis = z.infer<typeof bandBasisSchema>;

export const bandSchema = categoryStyleSchema.extend({
  /** Inclusive lower bound of the basis value; null on the last band = no lower bound. */
  min: finite.nullable(),
});

const missingStyleSchema = z.object({ fill: hex, font: hex, meaning: text });

export const bandsSchemeSchema = z
  .object({
    kind: z.literal('bands'),
    ...common,
    basis: bandBasisSchema,
    /** change-vs-baseline: changes within ±tolerance (0.1 = 10%) count as 0, "unchanged". */
    tolerance: finite.min(0).max(10).default(0),
    /** Checked before the bands: the actual reaches the final target (長与町 S). */
    targetReached: categoryStyleSchema.optional(),
    /** Highest band first; the basis value falls in the first band whose `min` it reaches. */
    bands: z.array(bandSchema).min(1).max(20),
    missingLabel: label,
    missingStyle: missingStyleSchema.default({ fill: '#999999', font: '#000000', meaning: { ja: '実績値なし', en: 'No actual' } }),
  })
  .superRefine((s, ctx) => {
    s.bands.forEach((b, i) => {
      if (b.min === null && i !== s.bands.length - 1) {
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'min'], message: 'only the last band may have no lower bound (null)' });
      }
      const prev = i > 0 ? s.bands[i - 1].min : null;
      if (i > 0 && b.min !== null && prev !== null && b.min >= prev) {
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'min'], message: `must be lower than bands[${i - 1}].min (${prev}): highest band first` });
      }
    });
    const labels = [...(s.targetReached ? [s.targetReached.label] : []), ...s.bands.map((b) => b.label), s.missingLabel];
    const offset = s.targetReached ? 1 : 0;
    uniqueLabels(labels, (i) => (i < offset ? ['targetReached', 'label'] : i - offset < s.bands.length ? ['bands', i - offset, 'label'] : ['missingLabel']), ctx);
  });

export const schemeSchema = z.discriminatedUnion('kind', [sakuSchemeSchema, iwamizawaSchemeSchema, bandsSchemeSchema]);

export type SakuScheme = z.infer<typeof sakuSchemeSchema>;
export type IwamizawaScheme = z.infer<typeof iwamizawaSchemeSchema>;
export type BandsScheme = z.infer<typeof bandsSchemeSchema>;
export type Scheme = z.infer<typeof schemeSchema>;
/** What a user writes (defaults may be left out). */
export type SchemeInput = z.input<typeof schemeSchema>;

/** Every category of a scheme in display order (best first, missing last), with its role. */
export function categoriesOf(scheme: Scheme): CategoryStyle[] {
  if (scheme.kind !== 'bands') return scheme.categories.map((c) => ({ ...c, meaning: { ...c.meaning } }));
  const style = (c: { label: string; fill: string; font: string; meaning: { ja: string; en: string } }, role: string): CategoryStyle => ({
    label: c.label,
    fill: c.fill,
    font: c.font,
    meaning: { ...c.meaning },
    role,
  });
  return [
    ...(scheme.targetReached ? [style(scheme.targetReached, 'target-reached')] : []),
    ...scheme.bands.map((b) => style(b, 'band')),
    style({ label: scheme.missingLabel, ...scheme.missingStyle }, 'missing'),
  ];
}

const roleLabels = new WeakMap<object, Map<string, string>>();

/** The label of the category with `role` in a saku or iwamizawa scheme (validation guarantees one). Cached per scheme object. */
export function labelOf(scheme: SakuScheme | IwamizawaScheme, role: string): string {
  let map = roleLabels.get(scheme);
  if (!map) {
    map = new Map((scheme.categories as { role: string; label: string }[]).map((c) => [c.role, c.label]));
    roleLabels.set(scheme, map);
  }
  const label = map.get(role);
  if (label === undefined) throw new Error(`labelOf: scheme ${scheme.id} has no category with role ${role}`);
  return label;
}

/** `['bands', 1, 'min']` → `scheme.bands[1].min`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = 'scheme';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

/** zod issues as problems naming the bad field: `scheme.bands[1].min: must be lower than …`. */
export function schemeProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    sheet: null,
    cell: null,
    code: 'scheme-invalid' as const,
    message: `評価方式の設定が正しくありません / Invalid scheme: ${formatIssuePath(issue.path)}: ${issue.message}`,
  }));
}
