import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * SPEC §7 "Offline": no request leaves the machine except office.js inside Office. Checked at the source: the
 * pages' Content-Security-Policy, and no network API or outside URL anywhere in src/ (the browser e2e test
 * checks the running page on top of this).
 */

const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');
const OFFICE_JS_HOST = 'https://appsforoffice.microsoft.com';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
  });
}

/** `default-src 'self'; script-src …` → directive → sources, from the page's CSP meta element. */
export function cspOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\b[^>]*>/gis)].map((m) => m[0]).filter((m) => /http-equiv\s*=\s*["']Content-Security-Policy["']/i.test(m));
  if (metas.length !== 1) throw new Error(`expected one CSP meta element, found ${metas.length}`);
  const content = /content\s*=\s*"([^"]*)"/i.exec(metas[0])?.[1];
  if (!content) throw new Error('CSP meta without content');
  const map = new Map<string, string[]>();
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

const PAGES: [string, string[]][] = [
  // page, the only outside origin its scripts may come from
  ['taskpane/taskpane.html', [OFFICE_JS_HOST]],
  ['commands/commands.html', [OFFICE_JS_HOST]],
  ['taskpane/browser.html', []],
];

describe.each(PAGES)('Content-Security-Policy of src/%s', (page, scriptHosts) => {
  const html = readFileSync(path.join(SRC, page), 'utf8');
  const csp = cspOf(html);

  it("allows only 'self' by default and for connections, forms, bases and plugins nothing at all", () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it(`loads scripts from its own origin${scriptHosts.length ? ' and the office.js host' : ' only'}, never inline or eval`, () => {
    expect(csp.get('script-src')).toEqual(["'self'", ...scriptHosts]);
  });

  it('no directive allows a wildcard, plain http, eval, or an outside origin (but the office.js host for scripts)', () => {
    for (const [directive, sources] of csp) {
      for (const s of sources) {
        expect(`${directive} ${s}`).not.toMatch(/\*|^[\w-]+ http:|'unsafe-eval'|'unsafe-hashes'|'wasm-unsafe-eval'/);
        if (/^https?:/.test(s)) expect([directive, s]).toEqual(['script-src', OFFICE_JS_HOST]);
      }
    }
    // images and fonts: own origin plus data:/blob: (generated in the page), nothing from outside
    for (const d of ['img-src', 'font-src', 'style-src']) {
      for (const s of csp.get(d) ?? []) expect(["'self'", 'data:', 'blob:', "'unsafe-inline'"]).toContain(s);
    }
  });

  it('every <script src> is on the same origin or the office.js host', () => {
    const srcs = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]);
    for (const s of srcs) {
      if (/^https?:/.test(s)) expect(s.startsWith(`${OFFICE_JS_HOST}/`) && scriptHosts.length > 0).toBe(true);
    }
  });
});

describe('no network access anywhere in src/', () => {
  const sources = files(SRC, /\.(tsx?|js|html)$/);
  /** URLs that are names, not requests: XML namespaces and the office.js host (checked by the CSP above). */
  const ALLOWED_URL = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])([:/]|$)|^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$|^https?:\/\/schemas\.(openxmlformats\.org|microsoft\.com)\/|^https?:\/\/www\.w3\.org\/|^https?:\/\/purl\.(org|oclc\.org)\//;

  it('scans the sources (the scan is not empty)', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it('calls no network API', () => {
    const api = /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b|\bsendBeacon\b|\bRTCPeerConnection\b|\bimportScripts\s*\(|\bnew\s+Worker\s*\(\s*['"`]https?:|\bimport\s*\(\s*['"`]https?:|\brequire\s*\(\s*['"`](node:)?(https?|net|tls|dgram|http2)['"`]\)|\bfrom\s+['"`](node:)?(https?|net|tls|dgram|http2)['"`]/;
    const hits = sources.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => `${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`)
        .filter((line) => api.test(line.slice(line.indexOf(': ') + 2))),
    );
    expect(hits).toEqual([]);
  });

  it('names no outside URL other than XML namespaces and the office.js host', () => {
    const hits = sources.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/https?:\/\/[^\s"'`<>)\]}]+/g)]
        .map((m) => m[0].replace(/[;,.]+$/, ''))
        .filter((url) => !ALLOWED_URL.test(url) && url !== OFFICE_JS_HOST)
        .map((url) => `${path.relative(ROOT, f)}: ${url}`),
    );
    expect(hits).toEqual([]);
  });
});
