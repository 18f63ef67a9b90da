import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inspectXlsx } from '../../src/workbook/xlsx/inspect';
import { DEFAULT_XLSX_LIMITS } from '../../src/workbook/xlsx/limits';
import { loadXlsx, UnreadableWorkbookError } from '../../src/workbook/xlsx/workbookFile';
import { readZipDirectory } from '../../src/workbook/xlsx/zipDirectory';
import { buildZip, readParts } from '../reliability/zipTools';
import { runs, SEED } from './workbookArb';

/**
 * Damaged files: the sample with bytes overwritten, cut short, or one of its XML parts corrupted and re-zipped.
 * The zip directory reader never throws; loading either succeeds or fails with `UnreadableWorkbookError` (one
 * line), never another error, and never takes long.
 */

const SAMPLE = new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'examples', 'shinchoku-sample.xlsx')));
const PARTS = readParts(SAMPLE);
const RUNS = runs(150, 1 / 50);

const mutation = fc.oneof(
  // overwrite a run of bytes
  fc.tuple(fc.nat(SAMPLE.length - 1), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, bytes]) => {
    const copy = SAMPLE.slice();
    copy.set(bytes.subarray(0, Math.max(0, copy.length - at)), at);
    return copy;
  }),
  // cut short
  fc.nat(SAMPLE.length - 1).map((n) => SAMPLE.slice(0, n)),
  // one XML part damaged (cut, junk inserted, tags swapped), then zipped properly
  fc.tuple(fc.nat(PARTS.length - 1), fc.nat(), fc.constantFrom('', '<', '&', '<x>', '</row>', '\u0000', '<!-- ', '<c r="XFD1048576"><v>1</v></c>', '"')).map(([i, at, junk]) => {
    const parts = PARTS.map((p) => ({ name: p.name, data: p.data as Uint8Array | string }));
    const text = PARTS[i].data.toString('utf8');
    const pos = at % (text.length + 1);
    parts[i] = { name: PARTS[i].name, data: text.slice(0, pos) + junk + text.slice(pos + (junk === '' ? 50 : 0)) };
    return buildZip(parts);
  }),
);

describe(`damaged-file fuzz (${RUNS} mutations of the sample, seed ${SEED})`, () => {
  it('the directory reader and the inspection never throw; loading succeeds or says why in one line', async () => {
    let refused = 0;
    let loaded = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (bytes) => {
        expect(() => readZipDirectory(bytes)).not.toThrow();
        await expect(inspectXlsx(bytes, DEFAULT_XLSX_LIMITS)).resolves.toBeDefined();
        const started = Date.now();
        try {
          await loadXlsx(ExcelJS, bytes);
          loaded++;
        } catch (e) {
          if (!(e instanceof UnreadableWorkbookError)) throw e;
          expect(e.message).not.toMatch(/\n/);
          refused++;
        }
        expect(Date.now() - started).toBeLessThan(10_000);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(refused + loaded).toBeGreaterThanOrEqual(RUNS);
    expect(refused).toBeGreaterThan(0);
  }, 60_000 + RUNS * 1_000);
});
