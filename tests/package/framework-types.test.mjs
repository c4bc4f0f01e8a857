// The framework typings and editor data generated from custom-elements.json (scripts/framework-types.mjs): shipped
// in the packed package, named by its exports, and each typing checks a consumer — React 19, Preact and Solid TSX
// files, a Vue component's props, Svelte's element attributes — while a wrong use of each fails. The examples
// (examples/) are type-checked as they are written, and with a wrong use that must fail. Runs after `npm run build`.
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
  // Both wrong uses in one file (one compiler run): each is reported on its own line.
  const wrong = check(
    'react.tsx',
    `${header}export const a = <cookie-consent-banner position="middle" />;
export const b = <cookie-consent-banner onconsent-change={(e) => e.detail.nope} />;
`,
    react,
  );
  assert.match(wrong ?? '', /react\.tsx\(7,.*"middle"/, 'a position that does not exist fails');
  assert.match(wrong ?? '', /react\.tsx\(8,.*'nope'/, 'a detail field that does not exist fails');
});

test('Preact: the JSX types accept the element, its attributes and onconsent-change; a wrong use fails', () => {
  // As the README says: `CustomElements` added to Preact's JSX namespace.
  const header = `import type { CustomElements } from 'cerez/jsx';
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`;
  // skipLibCheck, as Preact's starter tsconfig has it (cerez's jsx.d.ts is checked without it in the React test).
  const preact = { jsx: 'react-jsx', jsxImportSource: 'preact', skipLibCheck: true };
  const ok = check(
    'preact.tsx',
    `${header}
export const banner = (
  <cookie-consent-banner
    policy-url="/cerez-politikasi"
    position="bottom-end"
    onconsent-change={(event) => console.log(event.detail.consent?.categories['analytics'], event.target.open)}
  />
);
`,
    preact,
  );
  assert.equal(ok, null, `the consumer type-checks:\n${ok}`);
  // Both wrong uses in one file (one compiler run): each is reported.
  const wrong = check(
    'preact.tsx',
    `${header}export const a = <cookie-consent-banner position="middle" />;
export const b = <cookie-consent-banner onconsent-change={(e) => e.detail.nope} />;
`,
    preact,
  );
  assert.match(wrong ?? '', /preact\.tsx\(7,.*"middle"/, 'a position that does not exist fails');
  assert.match(wrong ?? '', /preact\.tsx\(8,.*'nope'/, 'a detail field that does not exist fails');
});

test('Solid: CustomElementsSolidJs types the element, its attr:/prop: forms and on:consent-change; a wrong use fails', () => {
  // As the generated file's notes say: Solid takes `CustomElementsSolidJs`, which adds the `attr:`, `prop:` and
  // `on:` forms. The augmentation needs solid-js in the program, as every Solid component file has it.
  const header = `import type { Component } from 'solid-js';
import type { CustomElementsSolidJs } from 'cerez/jsx';
declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements extends CustomElementsSolidJs {}
  }
}
`;
  // skipLibCheck, as Solid's starter tsconfig has it (cerez's jsx.d.ts is checked without it in the React test).
  const solid = { jsx: 'preserve', jsxImportSource: 'solid-js', skipLibCheck: true };
  const component = (element) => `${header}export const Banner: Component = () => ${element};\n`;
  const ok = check(
    'solid.tsx',
    component(`(
  <cookie-consent-banner
    position="bottom-end"
    prop:consentMode={true}
    attr:policy-url="/cerez-politikasi"
    prop:revision="2"
    on:consent-change={(event) => console.log(event.detail.consent?.method, event.target.open)}
  />
)`),
    solid,
  );
  assert.equal(ok, null, `the consumer type-checks:\n${ok}`);
  const wrong = check(
    'solid.tsx',
    `${header}export const A: Component = () => <cookie-consent-banner position="middle" />;
export const B: Component = () => <cookie-consent-banner prop:position="middle" />;
export const C: Component = () => <cookie-consent-banner on:consent-change={(e) => e.detail.nope} />;
`,
    solid,
  );
  assert.match(wrong ?? '', /solid\.tsx\(8,.*"middle"/, 'a position that does not exist fails');
  assert.match(wrong ?? '', /solid\.tsx\(9,.*"middle"/, 'as a property too');
  assert.match(wrong ?? '', /solid\.tsx\(10,.*'nope'/, 'a detail field that does not exist fails');
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
  // Both wrong uses in one file (one compiler run): each is reported on its own line.
  const wrong = check(
    'vue.ts',
    `${source(`{ position: 'middle' }`)}export const other: Props = { 'onconsent-change': (e) => e.detail.nope };\n`,
  );
  assert.match(wrong ?? '', /vue\.ts\(4,.*"middle"/, 'a wrong position fails');
  assert.match(wrong ?? '', /vue\.ts\(5,.*'nope'/, 'a detail field that does not exist fails');
});

test("Svelte: svelteHTML's IntrinsicElements types the element's attributes; a wrong one fails", () => {
  const source = (attrs) => `import 'cerez/svelte';
type Attributes = svelteHTML.IntrinsicElements['cookie-consent-banner'];
export const attributes: Attributes = ${attrs};
`;
  // As Svelte's own tsconfig (@tsconfig/svelte) does: the generated file names JSX types for children and style,
  // which only a JSX setup defines; the element's attributes are what this checks.
  const svelte = { types: ['svelte'], skipLibCheck: true };
  // The attributes and a typed handler in one run, both wrong uses in another.
  const ok = check(
    'svelte.ts',
    `${source(`{ position: 'top', 'policy-url': '/p' }`)}export const handler: Attributes = { 'on:consent-change': (e) => e.detail.consent?.method };\n`,
    svelte,
  );
  assert.equal(ok, null, `the consumer type-checks, the event detail typed:\n${ok}`);
  const wrong = check(
    'svelte.ts',
    `${source(`{ position: 'middle' }`)}export const handler: Attributes = { 'on:consent-change': (e) => e.detail.nope };\n`,
    svelte,
  );
  assert.match(wrong ?? '', /svelte\.ts\(3,.*"middle"/, 'a wrong position fails');
  assert.match(wrong ?? '', /svelte\.ts\(4,.*'nope'/, 'a wrong detail field fails');
});

test('the Vue example type-checks with vue-tsc against the packed package; a wrong attribute or detail field fails', () => {
  const site = join(work, 'vue-site');
  mkdirSync(site, { recursive: true });
  const fixture = join(root, 'examples', 'vue');
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
  // Both wrong uses in one run (vue-tsc reports each).
  const wrong = run(
    app
      .replace('position="bottom"', 'position="middle"')
      .replace('heard.push(event.detail)', 'heard.push(event.detail.nope)'),
  );
  assert.match(wrong ?? '', /"middle"/);
  assert.match(wrong ?? '', /'nope'/);
});

test('the Svelte example passes svelte-check against the packed package; a wrong attribute or detail field fails', () => {
  // svelte-check skips files under node_modules: the site goes to a folder of its own, with the packed package and
  // svelte linked into its node_modules.
  const site = mkdtempSync(join(tmpdir(), 'cerez-svelte-check-'));
  mkdirSync(join(site, 'node_modules'));
  symlinkSync(target, join(site, 'node_modules', 'cerez'), 'dir');
  symlinkSync(join(root, 'node_modules', 'svelte'), join(site, 'node_modules', 'svelte'), 'dir');
  const fixture = join(root, 'examples', 'svelte');
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

/**
 * Copies the example in `examples/<folder>/` (its `files`) into a site beside the packed package: a type check of it
 * with tsc and the example's own tsconfig.json, its main.tsx as given; the compiler's output, or `null` when it passes.
 */
function exampleChecker(folder, files) {
  const site = join(work, folder.replaceAll('/', '-'));
  mkdirSync(site, { recursive: true });
  const example = join(root, 'examples', folder);
  for (const file of files) writeFileSync(join(site, file), readFileSync(join(example, file), 'utf8'));
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  return {
    main: readFileSync(join(example, 'main.tsx'), 'utf8'),
    run(main) {
      writeFileSync(join(site, 'main.tsx'), main);
      try {
        execFileSync(process.execPath, [tsc, '-p', join(site, 'tsconfig.json')], { cwd: site, encoding: 'utf8' });
        return null;
      } catch (error) {
        return String(error.stdout ?? error);
      }
    },
  };
}

test('the React 19 example type-checks with cerez/jsx against the packed package; a wrong attribute or detail field fails', () => {
  const { main, run } = exampleChecker('react/react19', ['main.tsx', 'cerez-jsx.d.ts', 'tsconfig.json']);
  const ok = run(main);
  assert.equal(ok, null, `the example type-checks:\n${ok}`);
  const handler = 'onconsent-change={onConsentChange}';
  assert.ok(main.includes('position="bottom"') && main.includes(handler), 'the example as written');
  // Both wrong uses in one run: each is reported.
  const wrong =
    run(
      main
        .replace('position="bottom"', 'position="middle"')
        .replace(handler, 'onconsent-change={(event) => heard.push(event.detail.nope)}'),
    ) ?? '';
  assert.match(wrong, /error TS2322: Type '"middle"'/, 'a position that does not exist fails');
  assert.match(wrong, /error TS2339: Property 'nope'/, 'a detail field that does not exist fails');
});

test("the React 18 example type-checks with @lit/react's createComponent against the packed package; a wrong prop or detail field fails", () => {
  const { main, run } = exampleChecker('react/react18', ['main.tsx', 'tsconfig.json']);
  const ok = run(main);
  assert.equal(ok, null, `the example type-checks:\n${ok}`);
  const handler = 'onConsentChange={onConsentChange}';
  assert.ok(main.includes('position="bottom"') && main.includes(handler), 'the example as written');
  // Both wrong uses in one run: each is reported.
  const wrong =
    run(
      main
        .replace('position="bottom"', 'position="middle"')
        .replace(handler, 'onConsentChange={(event) => heard.push(event.detail.nope)}'),
    ) ?? '';
  assert.match(wrong, /error TS2322: Type '"middle"'/, 'a position that does not exist fails');
  assert.match(wrong, /error TS2339: Property 'nope'/, 'a detail field that does not exist fails');
});
