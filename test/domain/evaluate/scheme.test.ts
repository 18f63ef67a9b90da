import {
  OKABE_ITO,
  PRESET_IDS,
  categoriesOf,
  contrastRatio,
  fontFor,
  knownCategoryLabels,
  presetScheme,
  resolveScheme,
  schemeSchema,
} from '../../../src/domain/evaluate';
import type { Scheme } from '../../../src/domain/evaluate';

function problemsOf(input: unknown): string[] {
  const r = resolveScheme(input);
  if ('scheme' in r) throw new Error('expected problems');
  for (const p of r.problems) expect(p.code).toBe('scheme-invalid');
  return r.problems.map((p) => p.message);
}

const abcdJson = (): Record<string, unknown> => JSON.parse(JSON.stringify(presetScheme('abcd')));

describe('presets', () => {
  it('are the five documented ones, each valid against schemeSchema', () => {
    expect([...PRESET_IDS]).toEqual(['saku', 'iwamizawa', 'abcd', 'nagayo', 'marks']);
    for (const id of PRESET_IDS) expect(() => schemeSchema.parse(presetScheme(id))).not.toThrow();
  });

  it('list their categories in order, with roles', () => {
    const labels = (id: string) => categoriesOf(presetScheme(id) as Scheme).map((c) => c.label);
    expect(labels('saku')).toEqual(['順調', '概ね順調', '努力を要する', '未公表', '実績値なし']);
    expect(labels('iwamizawa')).toEqual(['順調', '低調', '-']);
    expect(labels('abcd')).toEqual(['A', 'B', 'C', 'D', '−']);
    expect(labels('nagayo')).toEqual(['S', 'A', 'B', 'C', '−']);
    expect(labels('marks')).toEqual(['◎', '○', '△', '×', '−']);
    expect(categoriesOf(presetScheme('nagayo') as Scheme).map((c) => c.role)).toEqual(['target-reached', 'band', 'band', 'band', 'missing']);
  });

  it.each([...PRESET_IDS])('%s: every font colour contrasts ≥ 4.5:1 with its fill (WCAG AA)', (id) => {
    for (const c of categoriesOf(presetScheme(id) as Scheme)) {
      expect(contrastRatio(c.font, c.fill)).toBeGreaterThanOrEqual(4.5);
      expect(Object.values(OKABE_ITO)).toContain(c.fill);
    }
  });

  it('distinct categories of a preset have distinct fills', () => {
    for (const id of PRESET_IDS) {
      const fills = categoriesOf(presetScheme(id) as Scheme).map((c) => c.fill);
      expect(new Set(fills).size).toBe(fills.length);
    }
  });

  it('the contrast formula matches WCAG reference values', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 10);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
    expect(fontFor(OKABE_ITO.blue)).toBe('#FFFFFF');
    expect(fontFor(OKABE_ITO.yellow)).toBe('#000000');
  });

  it('presetScheme returns a fresh copy each time', () => {
    const a = presetScheme('saku') as Scheme;
    if (a.kind === 'saku') a.categories[0].label = 'changed';
    expect(categoriesOf(presetScheme('saku') as Scheme)[0].label).toBe('順調');
  });

  it('knownCategoryLabels covers every preset and a custom scheme', () => {
    const known = knownCategoryLabels();
    for (const l of ['順調', '概ね順調', '努力を要する', '未公表', '実績値なし', '低調', '-', 'A', 'S', '◎', '−']) expect(known.has(l)).toBe(true);
    const custom = { ...(presetScheme('abcd') as Scheme), bands: [{ label: '良', min: null, fill: '#009E73', font: '#000000', meaning: { ja: '良', en: 'good' } }] } as Scheme;
    expect(knownCategoryLabels(custom).has('良')).toBe(true);
  });
});

describe('resolveScheme', () => {
  it('resolves ids case-insensitively, and 長野県 / nagano to saku', () => {
    for (const id of ['saku', 'SAKU', ' nagano ', '長野県']) {
      const r = resolveScheme(id);
      expect('scheme' in r && r.scheme.kind).toBe('saku');
    }
  });

  it('an unknown id lists the known ones', () => {
    expect(problemsOf('osaka')[0]).toContain('saku, iwamizawa, abcd, nagayo, marks');
  });

  it('accepts JSON text and fills defaults', () => {
    const json = JSON.stringify({ ...abcdJson(), id: 'mine', tolerance: undefined, missingStyle: undefined });
    const r = resolveScheme(json);
    if (!('scheme' in r)) throw new Error(JSON.stringify(r.problems));
    expect(r.scheme.id).toBe('mine');
    expect(r.scheme.kind === 'bands' && r.scheme.tolerance).toBe(0);
  });

  it('bad JSON text is a problem, not a throw', () => {
    expect(problemsOf('{ "kind": ')[0]).toContain('JSON');
  });

  it('names the bad field path of a band', () => {
    const s = abcdJson();
    (s.bands as { min: number }[])[1].min = 1.5;
    expect(problemsOf(s)).toEqual([expect.stringContaining('scheme.bands[1].min: must be lower than bands[0].min')]);
  });

  it('names a bad colour and a non-number min', () => {
    const s = abcdJson();
    (s.bands as { fill: string }[])[0].fill = 'green';
    (s.bands as { min: unknown }[])[2].min = '0.6';
    const msgs = problemsOf(s);
    expect(msgs.some((m) => m.includes('scheme.bands[0].fill: must be a colour #RRGGBB'))).toBe(true);
    expect(msgs.some((m) => m.includes('scheme.bands[2].min:'))).toBe(true);
  });

  it('only the last band may be open-ended', () => {
    const s = abcdJson();
    (s.bands as { min: number | null }[])[1].min = null;
    expect(problemsOf(s).some((m) => m.includes('scheme.bands[1].min: only the last band'))).toBe(true);
  });

  it('labels must be unique', () => {
    const s = abcdJson();
    s.missingLabel = 'A';
    expect(problemsOf(s).some((m) => m.includes('scheme.missingLabel: duplicate label "A"'))).toBe(true);
  });

  it('an unknown kind names scheme.kind', () => {
    expect(problemsOf({ ...abcdJson(), kind: 'stars' }).some((m) => m.includes('scheme.kind'))).toBe(true);
  });

  it('a saku scheme needs each role once, and fair ≤ good', () => {
    const s = JSON.parse(JSON.stringify(presetScheme('saku')));
    s.categories = s.categories.slice(0, 4);
    s.thresholds = { good: 0.8, fair: 1 };
    const msgs = problemsOf(s);
    expect(msgs.some((m) => m.includes('scheme.categories: needs exactly one category with role "no-data"'))).toBe(true);
    expect(msgs.some((m) => m.includes('scheme.thresholds.fair: fair must not exceed good'))).toBe(true);
  });

  it('non-objects are problems', () => {
    expect(problemsOf(42)).toHaveLength(1);
    expect(problemsOf(null)).toHaveLength(1);
    expect(problemsOf([1])).toHaveLength(1);
  });
});
