import { parseA1 } from '../address';
import type { CategoryStyle } from '../evaluate/types';
import type { SheetGrid } from '../grid';
import type { Kpi } from '../kpi';
import type { Problem } from '../problems';
import type { KpiReport } from '../report';
import type { Settings } from '../settings';
import { BACKUP_SHEET, SETTINGS_SHEET, serializeSettings } from '../settings';
import type { BackupRow } from './backup';
import { mergeBackup } from './backup';
import type { Lang } from './labels';
import { compressCells } from './ranges';
import { planStatusWrites } from './statusWrites';
import { planSummary } from './summary';
import type { ConditionalFormatPlan, WritePlan } from './types';

export interface PlanInput {
  /** Every sheet of the workbook (user sheets and Shinchoku's own). */
  sheets: readonly SheetGrid[];
  kpis: readonly Kpi[];
  /** `results[i]` is the evaluation of `kpis[i]`. */
  results: readonly KpiReport[];
  categories: readonly CategoryStyle[];
  schemeName: string;
  /** Labels of every known scheme: a cell holding one may be replaced without `overwrite`. */
  knownCategories: ReadonlySet<string>;
  settings: Settings;
  /** The backup sheet's rows from earlier runs (empty on a first run). */
  previousBackup: readonly BackupRow[];
  overwrite: boolean;
  asOf: number | null;
  lang: Lang;
}

/** Sheets Shinchoku owns in this workbook: its backup and settings sheets and the sheets it created. */
export function ownedSheetNames(previousBackup: readonly BackupRow[]): Set<string> {
  const owned = new Set<string>([BACKUP_SHEET, SETTINGS_SHEET]);
  for (const r of previousBackup) if (r.kind === 'created') owned.add(r.sheet);
  return owned;
}

/** Excel's sheet-name rules: 1–31 characters, none of `: \ / ? * [ ]`, not starting or ending with `'`. */
export function isValidSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name) && name !== 'History';
}

/**
 * Everything a run changes, as plain data (SPEC §5). Pure: the same input gives the same plan, and an
 * already evaluated workbook gives a plan with no status writes (idempotence).
 */
export function buildPlan(input: PlanInput): WritePlan {
  const problems: Problem[] = [];
  const owned = ownedSheetNames(input.previousBackup);
  const existing = new Set(input.sheets.map((s) => s.name.toLowerCase()));

  const status = planStatusWrites(input.kpis, input.results, input.sheets, {
    overwrite: input.overwrite,
    notes: input.settings.notes,
    knownCategories: input.knownCategories,
  });
  problems.push(...status.problems);

  let summaryName = input.settings.summarySheetName;
  if (!isValidSheetName(summaryName)) summaryName = 'KPI集計';
  const taken = (name: string): boolean => existing.has(name.toLowerCase()) && !owned.has(name);
  if (taken(summaryName)) {
    const wanted = summaryName;
    for (let n = 2; taken(summaryName); n++) summaryName = `${wanted.slice(0, 26)} (${n})`;
    problems.push({
      sheet: wanted,
      cell: null,
      code: 'sheet-name-taken',
      message: `シート名「${wanted}」は既に使われているため、集計を「${summaryName}」に書きます / Sheet "${wanted}" exists; summary written to "${summaryName}"`,
    });
  }

  const conditionalFormats = planConditionalFormats(input.kpis, input.sheets, input.categories);

  const createdSheets = [summaryName, SETTINGS_SHEET].filter(
    (name) => !existing.has(name.toLowerCase()) && !input.previousBackup.some((r) => r.kind === 'created' && r.sheet === name),
  );
  const sheetByName = new Map<string, SheetGrid>();
  for (const s of input.sheets) if (!sheetByName.has(s.name)) sheetByName.set(s.name, s);
  const backupRows = mergeBackup(
    input.previousBackup,
    status.writes.map((w) => ({
      sheet: w.sheet,
      cell: w.cell,
      previous: w.previous,
      previousNote: w.note === null ? null : (sheetByName.get(w.sheet)?.notes?.[w.cell] ?? null),
    })),
    conditionalFormats.flatMap((cf) => cf.ranges.map((ref) => ({ sheet: cf.sheet, ref }))),
    createdSheets,
  );

  const settings: Settings = { ...input.settings, summarySheetName: summaryName };
  return {
    statusWrites: status.writes,
    conditionalFormats,
    summary: planSummary({
      name: summaryName,
      kpis: input.kpis,
      results: input.results,
      categories: input.categories,
      schemeName: input.schemeName,
      asOf: input.asOf,
      lang: input.lang,
    }),
    backup: { sheetName: BACKUP_SHEET, rows: backupRows },
    settings: { sheetName: SETTINGS_SHEET, json: serializeSettings(settings) },
    problems,
  };
}

/** One rule per category over every status cell of each writable sheet, so a hand edit recolours itself. */
function planConditionalFormats(
  kpis: readonly Kpi[],
  sheets: readonly SheetGrid[],
  categories: readonly CategoryStyle[],
): ConditionalFormatPlan[] {
  const cellsBySheet = new Map<string, { row: number; col: number }[]>();
  const writable = new Set(sheets.filter((s) => !s.protected).map((s) => s.name));
  for (const kpi of kpis) {
    if (!writable.has(kpi.sheet)) continue;
    const list = cellsBySheet.get(kpi.sheet) ?? [];
    for (const y of kpi.years) {
      if (!y.status || y.status.mergedInside) continue;
      const pos = parseA1(y.status.cell);
      if (pos) list.push(pos);
    }
    if (list.length > 0) cellsBySheet.set(kpi.sheet, list);
  }
  const rules = categories.map((c) => ({ text: c.label, fill: c.fill, font: c.font }));
  return [...cellsBySheet.entries()].map(([sheet, cells]) => ({ sheet, ranges: compressCells(cells), rules }));
}
