import type { TextTree } from './texts.js';

const files = import.meta.glob<{ default: TextTree }>(['./*.json', '!./tr.json'], {
  base: '../../locales/',
});

/**
 * Imports the chunk of a language that has one (see `locale-chunks.ts`). This is the version for bundlers (dist/npm)
 * and tests; the one-file build (scripts/build.mjs) puts in its place an `import()` of `./chunks/<code>-<hash>.js`
 * beside the entry, one hash for every language, so the entry holds no table of file names.
 */
export function importStrings(code: string): Promise<{ default: TextTree }> {
  const load = files[`./${code}.json`];
  return load ? load() : Promise.reject(new Error(`no strings chunk for "${code}"`));
}
