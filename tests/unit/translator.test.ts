// The view's translate function makes each text once per language, and makes them again when strings change.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import tr from '../../locales/tr.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import { applyTexts, loadLanguage, translator } from '../../src/i18n/translator.js';
import type { TextTree } from '../../src/i18n/texts.js';

/** Every leaf key of a strings tree (`banner.heading`, …). */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('English, a chunk like the other shipped languages', () => {
  it('Turkish needs no chunk; a site-added language loads English, its fallback, once; a failed load warns', async () => {
    const warn = vi.fn();
    const strings = vi.fn<(code: string) => Promise<TextTree> | undefined>((code) =>
      code === 'en' ? Promise.reject(new Error('offline')) : undefined,
    );
    expect(await loadLanguage('tr', warn, strings)).toBe('tr');
    expect(strings).not.toHaveBeenCalled();
    applyTexts({ xx: { banner: { heading: 'Xx' } } });
    // English did not load: xx still shows, with Turkish where its texts have nothing.
    expect(await loadLanguage('xx', warn, strings)).toBe('xx');
    expect(strings.mock.calls).toEqual([['xx'], ['en']]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/"en" translation .*offline.*Turkish fills its gaps/));
    expect(translator('xx')('banner.acceptAll')).toBe(tr.banner.acceptAll);
    strings.mockImplementation((code) => (code === 'en' ? Promise.resolve(en as TextTree) : undefined));
    expect(await loadLanguage('xx', warn, strings)).toBe('xx');
    expect(translator('xx')('banner.acceptAll')).toBe(en.banner.acceptAll);
    expect(await loadLanguage('en', warn, strings)).toBe('en');
    expect(strings.mock.calls.filter(([code]) => code === 'en')).toHaveLength(2);
    applyTexts({});
  });
});

describe('translator', () => {
  beforeAll(async () => {
    await loadLanguage(
      'en',
      () => undefined,
      (code) => (code === 'en' ? Promise.resolve(en) : undefined),
    );
  });

  it('skips interpolation only for strings with nothing for it: nesting and placeholders in site texts still work', () => {
    applyTexts({
      tr: {
        banner: {
          heading: 'Önce $t(banner.acceptAll)',
          close: 'Kapat {{missing}}',
          rejectAll: 'Düz metin, ama $ ve { } ile',
        },
      },
    });
    const t = translator('tr');
    expect(t('banner.heading')).toBe(`Önce ${tr.banner.acceptAll}`);
    // i18next's own handling of a missing value, as before: the placeholder is left as it is.
    expect(t('banner.close')).toBe('Kapat {{missing}}');
    expect(t('banner.rejectAll')).toBe('Düz metin, ama $ ve { } ile');
    expect(t('banner.acceptAll')).toBe(tr.banner.acceptAll);
    applyTexts({});
  });

  it("gives i18next's own t() for every key without values of the bundled languages, and for keys a language lacks", async () => {
    const reference = i18next.createInstance();
    await reference.init({
      initAsync: false,
      resources: { tr: { translation: tr }, en: { translation: en } },
      lng: 'tr',
      fallbackLng: ['en', 'tr'],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    const all = [...new Set([...keys(tr), ...keys(en)])];
    expect(all.length).toBeGreaterThan(50);
    for (const language of ['tr', 'en', 'xx']) {
      const t = translator(language);
      const expected = reference.getFixedT(language);
      for (const key of all) {
        // Plural and count strings take their values in the view; the rest are looked up as they are.
        if (/_(one|other|zero|two|few|many)$/.test(key)) continue;
        expect(t(key), `${language} ${key}`).toBe(expected(key));
      }
    }
  });

  it('gives the same text twice without asking i18next again, and the new one once the site changes it', () => {
    const t = translator('tr');
    expect(t('banner.heading')).toBe(tr.banner.heading);
    expect(t('banner.heading')).toBe(tr.banner.heading);
    applyTexts({ tr: { banner: { heading: 'Çerez tercihleri' } } });
    expect(t('banner.heading')).toBe('Çerez tercihleri');
    expect(translator('tr')('banner.heading')).toBe('Çerez tercihleri');
    applyTexts({});
    expect(t('banner.heading')).toBe(tr.banner.heading);
  });

  it('keeps counts apart, and follows a change to the language a site-added one falls back to', () => {
    const t = translator('tr');
    expect(t('preferences.allowed', { count: 1 })).not.toBe(t('preferences.allowed', { count: 2 }));
    const site = translator('xx');
    applyTexts({ xx: { banner: { heading: 'Xx' } } });
    expect(site('banner.heading')).toBe('Xx');
    // xx has no "Accept all": it falls back to English, then Turkish; a change there shows through.
    const before = site('banner.acceptAll');
    applyTexts({ xx: { banner: { heading: 'Xx' } }, en: { banner: { acceptAll: 'Allow everything' } } });
    expect(site('banner.acceptAll')).toBe('Allow everything');
    expect(before).not.toBe('Allow everything');
    applyTexts({});
  });
});
