import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES, PICKER_ORDER, pickerOptions } from '../../src/i18n/names.js';
import {
  SHIPPED_LANGUAGES,
  SOURCE_LANGUAGE,
  directionOf,
  matchLanguage,
  normalizeTag,
  resolveLanguage,
  shippedCase,
} from '../../src/i18n/languages.js';

describe('resolveLanguage', () => {
  const available = ['tr', 'en', 'de', 'fr-ca'];

  it('picks an exact match', () => {
    expect(resolveLanguage(['en'], available)).toBe('en');
    expect(resolveLanguage(['fr-CA'], available)).toBe('fr-ca');
  });

  it('prefers the exact tag over its primary language', () => {
    expect(resolveLanguage(['de-AT'], ['de', 'de-at'])).toBe('de-at');
  });

  it('falls back from a regional tag to its primary language', () => {
    expect(resolveLanguage(['de-AT'], available)).toBe('de');
    expect(resolveLanguage(['de-Latn-AT'], available)).toBe('de');
  });

  it('tries the primary language before the next candidate', () => {
    expect(resolveLanguage(['de-AT', 'en'], available)).toBe('de');
  });

  it('moves on to the next candidate when nothing matches', () => {
    expect(resolveLanguage(['pt-BR', 'pt', 'en'], available)).toBe('en');
    expect(resolveLanguage(['fr', 'de'], available)).toBe('de');
  });

  it('follows the order of the candidates, not of the available languages', () => {
    expect(resolveLanguage(['en', 'tr'], ['tr', 'en'])).toBe('en');
    expect(resolveLanguage(['tr', 'en'], ['en', 'tr'])).toBe('tr');
  });

  it('reads underscores, any case and surrounding spaces', () => {
    expect(resolveLanguage(['EN_us'], available)).toBe('en');
    expect(resolveLanguage(['DE'], available)).toBe('de');
    expect(resolveLanguage(['  en  '], available)).toBe('en');
    expect(resolveLanguage(['FR_ca'], available)).toBe('fr-ca');
  });

  it('skips invalid tags and missing values', () => {
    expect(
      resolveLanguage([null, undefined, '', '*', 'e', 'english', '12', 'en-', 'en--us', 'en us', 'de'], available),
    ).toBe('de');
    expect(resolveLanguage(['english'], ['tr', 'english'])).toBe(SOURCE_LANGUAGE);
    expect(resolveLanguage(['en-toolongsubtag'], ['tr', 'en-toolongsubtag'])).toBe(SOURCE_LANGUAGE);
  });

  it('falls back to Turkish', () => {
    expect(SOURCE_LANGUAGE).toBe('tr');
    expect(resolveLanguage(['ja', 'ko-KR'], available)).toBe('tr');
    expect(resolveLanguage([], available)).toBe('tr');
    expect(resolveLanguage(['en'], [])).toBe('tr');
    expect(resolveLanguage(['ja'], ['en', 'tr'])).toBe('tr');
  });

  it('falls back to the first available language when Turkish is not available', () => {
    expect(resolveLanguage(['ja'], ['de', 'en'])).toBe('de');
    expect(resolveLanguage([], ['en'])).toBe('en');
  });

  it('accepts any iterable', () => {
    function* candidates(): Generator<string> {
      yield 'xx';
      yield 'en-GB';
    }
    expect(resolveLanguage(candidates(), available)).toBe('en');
    expect(resolveLanguage(new Set(['de']), available)).toBe('de');
  });
});

describe('normalizeTag', () => {
  it.each<[string, string]>([
    ['en', 'en'],
    ['EN_us', 'en-us'],
    ['  de-AT ', 'de-at'],
    ['zh-Hant-TW', 'zh-hant-tw'],
    ['ckb', 'ckb'],
  ])('normalises %j to %j', (value, expected) => {
    expect(normalizeTag(value)).toBe(expected);
  });

  it.each([null, undefined, '', '*', 'e', 'english', '12', 'en-', 'en--us', 'en us', 'en-toolongsubtag', 'çk'])(
    'gives undefined for %j',
    (value) => {
      expect(normalizeTag(value)).toBeUndefined();
    },
  );
});

describe('matchLanguage', () => {
  it('gives the tag, then its primary language, then undefined', () => {
    expect(matchLanguage('EN_gb', ['en-gb', 'en'])).toBe('en-gb');
    expect(matchLanguage('EN_gb', ['tr', 'en'])).toBe('en');
    expect(matchLanguage('pt-BR', ['tr', 'en'])).toBeUndefined();
    expect(matchLanguage('not a tag', ['not a tag'])).toBeUndefined();
    expect(matchLanguage(null, ['tr'])).toBeUndefined();
  });
});

describe('detection of the shipped languages', () => {
  const fallback = (tag: string) => resolveLanguage([tag], SHIPPED_LANGUAGES);

  it.each<[string, string]>([
    ['pt-BR', 'pt'],
    ['pt-PT', 'pt'],
    ['pt_br', 'pt'],
    ['sv-FI', 'sv'],
    ['ga-IE', 'ga'],
    ['he-IL', 'he'],
    ['ka-GE', 'ka'],
    ['sq-XK', 'sq'],
    ['mk-MK', 'mk'],
  ])('a regional tag falls back to its language: %s → %s', (tag, expected) => {
    expect(fallback(tag)).toBe(expected);
  });

  it.each<[string, string]>([
    ['sr', 'sr'],
    ['sr-Cyrl', 'sr'],
    ['sr-Cyrl-RS', 'sr'],
    ['sr-RS', 'sr'],
    ['sr-BA', 'sr'],
    ['sr-Latn', 'sr-Latn'],
    ['sr-latn', 'sr-Latn'],
    ['SR_LATN_rs', 'sr-Latn'],
    ['sr-Latn-ME', 'sr-Latn'],
    ['sr-ME', 'sr-Latn'],
    ['sh', 'sr-Latn'],
    ['sh-RS', 'sr-Latn'],
  ])('Serbian follows the script, written or implied: %s → %s', (tag, expected) => {
    expect(fallback(tag)).toBe(expected);
  });

  it('Serbian in a script the site does not offer still gets Serbian', () => {
    expect(resolveLanguage(['sr-Latn', 'en'], ['tr', 'en', 'sr'])).toBe('sr');
    expect(resolveLanguage(['sr-ME', 'en'], ['tr', 'en', 'sr'])).toBe('sr');
    // The bare code means Cyrillic: it never picks the Latin file.
    expect(resolveLanguage(['sr', 'en'], ['tr', 'en', 'sr-Latn'])).toBe('en');
  });

  it.each<[string, string]>([
    ['iw', 'he'],
    ['iw-IL', 'he'],
    ['IW', 'he'],
    ['mo', 'ro'],
  ])('an old code counts as its new one: %s → %s', (tag, expected) => {
    expect(fallback(tag)).toBe(expected);
  });

  it.each(['nb', 'nn', 'no', 'nb-NO', 'nn-NO', 'bs', 'me', 'zh-Hant-TW', 'pt-AO-x-private'])(
    '%s is not shipped: the next candidate, then Turkish',
    (tag) => {
      expect(matchLanguage(tag, SHIPPED_LANGUAGES)).toBe(tag === 'pt-AO-x-private' ? 'pt' : undefined);
      if (tag !== 'pt-AO-x-private') {
        expect(resolveLanguage([tag, 'de'], SHIPPED_LANGUAGES)).toBe('de');
        expect(resolveLanguage([tag], SHIPPED_LANGUAGES)).toBe('tr');
      }
    },
  );

  it('a shipped nb would be chosen, and only for nb', () => {
    expect(resolveLanguage(['nb-NO'], ['tr', 'nb'])).toBe('nb');
    expect(resolveLanguage(['nn-NO'], ['tr', 'nb'])).toBe('tr');
  });

  it('gives the code in its shipped case whatever case it was asked in', () => {
    for (const code of SHIPPED_LANGUAGES) {
      expect(matchLanguage(code.toUpperCase(), SHIPPED_LANGUAGES)).toBe(code);
      expect(matchLanguage(code.toLowerCase(), SHIPPED_LANGUAGES)).toBe(code);
    }
  });
});

describe('shippedCase', () => {
  it('writes shipped codes in BCP 47 case and any other in lower case', () => {
    expect(shippedCase('SR-latn')).toBe('sr-Latn');
    expect(shippedCase('sr-latn')).toBe('sr-Latn');
    expect(shippedCase('EN')).toBe('en');
    expect(shippedCase('pt-BR')).toBe('pt-br');
  });
});

describe('pickerOptions', () => {
  it('names every language in its own language and sorts by those names, scripts in Unicode order', () => {
    const options = pickerOptions(SHIPPED_LANGUAGES);
    expect(options.map((o) => o.name)).toEqual([
      ...['Azərbaycan dili', 'Čeština', 'Dansk', 'Deutsch', 'Eesti', 'English', 'Español', 'Français', 'Gaeilge'],
      ...['Hrvatski', 'Italiano', 'Latviešu', 'Lietuvių', 'Magyar', 'Malti', 'Nederlands', 'Polski', 'Português'],
      ...['Română', 'Shqip', 'Slovenčina', 'Slovenščina', 'Srpski (latinica)', 'Suomi', 'Svenska', 'Türkçe'],
      ...['Ελληνικά', 'Български', 'Македонски', 'Русский', 'Српски (ћирилица)', 'Українська'],
      ...['ქართული', 'עברית', 'العربية', 'فارسی'],
    ]);
    expect(options.every((o) => o.name === LANGUAGE_NAMES[o.code])).toBe(true);
  });

  it('keeps one order whatever the input order (so a switch never reorders the list)', () => {
    const forward = pickerOptions(SHIPPED_LANGUAGES);
    const backward = pickerOptions([...SHIPPED_LANGUAGES].reverse());
    expect(backward).toEqual(forward);
  });

  it('limits to the codes given, and sorts site-added languages by their names too', () => {
    expect(pickerOptions(['tr', 'en', 'ar']).map((o) => o.code)).toEqual(['en', 'tr', 'ar']);
    const site: Record<string, string> = { tr: 'Site Turkish', xx: 'Aaa', yy: 'Aaa' };
    // A shipped language keeps its own name; a site-added one takes the site's, else its code.
    expect(pickerOptions(['yy', 'tr', 'zz', 'xx', 'pt'], (c) => site[c])).toEqual([
      { code: 'xx', name: 'Aaa' },
      { code: 'yy', name: 'Aaa' },
      { code: 'pt', name: 'Português' },
      { code: 'tr', name: 'Türkçe' },
      { code: 'zz', name: 'zz' },
    ]);
    expect(pickerOptions([])).toEqual([]);
  });

  it('sorts shipped languages by a stored order that is the root collation of their names', () => {
    const compare = new Intl.Collator('und').compare;
    const collated = Object.entries(LANGUAGE_NAMES)
      .sort(([ca, a], [cb, b]) => compare(a, b) || compare(ca, cb))
      .map(([code]) => code);
    expect(PICKER_ORDER).toEqual(collated);
    expect([...PICKER_ORDER].sort()).toEqual([...SHIPPED_LANGUAGES].sort());
  });

  it('gives the same list object back for the same languages (sorted once per page)', () => {
    expect(pickerOptions(['tr', 'de', 'en'])).toBe(pickerOptions(['tr', 'de', 'en']));
  });
});

describe('directionOf', () => {
  it.each(['ar', 'ar-EG', 'fa', 'fa-IR', 'he', 'ur', 'ps', 'ckb', 'dv', 'yi'])('%s is right-to-left', (language) => {
    expect(directionOf(language)).toBe('rtl');
  });

  it.each(['tr', 'en', 'en-US', 'de', 'arn', 'far', 'ja', ''])('%j is left-to-right', (language) => {
    expect(directionOf(language)).toBe('ltr');
  });
});

describe('SHIPPED_LANGUAGES', () => {
  it('lists exactly the locale files', () => {
    const locales = new URL('../../locales/', import.meta.url);
    const files = readdirSync(locales)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length));
    expect([...SHIPPED_LANGUAGES].sort()).toEqual(files.sort());
  });

  it('has no duplicates and starts with the source language', () => {
    expect(new Set(SHIPPED_LANGUAGES).size).toBe(SHIPPED_LANGUAGES.length);
    expect(SHIPPED_LANGUAGES[0]).toBe(SOURCE_LANGUAGE);
    expect(SHIPPED_LANGUAGES).toContain('en');
  });

  it('names every language', () => {
    expect(Object.keys(LANGUAGE_NAMES)).toEqual(SHIPPED_LANGUAGES);
    for (const language of SHIPPED_LANGUAGES) expect(LANGUAGE_NAMES[language]?.trim()).toBeTruthy();
    expect(LANGUAGE_NAMES['tr']).toBe('Türkçe');
  });

  it('holds only codes that resolveLanguage can return', () => {
    for (const language of SHIPPED_LANGUAGES) expect(resolveLanguage([language], SHIPPED_LANGUAGES)).toBe(language);
  });
});
