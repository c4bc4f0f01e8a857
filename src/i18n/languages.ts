/**
 * The languages Çerez ships, as in `locales/<code>.json`, with their direction.
 * Kept here as plain data so that reading a stored choice never loads a translation.
 * A unit test checks this list against the locale files.
 */
export const SHIPPED_LANGUAGES: readonly string[] = ['tr', 'en'];

/** The language of the seed notice, and the last fallback. */
export const SOURCE_LANGUAGE = 'tr';

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'dv', 'yi']);

/** `rtl` for right-to-left scripts, else `ltr`. */
export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL.has(language.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

const TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/;

/**
 * Picks the first candidate that is available, trying each exact tag, then its primary language
 * (`de-AT` → `de`), before moving on to the next candidate. Falls back to Turkish.
 */
export function resolveLanguage(candidates: Iterable<string | null | undefined>, available: readonly string[]): string {
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const tag = candidate.trim().toLowerCase().replace(/_/g, '-');
    if (!TAG.test(tag)) continue;
    if (available.includes(tag)) return tag;
    const primary = tag.split('-')[0] ?? tag;
    if (available.includes(primary)) return primary;
  }
  return SOURCE_LANGUAGE;
}
