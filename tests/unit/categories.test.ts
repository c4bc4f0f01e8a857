import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  BUILT_IN_CATEGORIES,
  DEFAULT_CATEGORIES,
  MAX_CATEGORIES,
  NECESSARY,
  parseCategories,
} from '../../src/consent/categories.js';

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
    const ids = Array.from({ length: MAX_CATEGORIES + 5 }, (_, i) => `c${i}`);
    const result = parseCategories(ids.join(' '), everythingDescribed);
    expect(result).toEqual(['necessary', ...ids.slice(0, MAX_CATEGORIES)]);
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0]?.[0]).toContain(`more than ${MAX_CATEGORIES} categories`);
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
