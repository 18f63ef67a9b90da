'use strict';
/* global window, document, performance, MutationObserver, requestAnimationFrame -- only inside the functions
   that run in the page (addInitScript, waitForFunction, evaluate) */
/**
 * The browser page: the size of the JavaScript the task pane loads first (the `<script>` entry chunks of
 * taskpane.html, gzip), and the time to interactive of the page in headless Chromium.
 *
 * The build is `npm run build -- --output-path bench/.tmp/dist` (the production build of `npm run build`,
 * written beside dist/ so that a benchmark never races another build or test that is using dist/).
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const zlib = require('node:zlib');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(__dirname, '.tmp', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Builds the pages into bench/.tmp/dist; returns the build's wall time in ms. */
function buildPages(log) {
  const t0 = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build', '--silent', '--', '--output-path', DIST], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(`bench/browser.js: the production build failed:\n${(r.stdout + r.stderr).split('\n').slice(-30).join('\n')}`);
  }
  log(`built the pages in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return Date.now() - t0;
}

function builtAt() {
  const html = path.join(DIST, 'taskpane.html');
  return fs.existsSync(html) ? fs.statSync(html).mtime : null;
}

/** The scripts an HTML page loads by `<script src>` (entry chunks; chunks loaded later by import() are not). */
function entryScripts(htmlFile) {
  const html = fs.readFileSync(htmlFile, 'utf8');
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)["']?[^>]*>/gi)) {
    const src = m[1];
    if (/^[a-z]+:\/\//i.test(src)) continue; // office.js from Microsoft's CDN: not ours, loaded only inside Office
    out.push(src);
  }
  return out;
}

/** gzip sizes (level 9, as a server would send them pre-compressed) of the task pane's entry scripts. */
function bundleSize() {
  const scripts = entryScripts(path.join(DIST, 'taskpane.html'));
  let raw = 0;
  let gzip = 0;
  const files = [];
  for (const src of scripts) {
    const bytes = fs.readFileSync(path.join(DIST, src));
    const gz = zlib.gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += gz;
    files.push({ file: src, kb: round(bytes.length / 1024), gzipKB: round(gz / 1024) });
  }
  let lazy = 0;
  for (const f of fs.readdirSync(DIST)) {
    if (f.endsWith('.js') && !scripts.includes(f) && !f.startsWith('commands.')) {
      lazy += zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length;
    }
  }
  return {
    bench: 'bundle',
    gzipKB: round(gzip / 1024),
    rawKB: round(raw / 1024),
    files,
    lazyGzipKB: round(lazy / 1024),
    built: builtAt()?.toISOString() ?? null,
  };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static server for dist/ on 127.0.0.1 (any free port). */
function serve(dir) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
      if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      fs.createReadStream(file).pipe(res);
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/**
 * Installed before the page's scripts: the first moment the app's first screen is in the DOM (its `h1`)
 * with its first action enabled, then the next frame (painted), as ms since navigation start. A
 * MutationObserver, not polling: the moment is exact to the mutation batch.
 */
const READY_PROBE = () => {
  const ready = () => {
    const root = document.getElementById('root');
    if (!root || !root.querySelector('h1')) return false;
    // The first action: in the browser page the "open workbook" file control (Evaluate waits for a file),
    // inside Excel the Evaluate button.
    for (const b of root.querySelectorAll('button, input[type=file]')) {
      if (!b.disabled && b.getAttribute('aria-disabled') !== 'true') return true;
    }
    return false;
  };
  const done = () => {
    requestAnimationFrame(() => {
      window.__shinchokuInteractive = performance.now();
    });
  };
  const observer = new MutationObserver(() => {
    if (window.__shinchokuSeen || !ready()) return;
    window.__shinchokuSeen = true;
    observer.disconnect();
    done();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'aria-disabled'] });
};

/**
 * Time to interactive of the browser page (index.html: the task pane's bundle without office.js) in headless
 * Chromium, median of `runs` cold loads (a new browser context each: empty cache). Any request that is not to
 * the local server is blocked and counted (the page must work offline, SPEC §7).
 */
async function timeToInteractive(runs, log) {
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    return { bench: 'tti', ms: null, skipped: `playwright-core: ${e.message}` };
  }
  if (!fs.existsSync(CHROMIUM)) return { bench: 'tti', ms: null, skipped: `no Chromium at ${CHROMIUM}` };
  const server = await serve(DIST);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const times = [];
  const dom = [];
  let external = 0;
  const errors = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ locale: 'ja-JP' });
      await context.route('**/*', (route) => {
        if (route.request().url().startsWith(origin)) return route.continue();
        external++;
        return route.abort();
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(READY_PROBE);
      await page.goto(`${origin}/index.html`, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__shinchokuInteractive !== undefined, null, { timeout: 60_000, polling: 50 });
      const m = await page.evaluate(() => ({
        tti: window.__shinchokuInteractive,
        dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
      }));
      if (i > 0) {
        // The first load starts the browser's own machinery (fonts, compositor): not counted.
        times.push(m.tti);
        if (m.dcl !== null) dom.push(m.dcl);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (errors.length > 0) log(`page errors: ${errors.slice(0, 3).join(' | ')}`);
  return {
    bench: 'tti',
    ms: round(median(times)),
    runs,
    minMs: round(Math.min(...times)),
    maxMs: round(Math.max(...times)),
    domContentLoadedMs: dom.length > 0 ? round(median(dom)) : null,
    externalRequests: external,
    page: 'index.html',
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function round(x, d = 1) {
  return Math.round(x * 10 ** d) / 10 ** d;
}

module.exports = { buildPages, builtAt, bundleSize, timeToInteractive, DIST };
