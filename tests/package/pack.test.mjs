// The npm package: what `npm pack` ships matches what package.json's exports and the README promise, the npm
// build leaves its dependencies to the site, every source map it names is shipped, the LICENSE matches, and a small
// TypeScript file that uses the element and its events type-checks against the packed types.
// Runs after `npm run build` (node's own test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { packInto, root, typecheck } from './packed.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { work, files, target } = packInto('pack-check');

/** Every file an exports target names (wildcards expanded against the packed files). */
function exportTargets(exports) {
  const out = [];
  const walk = (value) => {
    if (typeof value === 'string') out.push(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(exports);
  return out;
}

test('the package ships every file its exports, main, types, customElements, unpkg and jsdelivr name', () => {
  assert.equal(pkg.unpkg, './dist/cookie-consent-banner.js', 'a CDN serves the one-file build');
  assert.equal(pkg.jsdelivr, pkg.unpkg);
  for (const path of [
    ...exportTargets(pkg.exports),
    pkg.main,
    pkg.types,
    pkg.customElements,
    pkg.unpkg,
    pkg.jsdelivr,
  ].map((p) => p.replace(/^\.\//, ''))) {
    if (path.includes('*')) {
      const [head, tail] = path.split('*');
      assert.ok(
        files.some((f) => f.startsWith(head) && f.endsWith(tail)),
        `${path} matches a packed file`,
      );
    } else {
      assert.ok(files.includes(path), `${path} is packed`);
    }
  }
});

test('the package ships the one-file build with its chunks, the locales, the manifest and the README', () => {
  for (const path of ['dist/cookie-consent-banner.js', 'custom-elements.json', 'README.md', 'locales/tr.json']) {
    assert.ok(files.includes(path), path);
  }
  assert.ok(
    files.some((f) => /^dist\/chunks\/banner-ui-.+\.js$/.test(f)),
    'the view chunk',
  );
  assert.ok(
    files.some((f) => /^dist\/chunks\/ar-.+\.js$/.test(f)),
    'a lazy locale chunk',
  );
  assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('tests/')), 'no sources or tests');
});

const read = (file) => readFileSync(join(target, file), 'utf8');
const dependencies = Object.keys(pkg.dependencies);
/** The package a bare specifier names: `@lit/reactive-element/decorators.js` → `@lit/reactive-element`. */
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
/** Every module specifier in built ES code: `import … from`, `export … from`, `import '…'` and `import('…')`. */
const specifiers = (code) =>
  [
    ...code.matchAll(/(?:^|[\s;}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["'`]([^"'`]+)["'`]/g),
    ...code.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g),
  ].map((m) => m[1]);

/** Text that only each dependency's own code holds: found in dist/npm, the dependency was bundled. */
const MARKERS = {
  'lit-html': ['litHtmlVersions', 'createPolicy("lit-html"'],
  '@lit/reactive-element': ['reactiveElementVersions'],
  i18next: ['i18next is already initialized'],
  'js-cookie': ['withConverter'],
};

test('the npm build bundles none of its dependencies: it imports them, by bare name, and nothing else', () => {
  assert.deepEqual(Object.keys(MARKERS).sort(), [...dependencies].sort(), 'a marker for every dependency');
  const built = files.filter((f) => f.startsWith('dist/npm/') && f.endsWith('.js'));
  assert.ok(built.length > 2, 'dist/npm holds the entry points and their chunks');
  const imported = new Set();
  for (const file of built) {
    const code = read(file);
    assert.ok(!code.includes('node_modules/'), `${file} bundles nothing from node_modules`);
    for (const [dependency, markers] of Object.entries(MARKERS)) {
      for (const marker of markers) assert.ok(!code.includes(marker), `${file} bundles no ${dependency} (${marker})`);
    }
    for (const specifier of specifiers(code)) {
      if (specifier.startsWith('./') || specifier.startsWith('../')) {
        const resolved = posix.join(posix.dirname(file), specifier);
        assert.ok(files.includes(resolved), `${file}: ${specifier} is packed`);
      } else {
        assert.ok(dependencies.includes(packageOf(specifier)), `${file}: ${specifier} is a dependency`);
        imported.add(packageOf(specifier));
      }
    }
  }
  assert.deepEqual([...imported].sort(), [...dependencies].sort(), 'dist/npm imports each of its dependencies');
});

test('every source map a shipped file names is shipped, and carries its sources', () => {
  const scripts = files.filter((f) => f.endsWith('.js'));
  let named = 0;
  for (const file of scripts) {
    for (const [, url] of read(file).matchAll(/[#@] sourceMappingURL=(\S+)/g)) {
      named++;
      assert.ok(!/^[a-z]+:/i.test(url), `${file} names a relative map (${url})`);
      const map = posix.join(posix.dirname(file), url);
      assert.ok(files.includes(map), `${file}: its map ${map} is packed`);
      const { sources, sourcesContent = [] } = JSON.parse(read(map));
      assert.equal(sourcesContent.length, sources.length, `${map} carries the text of its sources`);
      assert.ok(
        sourcesContent.every((text) => typeof text === 'string' && text.length > 0),
        `${map}: no empty source`,
      );
    }
  }
  assert.ok(named > 0, 'the built files have source maps');
  assert.ok(files.includes('dist/cookie-consent-banner.js.map'), 'the one-file build’s map');
});

test('the LICENSE is shipped and is the license package.json names', () => {
  assert.ok(files.includes('LICENSE'), 'LICENSE is packed');
  assert.equal(pkg.license, 'MIT');
  const license = read('LICENSE');
  assert.match(license, /^MIT License\n\nCopyright \(c\) \d{4} Çerez contributors\n/);
  assert.ok(license.includes('Permission is hereby granted, free of charge, to any person obtaining a copy'));
  assert.ok(license.includes('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND'));
});

test('the one-file build, which bundles the dependencies, ships their licenses', () => {
  assert.ok(files.includes('dist/THIRD-PARTY-LICENSES.md'), 'dist/THIRD-PARTY-LICENSES.md is packed');
  const notices = read('dist/THIRD-PARTY-LICENSES.md');
  for (const dependency of dependencies) {
    const { version, license } = JSON.parse(readFileSync(join(root, 'node_modules', dependency, 'package.json')));
    assert.ok(notices.includes(`## ${dependency} - ${version} (${license})`), `${dependency} ${version}, ${license}`);
  }
  assert.match(notices, /Copyright \(c\) 2017 Google LLC/);
});

test('a TypeScript file using the element and its events type-checks against the packed types', () => {
  const ok = typecheck(
    work,
    'consumer.ts',
    `import { CookieConsentBanner, type Consent, type ConsentChangeEvent } from 'cerez';
import 'cerez/define';

const banner = document.querySelector('cookie-consent-banner');
if (banner) {
  const element: CookieConsentBanner = banner;
  const current: Consent | null = element.consent;
  element.addEventListener('consent-change', (event) => {
    const consent: Consent | null = event.detail.consent;
    const changed: readonly string[] = event.detail.changed;
    console.log(consent?.categories['analytics'], changed, event.detail.source, current);
  });
  document.addEventListener('consent-ready', (event) => console.log(event.detail.consent?.timestamp));
  window.addEventListener('consent-language-change', (event) => console.log(event.detail.language));
  const handler = (event: ConsentChangeEvent) => event.detail.withdrawn.length;
  element.addEventListener('consent-change', handler);
  element.setConsent({ analytics: true });
  element.showPreferences();
  const allowed: boolean = element.hasConsent('marketing');
  console.log(allowed);
}
`,
  );
  assert.equal(ok, null, `the consumer does not type-check:\n${ok}`);
  // A wrong use must fail, or this test proves nothing: with the package's types loaded, for the wrong field.
  const wrong = typecheck(
    work,
    'consumer.ts',
    `import 'cerez/define';\ndocument.querySelector('cookie-consent-banner')?.addEventListener('consent-change', (e) => e.detail.nope);\n`,
  );
  assert.match(wrong ?? '', /'nope' does not exist/);
  assert.ok(existsSync(join(target, 'dist', 'types', 'index.d.ts')));
  // The one-file build, imported by its subpath (a site that bundles it as it is), has the same types.
  const oneFile = typecheck(
    work,
    'consumer.ts',
    `import { CookieConsentBanner } from 'cerez/cookie-consent-banner.js';
const element: CookieConsentBanner | null = document.querySelector('cookie-consent-banner');
console.log(element?.hasConsent('analytics'));
`,
  );
  assert.equal(oneFile, null, `the one-file build's subpath does not type-check:\n${oneFile}`);
});

test('on a server (Node, no DOM: Next.js, Vite SSR) importing the package does not throw and defines nothing', () => {
  const script = `
const { CookieConsentBanner } = await import('cerez');
await import('cerez/define');
await import('cerez/cookie-consent-banner.js');
console.log(JSON.stringify({ cls: typeof CookieConsentBanner, dom: typeof HTMLElement, registry: typeof customElements }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: work, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), { cls: 'function', dom: 'undefined', registry: 'undefined' });
});
