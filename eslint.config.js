import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/node_modules/', 'bench/results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] } },
  {
    files: ['src/**/*.ts'],
    extends: [litConfigs['flat/recommended'], wcConfigs['flat/recommended']],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit/directives/unsafe-*', 'lit-html/directives/unsafe-*'],
              message: 'Texts are bound as text: no unsafeHTML/unsafeSVG.',
            },
            {
              group: ['lit', 'lit/*'],
              message: 'Import lit-html or @lit/reactive-element: the shell must not pull lit.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'No raw innerHTML: render with lit templates.' },
        { property: 'outerHTML', message: 'No raw outerHTML.' },
        { property: 'insertAdjacentHTML', message: 'No raw HTML insertion.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='document'][property.name='cookie']",
          message:
            'The consent cookie is read and written only in src/consent/store.ts (new values through js-cookie, src/consent/cookie-write.ts).',
        },
      ],
    },
  },
  // Folder boundaries. The engine (src/consent/) has no screen: no element, no lit, no i18n, no view.
  // i18n knows nothing of consent or the element. internal/ is shared by all and imports nothing of ours.
  {
    files: ['src/consent/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '!../internal', '../internal/*/**'],
              message: 'src/consent/ imports only ./ and ../internal/: the engine has no element, i18n or view.',
            },
            {
              group: ['lit-html', 'lit-html/*', '@lit/*', 'lit', 'lit/*', 'i18next', 'i18next/*'],
              message: 'The engine has no screen.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../consent/*',
                '../view/*',
                '../controllers/*',
                '../ui/*',
                '../cookie-consent-banner*',
                '../events*',
              ],
              message: 'src/i18n/ imports only ./ and ../internal/: no consent engine, element or view.',
            },
            { group: ['lit-html', 'lit-html/*', '@lit/*', 'lit', 'lit/*'], message: 'src/i18n/ has no screen.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/internal/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*'], message: 'src/internal/ is shared by all and imports nothing of ours.' }] },
      ],
    },
  },
  {
    // The entry is all a returning visit loads: the screen, the writer and their packages come in the UI chunk,
    // which it loads with import() (types may be imported).
    files: [
      'src/cookie-consent-banner.ts',
      'src/define.ts',
      'src/events.ts',
      'src/controllers/ui-loader.ts',
      'src/controllers/session-settings.ts',
      'src/controllers/site-input.ts',
      'src/controllers/page-links.ts',
      'src/controllers/look-again.ts',
      'src/controllers/page-owner.ts',
      'src/controllers/focus-memory.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                './ui/*',
                '../ui/*',
                './view/*',
                '../view/*',
                './consent/writer*',
                '../consent/writer*',
                './consent/cookie-write*',
                '../consent/cookie-write*',
                './controllers/localize*',
                './localize*',
                './controllers/focus.js',
                './focus.js',
                './controllers/scroll-padding*',
                './scroll-padding*',
                'lit-html',
                'lit-html/*',
                'lit',
                'lit/*',
                '@lit/*',
                'i18next',
                'i18next/*',
                'js-cookie',
              ],
              allowTypeImports: true,
              message:
                'The entry ships on every page view: this comes with the UI chunk (import() it, or import its types).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../cookie-consent-banner*', '../define*', '../index*'],
              allowTypeImports: true,
              message: 'The UI chunk never imports the entry.',
            },
            {
              group: ['lit-html/directives/unsafe-*', 'lit', 'lit/*'],
              message: 'No unsafeHTML; no lit (lit-html and @lit/reactive-element only).',
            },
          ],
        },
      ],
    },
  },
  {
    // The one place that may read document.cookie: to see duplicate cookies js-cookie cannot return.
    files: ['src/consent/store.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The lit site npm-build.spec.ts builds with Vite.
    files: ['tests/frameworks/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The benchmark's floors: small modules a page loads, built by bench/run.mjs.
    files: ['bench/floors/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The framework examples, written as a site writes them (`getElementById('root')!`), and their JSX typings,
    // which extend the JSX namespace's IntrinsicElements with an empty interface.
    files: ['examples/**/*.ts', 'examples/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'demo/**/*.js', 'bench/**/*.mjs', 'tests/**/*.mjs', 'tests/fixtures/*.js', '*.mjs'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
