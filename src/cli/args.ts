import { parseYearLabel } from '../domain/years';

/** Command-line parsing for `shinchoku` (SPEC §6). No dependency: the grammar is small and fixed. */

export type Command = 'evaluate' | 'scan' | 'restore' | 'help' | 'version';

export interface CliArgs {
  command: Command;
  files: string[];
  out: string | null;
  outDir: string | null;
  report: string | null;
  scheme: string | null;
  sheets: string[] | null;
  asOf: number | null;
  overwrite: boolean;
  /** Save even though charts, pivot tables, … would be left out (`unkept.ts`). */
  acceptLoss: boolean;
  notes: boolean;
  lang: 'ja' | 'en';
  json: boolean;
  debug: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const VALUE_FLAGS = new Set(['--out', '--out-dir', '--report', '--scheme', '--sheets', '--as-of', '--lang']);
const BOOL_FLAGS = new Set(['--overwrite', '--accept-loss', '--notes', '--json', '--debug', '--help', '-h', '--version', '-v']);

export function parseArgs(argv: readonly string[], defaultLang: 'ja' | 'en' = 'ja'): CliArgs {
  const args: CliArgs = {
    command: 'help',
    files: [],
    out: null,
    outDir: null,
    report: null,
    scheme: null,
    sheets: null,
    asOf: null,
    overwrite: false,
    acceptLoss: false,
    notes: false,
    lang: defaultLang,
    json: false,
    debug: false,
  };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const flag = eq > 0 ? token.slice(0, eq) : token;
    if (VALUE_FLAGS.has(flag)) {
      const value = eq > 0 ? token.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${flag} に値がありません / ${flag} needs a value`);
      setValue(args, flag, value);
    } else if (BOOL_FLAGS.has(flag)) {
      if (flag === '--overwrite') args.overwrite = true;
      else if (flag === '--accept-loss') args.acceptLoss = true;
      else if (flag === '--notes') args.notes = true;
      else if (flag === '--json') args.json = true;
      else if (flag === '--debug') args.debug = true;
      else if (flag === '--help' || flag === '-h') args.command = 'help';
      else args.command = 'version';
      if (flag === '--help' || flag === '-h' || flag === '--version' || flag === '-v') return args;
    } else if (token.startsWith('-') && token !== '-') {
      throw new UsageError(`不明なオプション ${token} / unknown option ${token}`);
    } else {
      rest.push(token);
    }
  }
  if (rest.length === 0) return args;
  const [command, ...files] = rest;
  if (command !== 'evaluate' && command !== 'scan' && command !== 'restore' && command !== 'help') {
    throw new UsageError(`不明なコマンド「${command}」（evaluate / scan / restore） / unknown command "${command}"`);
  }
  args.command = command;
  args.files = files;
  if (command === 'help') return args;
  if (files.length === 0) throw new UsageError(`${command}: 入力ファイルを指定してください / ${command}: give an input .xlsx file`);
  if (files.length > 1 && (args.out || args.report)) {
    throw new UsageError('複数のファイルでは --out / --report の代わりに --out-dir を使います / with several files use --out-dir instead of --out/--report');
  }
  if (command === 'restore' && files.length > 1) {
    throw new UsageError('restore は 1 ファイルずつ実行します / restore takes one file');
  }
  return args;
}

function setValue(args: CliArgs, flag: string, value: string): void {
  switch (flag) {
    case '--out':
      args.out = value;
      break;
    case '--out-dir':
      args.outDir = value;
      break;
    case '--report':
      args.report = value;
      break;
    case '--scheme':
      args.scheme = value;
      break;
    case '--sheets':
      args.sheets = value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      if (args.sheets.length === 0) throw new UsageError('--sheets にシート名がありません / --sheets needs sheet names');
      break;
    case '--as-of': {
      const year = parseAsOf(value);
      if (year === null) {
        throw new UsageError(`--as-of「${value}」は年度として読めません（例: 2023, R5, 令和5年度） / --as-of "${value}" is not a fiscal year`);
      }
      args.asOf = year;
      break;
    }
    case '--lang':
      if (value !== 'ja' && value !== 'en') throw new UsageError(`--lang は ja か en です（「${value}」） / --lang must be ja or en`);
      args.lang = value;
      break;
  }
}

/** `2023`, `R5`, `令和5年度`, `H30` → Western fiscal year (the same parser as the sheet headers). */
export function parseAsOf(text: string): number | null {
  const label = parseYearLabel(text);
  if (!label || label.fiscalYear === null || label.range !== null) return null;
  return label.fiscalYear >= 1900 && label.fiscalYear <= 2200 ? label.fiscalYear : null;
}
