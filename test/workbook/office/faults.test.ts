import { createOfficeHost, restoreFromBackup, selectRange, writePlanToExcel } from '../../../src/workbook/office';
import type { FakeExcel } from '../../fakes/fakeExcel';
import { bookCells, bookFromGrids, installFakeExcel, key } from '../../fakes/fakeExcel';
import { sakuWorkbook } from '../../fakes/sakuWorkbook';
import { features, planFor } from './helpers';

/** A one-sheet workbook, read through the host as the task pane does, and its plan. */
async function setUp(fakeOptions: { excelApi?: number } = {}) {
  const fake = installFakeExcel(bookFromGrids(sakuWorkbook(6)), fakeOptions);
  const input = bookCells(fake.book);
  const host = createOfficeHost();
  const plan = planFor(await host.read('all-sheets'));
  fake.resetCounters();
  return { fake, input, host, plan };
}

describe('Office adapter: faults give one clear message (Japanese / English) and never lose what the user wrote', () => {
  let fake: FakeExcel;
  afterEach(() => fake.uninstall());

  it('a sheet protected after the read: refused before anything changes, naming the sheet', async () => {
    const s = await setUp();
    fake = s.fake;
    fake.book.sheet('基本目標1').protected = true;
    const error = await s.host.write(s.plan).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'protected-sheet', restorable: false });
    expect(String((error as Error).message)).toMatch(/^シート「基本目標1」が保護されている.* \/ Sheet "基本目標1" is protected/);
    expect(bookCells(fake.book)).toEqual(s.input);
    expect(fake.book.sheets).toHaveLength(1);
    expect(fake.syncCount).toBe(1);
  });

  it('Excel still refuses with AccessDenied mid-run: the message names the sheet and says the backup allows a restore', async () => {
    const s = await setUp();
    fake = s.fake;
    fake.beforeSync = (n, book) => {
      if (n === 3) book.sheet('基本目標1').protected = true;
    };
    const error = await s.host.write(s.plan).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'protected-sheet', restorable: true });
    expect(String((error as Error).message)).toContain('「基本目標1」');
    expect(String((error as Error).message)).toContain('元に戻す');
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('AccessDenied');
    fake.beforeSync = undefined;
    fake.book.sheet('基本目標1').protected = false;
    await s.host.restore();
    expect(bookCells(fake.book)).toEqual(s.input);
  });

  it('a status cell merged into a neighbour after the read: refused before anything changes, naming the cell', async () => {
    const s = await setUp();
    fake = s.fake;
    const w = s.plan.statusWrites[1];
    fake.book.sheet(w.sheet).merges = [...fake.book.sheet(w.sheet).merges, { top: w.row, left: w.col - 1, bottom: w.row, right: w.col }];
    const error = await s.host.write(s.plan).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'merged-cell', restorable: false });
    expect(String((error as Error).message)).toContain(w.cell);
    expect(bookCells(fake.book)).toEqual(s.input);
  });

  it('without ExcelApi 1.13 the merge is not seen: Excel refuses the write, the run is restorable', async () => {
    const s = await setUp({ excelApi: 12 });
    fake = s.fake;
    const w = s.plan.statusWrites[1];
    const sheet = fake.book.sheet(w.sheet);
    const merges = sheet.merges;
    sheet.merges = [...merges, { top: w.row, left: w.col - 1, bottom: w.row, right: w.col }];
    const error = await writePlanToExcel(s.plan, { features: features(12) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'sync-failed', restorable: true });
    expect(String((error as Error).message)).toContain('元に戻す');
    // Restore cannot see the merge either, and Excel refuses again: the backup stays, so it can run again …
    await expect(restoreFromBackup(features(12))).rejects.toMatchObject({ code: 'sync-failed', restorable: true });
    expect(fake.book.find('_shinchoku_backup')).toBeDefined();
    // … and once the cells are unmerged it does.
    sheet.merges = merges;
    await restoreFromBackup(features(12));
    expect(bookCells(fake.book)).toEqual(s.input);
  });

  it('restore leaves alone a cell merged over since the run (it holds nothing any more) and restores the rest', async () => {
    const s = await setUp();
    fake = s.fake;
    await s.host.write(s.plan);
    const w = s.plan.statusWrites[1];
    const sheet = fake.book.sheet(w.sheet);
    sheet.cells.delete(key(w.row, w.col)); // Excel drops the value of a cell merged into its neighbour
    sheet.merges = [...sheet.merges, { top: w.row, left: w.col - 1, bottom: w.row, right: w.col }];
    const restored = await s.host.restore();
    expect(restored.cells).toBe(s.plan.statusWrites.length - 1);
    expect(bookCells(fake.book)).toEqual(s.input);
  });

  it('a sheet created after the read with the summary name (any case): refused, the user sheet untouched', async () => {
    const s = await setUp();
    fake = s.fake;
    const theirs = fake.book.addSheet('kpi集計');
    theirs.cells.set(key(0, 0), { value: '自分の集計' });
    const error = await s.host.write(s.plan).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'sheet-name-taken' });
    expect(String((error as Error).message)).toContain('KPI集計');
    expect(bookCells(fake.book, ['kpi集計'])).toEqual(new Map([['kpi集計!A1', '自分の集計']]));
  });

  it('Excel refusing to add a sheet (ItemAlreadyExists) is reported as a name collision', async () => {
    const s = await setUp();
    fake = s.fake;
    fake.beforeSync = (n, book) => {
      if (n === 4) book.addSheet('KPI集計');
    };
    const error = await writePlanToExcel(s.plan, { features: features() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'sheet-name-taken', restorable: true });
  });

  it('a round trip failing midway: the message says the backup makes the run restorable, and restore puts the input back', async () => {
    const s = await setUp();
    fake = s.fake;
    fake.failSync = { sync: 3, afterCalls: 4 };
    const error = await s.host.write(s.plan).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'sync-failed', restorable: true });
    expect(String((error as Error).message)).toMatch(/バックアップに保存済み.*元に戻す.* \/ .*Restore/);
    expect(bookCells(fake.book)).not.toEqual(s.input); // partly written
    fake.failSync = undefined;
    const restored = await s.host.restore();
    expect(restored.cells).toBe(s.plan.statusWrites.length);
    expect(bookCells(fake.book)).toEqual(s.input);
    expect(fake.book.sheets.map((x) => x.name)).toEqual(['基本目標1']);
  });

  it('the backup round trip failing: the message says no cell of the user changed', async () => {
    const s = await setUp();
    fake = s.fake;
    fake.failSync = { sync: 2, afterCalls: 2 };
    const error = await s.host.write(s.plan).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'sync-failed', restorable: false });
    expect(String((error as Error).message)).toContain('セルは何も変更していません');
    expect(bookCells(fake.book, ['基本目標1'])).toEqual(s.input);
  });

  it('a status cell edited after the read is not overwritten: refused, naming the cell', async () => {
    const s = await setUp();
    fake = s.fake;
    const w = s.plan.statusWrites[0];
    fake.book.sheet(w.sheet).cells.set(key(w.row, w.col), { value: '手入力' });
    const error = await s.host.write(s.plan).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'changed-since-read' });
    expect(String((error as Error).message)).toContain(`${w.sheet}!${w.cell}`);
    expect(bookCells(fake.book).get(`${w.sheet}!${w.cell}`)).toBe('手入力');
  });

  it('a sheet deleted or renamed after the read: refused, naming it', async () => {
    const s = await setUp();
    fake = s.fake;
    fake.book.sheet('基本目標1').name = '基本目標１（旧）';
    fake.book.addSheet('別');
    const error = await s.host.write(s.plan).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'sheet-missing' });
    expect(String((error as Error).message)).toContain('「基本目標1」');
  });

  it('cancelled after the backup: the message says the run can be restored', async () => {
    const s = await setUp();
    fake = s.fake;
    const controller = new AbortController();
    const error = await s.host
      .write(s.plan, { signal: controller.signal, onProgress: (done) => done === 2 && controller.abort() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'aborted', restorable: true });
    expect(fake.syncCount).toBe(2);
  });

  it('restore with no backup says so', async () => {
    fake = installFakeExcel(bookFromGrids(sakuWorkbook(2)));
    await expect(createOfficeHost().restore()).rejects.toMatchObject({ code: 'no-backup' });
  });

  it('selectRange: selects on the named sheet; a missing sheet gives a clear message', async () => {
    fake = installFakeExcel(bookFromGrids(sakuWorkbook(2)));
    fake.book.addSheet('メモ');
    fake.book.active = 1;
    await selectRange('基本目標1', 'C3:H5');
    expect(fake.book.active).toBe(0);
    expect(fake.book.selection).toEqual({ sheet: '基本目標1', box: { top: 2, left: 2, bottom: 4, right: 7 } });
    const error = await selectRange('基本目標9', 'A1').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'sheet-missing' });
    expect(String((error as Error).message)).toBe('シート「基本目標9」が見つかりません（削除されたか名前が変わりました） / Sheet "基本目標9" not found (deleted or renamed)');
  });
});

describe('Office adapter: restore with a tampered backup', () => {
  it('keeps a user sheet the backup claims Shinchoku created (same rule as the xlsx adapter)', async () => {
    const fake = installFakeExcel(bookFromGrids(sakuWorkbook(3)));
    try {
      const host = createOfficeHost();
      await host.write(planFor(await host.read('all-sheets')));
      const theirs = fake.book.addSheet('予算');
      theirs.cells.set(key(0, 0), { value: '自分の表' });
      const backup = fake.book.sheet('_shinchoku_backup');
      const next = (backup.usedBox()?.bottom ?? 0) + 1;
      backup.cells.set(key(next, 0), { value: 'created' });
      backup.cells.set(key(next, 1), { value: '予算' });
      const outcome = await host.restore();
      expect(outcome.sheetsKept).toEqual(['予算']);
      expect(outcome.sheetsRemoved.sort()).toEqual(['KPI集計', '_shinchoku_backup', '_shinchoku_settings'].sort());
      expect(bookCells(fake.book, ['予算'])).toEqual(new Map([['予算!A1', '自分の表']]));
    } finally {
      fake.uninstall();
    }
  });
});
