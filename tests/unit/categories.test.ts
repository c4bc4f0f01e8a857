import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import Cookies from 'js-cookie';
import {
  BUILT_IN_CATEGORIES,
  DEFAULT_CATEGORIES,
  MAX_CATEGORIES,
  MAX_CATEGORY_BYTES,
  MAX_CATEGORY_ID_LENGTH,
  NECESSARY,
  allowedFrom,
  categoryBytes,
  parseCategories,
} from '../../src/consent/categories.js';
import { createConsent, encodeConsent } from '../../src/consent/record.js';
import { MAX_COOKIE_NAME_LENGTH } from '../../src/consent/store.js';

// warn() says each distinct message once per process: every input that should warn is used once only.

let consoleWarn: MockInstance<typeof console.warn>;

beforeEach(() => {
  consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  consoleWarn.mockRestore();
});

const nothingDescribed = (): boolean => false;
const everythingDescribed = (): boolean => true;

describe('parseCategories', () => {
  it('gives the default set for null and undefined', () => {
    const defaults = ['necessary', 'functional', 'analytics', 'marketing'];
    expect(parseCategories(null, nothingDescribed)).toEqual(defaults);
    expect(parseCategories(undefined, nothingDescribed)).toEqual(defaults);
    expect(parseCategories(DEFAULT_CATEGORIES, nothingDescribed)).toEqual(defaults);
    expect([NECESSARY, ...BUILT_IN_CATEGORIES]).toEqual(defaults);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('gives only necessary for an empty or blank attribute', () => {
    expect(parseCategories('', nothingDescribed)).toEqual(['necessary']);
    expect(parseCategories(' \t\n ', nothingDescribed)).toEqual(['necessary']);
  });

  it('keeps the given order after necessary', () => {
    expect(parseCategories('marketing functional', nothingDescribed)).toEqual(['necessary', 'marketing', 'functional']);
  });

  it('puts necessary first and only once', () => {
    expect(parseCategories('analytics necessary marketing NECESSARY', nothingDescribed)).toEqual([
      'necessary',
      'analytics',
      'marketing',
    ]);
  });

  it('removes duplicates', () => {
    expect(parseCategories('analytics analytics marketing analytics', nothingDescribed)).toEqual([
      'necessary',
      'analytics',
      'marketing',
    ]);
    expect(parseCategories(Array(10_000).fill('analytics').join(' '), nothingDescribed)).toEqual([
      'necessary',
      'analytics',
    ]);
  });

  it('folds case', () => {
    expect(parseCategories('Analytics MARKETING fUnCtIoNaL analytics', nothingDescribed)).toEqual([
      'necessary',
      'analytics',
      'marketing',
      'functional',
    ]);
  });

  it('splits on any whitespace', () => {
    expect(parseCategories('  analytics\n\tmarketing\r\nfunctional  ', nothingDescribed)).toEqual([
      'necessary',
      'analytics',
      'marketing',
      'functional',
    ]);
  });

  it.each(['<img>', '<img/src=x/onerror=alert(1)>', 'a"b', 'analytics;', '1st', '_x', '-x', 'çerez', 'x'.repeat(33)])(
    'skips the invalid id %j with a warning',
    (id) => {
      const describe = vi.fn(everythingDescribed);
      expect(parseCategories(`${id} analytics`, describe)).toEqual(['necessary', 'analytics']);
      expect(describe).not.toHaveBeenCalled();
      expect(consoleWarn).toHaveBeenCalledTimes(1);
      expect(consoleWarn.mock.calls[0]?.[0]).toContain('not a valid category id');
    },
  );

  it('accepts ids of up to 32 characters from a-z, 0-9, "-" and "_"', () => {
    const ids = ['a', 'social-media', 'ads_v2', 'y'.repeat(32)];
    expect(parseCategories(ids.join(' '), everythingDescribed)).toEqual(['necessary', ...ids]);
  });

  it('keeps an unknown id only when the site describes it', () => {
    const describe = vi.fn((id: string) => id === 'social');
    expect(parseCategories('Social video analytics', describe)).toEqual(['necessary', 'social', 'analytics']);
    expect(describe.mock.calls).toEqual([['social'], ['video']]);
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0]?.[0]).toContain('"video" has no name and description');
  });

  it('does not ask about built-in categories or necessary', () => {
    const describe = vi.fn(nothingDescribed);
    expect(parseCategories('necessary functional analytics marketing', describe)).toEqual([
      'necessary',
      'functional',
      'analytics',
      'marketing',
    ]);
    expect(describe).not.toHaveBeenCalled();
  });

  it(`keeps at most ${MAX_CATEGORIES} optional categories`, () => {
    const ids = Array.from({ length: MAX_CATEGORIES + 5 }, (_, i) => String.fromCharCode(97 + i));
    const result = parseCategories(ids.join(' '), everythingDescribed);
    expect(result).toEqual(['necessary', ...ids.slice(0, MAX_CATEGORIES)]);
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0]?.[0]).toContain(`more than ${MAX_CATEGORIES} categories`);
  });

  it('S-10: keeps categories in order while they fit the cookie budget, then warns', () => {
    const ids = Array.from({ length: 24 }, (_, i) => `category-${String(i).padStart(2, '0')}-${'x'.repeat(20)}`);
    expect(ids.every((id) => id.length === MAX_CATEGORY_ID_LENGTH)).toBe(true);
    const result = parseCategories(ids.join(' '), everythingDescribed);
    const kept = Math.floor(MAX_CATEGORY_BYTES / categoryBytes(ids[0]!));
    expect(result).toEqual(['necessary', ...ids.slice(0, kept)]);
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0]?.[0]).toContain(`"${ids[kept]}" and the rest are skipped`);
    expect(consoleWarn.mock.calls[0]?.[0]).toContain('larger than 512 bytes');
  });

  it('S-10: the default categories fit with room to spare', () => {
    const defaults = parseCategories(null, nothingDescribed).slice(1);
    expect(defaults.reduce((sum, id) => sum + categoryBytes(id), 0)).toBeLessThan(MAX_CATEGORY_BYTES / 2);
  });

  it('S-10: categoryBytes is what one category adds to the cookie as js-cookie writes it', () => {
    for (const id of ['a', 'analytics', 'x'.repeat(MAX_CATEGORY_ID_LENGTH)]) {
      const one = Cookies.converter.write(JSON.stringify({ cats: { necessary: 1 } }), 'c');
      const two = Cookies.converter.write(JSON.stringify({ cats: { necessary: 1, [id]: 1 } }), 'c');
      expect(two.length - one.length).toBe(categoryBytes(id));
    }
  });

  it('S-10: the largest possible cookie is at most 512 bytes', () => {
    // Every part at its largest: a 64-character name, a 32-character revision, an id, 16-character lang
    // and ui, gpc, a 10-digit time, and the categories parseCategories keeps from 24 ids of 32 characters
    // (and, separately, from as many 1-character ids as it takes).
    const name = 'n'.repeat(MAX_COOKIE_NAME_LENGTH);
    const worst = (offered: string[]) => {
      const consent = createConsent({
        offered,
        allowed: () => true,
        revision: 'r'.repeat(32),
        language: 'zh-hant-tw-abcde',
        method: 'accept-all',
        gpc: true,
        now: Date.UTC(2286, 0, 1),
        receipts: true,
      });
      expect(consent.id).toBeDefined();
      const value = encodeConsent(consent, 'de-ch-abcdefgh-a');
      expect(JSON.parse(value)).toMatchObject({ l: 'zh-hant-tw-abcde', ui: 'de-ch-abcdefgh-a', gpc: 1 });
      return `${name}=${Cookies.converter.write(value, name)}`.length;
    };
    const long = Array.from({ length: 24 }, (_, i) => `${String(i).padStart(2, '0')}${'l'.repeat(30)}`);
    const short = Array.from({ length: 40 }, (_, i) => String.fromCharCode(97 + (i % 26)) + (i >= 26 ? 'z' : ''));
    const sizes = [long, short, ['analytics', 'marketing', 'functional', ...long]].map((ids) =>
      worst(parseCategories(ids.join(' '), everythingDescribed)),
    );
    for (const size of sizes) expect(size).toBeLessThanOrEqual(512);
    // And the budget is not wasteful: the tightest case uses most of it. (Schema 2 made the record 41 bytes
    // smaller and left the category budget as it was.)
    expect(Math.max(...sizes)).toBeGreaterThan(512 - 60);
  });

  it('handles 10,000 ids without throwing', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `id${i}`).join(' ');
    let result: string[] = [];
    expect(() => {
      result = parseCategories(ids, everythingDescribed);
    }).not.toThrow();
    expect(result.length).toBeLessThanOrEqual(MAX_CATEGORIES + 1);
    expect(result[0]).toBe('necessary');
    expect(new Set(result).size).toBe(result.length);
  });

  it('handles 10,000 invalid ids without throwing', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `<bad${i}>`).join(' ');
    expect(parseCategories(ids, everythingDescribed)).toEqual(['necessary']);
  });
});

describe('allowedFrom (setConsent)', () => {
  const offered = ['necessary', 'functional', 'analytics', 'marketing'];
  const said = () => consoleWarn.mock.calls.map((call) => String(call[0]));

  it('takes an object of category → allowed: only true counts', () => {
    expect(allowedFrom({ functional: true, analytics: false, marketing: 'yes' }, offered)).toEqual(
      new Set(['functional']),
    );
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('takes a list of allowed ids, skipping what is not a string', () => {
    expect(allowedFrom(['analytics', 7, null, 'marketing'], offered)).toEqual(new Set(['analytics', 'marketing']));
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('ignores ids that are not offered, with a warning', () => {
    expect(allowedFrom(['functional', 'video'], offered)).toEqual(new Set(['functional']));
    expect(said()).toEqual(['[cookie-consent-banner] setConsent: "video" is not an offered category; ignored.']);
  });

  it('keeps the ids GPC keeps off, with a warning', () => {
    expect(allowedFrom({ marketing: true, analytics: true }, offered, ['marketing'])).toEqual(new Set(['analytics']));
    expect(said()).toEqual([
      '[cookie-consent-banner] setConsent: "marketing" means sale or sharing and the browser sends Global Privacy Control; it stays off.',
    ]);
  });

  it('stores nothing for anything else, with a warning', () => {
    expect(allowedFrom('analytics', offered)).toBeNull();
    expect(allowedFrom(null, offered)).toBeNull();
    expect(said()).toEqual([
      '[cookie-consent-banner] setConsent: expected an object of category → boolean or an array of ids; nothing stored.',
    ]);
  });
});
