import { defaultSettings, MAX_SETTINGS_CHARS, parseSettingsText, serializeSettings } from '../../src/domain/settings';

describe('workbook settings', () => {
  it('gives the defaults with no warning when the workbook has none', () => {
    expect(parseSettingsText(null)).toEqual({ settings: defaultSettings(), problems: [] });
    expect(defaultSettings()).toMatchObject({ scheme: 'saku', summarySheetName: 'KPI集計', asOf: null, notes: false });
  });

  it('round-trips what it writes', () => {
    const s = { ...defaultSettings(), scheme: 'iwamizawa', asOf: 2023, directionOverrides: { '基本目標1!A4:I6': 'down' as const } };
    expect(parseSettingsText(serializeSettings(s))).toEqual({ settings: s, problems: [] });
  });

  it.each([
    ['not JSON', '{scheme:', 'JSON ではありません'],
    ['wrong version', JSON.stringify({ version: 9 }), 'version'],
    ['oversized', 'x'.repeat(MAX_SETTINGS_CHARS + 1), '上限'],
  ])('a tampered settings sheet (%s) gives the defaults and one warning naming what was wrong', (_name, text, detail) => {
    const { settings, problems } = parseSettingsText(text);
    expect(settings).toEqual(defaultSettings());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'settings-invalid', cell: 'A1' });
    expect(problems[0].message).toContain(detail);
  });

  it('keeps the valid fields when one field was broken by hand, and names the broken one', () => {
    const text = JSON.stringify({ version: 1, scheme: 'iwamizawa', asOf: 2023, directionOverrides: { a: 'sideways' } });
    const { settings, problems } = parseSettingsText(text);
    expect(settings).toEqual({ ...defaultSettings(), scheme: 'iwamizawa', asOf: 2023 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'settings-invalid', cell: 'A1' });
    expect(problems[0].message).toContain('directionOverrides.a');
  });
});
