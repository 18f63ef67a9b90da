import fc from 'fast-check';
import { a1 } from '../../../src/domain/address';
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

  it('stores a run of cells along a row or a column in one row, and reads every cell back', () => {
    const statusRow: BackupRow[] = ['D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map((c) => ({ kind: 'cell', sheet: '基本目標1', ref: `${c}6`, previous: null, previousNote: null }));
    const statusColumn: BackupRow[] = [5, 6, 7, 8].map((r) => ({ kind: 'cell', sheet: 'KPI', ref: `H${r}`, previous: r === 6 ? '順調' : null, previousNote: r === 7 ? 'メモ' : null }));
    const cf: BackupRow[] = [
      { kind: 'cf', sheet: '基本目標1', ref: 'D6:L6' },
      { kind: 'cf', sheet: '基本目標1', ref: 'D9:L9' },
      { kind: 'cf', sheet: 'KPI', ref: 'H5:H8' },
    ];
    const rows = [...statusRow, ...statusColumn, ...cf, { kind: 'created', sheet: 'KPI集計' } as BackupRow];
    const cells = backupRowsToCells(rows);
    expect(cells.slice(1)).toEqual([
      ['cells', '基本目標1', 'D6:L6', '[null,null,null,null,null,null,null,null,null]', 'null'],
      ['cells', 'KPI', 'H5:H8', '[null,"順調",null,null]', '[null,null,"メモ",null]'],
      ['cf', '基本目標1', 'D6:L6 D9:L9', '', ''],
      ['cf', 'KPI', 'H5:H8', '', ''],
      ['created', 'KPI集計', '', '', ''],
    ]);
    expect(parseBackupRows(cells)).toEqual({ rows, bad: [] });
  });

  it('keeps a long previous value in a row of its own, and every packed cell under Excel\'s 32,767 characters', () => {
    const long = 'あ'.repeat(5000);
    const rows: BackupRow[] = Array.from({ length: 40 }, (_, i) => ({ kind: 'cell', sheet: 'S', ref: `A${i + 1}`, previous: i === 3 ? long : 'x'.repeat(1500), previousNote: null }));
    const cells = backupRowsToCells(rows);
    expect(cells.find((line) => line[2] === 'A4')).toEqual(['cell', 'S', 'A4', JSON.stringify(long), 'null']);
    for (const line of cells) for (const text of line) expect(text.length).toBeLessThan(32_767);
    expect(parseBackupRows(cells)).toEqual({ rows, bad: [] });
  });

  it('reports a packed row whose values do not match its range instead of restoring part of it', () => {
    const header = ['kind', 'sheet', 'ref', 'previous', 'previousNote'];
    const parsed = parseBackupRows([
      header,
      ['cells', 'S', 'D6:F6', '[null,null]', 'null'],
      ['cells', 'S', 'D6:F7', '[1,2,3,4,5,6]', 'null'],
      ['cells', 'S', 'D6:D7', '[1,2]', '["a"]'],
      ['cells', 'S', 'D6:D7', '[1,{"x":2}]', 'null'],
      ['cells', 'S', 'D6:D7', '[1,2]', '[null,"n"]'],
    ]);
    expect(parsed.bad).toEqual([1, 2, 3, 4]);
    expect(parsed.rows).toEqual([
      { kind: 'cell', sheet: 'S', ref: 'D6', previous: 1, previousNote: null },
      { kind: 'cell', sheet: 'S', ref: 'D7', previous: 2, previousNote: 'n' },
    ]);
  });

  it('round-trips any sequence of rows exactly (fast-check)', () => {
    const value = fc.oneof(fc.constant(null), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }));
    const cell = fc.record({
      kind: fc.constant('cell' as const),
      sheet: fc.constantFrom('S', 'T', "it's"),
      ref: fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).map(([r, c]) => a1(r, c)),
      previous: value,
      previousNote: fc.option(fc.string(), { nil: null }),
    });
    const cf = fc.record({ kind: fc.constant('cf' as const), sheet: fc.constantFrom('S', 'T'), ref: fc.constantFrom('A1:C1', 'B2:B9', 'D4') });
    const created = fc.record({ kind: fc.constant('created' as const), sheet: fc.constantFrom('KPI集計', 'S') });
    // runs of neighbouring cells are what packing is for: walk along a row or a column most of the time
    const walk = fc.array(fc.tuple(fc.constantFrom<'right' | 'down'>('right', 'down'), fc.integer({ min: 1, max: 8 }), cell), { maxLength: 6 }).map((runs) =>
      runs.flatMap(([dir, n, first]) => {
        const [, col, row] = /^([A-Z]+)(\d+)$/.exec(first.ref)!.map((x, i) => (i === 2 ? Number(x) - 1 : x)) as [string, string, number];
        const c0 = col.charCodeAt(0) - 65;
        return Array.from({ length: n }, (_, k) => ({ ...first, ref: dir === 'right' ? a1(row, c0 + k) : a1(row + k, c0), previous: k % 2 ? null : first.previous }));
      }),
    );
    const anyRows = fc.tuple(walk, fc.array(fc.oneof(cell, cf, created), { maxLength: 10 }), walk).map(([a, b, c]) => [...a, ...b, ...c] as BackupRow[]);
    fc.assert(
      fc.property(anyRows, (rows) => {
        const cells = backupRowsToCells(rows);
        expect(parseBackupRows(cells)).toEqual({ rows, bad: [] });
        for (const line of cells) expect(line[3].startsWith('=')).toBe(false);
      }),
      { numRuns: 500, seed: 9 },
    );
  });
});
