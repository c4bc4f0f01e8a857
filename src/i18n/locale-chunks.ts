import type { TextTree } from './texts.js';

/**
 * Every shipped language but Turkish and English (those two come with the view) is a chunk of its own. The entry
 * holds this map, not the view, so that a first visit in German requests the view and the German strings at
 * once, side by side, instead of one after the other.
 */
const chunks = import.meta.glob<{ default: TextTree }>(['./*.json', '!./tr.json', '!./en.json'], {
  base: '../../locales/',
});

const loaders = new Map(Object.entries(chunks).map(([path, load]) => [path.slice(2, -5), load]));
const loading = new Map<string, Promise<TextTree>>();

/**
 * Starts loading a language's strings, once per page; `undefined` for a language with no chunk (Turkish, English,
 * or one the site added). A failed load is forgotten, so a later attempt asks again.
 */
export function loadStrings(language: string): Promise<TextTree> | undefined {
  let promise = loading.get(language);
  if (promise) return promise;
  const load = loaders.get(language);
  if (!load) return undefined;
  promise = load().then((module) => module.default);
  loading.set(language, promise);
  promise.catch(() => loading.delete(language));
  return promise;
}
