import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  LANGUAGE_NAMES,
  SHIPPED_LANGUAGES,
  SOURCE_LANGUAGE,
  directionOf,
  matchLanguage,
  normalizeTag,
  resolveLanguage,
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
