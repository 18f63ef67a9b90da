import { presetScheme } from '../../src/domain/evaluate';
import type { Scheme } from '../../src/domain/evaluate';
import { baseSchemeId, parsePercent, schemeChoiceFor, thresholdFields, withThreshold } from '../../src/taskpane/flow/scheme';
import { inLanguage } from '../../src/taskpane/localize';

const preset = (id: string): Scheme => {
  const s = presetScheme(id);
  if (!s) throw new Error(id);
  return s;
};

describe('threshold editing', () => {
  it('offers saku’s 100% and 80%, each band’s lower bound, and a change basis’ tolerance', () => {
    expect(thresholdFields(preset('saku'))).toEqual([
      { key: 'good', label: '順調', percent: 100 },
      { key: 'fair', label: '概ね順調', percent: 80 },
    ]);
    expect(thresholdFields(preset('abcd')).map((f) => [f.label, f.percent])).toEqual([['A', 100], ['B', 80], ['C', 60]]);
    expect(thresholdFields(preset('nagayo')).map((f) => [f.key, f.percent])).toEqual([['band:0', 10], ['band:1', 0], ['tolerance', 10]]);
    expect(thresholdFields(preset('iwamizawa'))).toEqual([]);
  });

  it('an edited scheme is stored whole as <preset>-custom; back at the preset’s values it is the preset id again', () => {
    const edited = withThreshold(preset('saku'), 'fair', 90);
    expect(edited.kind === 'saku' && edited.thresholds).toEqual({ good: 1, fair: 0.9 });
    const choice = schemeChoiceFor(edited, preset('saku'));
    expect(typeof choice !== 'string' && [choice.id, choice.name.ja, choice.name.en]).toEqual([
      'saku-custom',
      '佐久市方式（目安値比）（閾値を変更）',
      'Saku (ratio to benchmark) (custom thresholds)',
    ]);
    expect(baseSchemeId(choice)).toBe('saku');
    expect(schemeChoiceFor(withThreshold(edited, 'fair', 80), preset('saku'))).toBe('saku');
    const band = withThreshold(preset('abcd'), 'band:2', 55);
    expect(band.kind === 'bands' && band.bands[2].min).toBe(0.55);
  });

  it('reads what people type: full-width digits, a % sign; anything else is not a number', () => {
    expect(parsePercent('８０')).toBe(80);
    expect(parsePercent('99.5 %')).toBe(99.5);
    expect(parsePercent('-10')).toBe(-10);
    expect(parsePercent('abc')).toBeNull();
    expect(parsePercent('')).toBeNull();
  });
});

describe('engine messages in the pane’s language', () => {
  const both = '数値として読めません「調べ中?」 / Could not read a number from "調べ中?"';
  it('takes the part of a bilingual message in the pane’s language', () => {
    expect(inLanguage(both, 'ja')).toBe('数値として読めません「調べ中?」');
    expect(inLanguage(both, 'en')).toBe('Could not read a number from "調べ中?"');
  });
  it('leaves a message whole when ` / ` is part of its content', () => {
    const basis = '実績 77.4 / 目安 79.6 = 97.2% ≥ 80% → 概ね順調';
    expect(inLanguage(basis, 'en')).toBe(basis);
    expect(inLanguage('ratio 1 / 2', 'ja')).toBe('ratio 1 / 2');
  });
});

describe('engine messages with numbers after the slash', () => {
  it('are not split (an English part starts with a letter or a quote)', () => {
    expect(inLanguage('実績 5 / 10 件', 'en')).toBe('実績 5 / 10 件');
  });
});
