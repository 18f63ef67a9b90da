import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { openXlsx, runCli, tempDir } from '../helpers/cli';

const IWAMIZAWA = path.join(__dirname, '..', '..', 'examples', 'iwamizawa-sample.xlsx');

describe('shinchoku evaluate --scheme', () => {
  const dir = tempDir();

  it('iwamizawa: writes the fourteen published 状況 of 001 seed lines 236–277 into the empty 状況 column', async () => {
    const out = path.join(dir, 'iwamizawa.xlsx');
    const r = await runCli(['evaluate', IWAMIZAWA, '--scheme', 'iwamizawa', '--out', out]);
    expect(r.code).toBe(0);
    const ws = (await openXlsx(out)).getWorksheet('重要業績評価指標');
    const cells = ['F5', 'F6', 'F7', 'F8', 'F17', 'F18', 'F19', 'F26', 'F27', 'F28', 'F35', 'F36', 'F37', 'F38'];
    const published = ['順調', '-', '順調', '-', '低調', '低調', '-', '低調', '低調', '-', '-', '-', '-', '順調'];
    // `-` starts with a minus sign: it must arrive as text, never as a formula or a number
    expect(cells.map((c) => ws?.getCell(c).value)).toEqual(published);
    expect(ws?.getCell('F6').type).toBe(3 /* ExcelJS ValueType.String */);
  });

  it('a scheme file (band scheme on the ratio to the benchmark) is used', async () => {
    const file = path.join(dir, 'abc.json');
    writeFileSync(
      file,
      JSON.stringify({
        kind: 'bands',
        id: 'abc-kikaku',
        name: { ja: '企画課 3 段階', en: 'Three bands' },
        basis: 'ratio-to-benchmark',
        bands: [
          { label: 'A', min: 1, fill: '#009E73', font: '#000000', meaning: { ja: '目安値以上', en: 'at or above' } },
          { label: 'B', min: 0.9, fill: '#56B4E9', font: '#000000', meaning: { ja: '90%以上', en: '90% or more' } },
          { label: 'C', min: null, fill: '#E69F00', font: '#000000', meaning: { ja: '90%未満', en: 'below 90%' } },
        ],
        missingLabel: '—',
      }),
    );
    const out = path.join(dir, 'bands.xlsx');
    const sample = path.join(__dirname, '..', '..', 'examples', 'shinchoku-sample.xlsx');
    const r = await runCli(['evaluate', sample, '--scheme', file, '--out', out]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const ws = (await openXlsx(out)).getWorksheet('基本目標1');
    // 81.4/78.4 = 1.038 → A; 77.3/78.8 = 0.981 → B; 78.5/79.2 → B; 77.4/79.6 = 0.972 → B
    expect(['D6', 'E6', 'F6', 'G6'].map((c) => ws?.getCell(c).value)).toEqual(['A', 'B', 'B', 'B']);
  });

  it('a scheme file that fails validation gets one line naming the bad field', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ kind: 'bands', id: 'x', name: { ja: 'x', en: 'x' }, basis: 'ratio-to-benchmark', bands: [{ label: 'A', min: 'high' }] }));
    const r = await runCli(['evaluate', path.join(__dirname, '..', '..', 'examples', 'shinchoku-sample.xlsx'), '--scheme', file, '--out', path.join(dir, 'never.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain('bands[0]');
  });
});
