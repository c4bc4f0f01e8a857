// The lazy chunks beside dist/cookie-consent-banner.js never import the entry back: a chunk that imported
// `../cookie-consent-banner.js` would, on a page that loads the entry under another URL (`/x/index.js?v=3`, a
// renamed file), fetch and run the whole entry a second time. Each chunk may import only its siblings in
// dist/chunks/, by a relative path that does not depend on the entry's name. Runs after `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const dir = new URL('../../dist/chunks/', import.meta.url);
const chunks = readdirSync(dir).filter((name) => name.endsWith('.js'));

/**
 * Every module specifier a built file names: static `import … from "x"`, `import "x"`, `export … from "x"`, and
 * `import("x")`; a dynamic import of anything but a string literal is reported as `<computed>`.
 */
function specifiers(code) {
  const found = [];
  const quoted = /(["'`])((?:(?!\1)[^\\\n])*)\1/y;
  // `import`/`export` not part of a longer name or a property (`x.import`), then what may follow before a specifier.
  const keyword = /(?<![\w$.])(import|export)(?![\w$])/g;
  for (let match; (match = keyword.exec(code));) {
    let at = keyword.lastIndex;
    const rest = code.slice(at);
    const dynamic = /^\s*\(\s*/.exec(rest);
    const side = /^\s*(?=["'`])/.exec(rest);
    const from = /^\s*(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s+[\w$]+|\*|\{[^}]*\})?\s*from\s*(?=["'`])/.exec(rest);
    const lead = match[1] === 'import' ? (dynamic ?? side ?? from) : from;
    if (!lead) continue;
    at += lead[0].length;
    quoted.lastIndex = at;
    const literal = quoted.exec(code);
    found.push(literal && !(dynamic && literal[1] === '`' && literal[2].includes('${')) ? literal[2] : '<computed>');
  }
  return found;
}

test('the build has lazy chunks: the view and the languages', () => {
  assert.ok(chunks.some((name) => /^banner-ui-.+\.js$/.test(name)));
  assert.ok(chunks.some((name) => /^de-.+\.js$/.test(name)));
});

test('the entry names the view and its language chunks, each by a relative path (the check sees imports)', () => {
  // The entry requests the view and a language's strings side by side, so it is the one that names them: the view
  // by its file name, the languages by one name with the code put in (`./chunks/${code}-<hash>.js`).
  const entry = readFileSync(new URL('../cookie-consent-banner.js', dir), 'utf8');
  const names = specifiers(entry);
  assert.ok(
    names.some((name) => /^\.\/chunks\/banner-ui-.+\.js$/.test(name)),
    `the entry's imports: ${names.join(', ')}`,
  );
  const language = /\bimport\(`\.\/chunks\/\$\{[\w$]+\}(-[\w-]{8}\.js)`\)/.exec(entry);
  assert.ok(language, 'the entry imports `./chunks/${code}-<hash>.js`');
  const codes = readdirSync(new URL('../../locales/', dir))
    .filter((name) => name.endsWith('.json') && name !== 'tr.json')
    .map((name) => name.slice(0, -'.json'.length));
  assert.ok(codes.includes('de'));
  assert.deepEqual(
    codes.filter((code) => !existsSync(new URL(`${code}${language[1]}`, dir))),
    [],
    'every language but tr is a chunk under that name',
  );
});

test('no lazy chunk imports the entry, or anything but a sibling chunk by a relative path', () => {
  const bad = [];
  for (const name of chunks) {
    for (const specifier of specifiers(readFileSync(new URL(name, dir), 'utf8'))) {
      const sibling = /^\.\/[^/?#]+\.js$/.test(specifier) && existsSync(new URL(specifier, dir));
      if (specifier.includes('cookie-consent-banner') || !sibling) bad.push(`${name} imports ${specifier}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('the check catches an import of the entry, of a package and of a computed URL', () => {
  assert.deepEqual(specifiers('import{a as e}from"../cookie-consent-banner.js";export{e as t}'), [
    '../cookie-consent-banner.js',
  ]);
  assert.deepEqual(specifiers('import"lit-html";const t=()=>import(`./de-x.js`),u=e=>import(e)'), [
    'lit-html',
    './de-x.js',
    '<computed>',
  ]);
});

test("the shell and the UI chunk start with V8's compile hint (compiled while they download); the lazy chunks do not", () => {
  const hint = '//# allFunctionsCalledOnLoad\n';
  const starts = (file) => readFileSync(file, 'utf8').startsWith(hint);
  assert.deepEqual(
    chunks.filter((name) => starts(new URL(name, dir))),
    chunks.filter((name) => /^banner-ui-.+\.js$/.test(name)),
  );
  assert.equal(starts(new URL('../cookie-consent-banner.js', dir)), true);
  // The hint is a line of its own: the source map's first line maps nothing, the code begins on the second.
  for (const file of [`${chunks.find((n) => n.startsWith('banner-ui-'))}.map`, '../cookie-consent-banner.js.map']) {
    const map = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    assert.match(map.mappings, /^;/, file);
  }
});

test("the UI chunk prints through the entry's warnings: it bundles no warn.ts of its own, only the relay", () => {
  const name = chunks.find((n) => n.startsWith('banner-ui-'));
  const map = JSON.parse(readFileSync(new URL(`${name}.map`, dir), 'utf8'));
  const sources = map.sources.map((source) => source.replace(/^.*?src\//, 'src/'));
  assert.ok(sources.includes('src/internal/warn-relay.ts'), 'the relay is in the UI chunk');
  assert.ok(!sources.includes('src/internal/warn.ts'), 'no copy of warn.ts in the UI chunk');
  // The messages' texts are loaded by the entry alone.
  assert.ok(!specifiers(readFileSync(new URL(name, dir), 'utf8')).some((s) => s.includes('messages-')));
  const entry = JSON.parse(readFileSync(new URL('../cookie-consent-banner.js.map', dir), 'utf8'));
  assert.ok(entry.sources.some((source) => source.endsWith('src/internal/warn.ts')));
});
