import ExcelJS from 'exceljs';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseBackupRows } from '../domain/plan';
import type { BackupRow } from '../domain/plan';
import { hasUninterpretedCells, runEvaluation } from '../domain/pipeline';
import type { RunResult } from '../domain/pipeline';
import type { ProblemReport } from '../domain/report';
import { parseSettingsText } from '../domain/settings';
import { applyPlanToWorkbook } from '../workbook/xlsx/applyPlan';
import { restoreWorkbook } from '../workbook/xlsx/restore';
import { loadXlsx, saveXlsx, UnreadableWorkbookError } from '../workbook/xlsx/workbookFile';
import type { CliArgs } from './args';
import { parseArgs, UsageError } from './args';
import type { Messages } from './messages';
import { MESSAGES, USAGE } from './messages';
import { formatSummary } from './summaryText';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A failure the user can act on: one line, exit status 1. */
class CliFailure extends Error {}

/** Runs the CLI; resolves to the exit status (0 ok, 1 usage/unreadable, 2 finished with uninterpreted cells). */
export async function run(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  const envLang = /^en/i.test(process.env.LANG ?? '') && !/^ja/i.test(process.env.LANG ?? '') ? 'en' : 'ja';
  let args: CliArgs;
  try {
    args = parseArgs(argv, envLang);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`shinchoku: ${e.message}`);
      io.err('shinchoku --help で使い方を表示します / see shinchoku --help');
      return 1;
    }
    throw e;
  }
  if (args.command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (args.command === 'version') {
    io.out(readVersion());
    return 0;
  }
  const m = MESSAGES[args.lang];
  let status = 0;
  for (let i = 0; i < args.files.length; i++) {
    const file = args.files[i];
    if (args.files.length > 1) io.out(m.progress(i + 1, args.files.length, file));
    try {
      const code =
        args.command === 'evaluate'
          ? await evaluateFile(file, args, m, io)
          : args.command === 'scan'
            ? await scanFile(file, args, m, io)
            : await restoreFile(file, args, m, io);
      status = Math.max(status, code);
    } catch (e) {
      if (e instanceof CliFailure || e instanceof UnreadableWorkbookError) {
        io.err(`shinchoku: ${e.message}`);
      } else if (args.debug) {
        io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
      } else {
        const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
        io.err(`shinchoku: ${file}: 予期しないエラー: ${reason}（--debug で詳細） / unexpected error`);
      }
      status = Math.max(status, 1);
    }
  }
  return status;
}

function readVersion(): string {
  // lib/cli/main.js (and src/cli/main.ts under jest) → ../../package.json
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return `shinchoku ${pkg.version}`;
}

async function readInput(file: string, m: Messages): Promise<Uint8Array> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliFailure(m.fileMissing(file));
    if (code === 'EISDIR') throw new CliFailure(m.fileUnreadable(file, 'フォルダです / is a directory'));
    throw new CliFailure(m.fileUnreadable(file, (e as Error).message));
  }
}

async function load(file: string, m: Messages) {
  const bytes = await readInput(file, m);
  try {
    return await loadXlsx(ExcelJS, bytes);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw new CliFailure(m.fileUnreadable(file, e.message));
    throw e;
  }
}

async function loadScheme(value: string | null, m: Messages): Promise<unknown> {
  if (value === null) return undefined;
  if (!/\.json$/i.test(value)) return value;
  let text: string;
  try {
    text = await fs.readFile(value, 'utf8');
  } catch {
    throw new CliFailure(m.schemeInvalid(`${value}: ファイルを読めません / cannot read the file`));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliFailure(m.schemeInvalid(`${value}: JSON ではありません / not JSON`));
  }
}

function backupOf(cells: ReturnType<typeof parseBackupRows> | null): BackupRow[] {
  return cells ? cells.rows : [];
}

async function evaluateLoaded(file: string, args: CliArgs, m: Messages): Promise<{ loaded: Awaited<ReturnType<typeof load>>; result: RunResult }> {
  const loaded = await load(file, m);
  const scheme = await loadScheme(args.scheme, m);
  const { settings, problems: settingsProblems } = parseSettingsText(loaded.settingsText);
  const backup = loaded.backupCells ? parseBackupRows(loaded.backupCells) : null;
  const outcome = runEvaluation({
    workbook: loaded.grid,
    settings,
    settingsProblems,
    previousBackup: backupOf(backup),
    input: path.basename(file),
    scheme,
    sheets: args.sheets ?? undefined,
    asOf: args.asOf ?? undefined,
    overwrite: args.overwrite,
    lang: args.lang,
    notes: args.notes || undefined,
  });
  if (!outcome.ok) throw new CliFailure(m.schemeInvalid(outcome.problems.map((p) => p.message).join('; ')));
  return { loaded, result: outcome.result };
}

function defaultOutput(file: string, args: CliArgs, suffix: string): string {
  const base = path.basename(file).replace(/\.xlsx$/i, '');
  const dir = args.outDir ?? path.dirname(file);
  return path.join(dir, `${base}.${suffix}.xlsx`);
}

/** Writes next to the target then renames, so a failure never leaves a half-written workbook. */
async function writeAtomically(target: string, data: Uint8Array | string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new CliFailure(`${target}: 書き込めません（${(e as Error).message.split('\n')[0]}） / cannot write`);
  }
}

async function evaluateFile(file: string, args: CliArgs, m: Messages, io: Io): Promise<number> {
  const { loaded, result } = await evaluateLoaded(file, args, m);
  const report = result.report;
  const reportPath = args.report ?? (args.outDir ? path.join(args.outDir, `${path.basename(file).replace(/\.xlsx$/i, '')}.report.json`) : null);
  if (reportPath) await writeAtomically(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  if (result.detection.kpis.length === 0) {
    io.err(`shinchoku: ${m.noKpi(file)}`);
    return 2;
  }
  applyPlanToWorkbook(loaded.workbook, result.plan);
  const out = args.out ?? defaultOutput(file, args, 'evaluated');
  await writeAtomically(out, await saveXlsx(loaded.workbook));
  for (const line of formatSummary(result, args.lang)) io.out(line);
  io.out(m.wrote(out));
  if (reportPath) io.out(m.reportWrote(reportPath));
  reportProblems(report.problems.length + report.kpis.reduce((n, k) => n + k.problems.length, 0), m, io);
  if (result.plan.problems.length > 0) io.out(m.refused(result.plan.problems.length));
  return hasUninterpretedCells(report) ? 2 : 0;
}

function reportProblems(count: number, m: Messages, io: Io): void {
  if (count > 0) io.out(m.problemsFound(count));
}

async function scanFile(file: string, args: CliArgs, m: Messages, io: Io): Promise<number> {
  const { result } = await evaluateLoaded(file, args, m);
  const { detection, report } = result;
  if (args.json) {
    io.out(JSON.stringify({ tables: detection.tables.map((t) => ({ ...t, kpis: t.kpis.map((k) => k.id) })), report }, null, 2));
  } else {
    for (const t of detection.tables) {
      io.out(`${t.sheet}!${t.range}  ${t.layout}  ${t.kpis.length} KPI`);
      for (const k of t.kpis) {
        const years = k.years.map((y) => y.label).join(' ');
        io.out(`  ${k.name}${k.unit ? `（${k.unit}）` : ''}  ${k.range}  [${years}]`);
      }
    }
    const all: ProblemReport[] = [...report.problems, ...report.kpis.flatMap((k) => k.problems)];
    for (const p of all) io.out(`  ! ${p.sheet ?? ''}${p.cell ? `!${p.cell}` : ''} ${p.code}: ${p.message}`);
    io.out(m.kpisFound(detection.kpis.length, detection.tables.length));
    io.out(m.unchanged);
  }
  if (detection.kpis.length === 0) {
    io.err(`shinchoku: ${m.noKpi(file)}`);
    return 2;
  }
  return hasUninterpretedCells(report) ? 2 : 0;
}

async function restoreFile(file: string, args: CliArgs, m: Messages, io: Io): Promise<number> {
  const loaded = await load(file, m);
  if (!loaded.backupCells) throw new CliFailure(m.noBackup(file));
  const { rows, bad } = parseBackupRows(loaded.backupCells);
  const restored = restoreWorkbook(loaded.workbook, rows);
  const out = args.out ?? defaultOutput(file, args, 'restored');
  await writeAtomically(out, await saveXlsx(loaded.workbook));
  io.out(m.restored(restored.cells, restored.sheetsRemoved.length, out));
  if (bad.length > 0) {
    io.err(`shinchoku: ${file}: バックアップの ${bad.length} 行を読めませんでした（行 ${bad.map((i) => i + 1).join(', ')}） / unreadable backup rows`);
    return 2;
  }
  return 0;
}
