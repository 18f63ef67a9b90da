import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { RunResult } from '../../../src/domain/pipeline';
import { createBrowserHost } from '../../../src/workbook/browser';
import type { HostSnapshot, WorkbookHost } from '../../../src/workbook/port';
import * as codec from '../../../src/workbook/xlsx/package/codec';
import { WorkbookParts } from '../../../src/workbook/xlsx/package/workbookPart';
import { PackageError } from '../../../src/workbook/xlsx/package/xlsxPackage';
import { describeUnkept } from '../../../src/workbook/xlsx/unkept';
import { loadXlsx } from '../../../src/workbook/xlsx/workbookFile';
import { cellMap, changedCells, SAMPLE } from '../../helpers/cli';
import { evaluateStored } from '../../helpers/evaluate';
import { packageOf, workbookWithUnkeptParts } from '../../helpers/unkeptWorkbook';

const sampleBytes = () => {
  const b = readFileSync(SAMPLE);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

function evaluate(snapshot: HostSnapshot): RunResult {
  return evaluateStored(snapshot, { input: snapshot.label });
}

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

async function opened(): Promise<WorkbookHost> {
  const host = createBrowserHost();
  await host.open?.({ name: 'shinchoku-sample.xlsx', bytes: sampleBytes() });
  return host;
}

describe('browser host (the port over a workbook opened in the page)', () => {
  it('refuses to read, write or download before a workbook is opened, with a code the UI translates', async () => {
    const host = createBrowserHost();
    await expect(host.read('all-sheets')).rejects.toMatchObject({ code: 'no-workbook' });
    await expect(host.restore()).rejects.toMatchObject({ code: 'no-workbook' });
    await expect(host.download?.()).rejects.toMatchObject({ code: 'no-workbook' });
  });

  it('reads every sheet, names the first visible one active, and carries the file name', async () => {
    const host = await opened();
    const snap = await host.read('all-sheets');
    const input = await workbookOf(readFileSync(SAMPLE));
    expect(snap.workbook.sheets.map((s) => s.name)).toEqual(input.worksheets.map((w) => w.name));
    expect(snap.activeSheet).toBe(input.worksheets.find((w) => w.state === 'visible')?.name);
    expect(snap.label).toBe('shinchoku-sample.xlsx');
    expect(snap.settingsText).toBeNull();
    expect(snap.backupCells).toBeNull();
  });

  it('"this sheet" reads the active sheet and names the others (for name collisions) without their cells', async () => {
    const host = await opened();
    const snap = await host.read('active-sheet');
    const [active, ...others] = snap.workbook.sheets;
    expect(active.name).toBe(snap.activeSheet);
    expect(active.values.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    for (const s of others) expect(s.values).toEqual([]);
  });

  it('has no selection: refuses the selection scope', async () => {
    const host = await opened();
    await expect(host.read('selection')).rejects.toMatchObject({ code: 'no-selection' });
  });

  it('rejects a file that is not an .xlsx and keeps the workbook opened before', async () => {
    const host = await opened();
    await expect(host.open?.({ name: 'notes.txt', bytes: new TextEncoder().encode('hello').buffer as ArrayBuffer })).rejects.toThrow(
      /not an \.xlsx/,
    );
    expect((await host.read('all-sheets')).label).toBe('shinchoku-sample.xlsx');
  });

  it('opening the plain sample finds nothing it cannot save', async () => {
    const host = createBrowserHost();
    await expect(host.open?.({ name: 'shinchoku-sample.xlsx', bytes: sampleBytes() })).resolves.toEqual({ unsavable: null });
  });

  it('writes the plan, offers <name>.evaluated.xlsx, and the next read sees the backup (second run = first)', async () => {
    const host = await opened();
    const first = evaluate(await host.read('all-sheets'));
    const progress: [number, number][] = [];
    const outcome = await host.write(first.plan, { onProgress: (d, t) => progress.push([d, t]) });
    expect(outcome).toEqual({ statusCells: first.plan.statusWrites.length, summarySheet: 'KPI集計', charts: 'none', notices: [] });
    expect(progress.at(-1)).toEqual([3, 3]);

    const file = await host.download?.();
    expect(file?.name).toBe('shinchoku-sample.evaluated.xlsx');
    const wb = await workbookOf(file?.bytes ?? new Uint8Array());
    expect(wb.getWorksheet('基本目標1')?.getCell('D6').value).toBe('順調');
    expect(wb.getWorksheet('KPI集計')).toBeDefined();

    const again = await host.read('all-sheets');
    expect(again.backupCells).not.toBeNull();
    expect(again.settingsText).not.toBeNull();
    const second = evaluate(again);
    expect(second.plan.statusWrites).toEqual([]);
  });

  it('a write cancelled after the plan was applied is rolled back: the download is still the file as opened', async () => {
    const host = await opened();
    const result = evaluate(await host.read('all-sheets'));
    const ctl = new AbortController();
    // Cancel once the plan is applied in memory, before it is committed.
    const onProgress = (done: number) => done === 1 && ctl.abort();
    await expect(host.write(result.plan, { signal: ctl.signal, onProgress })).rejects.toThrow();
    const file = await host.download?.();
    const input = await workbookOf(readFileSync(SAMPLE));
    expect(changedCells(cellMap(input), cellMap(await workbookOf(file?.bytes ?? new Uint8Array())))).toEqual([]);
    expect((await host.read('all-sheets')).backupCells).toBeNull();
  });

  it('restores the workbook as opened and names the download .restored.xlsx', async () => {
    const host = await opened();
    await expect(host.restore()).rejects.toMatchObject({ code: 'no-backup' });
    await host.write(evaluate(await host.read('all-sheets')).plan);
    const restored = await host.restore();
    expect(restored.cells).toBeGreaterThan(0);
    expect(restored.sheetsRemoved).toEqual(expect.arrayContaining(['KPI集計']));
    const file = await host.download?.();
    expect(file?.name).toBe('shinchoku-sample.restored.xlsx');
    const wb = await workbookOf(file?.bytes ?? new Uint8Array());
    const input = await workbookOf(readFileSync(SAMPLE));
    expect(changedCells(cellMap(input), cellMap(wb))).toEqual([]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(input.worksheets.map((w) => w.name));
  });

  describe('a workbook with charts, pivot tables, a text box, … (what an ExcelJS save would drop)', () => {
    let bytes: Uint8Array;
    beforeAll(async () => {
      bytes = await workbookWithUnkeptParts();
    });
    afterEach(() => jest.restoreAllMocks());
    const openWith = async (): Promise<{ host: WorkbookHost; unsavable: unknown }> => {
      const host = createBrowserHost();
      const outcome = await host.open?.({ name: 'charts.xlsx', bytes: bytes.slice().buffer as ArrayBuffer });
      return { host, unsavable: outcome?.unsavable };
    };
    const KEPT = ['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/externalLinks/externalLink1.xml', 'docProps/custom.xml'];

    it('opens without a warning, writes and restores without asking: every download has them, unchanged', async () => {
      const { host, unsavable } = await openWith();
      expect(unsavable).toBeNull();
      const plan = evaluate(await host.read('all-sheets')).plan;
      const outcome = await host.write(plan);
      expect(outcome.statusCells).toBe(plan.statusWrites.length);
      const original = await packageOf(bytes);
      const written = await packageOf((await host.download?.())?.bytes ?? new Uint8Array());
      for (const name of KEPT) expect(await written.text(name)).toBe(await original.text(name));
      expect((await workbookOf((await host.download?.())?.bytes ?? new Uint8Array())).getWorksheet('基本目標1')?.getCell('D6').value).toBe('順調');
      const restored = await host.restore();
      expect(restored.sheetsRemoved).toEqual(expect.arrayContaining(['KPI集計']));
      const back = await packageOf((await host.download?.())?.bytes ?? new Uint8Array());
      for (const name of KEPT) expect(await back.text(name)).toBe(await original.text(name));
    });

    it('a file the page could only save rebuilt (simulated): refused without consent, nothing changed; with consent the download lacks them', async () => {
      const { host } = await openWith();
      const plan = evaluate(await host.read('all-sheets')).plan;
      jest.spyOn(WorkbookParts, 'open').mockRejectedValue(new PackageError('simulated: an unreadable workbook part'));
      await expect(host.write(plan)).rejects.toMatchObject({ code: 'unsavable-parts' });
      await expect(host.write(plan, { acceptLoss: false })).rejects.toMatchObject({ code: 'unsavable-parts' });
      expect((await host.download?.())?.bytes).toEqual(bytes); // still the file as opened, chart and all
      expect((await host.read('all-sheets')).backupCells).toBeNull();
      await host.write(plan, { acceptLoss: true });
      const saved = await packageOf((await host.download?.())?.bytes ?? new Uint8Array());
      expect(saved.names).not.toContain('xl/charts/chart1.xml');
    });

    it('a browser without compression streams names them on opening, in both UI languages, and asks before every change', async () => {
      jest.replaceProperty(codec, 'streamCodec', null);
      const { host, unsavable } = await openWith();
      const { unkept } = await loadXlsx(ExcelJS, bytes);
      expect(unsavable).toEqual({ ja: describeUnkept(unkept, 'ja'), en: describeUnkept(unkept, 'en') });
      expect(unsavable).toMatchObject({ ja: expect.stringMatching(/^グラフ 1（基本目標1）、ピボットテーブル 1（基本目標1）/) });
      const plan = evaluate(await host.read('all-sheets')).plan;
      await expect(host.write(plan)).rejects.toMatchObject({ code: 'unsavable-parts' });
      await host.write(plan, { acceptLoss: true });
      await expect(host.write(plan)).rejects.toMatchObject({ code: 'unsavable-parts' });
      await expect(host.restore()).rejects.toMatchObject({ code: 'unsavable-parts' });
      const restored = await host.restore({ acceptLoss: true });
      expect(restored.sheetsRemoved).toEqual(expect.arrayContaining(['KPI集計']));
    });
  });

});
