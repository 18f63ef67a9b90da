import type { Scheme } from './evaluate';
import { categoriesOf, evaluateKpis, knownCategoryLabels, resolveScheme } from './evaluate';
import type { SheetGrid, WorkbookGrid } from './grid';
import { valueAt } from './grid';
import type { Detection, Direction } from './kpi';
import { detect, tableMappingSchema } from './layout';
import type { TableMapping } from './layout';
import type { BackupRow, Lang, WritePlan } from './plan';
import { buildPlan, isSummaryNotice, ownedSheetNames } from './plan';
import type { Problem } from './problems';
import type { KpiReport, Report } from './report';
import type { Settings } from './settings';

/**
 * One run, host-independent: grids in, detection + evaluation + write plan + report out (STYLE.md: host →
 * Grid → domain → WritePlan → host). The CLI, the browser page and the add-in all call this.
 */
export interface RunRequest {
  workbook: WorkbookGrid;
  /** Settings read from the workbook (already validated). */
  settings: Settings;
  /** Problems found while reading the settings (a tampered settings sheet). */
  settingsProblems?: Problem[];
  previousBackup: BackupRow[];
  /** Name of the input shown in the report (file name). */
  input: string;
  /** Overrides of the stored settings for this run (CLI flags, task pane choices). */
  scheme?: string | unknown;
  sheets?: string[];
  asOf?: number | null;
  overwrite?: boolean;
  lang?: Lang;
  notes?: boolean;
  directionOverrides?: Record<string, Direction>;
}

export interface RunResult {
  scheme: Scheme;
  detection: Detection;
  results: KpiReport[];
  plan: WritePlan;
  report: Report;
  /** Settings as they will be stored after this run. */
  settings: Settings;
}

export type RunOutcome = { ok: true; result: RunResult } | { ok: false; problems: Problem[] };

/** Sheets the user wrote: Shinchoku's own (summary, backup, settings) are never read as KPI tables. */
export function userSheets(workbook: WorkbookGrid, backup: readonly BackupRow[]): SheetGrid[] {
  const owned = ownedSheetNames(backup);
  return workbook.sheets.filter((s) => !owned.has(s.name) && !isShinchokuSummary(s));
}

/**
 * A summary sheet Shinchoku wrote carries its notice in A2; recognising it by content (not by name) keeps a
 * user's own sheet that happens to be called KPI集計 readable, and our summary unread even without a backup.
 */
function isShinchokuSummary(sheet: SheetGrid): boolean {
  return isSummaryNotice(valueAt(sheet, 1, 0));
}

export function runEvaluation(req: RunRequest): RunOutcome {
  const schemeChoice = req.scheme ?? req.settings.scheme;
  const resolved = resolveScheme(schemeChoice);
  if ('problems' in resolved) return { ok: false, problems: resolved.problems };
  const scheme = resolved.scheme;

  // The run's choices become the stored settings: a preset by its id, a user-defined scheme as the validated
  // object, and direction overrides as given (so an override the user removed is gone, not merged back).
  const settings: Settings = {
    ...req.settings,
    scheme: typeof schemeChoice === 'string' ? schemeChoice : (scheme as unknown as Record<string, unknown>),
    asOf: req.asOf !== undefined ? req.asOf : req.settings.asOf,
    notes: req.notes ?? req.settings.notes,
    directionOverrides: req.directionOverrides ?? req.settings.directionOverrides,
  };
  const problems: Problem[] = [...(req.settingsProblems ?? [])];

  const mappings: TableMapping[] = [];
  settings.mappings.forEach((m, i) => {
    const parsed = tableMappingSchema.safeParse(m);
    if (parsed.success) mappings.push(parsed.data);
    else
      problems.push({
        sheet: null,
        cell: null,
        code: 'mapping-invalid',
        message: `設定の対応付け ${i + 1} が不正なため無視します（${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}） / Mapping ${i + 1} ignored`,
      });
  });

  const sheets = userSheets(req.workbook, req.previousBackup);
  if (req.sheets && req.sheets.length > 0) {
    const known = new Set(sheets.map((s) => s.name));
    for (const name of req.sheets) {
      if (!known.has(name))
        problems.push({ sheet: name, cell: null, code: 'no-kpi-table', message: `シート「${name}」がありません / No sheet named "${name}"` });
    }
  }
  const detection = detect(sheets, {
    synonyms: settings.synonyms,
    mappings,
    sheets: req.sheets && req.sheets.length > 0 ? req.sheets : undefined,
  });
  const evaluated = evaluateKpis(detection.kpis, scheme, {
    asOf: settings.asOf,
    directionOverrides: settings.directionOverrides,
  });
  const plan = buildPlan({
    sheets: req.workbook.sheets,
    kpis: detection.kpis,
    results: evaluated.kpis,
    categories: categoriesOf(scheme),
    schemeName: scheme.name[req.lang ?? 'ja'],
    knownCategories: knownCategoryLabels(),
    settings,
    previousBackup: req.previousBackup,
    overwrite: req.overwrite ?? false,
    asOf: settings.asOf,
    lang: req.lang ?? 'ja',
  });
  if (detection.kpis.length === 0) {
    problems.push({
      sheet: null,
      cell: null,
      code: 'no-kpi-table',
      message: 'KPI の表が見つかりませんでした（指標名・目安値・実績値などの見出しを探します） / No KPI table found',
    });
  }
  // A problem that belongs to a KPI is reported with the KPI only; the top level keeps the others.
  const problemKey = (p: Problem): string => `${p.sheet}|${p.cell}|${p.code}|${p.message}`;
  // Built only when detection reported something: 10,000 KPIs carry ~20,000 problems, and keying them all
  // cost ~5% of a run (`npm run bench`).
  const onKpis =
    detection.problems.length === 0
      ? new Set<string>()
      : new Set(evaluated.kpis.flatMap((k) => k.problems.map((p) => problemKey(p as Problem))));
  const report: Report = {
    version: 1,
    input: req.input,
    scheme: scheme.id,
    asOf: settings.asOf,
    kpis: evaluated.kpis,
    counts: evaluated.counts,
    problems: [...problems, ...detection.problems.filter((p) => !onKpis.has(problemKey(p))), ...plan.problems],
  };
  return { ok: true, result: { scheme, detection, results: evaluated.kpis, plan, report, settings: settings } };
}

/** Problem codes meaning "a cell could not be interpreted" (CLI exit status 2). */
const UNINTERPRETED = new Set([
  'unparsed-value',
  'excel-error',
  'not-finite',
  'unrecognised-cell',
  'year-unparsed',
  'missing-year-header',
  'missing-actual-row',
  'no-kpi-table',
  'compound-mismatch',
  'sheet-too-large',
]);

export function hasUninterpretedCells(report: Report): boolean {
  return (
    report.problems.some((p) => UNINTERPRETED.has(p.code)) ||
    report.kpis.some((k) => k.problems.some((p) => UNINTERPRETED.has(p.code)))
  );
}
