#!/usr/bin/env node
'use strict';
/**
 * Keeps `npm ci` working with this machine's registry. jest 30 → unrs-resolver lists native bindings for
 * every platform as optional dependencies; the registry reachable here serves only the Linux x64/arm64 ones,
 * so `npm install` leaves the others out of package-lock.json and `npm ci` then refuses the lock
 * ("Missing: @unrs/resolver-binding-… from lock file"). This adds lock entries for the missing bindings with
 * their os/cpu, which npm skips on this platform without fetching. Run it after any `npm install`:
 *
 *   node scripts/lock-optional-bindings.js
 */
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const PLATFORM = {
  'android-arm-eabi': ['android', 'arm'],
  'android-arm64': ['android', 'arm64'],
  'darwin-arm64': ['darwin', 'arm64'],
  'darwin-x64': ['darwin', 'x64'],
  'freebsd-x64': ['freebsd', 'x64'],
  'linux-arm-gnueabihf': ['linux', 'arm'],
  'linux-arm-musleabihf': ['linux', 'arm'],
  'linux-loong64-gnu': ['linux', 'loong64'],
  'linux-loong64-musl': ['linux', 'loong64'],
  'linux-ppc64-gnu': ['linux', 'ppc64'],
  'linux-riscv64-gnu': ['linux', 'riscv64'],
  'linux-riscv64-musl': ['linux', 'riscv64'],
  'linux-s390x-gnu': ['linux', 's390x'],
  'openharmony-arm64': ['openharmony', 'arm64'],
  'win32-arm64-msvc': ['win32', 'arm64'],
  'win32-ia32-msvc': ['win32', 'ia32'],
  'win32-x64-msvc': ['win32', 'x64'],
  'wasm32-wasi': [null, 'wasm32'],
};
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  if (!key.endsWith('node_modules/unrs-resolver')) continue;
  const base = key.slice(0, -'unrs-resolver'.length);
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `${base}${name}`;
    if (lock.packages[target]) continue;
    const platform = PLATFORM[name.replace('@unrs/resolver-binding-', '')];
    if (!platform) throw new Error(`lock-optional-bindings: no platform known for ${name}`);
    lock.packages[target] = { version, cpu: [platform[1]], dev: true, license: 'MIT', optional: true, ...(platform[0] ? { os: [platform[0]] } : {}) };
    added++;
  }
}
const sorted = {};
for (const k of Object.keys(lock.packages).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0))) sorted[k] = lock.packages[k];
lock.packages = sorted;
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`lock-optional-bindings: ${added} entries added\n`);
