import { catalogues, en, ja, pickLanguage } from '../../src/taskpane/i18n';

const kinds = (catalogue: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(catalogue).map(([key, value]) => [
      key,
      typeof value === 'function' ? `function/${(value as (...a: unknown[]) => string).length}` : typeof value,
    ]),
  );

describe('UI catalogues', () => {
  it('gives English exactly the keys of Japanese (ja.ts is the source of truth)', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it('gives each English entry the same kind as the Japanese one (text, or a function of the same arity)', () => {
    expect(kinds(en)).toEqual(kinds(ja));
  });

  it('has no empty text and translates every English entry (no kana left over)', () => {
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      for (const [key, value] of Object.entries(catalogue)) {
        const text = typeof value === 'function' ? (value as (...a: unknown[]) => string)(2, 'シート1') : value;
        expect({ lang, key, empty: text.trim() === '' && key !== 'listSeparator' }).toEqual({ lang, key, empty: false });
        if (lang === 'en') {
          const own = typeof value === 'function' ? text.replace('シート1', '') : text;
          expect({ key, kana: /[\u3040-\u30ff]/.test(own) }).toEqual({ key, kana: false });
        }
      }
    }
  });

  it('keeps the accessible names that tests and users drive, in Japanese', () => {
    expect([ja.openWorkbook, ja.evaluate, ja.writeResults, ja.download, ja.restore]).toEqual([
      'ブックを開く',
      '評価する',
      '結果を書き込む',
      'ダウンロード',
      '元に戻す',
    ]);
    expect(ja.language).toBe('ja');
    expect(en.language).toBe('en');
  });

  it('says in each language that the pane runs outside Excel', () => {
    expect(ja.browserMode).toContain('Excel の外で開かれています。ブラウザ版として動作します');
    expect(en.browserMode).toMatch(/outside Excel/);
  });
});

describe('pickLanguage', () => {
  it.each([
    ['en-US', 'en'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['ja-JP', 'ja'],
    ['ja', 'ja'],
    ['fr-FR', 'ja'],
    ['eng', 'ja'],
    ['', 'ja'],
    [undefined, 'ja'],
    [null, 'ja'],
  ])('%p → %p', (tag, lang) => {
    expect(pickLanguage(tag)).toBe(lang);
  });
});
