import { runEvaluation } from '../../../src/domain/pipeline';
import { defaultSettings } from '../../../src/domain/settings';
import { writePlanToExcel } from '../../../src/workbook/office';
import { bookFromGrids, installFakeExcel } from '../../fakes/fakeExcel';
import { sakuWorkbook } from '../../fakes/sakuWorkbook';
import { features } from './helpers';

/**
 * SPEC §7 / issue 7 "Done when": a full write takes the same number of round trips for 100, 1,000 and 10,000
 * KPIs (at most 4), plus only the chunks that keep every request under 5 MB.
 */
async function measure(kpis: number): Promise<{ syncs: number; chunks: number; maxPayload: number; allUnderLimit: boolean }> {
  const sheets = sakuWorkbook(kpis);
  const outcome = runEvaluation({ workbook: { sheets }, settings: defaultSettings(), previousBackup: [], input: 'synthetic' });
  if (!outcome.ok) throw new Error('measure: evaluation failed');
  expect(outcome.result.detection.kpis).toHaveLength(kpis);
  const fake = installFakeExcel(bookFromGrids(sheets));
  try {
    const { stats } = await writePlanToExcel(outcome.result.plan, { features: features() });
    expect(stats.syncs).toBe(fake.syncCount);
    return {
      syncs: fake.syncCount,
      chunks: stats.chunks,
      maxPayload: fake.maxPayloadBytes,
      allUnderLimit: fake.syncs.every((s) => s.ok && s.requestBytes < 5_000_000 && s.responseBytes < 5_000_000),
    };
  } finally {
    fake.uninstall();
  }
}

describe('Office adapter: round trips of a full write do not grow with the number of KPIs', () => {
  it('syncs − chunks is the same (≤ 4) for 100, 1,000 and 10,000 KPIs, every request under 5 MB', async () => {
    const results = [];
    for (const kpis of [100, 1_000, 10_000]) results.push({ kpis, ...(await measure(kpis)) });
    expect(new Set(results.map((r) => r.syncs - r.chunks)).size).toBe(1);
    expect(results[0].syncs - results[0].chunks).toBeLessThanOrEqual(4);
    expect(results.every((r) => r.allUnderLimit)).toBe(true);
    expect(results[0].chunks).toBe(0);
    expect(results[2].chunks).toBeGreaterThan(0); // 10,000 KPIs do need chunks: the test exercises them
  }, 180_000);
});
