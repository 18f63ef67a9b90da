import { z } from 'zod';
import { synonymsSchema } from './layout/settings';
import type { Problem } from './problems';

/**
 * Settings stored in the workbook (a very hidden sheet holding JSON, SPEC §5), read by the add-in and the CLI.
 * Validated on read: a tampered or oversized settings text gives a warning and the defaults, never a crash.
 */

export const SETTINGS_VERSION = 1;
/** Excel keeps at most 32,767 characters per cell; settings are split over cells, and capped overall. */
export const MAX_SETTINGS_CHARS = 1_000_000;

export const DEFAULT_SUMMARY_SHEET = 'KPI集計';
export const BACKUP_SHEET = '_shinchoku_backup';
export const SETTINGS_SHEET = '_shinchoku_settings';

const directionSchema = z.enum(['up', 'down', 'maintain']);

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** A preset id (`saku`, `iwamizawa` …) or a full scheme object (validated by the evaluate module). */
  scheme: z.union([z.string().min(1).max(100), z.record(z.string(), z.unknown())]).default('saku'),
  asOf: z.number().int().min(1900).max(2200).nullable().default(null),
  summarySheetName: z.string().min(1).max(31).default(DEFAULT_SUMMARY_SHEET),
  /** Write a note with the basis (`実績 77.4 / 目安 79.6 = 97.2%`) on each status cell. */
  notes: z.boolean().default(false),
  /** Per-KPI direction chosen by the user, keyed by KPI id (`sheet!range`). */
  directionOverrides: z.record(z.string().max(300), directionSchema).default({}),
  /** Extra words per role, added to the built-in synonyms (SPEC §2). */
  synonyms: synonymsSchema.default({}),
  /** User corrections of detection (validated in detail by the layout module). */
  mappings: z.array(z.record(z.string(), z.unknown())).max(500).default([]),
});

export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({ version: SETTINGS_VERSION });
}

/**
 * Parses the settings text found in a workbook. Any failure — not JSON, too long, wrong shape — gives the
 * defaults and one warning naming what was wrong, so a tampered settings sheet can never stop a run.
 */
export function parseSettingsText(text: string | null): { settings: Settings; problems: Problem[] } {
  if (text === null || text.trim() === '') return { settings: defaultSettings(), problems: [] };
  const warn = (detail: string): { settings: Settings; problems: Problem[] } => ({
    settings: defaultSettings(),
    problems: [
      {
        sheet: SETTINGS_SHEET,
        cell: 'A1',
        code: 'settings-invalid',
        message: `設定シートを読めないため既定の設定を使います（${detail}） / Settings ignored, defaults used (${detail})`,
      },
    ],
  });
  if (text.length > MAX_SETTINGS_CHARS) return warn(`${text.length} 文字は上限 ${MAX_SETTINGS_CHARS} を超えています`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return warn('JSON ではありません');
  }
  const parsed = settingsSchema.safeParse(json);
  if (parsed.success) return { settings: parsed.data, problems: [] };
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { version?: unknown }).version !== SETTINGS_VERSION) {
    const first = parsed.error.issues[0];
    const path = first.path.length > 0 ? first.path.join('.') : '(root)';
    return warn(`${path}: ${first.message}`);
  }
  // Keep every field that is valid; only the broken ones fall back to their defaults (nothing the user chose
  // elsewhere is lost because one field was edited by hand).
  const kept: Record<string, unknown> = { version: SETTINGS_VERSION };
  const problems: Problem[] = [];
  const shape = settingsSchema.shape;
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key === 'version' || !(key in shape)) continue;
    const field = shape[key as keyof typeof shape].safeParse(value);
    if (field.success) kept[key] = field.data;
    else {
      const issue = field.error.issues[0];
      const path = [key, ...issue.path].join('.');
      problems.push({
        sheet: SETTINGS_SHEET,
        cell: 'A1',
        code: 'settings-invalid',
        message: `設定「${path}」が不正なため既定値を使います（${issue.message}） / Setting ${path} ignored, default used`,
      });
    }
  }
  return { settings: settingsSchema.parse(kept), problems };
}

export function serializeSettings(settings: Settings): string {
  return JSON.stringify(settingsSchema.parse(settings));
}
