// Builds dist/: the one-file module for plain pages, the npm entry points, and their type declarations.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
// Built beside dist/ and swapped in at the end, so a server reading dist/ never sees it half written.
const out = 'dist.next';
await rm(new URL(`../${out}`, import.meta.url), { recursive: true, force: true });

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Every runtime dependency, and any subpath of it, stays an import in dist/npm/ (`lit-html`, `i18next/…`). */
const dependencies = Object.keys(pkg.dependencies ?? {}).map((name) => new RegExp(`^${escape(name)}($|/)`));

// Source maps are written beside every file and shipped with the package (package.json "files"); each carries
// its sources' text, so it resolves without src/.
const shared = {
  root,
  configFile: false,
  logLevel: 'warn',
  base: './',
  build: {
    target: 'es2022',
    minify: true,
    sourcemap: true,
    emptyOutDir: false,
    modulePreload: false,
    copyPublicDir: false,
  },
};

// dist/: the module for plain pages, in two builds. A chunk that shared a module with the entry would import it
// back from the entry by the entry's file name, and a page that loads the entry under another URL
// (`/x/index.js?v=3`, a renamed file) would then run the whole entry twice; so no chunk imports the entry
// (tests/package/chunks.test.mjs). The entry is a small shell (a returning visit loads nothing else), and the
// banner's UI, built first and on its own, bundles everything it needs, some of it a copy of what the shell has:
// what the two must share at run time (warnings said, language chunks loading) the shell passes to it.
// Built as libraries: Vite then wraps no dynamic import in its preload helper (with modulePreload off it preloads
// nothing anyway). Library builds keep whitespace and comments; `minify` and `comments` below make the output what
// an app build makes. Minifying drops the bundled packages' license comments, so their licenses are collected in
// dist/THIRD-PARTY-LICENSES.md.
const minified = { minify: true, comments: { annotation: false, jsdoc: false, legal: false } };

/** V8's explicit compile hint as the first line of a build's entry (its lazy chunks compile lazily); see its uses. */
const compileHint = (chunk) => (chunk.isEntry ? '//# allFunctionsCalledOnLoad' : undefined);

/** CSS text with its comments and the whitespace it does not need removed (no string in our CSS holds any). */
function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .trim();
}

/**
 * The styles (`css` template literals in src/, see src/view/css.ts) minified in the files that ship: the JavaScript
 * minifier leaves a template's text as written. Only the literal parts change (`${…}` stays as it is), and the
 * source map follows (magic-string), so the code after a stylesheet still maps to its own lines.
 */
const cssMinify = {
  name: 'css-minify',
  transform(code, id) {
    if (!id.startsWith(`${root}src/`) || !code.includes('css`')) return null;
    const edited = new MagicString(code);
    // A tagged template assigned to a name (`const styles = css\`…\``): not a `css` in backticks in a comment.
    for (const match of code.matchAll(/= *css`([^`]*)`/g)) {
      const body = match[1];
      if (!body) continue;
      const start = match.index + match[0].length - body.length - 1;
      const parts = body.split(/(\$\{[^}]*\})/);
      edited.overwrite(start, start + body.length, parts.map((part, i) => (i % 2 ? part : minifyCss(part))).join(''));
    }
    return { code: edited.toString(), map: edited.generateMap({ hires: true, source: id }) };
  },
};

// The UI chunk prints through the entry's warnings (one set of lines said per page): src/internal/warn.ts is, in
// its build, src/internal/warn-relay.ts, connected to the entry's functions when the UI is made.
const warnPath = fileURLToPath(new URL('../src/internal/warn.ts', import.meta.url));
const warnRelay = {
  name: 'warn-relay',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!source.endsWith('/warn.js') || !importer) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === warnPath ? fileURLToPath(new URL('../src/internal/warn-relay.ts', import.meta.url)) : null;
  },
};

const ui = await build({
  ...shared,
  plugins: [warnRelay, cssMinify],
  build: {
    ...shared.build,
    outDir: out,
    // The shell bundles no package: the licenses are those of the UI chunk.
    license: { fileName: 'THIRD-PARTY-LICENSES.md' },
    lib: { entry: { 'banner-ui': 'src/ui/banner-ui.ts' }, formats: ['es'] },
    rollupOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: 'chunks/[name]-[hash].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        ...minified,
        // V8's explicit compile hint (Chrome 136+; other engines read a comment): every function of the UI chunk is
        // compiled while it downloads, off the main thread, instead of on its first call in the first render, where
        // that compilation held the main thread. Measured in 21 interleaved first visits at 4x against a build
        // without it: banner visible 7 ms sooner, 6 ms less script time, fewer tasks over 50 ms, 72 kB more heap (the
        // bytecode of every function, called or not). The shell has it too (below). The UI's lazy chunks (the
        // placeholders, the messages) compile lazily.
        postBanner: compileHint,
      },
    },
  },
});
const uiFile = [ui]
  .flat()
  .flatMap((result) => result.output)
  .find((file) => file.type === 'chunk' && file.isEntry)?.fileName;
if (!uiFile) throw new Error('the UI build made no entry chunk');

// Every language but Turkish (which the UI chunk holds) is a chunk of its own, and all of them are named
// with one hash of their built code (`chunks/de-<hash>.js`): a changed language gets new URLs, and the entry holds
// only that hash (its list of languages it has anyway), not a table of 34 file names. src/i18n/locale-import.ts
// is replaced in the entry's build by an `import()` of that name, relative to the entry wherever it is served.
const LOCALE_HASH = 'LOCALEHASH';
const languages = (await readdir(new URL('../locales/', import.meta.url)))
  .filter((name) => name.endsWith('.json') && name !== 'tr.json')
  .map((name) => name.slice(0, -'.json'.length))
  .sort();
const locales = await build({
  ...shared,
  build: {
    ...shared.build,
    write: false,
    lib: {
      entry: Object.fromEntries(languages.map((code) => [code, `locales/${code}.json`])),
      formats: ['es'],
    },
    rollupOptions: {
      output: { entryFileNames: `chunks/[name]-${LOCALE_HASH}.js`, ...minified },
    },
  },
});
const localeFiles = [locales]
  .flat()
  .flatMap((result) => result.output)
  .sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
const localeHash = localeFiles
  .reduce(
    (hash, file) => hash.update(file.fileName).update(file.type === 'chunk' ? file.code : file.source),
    createHash('sha256'),
  )
  .digest('base64url')
  .slice(0, 8);
await mkdir(new URL(`../${out}/chunks/`, import.meta.url), { recursive: true });
for (const file of localeFiles) {
  const body = String(file.type === 'chunk' ? file.code : file.source).replaceAll(LOCALE_HASH, localeHash);
  await writeFile(new URL(`../${out}/${file.fileName.replace(LOCALE_HASH, localeHash)}`, import.meta.url), body);
}
const localeImport = {
  name: 'locale-import',
  load(id) {
    if (id !== fileURLToPath(new URL('../src/i18n/locale-import.ts', import.meta.url))) return null;
    // A variable, not a template in `import()`: Vite would otherwise look for the files beside the source.
    return `export function importStrings(code) { const url = \`./chunks/\${code}-${localeHash}.js\`; return import(url); }`;
  },
};

// The element's only decorators are `@property` (src/internal/reactive-host.ts), on fields: each gets no descriptor
// and returns nothing. TypeScript's `__decorate`, which oxc bundles for them, also serves class, method and accessor
// decorators and `Reflect.decorate`; the shell gets one that calls field decorators, last first, as it does, and
// throws when the module loads if it is ever handed anything else (so every test would fail, not quietly pass).
const decorateHelper = {
  name: 'decorate-helper',
  transform(code, id) {
    if (!/@oxc-project\+runtime@[^/]+\/helpers\/esm\/decorate\.js$/.test(id)) return null;
    return `export default function decorate(decorators, target, key, desc) {
  for (let i = decorators.length; i--; ) {
    if (key === undefined || desc !== undefined || decorators[i](target, key) !== undefined) {
      throw new TypeError('[cookie-consent-banner] field decorators only');
    }
  }
}`;
  },
};

// The shell's `import('../ui/banner-ui.js')` (src/controllers/ui-loader.ts) names the UI build's file, relative to the entry wherever it is served.
const uiChunk = {
  name: 'ui-chunk',
  resolveDynamicImport(specifier) {
    if (typeof specifier === 'string' && specifier.endsWith('/ui/banner-ui.js')) {
      return { id: `./${uiFile}`, external: 'absolute' };
    }
    return null;
  },
};

await build({
  ...shared,
  plugins: [uiChunk, localeImport, decorateHelper, cssMinify],
  build: {
    ...shared.build,
    outDir: out,
    lib: { entry: { 'cookie-consent-banner': 'src/define.ts' }, formats: ['es'] },
    rollupOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        ...minified,
        // The same compile hint on the shell (its chunks compile lazily): a returning visit runs about half of its
        // functions, which V8 otherwise compiles one by one on the main thread at their first call. Measured
        // (2026-12-03, 4x, interleaved A/B of 21 visits each): returning visits 8-13 ms less script time, first
        // visits 4-15 ms less and consent-show 3-59 ms sooner, for 52 kB more heap on either visit.
        postBanner: compileHint,
      },
    },
  },
});

// dist/npm/: for bundlers. lit's two parts, i18next and js-cookie stay dependencies, so a site that has them loads
// them once (one lit-html, one Trusted Types policy named lit-html).
await build({
  ...shared,
  build: {
    ...shared.build,
    minify: false,
    outDir: `${out}/npm`,
    lib: { entry: { index: 'src/index.ts', define: 'src/define.ts' }, formats: ['es'] },
    rollupOptions: {
      external: dependencies,
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

execFileSync(
  process.execPath,
  [fileURLToPath(import.meta.resolve('typescript/bin/tsc')), '-p', 'tsconfig.build.json', '--outDir', `${out}/types`],
  { cwd: root, stdio: 'inherit' },
);

// custom-elements.json from the element's JSDoc, then the framework typings and editor data generated from it, into
// the new dist/ (every build, `npm run dev`'s too, so dist/ is always whole).
execFileSync(
  process.execPath,
  [fileURLToPath(import.meta.resolve('@custom-elements-manifest/analyzer/cem.js')), 'analyze', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
execFileSync(process.execPath, ['scripts/framework-types.mjs', out], { cwd: root, stdio: 'inherit' });

await rm(new URL('../dist.old', import.meta.url), { recursive: true, force: true });
await rename(new URL('../dist', import.meta.url), new URL('../dist.old', import.meta.url)).catch(() => {});
await rename(new URL(`../${out}`, import.meta.url), new URL('../dist', import.meta.url));
await rm(new URL('../dist.old', import.meta.url), { recursive: true, force: true });
