// Builds a site (a folder with an index.html, and its vite.config.ts if it has one) with Vite, the way a site that
// installed `cerez` from npm would, and serves the result to a Playwright page. `cerez` and `cerez/*` resolve as
// from a site beside the packed package (`npm pack`, extracted by tests/package/packed.mjs, so `npm run build`
// first): through the packed package.json's "exports"; its dependencies and the site's come from node_modules.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { build, type Plugin } from 'vite';
import { packInto, root } from '../package/packed.mjs';

export interface BuiltSite {
  /** The folder holding the built index.html and its assets. */
  dir: string;
  remove(): Promise<void>;
}

/** The packed package, extracted as `<work>/node_modules/cerez`. */
export interface Packed {
  work: string;
  target: string;
}

/** Packs the package once, into `node_modules/.cache/<name>/` (one name per spec file: they may run at once). */
export function packed(name: string): Packed {
  const { work, target } = packInto(name);
  return { work, target };
}

/**
 * Resolves `cerez` and `cerez/…` as a file in `work` would: to the packed package there, through its "exports".
 * Fails the build if one resolves anywhere else (this project's own dist/, say).
 */
function fromPacked({ work, target }: Packed): Plugin {
  // A file that exists (Vite resolves from the project's root when the importer does not): the consumer's own
  // package.json, which packInto writes.
  const importer = join(work, 'package.json');
  return {
    name: 'cerez-from-the-packed-package',
    enforce: 'pre',
    async resolveId(source, _importer, options) {
      if (source !== 'cerez' && !source.startsWith('cerez/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved?.id.startsWith(target + sep))
        throw new Error(`${source} resolved to ${resolved?.id}, not ${target}`);
      return resolved;
    },
  };
}

/** Builds `<folder>/` (relative to the project) into a new temporary folder, with `cerez` from `pkg`. */
export async function buildSite(folder: string, pkg: Packed): Promise<BuiltSite> {
  const site = join(root, folder);
  const dir = await mkdtemp(join(tmpdir(), `cerez-${basename(folder)}-`));
  const config = join(site, 'vite.config.ts');
  await build({
    root: site,
    configFile: existsSync(config) ? config : false,
    plugins: [fromPacked(pkg)],
    logLevel: 'warn',
    base: './',
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
