// The browser tests' guard against a stale dist/ (scripts/dist-fresh.mjs, their global setup): dist/ missing, older
// than a file it is built from, or up to date, in a repository laid out in a temporary folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staleDist } from '../../scripts/dist-fresh.mjs';

function layout(t) {
  const root = mkdtempSync(join(tmpdir(), 'cerez-fresh-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const dir of ['src/consent', 'locales', 'scripts']) mkdirSync(join(root, dir), { recursive: true });
  const files = ['src/consent/store.ts', 'locales/tr.json', 'scripts/build.mjs', 'package.json'];
  for (const file of files) writeFileSync(join(root, file), '');
  const at = (file, seconds) => utimesSync(join(root, file), seconds, seconds);
  for (const file of files) at(file, 1000);
  return { root, at };
}

test('no dist/: the run is stopped with what to do', (t) => {
  const { root } = layout(t);
  assert.match(staleDist(root) ?? '', /dist\/ is missing: run `npm run build`/);
});

test('dist/ built after every input: nothing to say', (t) => {
  const { root, at } = layout(t);
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'cookie-consent-banner.js'), '');
  at('dist/cookie-consent-banner.js', 2000);
  assert.equal(staleDist(root), null);
});

test('a source, a locale or the build script changed after dist/: it names the file', (t) => {
  const { root, at } = layout(t);
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'cookie-consent-banner.js'), '');
  at('dist/cookie-consent-banner.js', 2000);
  for (const file of ['src/consent/store.ts', 'locales/tr.json', 'scripts/build.mjs']) {
    at(file, 3000);
    assert.match(staleDist(root) ?? '', new RegExp(`dist/ is older than ${file.replace(/[./]/g, '\\$&')}`));
    at(file, 1000);
  }
});
