import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { cleanTexts, declarativeTexts, describesCategory, mergeTexts, type Texts } from '../../src/i18n/texts.js';

// warn() says each distinct message once per process: tests that expect a warning for a message
// that other tests may also trigger load a fresh copy of the module (and so of warn's memory).
async function freshCleanTexts(): Promise<typeof cleanTexts> {
  vi.resetModules();
  // The fresh warn module (and its memory) has its texts loaded too, as the setup file does for the first one.
  await (await import('../../src/internal/warn.js')).loadMessages();
  return (await import('../../src/i18n/texts.js')).cleanTexts;
}

let consoleWarn: MockInstance<typeof console.warn>;

beforeEach(() => {
  consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  consoleWarn.mockRestore();
});

/** What a fresh object inherits under `key`. */
const inherited = (key: string): unknown => (({}) as Record<string, unknown>)[key];

describe('cleanTexts', () => {
  it('keeps nested strings', () => {
    const texts = {
      en: {
        banner: { heading: 'Cookies', notice1: 'We use cookies.' },
        categories: { social: { name: 'Social', description: 'Share buttons.' } },
        close: 'Close',
      },
      'pt-br': { banner: { heading: 'Cookies' } },
    };
    expect(cleanTexts(texts)).toEqual(texts);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('returns a copy, not the same objects', () => {
    const texts = { en: { banner: { heading: 'Cookies' } } };
    const clean = cleanTexts(texts);
    texts.en.banner.heading = 'changed';
    expect(clean).toEqual({ en: { banner: { heading: 'Cookies' } } });
  });

  it('drops non-string leaves', () => {
    const texts = {
      en: {
        keep: 'yes',
        count: 3,
        flag: true,
        nothing: null,
        missing: undefined,
        list: ['a', 'b'],
        fn: () => 'text',
        sym: Symbol('s'),
        big: 10n,
        nested: { keep: 'yes', count: 4, list: [1] },
      },
    };
    expect(cleanTexts(texts)).toEqual({ en: { keep: 'yes', nested: { keep: 'yes' } } });
  });

  it('drops a language whose value is not an object', () => {
    expect(cleanTexts({ en: 'Cookies', de: ['x'], fr: null, tr: { ok: 'tamam' } })).toEqual({ tr: { ok: 'tamam' } });
  });

  it('drops "__proto__" keys and pollutes nothing', () => {
    const texts: unknown = JSON.parse(
      '{"__proto__":{"polluted":"a"},"en":{"__proto__":{"polluted":"b"},"banner":{"__proto__":{"polluted":"c"},"heading":"Hi"}}}',
    );
    const clean = cleanTexts(texts);
    expect(clean).toEqual({ en: { banner: { heading: 'Hi' } } });
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(clean['en'])).toBe(Object.prototype);
    expect(inherited('polluted')).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it('leaves the prototype alone whatever the keys', () => {
    const texts: unknown = JSON.parse(
      '{"en":{"constructor":{"prototype":{"polluted":"d"}},"prototype":{"polluted":"e"},"toString":"x"}}',
    );
    expect(() => cleanTexts(texts)).not.toThrow();
    expect(inherited('polluted')).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect({}.constructor).toBe(Object);
    expect(typeof {}.toString).toBe('function');
  });

  it.each(['__proto__', '_private', '1abc', 'a.b', 'a b', '$ref', 'a/b', 'ş', '', 'k'.repeat(65)])(
    'drops the key %j with a warning',
    async (key) => {
      const cleanTexts = await freshCleanTexts();
      const texts = { en: { [key]: 'dropped', ok: 'kept' } };
      if (key === '__proto__') Object.defineProperty(texts.en, key, { value: 'dropped', enumerable: true });
      expect(cleanTexts(texts)).toEqual({ en: { ok: 'kept' } });
      expect(consoleWarn).toHaveBeenCalledTimes(1);
      expect(consoleWarn.mock.calls[0]?.[0]).toContain('is not allowed');
    },
  );

  it('keeps keys from the allow-list', () => {
    const texts = { en: { a: '1', 'a-b_C9': '2', ['K'.repeat(64)]: '3', Z: '4' } };
    expect(cleanTexts(texts)).toEqual(texts);
  });

  it.each(['english', 'e', '12', 'en_US', 'en-', '__proto__', 'toString', 'en-toolongsubtag'])(
    'drops the language %j with a warning',
    async (language) => {
      const cleanTexts = await freshCleanTexts();
      const texts: Record<string, unknown> = { tr: { ok: 'tamam' } };
      Object.defineProperty(texts, language, { value: { heading: 'x' }, enumerable: true });
      expect(cleanTexts(texts)).toEqual({ tr: { ok: 'tamam' } });
      expect(consoleWarn).toHaveBeenCalledTimes(1);
      expect(consoleWarn.mock.calls[0]?.[0]).toContain('is not a language code');
    },
  );

  it('folds language codes to lower case', () => {
    expect(cleanTexts({ EN: { a: 'x' }, 'pt-BR': { b: 'y' } })).toEqual({ en: { a: 'x' }, 'pt-br': { b: 'y' } });
  });

  it('writes a shipped code in its own case, so site texts for sr-latn override the shipped sr-Latn', () => {
    expect(cleanTexts({ 'sr-latn': { a: 'x' }, 'SR-Latn': { b: 'y' }, SR: { c: 'z' } })).toEqual({
      'sr-Latn': { a: 'x', b: 'y' },
      sr: { c: 'z' },
    });
  });

  it('truncates strings over 4000 characters', () => {
    const clean = cleanTexts({
      en: { long: 'x'.repeat(5000), exact: 'y'.repeat(4000), nested: { long: 'z'.repeat(4001) } },
    });
    expect(clean).toEqual({
      en: { long: 'x'.repeat(4000), exact: 'y'.repeat(4000), nested: { long: 'z'.repeat(4000) } },
    });
  });

  it('keeps strings four keys deep and drops anything deeper, with a warning', () => {
    const texts = { en: { a: { b: { c: { d: 'deep enough', e: { f: 'too deep' } } } }, top: 'ok' } };
    expect(cleanTexts(texts)).toEqual({ en: { a: { b: { c: { d: 'deep enough' } } }, top: 'ok' } });
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0]?.[0]).toContain('"en.a.b.c.e" is nested too deeply');
  });

  it('survives very deep and cyclic input', () => {
    let deep: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < 10_000; i++) deep = { next: deep };
    expect(() => cleanTexts({ en: deep })).not.toThrow();

    const cyclic: Record<string, unknown> = { text: 'x' };
    cyclic['self'] = cyclic;
    expect(cleanTexts({ en: cyclic })).toEqual({
      en: { text: 'x', self: { text: 'x', self: { text: 'x', self: { text: 'x' } } } },
    });
  });

  it('gives {} for null and undefined, without a warning', () => {
    expect(cleanTexts(null)).toEqual({});
    expect(cleanTexts(undefined)).toEqual({});
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['a string', '{"en":{}}'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [{ en: { a: 'x' } }]],
    ['a function', () => ({ en: { a: 'x' } })],
  ])('gives {} for %s, with a warning', async (_name, value) => {
    const fresh = await freshCleanTexts();
    expect(fresh(value)).toEqual({});
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0]?.[0]).toContain('texts: expected an object of languages');
  });
});

describe('describesCategory', () => {
  const texts = (entry: unknown): Texts => cleanTexts({ en: { categories: { social: entry } } });

  it('is true with a non-empty name and description', () => {
    expect(describesCategory(texts({ name: 'Social', description: 'Share buttons.' }), 'social')).toBe(true);
  });

  it.each<[string, unknown]>([
    ['only a name', { name: 'Social' }],
    ['only a description', { description: 'Share buttons.' }],
    ['an empty name', { name: '', description: 'Share buttons.' }],
    ['a blank description', { name: 'Social', description: ' \n\t ' }],
    ['a non-string name', { name: 1, description: 'Share buttons.' }],
    ['a string entry', 'Social'],
    ['an empty entry', {}],
  ])('is false with %s', (_name, entry) => {
    expect(describesCategory(texts(entry), 'social')).toBe(false);
  });

  it('is false for another id, and for inherited names', () => {
    const described = texts({ name: 'Social', description: 'Share buttons.' });
    expect(describesCategory(described, 'video')).toBe(false);
    expect(describesCategory(described, 'constructor')).toBe(false);
    expect(describesCategory(described, 'tostring')).toBe(false);
  });

  it('is false without texts or categories', () => {
    expect(describesCategory({}, 'social')).toBe(false);
    expect(describesCategory({ en: {} }, 'social')).toBe(false);
    expect(describesCategory({ en: { categories: 'none' } }, 'social')).toBe(false);
  });

  it('is true when any language describes the category', () => {
    const clean = cleanTexts({
      en: { categories: { social: { name: 'Social' } } },
      de: { categories: { social: { name: 'Sozial', description: 'Teilen-Knöpfe.' } } },
    });
    expect(describesCategory(clean, 'social')).toBe(true);
  });

  it('does not combine a name and a description from different languages', () => {
    const clean = cleanTexts({
      en: { categories: { social: { name: 'Social' } } },
      de: { categories: { social: { description: 'Teilen-Knöpfe.' } } },
    });
    expect(describesCategory(clean, 'social')).toBe(false);
  });
});

describe('mergeTexts', () => {
  it('merges key by key, the second winning', () => {
    const base: Texts = { en: { banner: { heading: 'A', notice1: 'B' }, close: 'X' }, tr: { close: 'Kapat' } };
    const over: Texts = { en: { banner: { heading: 'C' } }, de: { close: 'Schließen' } };
    expect(mergeTexts(base, over)).toEqual({
      en: { banner: { heading: 'C', notice1: 'B' }, close: 'X' },
      tr: { close: 'Kapat' },
      de: { close: 'Schließen' },
    });
  });

  it('replaces a string with a tree and a tree with a string', () => {
    expect(mergeTexts({ en: { a: 'text', b: { c: 'x' } } }, { en: { a: { d: 'tree' }, b: 'text' } })).toEqual({
      en: { a: { d: 'tree' }, b: 'text' },
    });
  });

  it('changes neither input', () => {
    const base: Texts = { en: { banner: { heading: 'A' } } };
    const over: Texts = { en: { banner: { heading: 'B' } } };
    mergeTexts(base, over);
    expect(base).toEqual({ en: { banner: { heading: 'A' } } });
    expect(over).toEqual({ en: { banner: { heading: 'B' } } });
  });

  it('does not merge into inherited properties', () => {
    const merged = mergeTexts({ en: {} }, { en: { constructor: { name: 'x' }, toString: 'y' } });
    expect(merged['en']).toEqual({ constructor: { name: 'x' }, toString: 'y' });
    expect({}.constructor).toBe(Object);
    expect(typeof {}.toString).toBe('function');
  });
});

describe('declarativeTexts', () => {
  /** A stand-in for the element: only what declarativeTexts reads. */
  const host = (...scripts: string[]): Element =>
    ({ querySelectorAll: () => scripts.map((textContent) => ({ textContent })) }) as unknown as Element;

  it('merges the JSON scripts in order, cleaned', () => {
    const texts = declarativeTexts(
      host(
        '{"en":{"banner":{"heading":"A","notice1":"B"}}}',
        '{"en":{"banner":{"heading":"C"},"count":1},"DE":{"close":"Zu"},"bad key":{"x":"y"}}',
      ),
    );
    expect(texts).toEqual({ en: { banner: { heading: 'C', notice1: 'B' } }, de: { close: 'Zu' } });
  });

  it('gives {} without scripts', () => {
    expect(declarativeTexts(host())).toEqual({});
  });

  it('skips bad JSON with a warning', () => {
    expect(declarativeTexts(host('{"en":{"a":"1"}}', '{not json', '', '{"en":{"b":"2"}}'))).toEqual({
      en: { a: '1', b: '2' },
    });
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0]?.[0]).toContain('not valid JSON');
  });
});
