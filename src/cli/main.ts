import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs, readFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { parseBackupRows } from '../domain/plan';
import type { BackupRow } from '../domain/plan';
import { hasUninterpretedCells, runEvaluation } from '../domain/pipeline';
import type { RunResult } from '../domain/pipeline';
import type { ProblemReport } from '../domain/report';
import { parseSettingsText } from '../domain/settings';
import { DEFAULT_XLSX_LIMITS, formatBytes } from '../workbook/xlsx/limits';
import { describeUnkept } from '../workbook/xlsx/unkept';
import type { WrittenFile } from '../workbook/xlsx/writeBack';
import { restoreFile as restoreWorkbookFile, UnkeptPartsError, writePlanToFile } from '../workbook/xlsx/writeBack';
import { loadXlsx, UnreadableWorkbookError } from '../workbook/xlsx/workbookFile';
import type { CliArgs } from './args';
import { parseArgs, UsageError } from './args';
import type { Messages } from './messages';
import { MESSAGES, USAGE } from './messages';
import { nodeBoundedInflate, nodeCodec } from './nodeCodec';
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

/**
 * What reaches the terminal: no control characters (a KPI name or file name holding ESC sequences must not
 * drive the user's terminal); stderr lines are single lines (SPEC §6: one clear line).
 */
function safeIo(io: Io): Io {
  return {
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    out: (line) => io.out(line.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd')),
    err: (line) => io.err(oneLine(line)),
  };
}

export function oneLine(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd')
    .trim();
}

/** Runs the CLI; resolves to the exit status (0 ok, 1 usage/unreadable, 2 finished with uninterpreted cells). */
export async function run(argv: readonly string[], rawIo: Io = consoleIo): Promise<number> {
  const io = safeIo(rawIo);
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
  const clash = args.outDir ? duplicateOutputs(args.files) : null;
  if (clash) {
    io.err(`shinchoku: ${m.sameOutput(clash)}`);
    return 1;
  }
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
      } else {
        const reason = e instanceof Error ? e.message : String(e);
        io.err(`shinchoku: ${file}: 予期しないエラー: ${reason.split('\n')[0]}（--debug で詳細） / unexpected error`);
        // The stack only on request, line by line on stderr (never on stdout, which may be a --json pipe).
        if (args.debug && e instanceof Error && e.stack) for (const line of e.stack.split('\n')) rawIo.err(line);
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

/** Node's error code → what the user can do about it (Windows locks a file Excel has open: EBUSY/EPERM). */
function fileProblem(e: unknown, m: Messages): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return m.noSuchPath;
    case 'EACCES':
    case 'EPERM':
      return m.permissionDenied;
    case 'EBUSY':
    case 'ETXTBSY':
      return m.locked;
    case 'EISDIR':
      return m.isDirectory;
    case 'EROFS':
      return m.readOnlyDisk;
    case 'ENOSPC':
    case 'EDQUOT':
      return m.diskFull;
    default:
      return `${code ?? 'error'}: ${oneLine(e instanceof Error ? e.message : String(e))}`;
  }
}

async function readInput(file: string, m: Messages): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new CliFailure(m.fileUnreadable(file, m.isDirectory));
    if (stat.size > DEFAULT_XLSX_LIMITS.maxFileBytes) {
      throw new CliFailure(m.fileUnreadable(file, `${m.tooLarge} (${formatBytes(stat.size)} > ${formatBytes(DEFAULT_XLSX_LIMITS.maxFileBytes)})`));
    }
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof CliFailure) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliFailure(m.fileMissing(file));
    throw new CliFailure(m.fileUnreadable(file, fileProblem(e, m)));
  }
}

async function load(file: string, m: Messages) {
  const bytes = await readInput(file, m);
  try {
    return await loadXlsx(ExcelJS, bytes, { inflate: nodeBoundedInflate, model: 'read' });
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
    // what the file itself could not give (a sheet too large to read whole) goes into the report too
    settingsProblems: [...loaded.problems, ...settingsProblems],
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

/**
 * Writes next to the target, flushes, then renames over it, so a failure at any point leaves either the old
 * file or the new one, never a half-written workbook. The temporary file is created exclusively (`wx`: a link
 * planted at its name is not followed) and removed on failure. A target marked read-only is left alone.
 */
export async function writeAtomically(target: string, data: Uint8Array | string, m: Messages = MESSAGES.ja): Promise<void> {
  const fail = (e: unknown): CliFailure => new CliFailure(m.cannotWrite(target, e instanceof CliFailure ? e.message : fileProblem(e, m)));
  try {
    await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
    const existing = await fs.stat(target).catch(() => null);
    if (existing?.isDirectory()) throw new CliFailure(m.isDirectory);
    if (existing) await fs.access(target, fsConstants.W_OK);
  } catch (e) {
    throw fail(e);
  }
  const tmp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | null = null;
  try {
    handle = await fs.open(tmp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(tmp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw fail(e);
  }
}

/** Two inputs with the same name would write the same files in --out-dir: the second would replace the first. */
function duplicateOutputs(files: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const f of files) {
    const key = path.basename(f).replace(/\.xlsx$/i, '').toLowerCase();
    if (seen.has(key)) return f;
    seen.add(key);
  }
  return null;
}

/** Neither the report nor the output workbook may land on the input (unless --out names it) or on each other. */
function checkTargets(file: string, out: string, report: string | null, m: Messages): void {
  const input = path.resolve(file);
  if (report !== null && path.resolve(report) === input) throw new CliFailure(m.wouldReplaceInput(report));
  if (report !== null && path.resolve(report) === path.resolve(out)) throw new CliFailure(m.wouldReplaceInput(report));
}

async function evaluateFile(file: string, args: CliArgs, m: Messages, io: Io): Promise<number> {
  const out = args.out ?? defaultOutput(file, args, 'evaluated');
  const reportPath = args.report ?? (args.outDir ? path.join(args.outDir, `${path.basename(file).replace(/\.xlsx$/i, '')}.report.json`) : null);
  checkTargets(file, out, reportPath, m);
  const { loaded, result } = await evaluateLoaded(file, args, m);
  const report = result.report;
  if (result.detection.kpis.length === 0) {
    if (reportPath) await writeAtomically(reportPath, `${JSON.stringify(report, null, 2)}\n`, m);
    io.err(`shinchoku: ${m.noKpi(file)}`);
    return 2;
  }
  const written = await keepingEverything(file, args, m, () =>
    writePlanToFile(loaded, result.plan, { acceptLoss: args.acceptLoss, codec: nodeCodec }),
  );
  // The workbook first: a report is never left describing an output that was not written.
  await writeAtomically(out, written.bytes, m);
  if (reportPath) await writeAtomically(reportPath, `${JSON.stringify(report, null, 2)}\n`, m);
  for (const line of formatSummary(result, args.lang)) io.out(line);
  tellFallback(written, args, m, io);
  io.out(m.wrote(out));
  if (reportPath) io.out(m.reportWrote(reportPath));
  reportProblems(report.problems.length + report.kpis.reduce((n, k) => n + k.problems.length, 0), m, io);
  if (result.plan.problems.length > 0) io.out(m.refused(result.plan.problems.length));
  return hasUninterpretedCells(report) || loaded.problems.length > 0 ? 2 : 0;
}

/**
 * Runs a write that keeps every part of the file. When the file can only be saved through ExcelJS and that would
 * leave parts out, nothing is written without --accept-loss (exit 1, one line naming them and why).
 */
async function keepingEverything<T>(file: string, args: CliArgs, m: Messages, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof UnkeptPartsError) throw new CliFailure(m.wouldLose(file, describeUnkept(e.unkept, args.lang), e.reason));
    throw e;
  }
}

/** Says so when the ExcelJS fallback was taken, and what the output lacks (agreed with --accept-loss). */
function tellFallback(written: WrittenFile, args: CliArgs, m: Messages, io: Io): void {
  if (written.mode !== 'exceljs') return;
  io.err(`shinchoku: ${m.savedByExcelJS(written.fallbackReason ?? '')}`);
  if (written.lost.length > 0) io.err(`shinchoku: ${m.willLose(describeUnkept(written.lost, args.lang))}`);
}

function reportProblems(count: number, m: Messages, io: Io): void {
  if (count > 0) io.out(m.problemsFound(count));
}

async function scanFile(file: string, args: CliArgs, m: Messages, io: Io): Promise<number> {
  const { loaded, result } = await evaluateLoaded(file, args, m);
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
  return hasUninterpretedCells(report) || loaded.problems.length > 0 ? 2 : 0;
}

async function restoreFile(file: string, args: CliArgs, m: Messages, io: Io): Promise<number> {
  const loaded = await load(file, m);
  if (!loaded.backupCells) throw new CliFailure(m.noBackup(file));
  const { rows, bad } = parseBackupRows(loaded.backupCells);
  const { written, result: restored } = await keepingEverything(file, args, m, () =>
    restoreWorkbookFile(loaded, rows, { acceptLoss: args.acceptLoss, codec: nodeCodec }),
  );
  const out = args.out ?? defaultOutput(file, args, 'restored');
  await writeAtomically(out, written.bytes, m);
  tellFallback(written, args, m, io);
  io.out(m.restored(restored.cells, restored.sheetsRemoved.length, out));
  if (restored.sheetsKept.length > 0) {
    io.err(
      `shinchoku: ${file}: バックアップが作成したと記すシート ${restored.sheetsKept.map((n) => `「${n}」`).join('')} は進捗のシートに見えないため残しました / kept sheets the backup claims were created: ${restored.sheetsKept.join(', ')}`,
    );
    return 2;
  }
  if (bad.length > 0) {
    io.err(`shinchoku: ${file}: バックアップの ${bad.length} 行を読めませんでした（行 ${bad.map((i) => i + 1).join(', ')}） / unreadable backup rows`);
    return 2;
  }
  return 0;
}
