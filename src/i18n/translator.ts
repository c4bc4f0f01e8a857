import i18next, { type FormatterModule, type TFunction } from 'i18next';
import tr from '../../locales/tr.json';
import { SHIPPED_LANGUAGES, SOURCE_LANGUAGE } from './languages.js';
import type { TextTree, Texts } from './texts.js';
import { LIST_FORMS, type ListPatterns } from './list.js';

/**
 * Turkish, the notice's own language, comes with the view; every other language, English too, is its own chunk,
 * which the element's entry loads (see `locale-chunks.ts`) and hands over.
 */
const bundled: Record<string, TextTree> = { tr };

/** The language a site-added one falls back to, key by key, before Turkish. */
const FALLBACK = 'en';

/**
 * Digits chosen per language where a default would be wrong for its sites: Persian sites write ۱۲۳, so
 * `fa` always does; Arabic sites mostly write 123 (and CLDR 48 says so for `ar`), so `ar` is pinned to Latin
 * digits, whatever the browser's CLDR version. Every other language takes Intl's default for it.
 */
const NUMBERING: Readonly<Record<string, string>> = { fa: 'arabext', ar: 'latn' };
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Persian's digits, 0 to 9 (`arabext`). */
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/**
 * A number as the language writes it. A whole number below 1000 in a shipped language is written without Intl
 * (the first Intl formatter a page makes loads ICU's data, about 70 ms at 4× CPU throttling): Persian's digits for
 * Persian, Latin digits for every other (CLDR's default for each of them, a unit test checks; no grouping below
 * 1000). Anything else goes through `Intl.NumberFormat`.
 */
export function formatNumber(value: number, language: string): string {
  const numberingSystem = NUMBERING[language.split('-')[0] ?? ''];
  if (Number.isInteger(value) && value >= 0 && value < 1000 && SHIPPED_LANGUAGES.includes(language)) {
    const text = String(value);
    return numberingSystem === 'arabext'
      ? text.replace(/\d/g, (digit) => PERSIAN_DIGITS[Number(digit)] ?? digit)
      : text;
  }
  let format = numberFormats.get(language);
  if (!format) {
    try {
      format = new Intl.NumberFormat(language, numberingSystem ? { numberingSystem } : {});
    } catch {
      return String(value);
    }
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/**
 * i18next's formatter, for numbers only: with `alwaysFormat`, every number in a string (`{{count}}` or
 * `{{count, number}}`) is written with `Intl.NumberFormat` in the language shown, in its digits.
 */
const numbers: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, format?: string, language?: string): string =>
    typeof value === 'number' && (!format || format.trim() === 'number') && language
      ? formatNumber(value, language)
      : (value as string), // anything else as it is, `undefined` included (i18next then reports it missing)
};

/**
 * The library's own i18next instance: never the page's global `i18next`, which the host may use itself.
 * Lit escapes every text binding, so i18next's own escaping is off (one escaping layer, not two).
 * Numbers go through `numbers` above.
 */
const instance = i18next.createInstance().use(numbers);
void instance.init({
  initAsync: false,
  resources: Object.fromEntries(Object.entries(bundled).map(([lng, res]) => [lng, { translation: res }])),
  lng: SOURCE_LANGUAGE,
  fallbackLng: [FALLBACK, SOURCE_LANGUAGE],
  interpolation: { escapeValue: false, alwaysFormat: true },
  returnNull: false,
});

const builtIn = new Map<string, TextTree>(Object.entries(bundled));
let applied: Texts = {};

/** Translations already made, per language and key (and options): the view renders on every update. */
const made = new Map<string, Map<string, string>>();

function install(language: string): void {
  // A language's strings changed, and with them maybe others' fallbacks: make every translation again.
  for (const texts of made.values()) texts.clear();
  const base = builtIn.get(language);
  const extra = applied[language];
  instance.removeResourceBundle(language, 'translation');
  if (base) instance.addResourceBundle(language, 'translation', base, true, true);
  if (extra) instance.addResourceBundle(language, 'translation', extra, true, true);
}

/** Applies site texts, merged key by key over the built-in ones; replaces earlier site texts. */
export function applyTexts(texts: Texts): void {
  const touched = new Set([...Object.keys(applied), ...Object.keys(texts)]);
  applied = texts;
  for (const language of touched) install(language);
}

/**
 * Makes sure a language's strings are in memory. Resolves to the language that can be shown:
 * the one asked for, or Turkish if it is unknown or fails to load (told to `warn`, the element's own, so that the
 * view's chunk imports nothing from the element's entry). `strings` is the element's load of the language's
 * chunk, already under way (`undefined` when it has none).
 */
export async function loadLanguage(
  language: string,
  warn: (message: string) => void,
  strings: (language: string) => Promise<TextTree> | undefined,
): Promise<string> {
  if (builtIn.has(language)) return language;
  const load = strings(language);
  if (!load) {
    if (!applied[language]) return SOURCE_LANGUAGE;
    // A language the site added: what its texts leave out is English's (a chunk), else Turkish's.
    if (!builtIn.has(FALLBACK)) await fetched(FALLBACK, warn, strings(FALLBACK), 'Turkish fills its gaps');
    return language;
  }
  return (await fetched(language, warn, load, 'Turkish is shown')) ? language : SOURCE_LANGUAGE;
}

/** Installs a shipped language's strings once they have loaded; `false`, with a warning, if they did not. */
async function fetched(
  language: string,
  warn: (message: string) => void,
  load: Promise<TextTree> | undefined,
  instead: string,
): Promise<boolean> {
  try {
    if (!load) throw new Error('no chunk');
    builtIn.set(language, await load);
    install(language);
    return true;
  } catch (error) {
    warn(`could not load the "${language}" translation (${String(error)}); ${instead}.`);
    return false;
  }
}

/** A translate function fixed to one language: a key, and its values (a `count` where the string has plural forms). */
export type Translate = (key: string, options?: Readonly<Record<string, string | number>>) => string;

/** Whether a stored string needs i18next's interpolation and nesting pass (`{{…}}` or `$t(…)`). */
const needsPass = (text: string): boolean => text.includes('{{') || text.includes('$t(');

/**
 * A text with no values. A string the language itself stores (its built-in strings with the site's texts merged
 * over them) that has nothing for interpolation or nesting is taken from i18next's store as it is: `t()`'s
 * resolution, options and post-processing cost several times the lookup, on every string of the first render. A
 * key the language lacks goes through `t()`, for its fallbacks; a string with `{{…}}` or `$t(…)` too.
 */
function plain(t: TFunction, language: string, key: string): string {
  const stored: unknown = instance.getResource(language, 'translation', key);
  if (typeof stored === 'string' && !needsPass(stored)) return stored;
  const raw = t(key, { skipInterpolation: true });
  return needsPass(raw) ? t(key) : raw;
}

/**
 * A translate function fixed to one language. Each text is made once per language (i18next's lookup, fallback
 * and formatting cost more than the rest of a render) until the strings change.
 */
export function translator(language: string): Translate {
  const t: TFunction = instance.getFixedT(language);
  let texts = made.get(language);
  if (!texts) made.set(language, (texts = new Map()));
  const cache = texts;
  return (key, options) => {
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    let text = cache.get(id);
    if (text === undefined) {
      text = options === undefined ? plain(t, language, key) : t(key, options);
      cache.set(id, text);
    }
    return text;
  };
}

/**
 * The language's own list patterns (`list` in its strings, the site's texts over the built-in ones), or `undefined`
 * when it has none of its own (a site-added language without them): never another language's "and".
 */
export function listPatterns(language: string): ListPatterns | undefined {
  const trees = [applied[language]?.['list'], builtIn.get(language)?.['list']];
  const patterns: Partial<Record<(typeof LIST_FORMS)[number], string>> = {};
  for (const form of LIST_FORMS) {
    for (const tree of trees) {
      const value = typeof tree === 'object' ? tree[form] : undefined;
      if (typeof value === 'string') {
        patterns[form] = value;
        break;
      }
    }
    if (patterns[form] === undefined) return undefined;
  }
  return patterns as ListPatterns;
}
