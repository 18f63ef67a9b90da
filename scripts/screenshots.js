#!/usr/bin/env node
'use strict';
/**
 * Screenshots of the task pane's main screens, Japanese and English, at the narrowest task-pane size
 * (320 × 800), taken from the browser page (dist/index.html) in Debian's Chromium on the sample workbook:
 *
 *   node scripts/screenshots.js [out-dir]
 *     → docs/screenshots/{ja,en}-{start,review,review-trend,settings,result}.png
 *
 * Builds dist/ first when it is older than the sources. Offline: a local server, no other request (anything
 * else is aborted and reported).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.resolve(process.argv[2] || path.join(ROOT, 'docs', 'screenshots'));
const SAMPLE = path.join(ROOT, 'examples', 'shinchoku-sample.xlsx');
const CHROMIUM = '/usr/bin/chromium';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png' };

const LANGS = {
  ja: {
    locale: 'ja-JP',
    open: 'ブックを開く',
    opened: '開いたブック: shinchoku-sample.xlsx',
    evaluate: '評価する',
    review: '評価の結果（まだ書き込んでいません）',
    kpi: /「佐久市は住みやすい」と回答する人の割合/,
    trend: '傾向',
    settings: '評価方式',
    write: '結果を書き込む',
    written: '書き込みました',
  },
  en: {
    locale: 'en-US',
    open: 'Open workbook',
    opened: 'Workbook: shinchoku-sample.xlsx',
    evaluate: 'Evaluate',
    review: 'Results (not written yet)',
    kpi: /「佐久市は住みやすい」と回答する人の割合/,
    trend: 'Trend',
    settings: 'Scheme',
    write: 'Write results',
    written: 'Written',
  },
};

function newestInput() {
  let newest = 0;
  const walk = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'assets', 'webpack.config.js', 'package-lock.json']) {
    if (fs.existsSync(path.join(ROOT, p))) walk(path.join(ROOT, p));
  }
  return newest;
}

function ensureBuilt() {
  const marker = path.join(DIST, 'index.html');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= newestInput()) return;
  console.log('building dist/ (webpack --mode production)…');
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
}

function serve() {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url || '/', 'http://127.0.0.1').pathname);
    const file = path.join(DIST, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function shoot(browser, origin, lang) {
  const t = LANGS[lang];
  const context = await browser.newContext({ locale: t.locale, viewport: { width: 320, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const blocked = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const file = (name) => path.join(OUT, `${lang}-${name}.png`);
  await page.goto(`${origin}/index.html`);
  await page.getByLabel(t.open).setInputFiles(SAMPLE);
  await page.getByText(t.opened).waitFor();
  await page.screenshot({ path: file('start') });

  await page.getByRole('button', { name: t.evaluate }).click();
  const heading = page.getByRole('heading', { name: t.review, exact: true });
  await heading.waitFor();
  const kpi = page.getByRole('button', { name: t.kpi });
  await kpi.click();
  await page.getByRole('img', { name: /推移|trend/ }).first().waitFor();
  await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: file('review') });
  await page.getByRole('region', { name: t.trend, exact: true }).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: file('review-trend') });

  await page.getByRole('tab', { name: t.settings }).click();
  await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: file('settings') });

  await page.getByRole('button', { name: t.write }).click();
  const written = page.getByRole('heading', { name: t.written, exact: true });
  await written.waitFor();
  await written.evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: file('result') });
  await context.close();
  if (blocked.length > 0) throw new Error(`requests outside 127.0.0.1 were attempted: ${blocked.join(', ')}`);
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-ipafont-gothic`);
  ensureBuilt();
  fs.mkdirSync(OUT, { recursive: true });
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    for (const lang of Object.keys(LANGS)) await shoot(browser, origin, lang);
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`screenshots written to ${path.relative(ROOT, OUT) || OUT}`);
}

main().catch((err) => {
  console.error(`screenshots: ${err.message}`);
  process.exitCode = 1;
});
