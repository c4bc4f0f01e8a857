/**
 * The languages Çerez ships, as in `locales/<code>.json`, each with its name in its own language
 * (what the language picker shows). Codes keep BCP 47 case (`sr-Latn`); matching ignores case. Kept here as plain data so that choosing a language, or reading
 * a stored choice, never loads a translation. A unit test checks this against the locale files.
 */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  tr: 'Türkçe',
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  nl: 'Nederlands',
  pl: 'Polski',
  ru: 'Русский',
  uk: 'Українська',
  ar: 'العربية',
  fa: 'فارسی',
  az: 'Azərbaycan dili',
  el: 'Ελληνικά',
  bg: 'Български',
  hr: 'Hrvatski',
  cs: 'Čeština',
  da: 'Dansk',
  et: 'Eesti',
  fi: 'Suomi',
  ga: 'Gaeilge',
  hu: 'Magyar',
  lv: 'Latviešu',
  lt: 'Lietuvių',
  mt: 'Malti',
  pt: 'Português',
  ro: 'Română',
  sk: 'Slovenčina',
  sl: 'Slovenščina',
  sv: 'Svenska',
  he: 'עברית',
  ka: 'ქართული',
  sq: 'Shqip',
  sr: 'Српски (ћирилица)',
  'sr-Latn': 'Srpski (latinica)',
  mk: 'Македонски',
};

/** The shipped languages, Turkish first. */
export const SHIPPED_LANGUAGES: readonly string[] = Object.keys(LANGUAGE_NAMES);

/** The language of the seed notice, and the last fallback. */
export const SOURCE_LANGUAGE = 'tr';

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'dv', 'yi']);

/** `rtl` for right-to-left scripts, else `ltr`. */
export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL.has(language.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

const TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/;

/** Normalises a language tag (`EN_us` → `en-us`); `undefined` when it is not one. */
export function normalizeTag(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const tag = value.trim().toLowerCase().replace(/_/g, '-');
  return TAG.test(tag) ? tag : undefined;
}

/** Deprecated or merged codes a browser may still send, as the code they became. */
const ALIASES: Readonly<Record<string, string>> = { iw: 'he', ji: 'yi', in: 'id', mo: 'ro', sh: 'sr-latn' };

/** The script a tag implies (`sr-ME` → `latn`, `sr` → `cyrl`), from CLDR's likely subtags, lower case. */
function likelyScript(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).maximize().script?.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The available code that serves a candidate tag, in the available code's own case; else `undefined`.
 * Tried in order, ignoring case: the tag itself, then shorter prefixes (`sr-Latn-RS` → `sr-Latn`), then
 * the language in the script the tag implies (`sr-ME` → `sr-Latn`, `pt-BR` → `pt`), then the bare
 * language (`sr-Latn` → `sr` when only Cyrillic is offered). Old codes count as their new ones (`iw` → `he`).
 */
export function matchLanguage(candidate: string | null | undefined, available: readonly string[]): string | undefined {
  const tag = normalizeTag(candidate);
  if (!tag) return undefined;
  const [first = '', ...rest] = tag.split('-');
  const subtags = [...(ALIASES[first] ?? first).split('-'), ...rest];
  const find = (code: string): string | undefined => available.find((a) => a.toLowerCase() === code);
  for (let n = subtags.length; n > 1; n--) {
    const match = find(subtags.slice(0, n).join('-'));
    if (match) return match;
  }
  const primary = subtags[0] ?? '';
  const script = likelyScript(subtags.join('-'));
  return (script ? find(`${primary}-${script}`) : undefined) ?? find(primary);
}

/** The shipped code a site wrote in any case (`SR-latn` → `sr-Latn`); other codes in lower case. */
export function shippedCase(code: string): string {
  const lower = code.toLowerCase();
  return SHIPPED_LANGUAGES.find((shipped) => shipped.toLowerCase() === lower) ?? lower;
}

/** A language in the picker: its code and its name in its own language. */
export interface LanguageOption {
  code: string;
  name: string;
}

/**
 * The picker's options: every language under its own name, in one order that never depends on the
 * language shown (Unicode's root collation: Latin names A–Z, then Greek, Cyrillic, Georgian, Hebrew,
 * Arabic script). Not "current first": a closed select switches on each arrow key, and a list that
 * reordered itself on every switch would trap arrow-key users between two languages.
 */
export function pickerOptions(codes: readonly string[], nameOf: (code: string) => string): LanguageOption[] {
  const collator = new Intl.Collator('und');
  return codes
    .map((code) => ({ code, name: nameOf(code) }))
    .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.code, b.code));
}

/**
 * Picks the first candidate that is available, trying each exact tag, then its prefixes, script and
 * primary language (`de-AT` → `de`, see `matchLanguage`), before moving on to the next candidate. Falls back to Turkish
 * (or, when the site does not offer Turkish, to the first available language).
 */
export function resolveLanguage(candidates: Iterable<string | null | undefined>, available: readonly string[]): string {
  for (const candidate of candidates) {
    const match = matchLanguage(candidate, available);
    if (match) return match;
  }
  return available.includes(SOURCE_LANGUAGE) || available.length === 0
    ? SOURCE_LANGUAGE
    : (available[0] ?? SOURCE_LANGUAGE);
}
