// Builds a fixture site (a folder here with an index.html) with Vite, the way a site that installed `cerez` from
// npm would, and serves the result to a Playwright page. `cerez` and `cerez/define` resolve through package.json's
// "exports" to the npm build (dist/npm/, so `npm run build` first); their dependencies come from node_modules.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import vue from '@vitejs/plugin-vue';
import { build, type PluginOption } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { default: string }>;
};

/** The file package.json's "exports" gives an importer of `cerez${subpath}`. */
function exported(subpath: '.' | './define'): string {
  const target = pkg.exports[subpath]!;
  return join(root, typeof target === 'string' ? target : target.default);
}

export interface BuiltSite {
  /** The folder holding the built index.html and its assets. */
  dir: string;
  remove(): Promise<void>;
}

/**
 * The framework's own Vite plugin, as its site would have: Vue's, told that the tag is a custom element (the
 * README's recipe), or Svelte's; else none.
 */
function plugins(name: string): PluginOption[] {
  if (name === 'svelte') return [svelte({ configFile: false })];
  if (name !== 'vue') return [];
  return [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'cookie-consent-banner' } } })];
}

/** Builds `tests/frameworks/<name>/` into a new temporary folder. */
export async function buildSite(name: string): Promise<BuiltSite> {
  const dir = await mkdtemp(join(tmpdir(), `cerez-${name}-`));
  await build({
    plugins: plugins(name),
    root: join(root, 'tests', 'frameworks', name),
    configFile: false,
    logLevel: 'warn',
    base: './',
    // JSX through React's automatic runtime: `react/jsx-runtime` resolves from the fixture, so each page gets its
    // own React version.
    oxc: { jsx: { runtime: 'automatic' } },
    resolve: {
      alias: [
        { find: /^cerez$/, replacement: exported('.') },
        { find: /^cerez\/define$/, replacement: exported('./define') },
      ],
    },
    build: {
      outDir: dir,
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      modulePreload: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      // Quiet on a busy machine: no "JavaScript callbacks ran for …" report.
      rolldownOptions: { checks: { bundlerTimings: false } },
    },
  });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves a built site at `http://localhost:<port>/<prefix>/` to the page, from the folder: the HTML with
 * `headers` (a Content-Security-Policy, say). Returns the path of every file the page asked for, in order.
 */
export async function serveSite(
  page: Page,
  site: BuiltSite,
  prefix: string,
  headers: Record<string, string> = {},
): Promise<string[]> {
  const requested: string[] = [];
  await page.route(`**/${prefix}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice(prefix.length + 2) || 'index.html';
    requested.push(path);
    const file = normalize(join(site.dir, path));
    if (!file.startsWith(site.dir + sep)) return route.fulfill({ status: 404 });
    try {
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      return route.fulfill({ body, contentType: type, headers: type.startsWith('text/html') ? headers : {} });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
  return requested;
}
