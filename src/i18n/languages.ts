/**
 * The languages Çerez ships, as in `locales/<code>.json`, Turkish first. Codes keep BCP 47 case (`sr-Latn`:
 * Serbian in Latin; `sr` is Cyrillic, the official script); matching ignores case. Plain codes here, so that
 * choosing a language, or reading a stored choice, loads no translation and no names (those are in `names.ts`,
 * with the view). A unit test checks this against the locale files.
 */
export const SHIPPED_LANGUAGES: readonly string[] =
  'tr en de fr es it nl pl ru uk ar fa az el bg hr cs da et fi ga hu lv lt mt pt ro sk sl sv he ka sq sr sr-Latn mk'.split(
    ' ',
  );

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

/** Likely scripts already looked up: `Intl.Locale#maximize` is costly (CLDR data), and the same tags recur. */
const scripts = new Map<string, string | undefined>();

/** The script a tag implies (`sr-ME` → `latn`, `sr` → `cyrl`), from CLDR's likely subtags, lower case. */
function likelyScript(tag: string): string | undefined {
  if (scripts.has(tag)) return scripts.get(tag);
  let script: string | undefined;
  try {
    script = new Intl.Locale(tag).maximize().script?.toLowerCase();
  } catch {
    script = undefined;
  }
  scripts.set(tag, script);
  return script;
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
  // The implied script matters only where the language is offered in a script of its own (`sr-Latn`).
  const scripted = available.some((a) => a.toLowerCase().startsWith(`${primary}-`));
  const script = scripted ? likelyScript(subtags.join('-')) : undefined;
  return (script ? find(`${primary}-${script}`) : undefined) ?? find(primary);
}

/** The shipped code a site wrote in any case (`SR-latn` → `sr-Latn`); other codes in lower case. */
export function shippedCase(code: string): string {
  const lower = code.toLowerCase();
  return SHIPPED_LANGUAGES.find((shipped) => shipped.toLowerCase() === lower) ?? lower;
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
