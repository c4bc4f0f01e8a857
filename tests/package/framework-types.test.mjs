// The framework typings and editor data generated from custom-elements.json (scripts/framework-types.mjs): shipped
// in the packed package, named by its exports, and each typing checks a consumer — a React 19 TSX file, a Vue
// component's props, Svelte's element attributes — while a wrong use of each fails. Runs after `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packInto, root, typecheck } from './packed.mjs';

const { work, files, target } = packInto('framework-types-check');
const pkg = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));

const GENERATED = [
  'dist/types/jsx.d.ts',
  'dist/types/vue.d.ts',
  'dist/types/svelte.d.ts',
  'dist/vscode.html-custom-data.json',
  'dist/vscode.css-custom-data.json',
  'dist/web-types.json',
];

const check = (name, source, options = {}) => typecheck(work, name, source, options);

test('the generated typings and editor data are packed, and the package names them', () => {
  for (const file of GENERATED) assert.ok(files.includes(file), `${file} is packed`);
  assert.equal(pkg.exports['./jsx'].types, './dist/types/jsx.d.ts');
  assert.equal(pkg.exports['./vue'].types, './dist/types/vue.d.ts');
  assert.equal(pkg.exports['./svelte'].types, './dist/types/svelte.d.ts');
  assert.equal(pkg['web-types'], './dist/web-types.json');
  const html = JSON.parse(readFileSync(join(target, 'dist/vscode.html-custom-data.json'), 'utf8'));
  const tag = html.tags.find((t) => t.name === 'cookie-consent-banner');
  assert.ok(tag, 'VS Code knows the tag');
  assert.ok(
    tag.attributes.some((a) => a.name === 'consent-signals'),
    'and its attributes',
  );
  const web = JSON.parse(readFileSync(join(target, 'dist/web-types.json'), 'utf8'));
  const element = web.contributions.html.elements.find((e) => e.name === 'cookie-consent-banner');
  assert.ok(
    element.events.some((e) => e.name === 'consent-change'),
    'JetBrains knows its events',
  );
});

test('React 19: the JSX types accept the element, its attributes and onconsent-change; a wrong use fails', () => {
  const header = `import type { CustomElements } from 'cerez/jsx';
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`;
  const react = { jsx: 'react-jsx', types: ['react'] };
  const ok = check(
    'react.tsx',
    `${header}
export const banner = (
  <cookie-consent-banner
    policy-url="/cerez-politikasi"
    position="bottom-end"
    consent-signals="google microsoft"
    onconsent-change={(event) => console.log(event.detail.consent?.categories['analytics'], event.target.open)}
  />
);
`,
    react,
  );
  assert.equal(ok, null, `the consumer type-checks:\n${ok}`);
  const position = check(
    'react.tsx',
    `${header}export const b = <cookie-consent-banner position="middle" />;\n`,
    react,
  );
  assert.match(position ?? '', /"middle"/, 'a position that does not exist fails');
  const detail = check(
    'react.tsx',
    `${header}export const b = <cookie-consent-banner onconsent-change={(e) => e.detail.nope} />;\n`,
    react,
  );
  assert.match(detail ?? '', /nope/, 'a detail field that does not exist fails');
});

test("Vue 3: GlobalComponents types the element's props in templates; a wrong one fails", () => {
  const source = (props) => `import type { GlobalComponents } from 'vue';
import 'cerez/vue';
type Props = GlobalComponents['cookie-consent-banner'] extends new (...args: never[]) => { $props: infer P } ? P : never;
export const props: Props = ${props};
`;
  const ok = check(
    'vue.ts',
    source(
      `{ position: 'center', 'policy-url': '/p', 'onconsent-change': (e) => console.log(e.detail.consent?.method) }`,
    ),
  );
  assert.equal(ok, null, `the consumer type-checks:\n${ok}`);
  assert.match(check('vue.ts', source(`{ position: 'middle' }`)) ?? '', /"middle"/, 'a wrong position fails');
  assert.match(
    check('vue.ts', source(`{ 'onconsent-change': (e) => e.detail.nope }`)) ?? '',
    /nope/,
    'a detail field that does not exist fails',
  );
});

test("Svelte: svelteHTML's IntrinsicElements types the element's attributes; a wrong one fails", () => {
  const source = (attrs) => `import 'cerez/svelte';
type Attributes = svelteHTML.IntrinsicElements['cookie-consent-banner'];
export const attributes: Attributes = ${attrs};
`;
  // As Svelte's own tsconfig (@tsconfig/svelte) does: the generated file names JSX types for children and style,
  // which only a JSX setup defines; the element's attributes are what this checks.
  const svelte = { types: ['svelte'], skipLibCheck: true };
  const ok = check('svelte.ts', source(`{ position: 'top', 'policy-url': '/p' }`), svelte);
  assert.equal(ok, null, `the consumer type-checks:\n${ok}`);
  assert.match(
    check('svelte.ts', source(`{ position: 'middle' }`), svelte) ?? '',
    /"middle"/,
    'a wrong position fails',
  );
  const handler = (body) => source(`{ 'on:consent-change': (e) => ${body} }`);
  assert.equal(check('svelte.ts', handler('e.detail.consent?.method'), svelte), null, 'the event detail is typed');
  assert.match(check('svelte.ts', handler('e.detail.nope'), svelte) ?? '', /nope/, 'a wrong detail field fails');
});

test('the Vue example type-checks with vue-tsc against the packed package; a wrong attribute or detail field fails', () => {
  const site = join(work, 'vue-site');
  mkdirSync(site, { recursive: true });
  const fixture = join(root, 'tests', 'frameworks', 'vue');
  for (const file of ['App.vue', 'main.ts', 'env.d.ts', 'tsconfig.json']) {
    writeFileSync(join(site, file), readFileSync(join(fixture, file), 'utf8'));
  }
  const app = readFileSync(join(fixture, 'App.vue'), 'utf8');
  const vueTsc = join(root, 'node_modules', 'vue-tsc', 'bin', 'vue-tsc.js');
  const run = (source) => {
    writeFileSync(join(site, 'App.vue'), source);
    try {
      execFileSync(process.execPath, [vueTsc, '-p', join(site, 'tsconfig.json')], { cwd: site, encoding: 'utf8' });
      return null;
    } catch (error) {
      return String(error.stdout ?? error);
    }
  };
  const ok = run(app);
  assert.equal(ok, null, `the example type-checks:\n${ok}`);
  assert.ok(app.includes('position="bottom"') && app.includes('heard.push(event.detail)'), 'the example as written');
  assert.match(run(app.replace('position="bottom"', 'position="middle"')) ?? '', /"middle"/);
  assert.match(run(app.replace('heard.push(event.detail)', 'heard.push(event.detail.nope)')) ?? '', /nope/);
});

test('the Svelte example passes svelte-check against the packed package; a wrong attribute or detail field fails', () => {
  // svelte-check skips files under node_modules: the site goes to a folder of its own, with the packed package and
  // svelte linked into its node_modules.
  const site = mkdtempSync(join(tmpdir(), 'cerez-svelte-check-'));
  mkdirSync(join(site, 'node_modules'));
  symlinkSync(target, join(site, 'node_modules', 'cerez'), 'dir');
  symlinkSync(join(root, 'node_modules', 'svelte'), join(site, 'node_modules', 'svelte'), 'dir');
  const fixture = join(root, 'tests', 'frameworks', 'svelte');
  for (const file of ['App.svelte', 'main.ts', 'app.d.ts', 'tsconfig.json']) {
    writeFileSync(join(site, file), readFileSync(join(fixture, file), 'utf8'));
  }
  const app = readFileSync(join(fixture, 'App.svelte'), 'utf8');
  const svelteCheck = join(root, 'node_modules', 'svelte-check', 'bin', 'svelte-check');
  const run = (source) => {
    writeFileSync(join(site, 'App.svelte'), source);
    try {
      execFileSync(process.execPath, [svelteCheck, '--tsconfig', './tsconfig.json', '--output', 'machine'], {
        cwd: site,
        encoding: 'utf8',
      });
      return null;
    } catch (error) {
      return String(error.stdout ?? error);
    }
  };
  const ok = run(app);
  assert.equal(ok, null, `the example passes svelte-check:\n${ok}`);
  assert.ok(app.includes('position="bottom"') && app.includes('heard.push(event.detail)'), 'the example as written');
  assert.match(run(app.replace('position="bottom"', 'position="middle"')) ?? '', /ERROR .*middle.*BannerPosition/);
  assert.match(
    run(app.replace('on:consent-change={onConsentChange}', 'on:consent-change={(e) => e.detail.nope}')) ?? '',
    /ERROR .*nope/,
  );
  rmSync(site, { recursive: true, force: true });
});
