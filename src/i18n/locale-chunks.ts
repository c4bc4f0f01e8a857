import { SHIPPED_LANGUAGES } from './languages.js';
import { importStrings } from './locale-import.js';
import type { TextTree } from './texts.js';

/**
 * Every shipped language but Turkish (the notice's own, which comes with the view) is a chunk of its own, English
 * too. The entry loads them, not the view, so that a first visit in German requests the view and the German
 * strings at once, side by side, instead of one after the other.
 */
const chunked = SHIPPED_LANGUAGES.filter((code) => code !== 'tr');
const loading = new Map<string, Promise<TextTree>>();

/**
 * Starts loading a language's strings, once per page; `undefined` for a language with no chunk (Turkish, or one
 * the site added). A failed load is forgotten, so a later attempt asks again.
 */
export function loadStrings(language: string): Promise<TextTree> | undefined {
  let promise = loading.get(language);
  if (promise) return promise;
  if (!chunked.includes(language)) return undefined;
  promise = importStrings(language).then((module) => module.default);
  loading.set(language, promise);
  promise.catch(() => loading.delete(language));
  return promise;
}

/**
 * The chunk language the banner will most likely show, worked out cheaply so that its strings can be requested
 * beside the UI chunk: the first candidate (the visitor's pick, `lang`, `<html lang>`, the browser's languages)
 * whose tag or primary subtag has a chunk, within the site's `languages`. The UI's own resolution decides; when it
 * differs (a script variant, a site language), the UI requests its language itself.
 */
export function firstLanguage(
  candidates: readonly (string | null | undefined)[],
  limit: string | null,
): string | undefined {
  const allowed = limit?.trim() ? limit.toLowerCase().split(/\s+/) : undefined;
  for (const candidate of candidates) {
    const tag = candidate?.trim().toLowerCase();
    if (!tag) continue;
    const primary = tag.split(/[-_]/)[0] ?? tag;
    for (const code of [tag, primary]) {
      const chunk = chunked.find((key) => key.toLowerCase() === code);
      if (chunk && (!allowed || allowed.includes(code))) return chunk;
    }
    // Turkish comes with the UI chunk: nothing to request beside it.
    if (primary === 'tr') return undefined;
  }
  return undefined;
}
