// The npm package: what `npm pack` ships matches what package.json's exports and the README promise,
// and a small TypeScript file that uses the element and its events type-checks against the packed types.
// Runs after `npm run build` (node's own test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Inside the project's node_modules, so the packed types find lit and the other dependencies.
const work = join(root, 'node_modules', '.cache', 'pack-check');

function pack() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const [info] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
  );
  const target = join(work, 'node_modules', 'cerez');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, info.filename), '-C', target, '--strip-components=1']);
  return { files: info.files.map((f) => f.path), target };
}

const { files, target } = pack();

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

test('the package ships every file its exports, main, types and customElements name', () => {
  for (const path of [...exportTargets(pkg.exports), pkg.main, pkg.types, pkg.customElements].map((p) =>
    p.replace(/^\.\//, ''),
  )) {
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
    files.some((f) => /^dist\/chunks\/banner-view-.+\.js$/.test(f)),
    'the view chunk',
  );
  assert.ok(
    files.some((f) => /^dist\/chunks\/ar-.+\.js$/.test(f)),
    'a lazy locale chunk',
  );
  assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('tests/')), 'no sources or tests');
  assert.ok(!files.some((f) => f.endsWith('.map')), 'no source maps');
});

test('a TypeScript file using the element and its events type-checks against the packed types', () => {
  writeFileSync(
    join(work, 'consumer.ts'),
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
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ['consumer.ts'],
    }),
  );
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(work, 'tsconfig.json')], { cwd: work, encoding: 'utf8' });
  } catch (error) {
    assert.fail(`the consumer does not type-check:\n${error.stdout ?? error}`);
  }
  // A wrong use must fail, or this test proves nothing.
  writeFileSync(
    join(work, 'consumer.ts'),
    `document.querySelector('cookie-consent-banner')?.addEventListener('consent-change', (e) => e.detail.nope);\n`,
  );
  assert.throws(() =>
    execFileSync(process.execPath, [tsc, '-p', join(work, 'tsconfig.json')], { cwd: work, stdio: 'pipe' }),
  );
  assert.ok(existsSync(join(target, 'dist', 'types', 'index.d.ts')));
});
