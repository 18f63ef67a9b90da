import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, SAMPLE, tempDir } from '../helpers/cli';

const BIN = path.join(__dirname, '..', '..', 'bin', 'shinchoku.js');

/** The real executable, as a user runs it (needs `npm run build:cli`, done by `pretest`). */
function shinchoku(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('shinchoku failures: one clear line on stderr, documented exit status, no stack trace', () => {
  const dir = tempDir();

  it('a missing file → 1', () => {
    const r = shinchoku(['evaluate', path.join(dir, 'nothing.xlsx')]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('nothing.xlsx');
    expect(r.stderr).toContain('見つかりません');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a file that is not an .xlsx → 1', () => {
    const file = path.join(dir, 'notes.xlsx');
    writeFileSync(file, '指標名,目安値\n住みやすさ,78\n');
    const r = shinchoku(['evaluate', file]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('notes.xlsx');
    expect(r.stderr).toContain('.xlsx ファイルではありません');
  });

  it('a truncated .xlsx → 1, naming the file', () => {
    const file = path.join(dir, 'truncated.xlsx');
    writeFileSync(file, readFileSync(SAMPLE).subarray(0, 2000));
    const r = shinchoku(['evaluate', file]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('truncated.xlsx');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a workbook with no KPI table → 2, and no output workbook', async () => {
    const file = path.join(dir, 'plain.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('議事録');
    ws.getCell('A1').value = '令和5年度 第2回 総合戦略推進委員会 議事録';
    ws.getCell('A3').value = '出席者 12名';
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, 'plain.out.xlsx');
    const r = shinchoku(['evaluate', file, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('KPI の表が見つかりませんでした');
    expect(existsSync(out)).toBe(false);
  });

  it('bad usage → 1 with a pointer to --help', () => {
    const r = shinchoku(['evaluate', SAMPLE, '--as-of', 'someday']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('someday');
    expect(r.stderr).toContain('--help');
  });

  it('--help prints usage in Japanese and English', () => {
    const r = shinchoku(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('使い方');
    expect(r.stdout).toContain('Usage');
    expect(r.stdout).toContain('shinchoku evaluate');
  });

  it('an unknown scheme is a usage error naming it', async () => {
    const r = await runCli(['evaluate', SAMPLE, '--scheme', 'nonexistent', '--out', path.join(dir, 'x.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain('nonexistent');
  });

  it('never modifies the input file', async () => {
    const before = readFileSync(SAMPLE);
    await runCli(['evaluate', SAMPLE, '--out', path.join(dir, 'y.xlsx')]);
    expect(readFileSync(SAMPLE).equals(before)).toBe(true);
  });
});
