/**
 * The languages Çerez ships, as in `locales/<code>.json`, each with its name in its own language
 * (what the language picker shows). Kept here as plain data so that choosing a language, or reading
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

/** The candidate itself or its primary language, whichever is available; else `undefined`. */
export function matchLanguage(candidate: string | null | undefined, available: readonly string[]): string | undefined {
  const tag = normalizeTag(candidate);
  if (!tag) return undefined;
  if (available.includes(tag)) return tag;
  const primary = tag.split('-')[0] ?? tag;
  return available.includes(primary) ? primary : undefined;
}

/**
 * Picks the first candidate that is available, trying each exact tag, then its primary language
 * (`de-AT` → `de`), before moving on to the next candidate. Falls back to Turkish
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
