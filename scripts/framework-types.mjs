// Framework typings and editor data generated from custom-elements.json (run by scripts/build.mjs, after the
// analyzer): JSX types for React 19, Preact and Solid, Vue's GlobalComponents, Svelte's element types, VS Code's
// custom HTML data and JetBrains' web-types, all into dist/types/ and dist/, shipped in the package. The generators
// are the custom-elements-manifest ecosystem's own (wc-toolkit), fed our manifest.
import { readFileSync, writeFileSync } from 'node:fs';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateSvelteTypes } from 'custom-element-svelte-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';

/** Where dist/ is being built (scripts/build.mjs passes its new folder). */
const out = process.argv[2] ?? 'dist';
const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));

/**
 * The manifest with `lang` and `nonce` naming their own properties: the generators name a property by the
 * attribute's `fieldName`, which these native ones have none of in the manifest (the JSX types had an `undefined`
 * prop for them).
 */
function withNativeFields(source) {
  const copy = structuredClone(source);
  for (const module of copy.modules) {
    for (const declaration of module.declarations ?? []) {
      for (const attribute of declaration.attributes ?? []) {
        if (!attribute.fieldName && ['lang', 'nonce'].includes(attribute.name)) attribute.fieldName = attribute.name;
      }
    }
  }
  return copy;
}

/**
 * The manifest as the Vue and Svelte generators read it: they take an event's type as its `detail` (and skip
 * importing a generic such as our `CustomEvent<ConsentChangeDetail>`). So `CustomEvent<X>` becomes `X`.
 */
function forDetailGenerators(source) {
  const copy = withNativeFields(source);
  for (const module of copy.modules) {
    for (const declaration of module.declarations ?? []) {
      for (const event of declaration.events ?? []) {
        const detail = /^CustomEvent<(.+)>$/.exec(event.type?.text ?? '');
        if (detail) event.type.text = detail[1];
      }
    }
  }
  return copy;
}
const detailManifest = forDetailGenerators(manifest);
const quiet = { hideLogs: true };
// The element's class and event map, for the generators that type properties and events from it.
const component = () => './index.js';

generateJsxTypes(withNativeFields(manifest), {
  ...quiet,
  outdir: `./${out}/types`,
  fileName: 'jsx.d.ts',
  componentTypePath: component,
  stronglyTypedEvents: true,
});
generateVuejsTypes(detailManifest, {
  ...quiet,
  outdir: `./${out}/types`,
  fileName: 'vue.d.ts',
  componentTypePath: component,
});
generateSvelteTypes(detailManifest, {
  ...quiet,
  outdir: `./${out}/types`,
  fileName: 'svelte.d.ts',
  componentTypePath: component,
});
// The Svelte file imports the element's types, which makes it a module: its `declare namespace svelteHTML` would
// then be its own, not Svelte's global one (svelte/svelte-html.d.ts). Wrapped in `declare global`, it merges.
const svelteFile = new URL(`../${out}/types/svelte.d.ts`, import.meta.url);
const svelte = readFileSync(svelteFile, 'utf8');
const local = /\ndeclare namespace svelteHTML \{([\s\S]*?)\n\}/;
if (!local.test(svelte))
  throw new Error('framework-types: the Svelte generator no longer writes `declare namespace svelteHTML`');
writeFileSync(svelteFile, svelte.replace(local, '\ndeclare global {\n  namespace svelteHTML {$1\n  }\n}'));
generateVsCodeCustomElementData(manifest, {
  ...quiet,
  outdir: `./${out}`,
  htmlFileName: 'vscode.html-custom-data.json',
  cssFileName: 'vscode.css-custom-data.json',
});
generateJetBrainsWebTypes(manifest, { ...quiet, outdir: `./${out}`, webTypesFileName: 'web-types.json' });
