import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { packageOf, workbookWithUnkeptParts } from '../helpers/unkeptWorkbook';
import { ensureBuilt, launchChromium, ROOT, serveDist } from './pageHarness';

/**
 * The task pane in a real browser, through the browser page (dist/index.html): open the sample workbook,
 * 評価する, 結果を書き込む, ダウンロード, and check the downloaded workbook. Nothing may leave 127.0.0.1 and the
 * page may log no error.
 */

const SAMPLE = path.join(ROOT, 'examples', 'shinchoku-sample.xlsx');

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  ensureBuilt();
  server = await serveDist();
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Watched {
  page: Page;
  context: BrowserContext;
  /** Requests to anywhere but the local server (blocked before they leave). */
  outside: string[];
  /** Uncaught exceptions and console errors, with where they came from. */
  errors: { text: string; url: string }[];
}

async function openPage(file: string, locale = 'ja-JP'): Promise<Watched> {
  const context = await browser.newContext({
    locale,
    viewport: { width: 320, height: 800 },
    acceptDownloads: true,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const outside: string[] = [];
  const errors: Watched['errors'] = [];
  const local = (url: string) => url.startsWith(`${server.origin}/`) || url.startsWith(`blob:${server.origin}/`) || url.startsWith('data:');
  page.on('request', (r) => {
    if (!local(r.url())) outside.push(r.url());
  });
  // Anything not local is aborted here, so that it is recorded without ever leaving the machine.
  await page.route('**/*', (route) => (local(route.request().url()) ? route.continue() : route.abort()));
  page.on('pageerror', (err) => errors.push({ text: err.message, url: '' }));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push({ text: msg.text(), url: msg.location().url });
  });
  await page.goto(`${server.origin}/${file}`);
  return { page, context, outside, errors };
}

describe('browser page (dist/index.html) in Chromium', () => {
  it('opens the sample, evaluates, writes and downloads a workbook with status cells and the summary sheet', async () => {
    const { page, context, outside, errors } = await openPage('index.html');
    try {
      await page.getByLabel('ブックを開く').setInputFiles(SAMPLE);
      await page.getByText('開いたブック: shinchoku-sample.xlsx').waitFor();
      await page.getByRole('button', { name: '評価する' }).click();
      await page.getByRole('heading', { name: '評価の結果（まだ書き込んでいません）' }).waitFor();
      await page.getByRole('tablist', { name: '評価の確認と設定' }).waitFor();
      await page.getByRole('button', { name: '結果を書き込む' }).click();
      await page.getByRole('heading', { name: '書き込みました' }).waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'ダウンロード' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('shinchoku-sample.evaluated.xlsx');
      const saved = path.join(mkdtempSync(path.join(tmpdir(), 'shinchoku-e2e-')), download.suggestedFilename());
      await download.saveAs(saved);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(saved);
      const cell = (sheet: string, ref: string) => wb.getWorksheet(sheet)?.getCell(ref).value;
      expect(cell('基本目標1', 'D6')).toBe('順調');
      expect(['E6', 'F6', 'G6'].map((ref) => cell('基本目標1', ref))).toEqual(['概ね順調', '概ね順調', '概ね順調']);
      expect(cell('施策5-3 交通', 'D8')).toBe('努力を要する');

      const summary = wb.getWorksheet('KPI集計');
      expect(summary).toBeDefined();
      const texts = new Set<string>();
      summary?.eachRow((row) => row.eachCell((c) => texts.add(String(c.text))));
      for (const name of [
        '「佐久市は住みやすい」と回答する人の割合',
        '要介護認定率',
        '小諸駅・市庁舎周辺地域における市営駐車場の1日の駐車台数',
      ]) {
        expect([...texts].some((t) => t.includes(name))).toBe(true);
      }

      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('keeps what the workbook holds beyond its cells (a chart, a pivot table, a text box, …): no warning, and the download has them unchanged', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'shinchoku-e2e-')), 'with-chart.xlsx');
    const original = await workbookWithUnkeptParts();
    writeFileSync(file, original);
    const { page, context, outside, errors } = await openPage('index.html');
    try {
      await page.getByLabel('ブックを開く').setInputFiles(file);
      await page.getByText('開いたブック: with-chart.xlsx').waitFor();
      await page.getByRole('button', { name: '評価する' }).click();
      await page.getByRole('tablist', { name: '評価の確認と設定' }).waitFor();
      expect(await page.getByRole('group', { name: 'ブラウザ版では保存できないものがあります' }).count()).toBe(0);
      await page.getByRole('button', { name: '結果を書き込む' }).click();
      await page.getByRole('heading', { name: '書き込みました' }).waitFor();
      expect(await page.getByRole('checkbox', { name: '失われることを理解して書き込む' }).count()).toBe(0);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ダウンロード' }).click()]);
      const saved = path.join(path.dirname(file), download.suggestedFilename());
      await download.saveAs(saved);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(saved);
      expect(wb.getWorksheet('基本目標1')?.getCell('D6').value).toBe('順調');
      const before = await packageOf(original);
      const after = await packageOf(new Uint8Array(readFileSync(saved)));
      for (const part of ['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/externalLinks/externalLink1.xml', 'docProps/custom.xml']) {
        expect(await after.text(part)).toBe(await before.text(part));
      }

      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('speaks English when the browser is English', async () => {
    const { page, context, outside, errors } = await openPage('index.html', 'en-US');
    try {
      await page.getByLabel('Open workbook').setInputFiles(SAMPLE);
      await page.getByText('Workbook: shinchoku-sample.xlsx').waitFor();
      await page.getByRole('button', { name: 'Evaluate' }).click();
      await page.getByRole('heading', { name: 'Results (not written yet)' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('taskpane.html (the add-in page) outside Office', () => {
  it('office.js is the only request that would leave the machine; blocked, the pane runs as the browser version', async () => {
    const { page, context, outside, errors } = await openPage('taskpane.html');
    try {
      await page.getByText(/Excel の外で開かれています。ブラウザ版として動作します/).waitFor();
      await page.getByLabel('ブックを開く').setInputFiles(SAMPLE);
      await page.getByRole('button', { name: '評価する' }).click();
      await page.getByRole('heading', { name: '評価の結果（まだ書き込んでいません）' }).waitFor();

      expect(outside).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
      // The blocked script is reported by the browser; nothing else may fail.
      expect(errors.filter((e) => !e.url.startsWith('https://appsforoffice.microsoft.com/'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
