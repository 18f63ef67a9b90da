import { z } from 'zod';
import type { Synonyms, TableMapping } from './types';

/** Zod schemas for the layout part of the workbook settings (SPEC §5); src/domain/settings.ts imports them. */

const wordList = z.array(z.string().min(1)).max(100);

export const synonymsSchema = z
  .object({
    name: wordList,
    baseline: wordList,
    target: wordList,
    benchmark: wordList,
    actual: wordList,
    status: wordList,
    unit: wordList,
    group: wordList,
  })
  .partial()
  .strict();

const column = z
  .string()
  .regex(/^[A-Za-z]{1,3}$/, { message: 'column letters expected (A … XFD)' })
  .transform((s) => s.toUpperCase());

const range = z.string().regex(/^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/, {
  message: 'A1 range expected (A3:I20)',
});

export const tableMappingSchema = z
  .object({
    sheet: z.string().min(1),
    range,
    layout: z.enum(['year-columns', 'row-per-kpi']),
    headerRow: z.number().int().min(1),
    nameColumn: column,
    labelColumn: column.optional(),
    unitColumn: column.optional(),
    baselineColumn: column.optional(),
    targetColumn: column.optional(),
    yearColumns: z.array(z.object({ column, label: z.string().min(1) })).optional(),
    statusColumn: column.optional(),
    rowLabels: z
      .object({
        benchmark: wordList.optional(),
        actual: wordList.optional(),
        status: wordList.optional(),
      })
      .strict()
      .optional(),
    group: z.string().optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.layout === 'year-columns' && !m.labelColumn) {
      ctx.addIssue({ code: 'custom', path: ['labelColumn'], message: 'year-columns needs the label column' });
    }
    const values = [m.baselineColumn, m.targetColumn, m.statusColumn, ...(m.yearColumns ?? [])];
    if (m.layout === 'row-per-kpi' && values.every((v) => v === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['yearColumns'],
        message: 'row-per-kpi needs at least one of baselineColumn, targetColumn, yearColumns, statusColumn',
      });
    }
  });

export const tableMappingsSchema = z.array(tableMappingSchema);

/** Compile-time check: what the schema accepts is a `TableMapping`. */
const _mappingMatchesType = (m: z.infer<typeof tableMappingSchema>): TableMapping => m;
const _synonymsMatchType = (s: z.infer<typeof synonymsSchema>): Partial<Synonyms> => s;
