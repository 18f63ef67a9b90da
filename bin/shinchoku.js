#!/usr/bin/env node
'use strict';
// The CLI is compiled from src/cli by `npm run build:cli` (run automatically by `npm ci` through `prepare`).
let cli;
try {
  cli = require('../lib/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /lib[\\/]cli[\\/]main/.test(String(e.message))) {
    process.stderr.write('shinchoku: not built yet — run `npm run build:cli` (or `npm ci`) first\n');
    process.exit(1);
  }
  throw e;
}
cli.run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`shinchoku: ${e && e.message ? e.message.split('\n')[0] : e}\n`);
    process.exitCode = 1;
  },
);
