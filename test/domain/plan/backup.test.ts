import { backupRowsToCells, mergeBackup, parseBackupRows } from '../../../src/domain/plan/backup';
import type { BackupRow } from '../../../src/domain/plan/backup';

describe('backup rows', () => {
  const rows: BackupRow[] = [
    { kind: 'cell', sheet: '基本目標1', ref: 'D6', previous: null, previousNote: null },
    { kind: 'cell', sheet: '基本目標1', ref: 'E6', previous: '=HYPERLINK("x")', previousNote: 'メモ' },
    { kind: 'cell', sheet: "it's", ref: 'F6', previous: 12.5, previousNote: null },
    { kind: 'cell', sheet: 'S', ref: 'G6', previous: { error: '#N/A' }, previousNote: null },
    { kind: 'cell', sheet: 'S', ref: 'H6', previous: true, previousNote: null },
    { kind: 'cf', sheet: '基本目標1', ref: 'D6:G6' },
    { kind: 'created', sheet: 'KPI集計' },
  ];

  it('round-trips every kind of previous value through the sheet cells', () => {
    const cells = backupRowsToCells(rows);
    expect(cells[0]).toEqual(['kind', 'sheet', 'ref', 'previous', 'previousNote']);
    // no stored text can be taken for a formula
    for (const line of cells) for (const text of line) expect(text.startsWith('=')).toBe(false);
    expect(parseBackupRows(cells)).toEqual({ rows, bad: [] });
  });

  it('reports rows it cannot read by index instead of guessing', () => {
    const cells = [['kind', 'sheet', 'ref', 'previous', 'previousNote'], ['cell', 'S', 'A1', '{not json', 'null'], ['zzz', 'S', 'A1', '', ''], ['cell', 'S', 'A2', '"ok"', 'null']];
    const parsed = parseBackupRows(cells);
    expect(parsed.bad).toEqual([1, 2]);
    expect(parsed.rows).toEqual([{ kind: 'cell', sheet: 'S', ref: 'A2', previous: 'ok', previousNote: null }]);
  });

  it('keeps the ORIGINAL value of a cell already backed up (evaluate twice, restore once)', () => {
    const first = mergeBackup([], [{ sheet: 'S', cell: 'D6', previous: null, previousNote: null }], [{ sheet: 'S', ref: 'D6:G6' }], ['KPI集計']);
    const second = mergeBackup(first, [{ sheet: 'S', cell: 'D6', previous: '順調', previousNote: null }, { sheet: 'S', cell: 'E6', previous: '', previousNote: null }], [{ sheet: 'S', ref: 'D6:G6' }], ['KPI集計']);
    expect(second).toEqual([
      { kind: 'cell', sheet: 'S', ref: 'D6', previous: null, previousNote: null },
      { kind: 'cf', sheet: 'S', ref: 'D6:G6' },
      { kind: 'created', sheet: 'KPI集計' },
      { kind: 'cell', sheet: 'S', ref: 'E6', previous: '', previousNote: null },
    ]);
  });
});
