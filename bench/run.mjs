#!/usr/bin/env node
// Performance benchmark of Çerez against vanilla-cookieconsent and Orejime (issue 8).
// Usage: `npm run build` at the repository root, then `cd bench && npm install && npm run bench [-- --runs N]`.
// See README.md beside this file for what each measure means and how it is taken.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { END_MESSAGE, instrument } from './instrument.mjs';
import { byModule, counts, ranText } from './coverage.mjs';
import { checkLoadedOnce, LoadedTwice } from './once.mjs';
import { CEREZ_CONFIGURED, CEREZ_ENTRY, CEREZ_FOLDER, LIBRARIES, POLICY_PAGE, POLICY_URL } from './pages.mjs';
import { compressedSizes, startServer } from './server.mjs';
import { floorRows, markdown, summarize, targetRows } from './report.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// ---- options ---------------------------------------------------------------------------------------------
const DEFAULT_RUNS = 15;
function option(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const value = args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} needs a positive number, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return n;
}
const RUNS = Math.floor(option('runs', DEFAULT_RUNS));
const CPU_RATE = option('cpu-rate', 4);
const QUIET_MS = 500;
const RUN_TIMEOUT_MS = 30_000;
const VIEWPORT = { width: 1280, height: 800 };
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// ---- preconditions ---------------------------------------------------------------------------------------
if (!existsSync(here('../dist/cookie-consent-banner.js'))) {
  console.error(
    'bench: ../dist/cookie-consent-banner.js is missing. Run `npm run build` at the repository root first.',
  );
  process.exit(1);
}
for (const dep of ['playwright-core', 'vanilla-cookieconsent', 'orejime']) {
  if (!existsSync(here(`node_modules/${dep}/package.json`))) {
    console.error(`bench: ${dep} is not installed. Run \`npm install\` in bench/ first.`);
    process.exit(1);
  }
}
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`bench: no Chromium at ${CHROMIUM}. Install Debian's chromium or set CHROMIUM_PATH.`);
  process.exit(1);
}
const version = (path) => JSON.parse(readFileSync(here(path), 'utf8')).version;

// ---- setup -----------------------------------------------------------------------------------------------
const LIBS = Object.keys(LIBRARIES); // none, cerez, vanilla, orejime
const STATES = ['first', 'returning'];
const pages = { [POLICY_URL]: POLICY_PAGE };
for (const lib of LIBS) pages[`/${lib}.html`] = LIBRARIES[lib].html;
pages['/cerez-configured.html'] = CEREZ_CONFIGURED;

// Çerez's dist/ is read once, now, and served from memory: a rebuild during the benchmark cannot mix builds.
// It is served as a CDN would: the entry as `index.js` (the page asks for `index.js?v=3`) in an alias folder
// that also holds `chunks/`, so that the chunks resolve relative to the alias, and every file under its own
// name too (a chunk that imported `../cookie-consent-banner.js` would then load the entry a second time, and
// the once-only rule below would stop the benchmark, instead of a 404 hiding the cause).
const ENTRY = 'cookie-consent-banner.js';
const cerezFiles = {};
for (const name of [ENTRY, ...readdirSync(here('../dist/chunks')).map((f) => `chunks/${f}`)]) {
  if (name.endsWith('.js'))
    cerezFiles[`${CEREZ_FOLDER}${name}`] = { body: readFileSync(here(`../dist/${name}`)), source: `dist/${name}` };
}
const entryPath = new URL(CEREZ_ENTRY, 'http://x').pathname;
cerezFiles[entryPath] = cerezFiles[`${CEREZ_FOLDER}${ENTRY}`];
// Every module a file imports (`./x.js`, `../x.js`, relative to it) must be in the same build: else a build was
// in progress.
for (const [path, { body, source }] of Object.entries(cerezFiles)) {
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  for (const [, ref] of body.toString().matchAll(/["'`](\.\.?\/[\w./-]+\.js)["'`]/g)) {
    const target = new URL(ref, `http://x${folder}`).pathname;
    if (!cerezFiles[target]) {
      console.error(`bench: ${ref}, imported by ${source}, is missing: run \`npm run build\` again.`);
      process.exit(1);
    }
  }
}
// The fixed stack's floors: the least a custom element, lit-html, i18next, and the three together cost a page, built
// from bench/floors/*.js with the repository's Vite (minified as dist/ is) and measured in every round beside the
// libraries, as first visits with nothing stored. What a design on lit, i18next and js-cookie cannot go below.
const FLOORS = {
  element: 'a custom element, no library',
  'lit-html': 'lit-html alone',
  i18next: 'i18next alone',
  stack: 'i18next, lit-html and js-cookie',
};
const floorFiles = {};
{
  let build;
  try {
    ({ build } = await import('vite'));
  } catch {
    console.error(
      "bench: the repository's vite is missing (it builds the floors). Run `npm install` at the root first.",
    );
    process.exit(1);
  }
  for (const name of Object.keys(FLOORS)) {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: here('..'),
      build: {
        write: false,
        target: 'es2022',
        minify: true,
        lib: { entry: here(`floors/${name}.js`), formats: ['es'], fileName: name },
        rollupOptions: { output: { minify: true, comments: { annotation: false, jsdoc: false, legal: false } } },
      },
    });
    const chunk = [result].flat()[0].output.find((o) => o.type === 'chunk');
    floorFiles[`/floors/${name}.js`] = { body: Buffer.from(chunk.code) };
  }
}
const FLOOR_LIBS = Object.keys(FLOORS).map((name) => `floor-${name}`);
for (const name of Object.keys(FLOORS)) {
  pages[`/floor-${name}.html`] = LIBRARIES.none.html.replace(
    '</head>',
    `<script type="module" src="/floors/${name}.js"></script></head>`,
  );
}

const cerezBuild = createHash('sha256').update(cerezFiles[entryPath].body).digest('hex').slice(0, 12);

const startedAt = Date.now();
const loadAtStart = loadavg()[0];
const server = await startServer({
  files: { ...cerezFiles, ...floorFiles },
  mounts: {
    '/vendor/vanilla-cookieconsent/': here('node_modules/vanilla-cookieconsent/dist/'),
    '/vendor/orejime/': here('node_modules/orejime/dist/'),
  },
  pages,
});
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
const chromiumVersion = browser.version();
const log = (...args) => console.error('bench:', ...args);
log(`Chromium ${chromiumVersion}, ${server.origin}, ${RUNS} runs, CPU ×${CPU_RATE}`);
if (loadAtStart > availableParallelism()) {
  log(`warning: load average ${loadAtStart.toFixed(1)} on ${availableParallelism()} cores: timings will be noisy`);
}

async function newContext(runId) {
  return browser.newContext({
    viewport: VIEWPORT,
    locale: 'tr-TR',
    extraHTTPHeaders: runId ? { 'x-bench-run': runId } : {},
  });
}

/** Rejects after `ms`, so that a hung page fails its run instead of the whole benchmark. */
function within(ms, promise, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Records which scripts the page compiles (CDP `Debugger.scriptParsed`), to see directly that no Çerez file's
 * code runs twice. Only in the unmeasured visits below: an enabled debugger would perturb the timings.
 */
async function watchScripts(context, page) {
  const cdp = await context.newCDPSession(page);
  const urls = [];
  cdp.on('Debugger.scriptParsed', ({ url }) => {
    if (url.startsWith(server.origin)) urls.push(url.slice(server.origin.length));
  });
  await cdp.send('Debugger.enable');
  return () => {
    const bySource = new Map();
    for (const url of urls) {
      const file = cerezFiles[new URL(url, 'http://x').pathname];
      if (file) bySource.set(file.source, [...(bySource.get(file.source) ?? []), url]);
    }
    const twice = [...bySource].filter(([, list]) => list.length > 1);
    return twice.map(([source, list]) => `${source} was compiled ${list.length} times (${list.join(', ')})`);
  };
}

// ---- priming: one real visit per library that clicks "accept all"; its cookies make the returning visits --
// Çerez's priming visit, and one returning visit after it, also check the once-only rule, with the server's
// log and the scripts the page compiled. Neither is measured.
async function prime(lib) {
  const { cookieName, acceptSelector } = LIBRARIES[lib];
  const runId = `prime-${lib}`;
  const context = await newContext(runId);
  try {
    await context.addInitScript(instrument, { lib, cookieName });
    const page = await context.newPage();
    const compiledTwice = lib === 'cerez' ? await watchScripts(context, page) : () => [];
    await page.goto(`${server.origin}/${lib}.html`, { waitUntil: 'load' });
    await within(
      RUN_TIMEOUT_MS,
      page.evaluate(() => window.__bench.bannerShown()),
      `${lib} priming`,
    );
    await page.locator(acceptSelector).click();
    await page.waitForFunction((name) => document.cookie.split('; ').some((c) => c.startsWith(`${name}=`)), cookieName);
    const cookies = await context.cookies();
    if (!cookies.some((c) => c.name === cookieName)) throw new Error(`${lib}: no ${cookieName} cookie after accepting`);
    await within(
      RUN_TIMEOUT_MS,
      page.evaluate((ms) => window.__bench.quiet(ms), QUIET_MS),
      runId,
    );
    checkLoadedOnce(runId, server.responses(runId), compiledTwice());
    return cookies;
  } finally {
    await context.close();
    server.forget(runId);
  }
}

// ---- one returning visit per library, not measured: for Çerez it checks the once-only rule; for every library it
// takes V8's block coverage, what that visit runs of the code it loads. Of every script file the page loads (inline
// scripts left out), the bytes of code that ran at least once; "ran, brotli" is the code that ran, cut out and
// compressed on its own: about what an entry holding only that code would weigh (an estimate: the cut pieces
// compress a little worse than whole code).
const brotli = (text) => compressedSizes(Buffer.from(text)).brotli;
async function returningVisit(lib, pageName = lib) {
  const runId = `check-${pageName}-returning`;
  const context = await newContext(runId);
  try {
    await context.addCookies(primed[lib]);
    await context.addInitScript(instrument, { lib, cookieName: LIBRARIES[lib].cookieName });
    const page = await context.newPage();
    const compiledTwice = lib === 'cerez' ? await watchScripts(context, page) : () => [];
    await page.coverage.startJSCoverage({ resetOnNavigation: false });
    await page.goto(`${server.origin}/${pageName}.html`, { waitUntil: 'load' });
    await within(
      RUN_TIMEOUT_MS,
      page.evaluate((ms) => window.__bench.quiet(ms), QUIET_MS),
      runId,
    );
    const entries = await page.coverage.stopJSCoverage();
    checkLoadedOnce(runId, server.responses(runId), compiledTwice());
    const files = [];
    for (const entry of entries) {
      const url = new URL(entry.url, server.origin);
      if (url.origin !== server.origin || url.pathname.endsWith('.html') || !entry.source) continue;
      const { source } = entry;
      const count = counts(entry);
      const ran = ranText(source, count);
      const file = {
        path: url.pathname,
        bytes: Buffer.byteLength(source),
        brotli: brotli(source),
        ranBytes: Buffer.byteLength(ran),
        ranBrotli: brotli(ran),
      };
      // Çerez's files have their source maps in dist/: what ran, module by module.
      const built = cerezFiles[url.pathname]?.source;
      if (built && existsSync(here(`../${built}.map`))) {
        const map = JSON.parse(readFileSync(here(`../${built}.map`), 'utf8'));
        file.modules = byModule(source, map, count)
          .map((m) => ({ module: m.module, bytes: m.bytes, ranBytes: m.ran.length, ranBrotli: brotli(m.ran) }))
          .sort((a, b) => b.ranBrotli - a.ranBrotli);
      }
      files.push(file);
    }
    return files;
  } finally {
    await context.close();
    server.forget(runId);
  }
}

// ---- one measured run ------------------------------------------------------------------------------------
async function measure(lib, state, round, attempt) {
  const runId = `${round}-${state}-${lib}-${attempt}`;
  const { cookieName = null } = LIBRARIES[lib] ?? {};
  const hasBanner = lib in LIBRARIES && lib !== 'none';
  const context = await newContext(runId);
  try {
    if (state === 'returning') await context.addCookies(primed[lib]);
    // The end of the run, the same for every page and state: load + QUIET_MS with no DOM change, long task or
    // response; on a first visit, counted from the banner visible at the earliest. So script time, blocking
    // time and heap cover the banner's work after it shows too, and `none` ends the same way. The page decides
    // it and prints it (instrument.mjs): nothing is evaluated in the page until then.
    const banner = state === 'first' && hasBanner;
    await context.addInitScript(instrument, {
      lib: hasBanner ? lib : 'none',
      cookieName,
      endAfter: { quietMs: QUIET_MS, banner, message: END_MESSAGE },
    });
    const page = await context.newPage();
    const ended = page.waitForEvent('console', {
      predicate: (message) => message.text().startsWith(END_MESSAGE),
      timeout: RUN_TIMEOUT_MS,
    });
    ended.catch(() => {}); // awaited below; a navigation that fails first must not leave it unhandled
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
    await cdp.send('Performance.enable');
    await page.goto(`${server.origin}/${lib}.html`, { waitUntil: 'load', timeout: RUN_TIMEOUT_MS });
    const end = await within(
      RUN_TIMEOUT_MS,
      ended.then((message) => Number(message.text().slice(END_MESSAGE.length))),
      runId,
    );
    const inPage = await page.evaluate((at) => window.__bench.collect(at), end);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const responses = server.responses(runId);

    if (
      state === 'returning' &&
      hasBanner &&
      (inPage.visibleAt !== null || inPage.showEventAt !== null || !inPage.hasCookie)
    ) {
      throw new Error(`${runId}: the banner showed on a returning visit, or the stored choice was not there`);
    }
    let click = null;
    if (state === 'first' && hasBanner) {
      click = await within(
        RUN_TIMEOUT_MS,
        page.evaluate((ms) => window.__bench.acceptAndWait(ms), 10_000),
        runId,
      );
    }
    checkLoadedOnce(runId, server.responses(runId));
    return {
      round,
      lib,
      state,
      attempt,
      end,
      firstPaint: inPage.firstPaint,
      fcp: inPage.fcp,
      domContentLoaded: inPage.domContentLoaded,
      load: inPage.load,
      // Every library's banner is visible by the same test, once per frame (see instrument.mjs); Çerez's own
      // `consent-show` event, which fires at the end of its first render before that frame, is kept beside it.
      // A floor that renders the notice is timed the same way (its other figures are taken as `none`'s are).
      bannerVisible: state === 'first' && (hasBanner || lib.startsWith('floor-')) ? inPage.visibleAt : null,
      bannerShowEvent: lib === 'cerez' ? inPage.showEventAt : null,
      tbt: inPage.tbt,
      cls: inPage.cls,
      longtasks: inPage.longtasks,
      scriptMs: metric.ScriptDuration * 1000,
      taskMs: metric.TaskDuration * 1000,
      layoutMs: metric.LayoutDuration * 1000,
      styleMs: metric.RecalcStyleDuration * 1000,
      heapUsed: heap.usedSize,
      requests: responses.length,
      bytesRaw: responses.reduce((s, r) => s + r.bytes, 0),
      bytesGzip: responses.reduce((s, r) => s + r.gzip, 0),
      bytesBrotli: responses.reduce((s, r) => s + r.brotli, 0),
      responses,
      click,
    };
  } finally {
    await context.close();
    server.forget(runId);
  }
}

// ---- priming, the once-only check, then the rounds: every library and state once per round, the order
// rotated each round --------------------------------------------------------------------------------------
const primed = { none: [] };
/** What each returning visit ran: `{ label, files }` per page (see `returningVisit`). */
const coverage = [];
const samples = [];
const failures = [];
let stopped = null;
try {
  for (const lib of LIBS.filter((l) => l !== 'none')) primed[lib] = await prime(lib);
  log(
    'primed',
    LIBS.filter((l) => l !== 'none')
      .map((l) => `${l}: ${primed[l].map((c) => c.name).join(',')}`)
      .join('; '),
  );
  for (const lib of LIBS.filter((l) => l !== 'none')) {
    coverage.push({ label: LIBRARIES[lib].label, files: await returningVisit(lib) });
  }
  coverage.push({
    label: `${LIBRARIES.cerez.label}, configured`,
    files: await returningVisit('cerez', 'cerez-configured'),
  });
  for (let round = 0; round < RUNS; round++) {
    const order = LIBS.map((_, i) => LIBS[(i + round) % LIBS.length]);
    const roundStart = Date.now();
    for (const lib of [...order, ...FLOOR_LIBS]) {
      for (const state of lib.startsWith('floor-') ? ['first'] : STATES) {
        for (let attempt = 0; ; attempt++) {
          try {
            samples.push(await measure(lib, state, round, attempt));
            break;
          } catch (error) {
            if (error instanceof LoadedTwice) throw error; // no retry: the build is wrong, not the run
            failures.push({ round, lib, state, attempt, error: String(error?.message ?? error) });
            log(`run ${round}/${lib}/${state} failed (attempt ${attempt + 1}): ${error?.message ?? error}`);
            if (attempt >= 1) break; // one retry, then the sample is left out
          }
        }
      }
    }
    log(`round ${round + 1}/${RUNS} done in ${((Date.now() - roundStart) / 1000).toFixed(1)} s`);
  }
} catch (error) {
  if (!(error instanceof LoadedTwice)) throw error;
  stopped = error;
} finally {
  await browser.close();
  await server.close();
}
if (stopped) {
  console.error(`bench: FAILED, a Çerez module loaded twice. ${stopped.message}`);
  console.error(
    'bench: results/ not updated. Check that no chunk imports the entry back (by its file name or any other URL), then `npm run build`.',
  );
  process.exit(1);
}

// ---- report ----------------------------------------------------------------------------------------------
const durationS = (Date.now() - startedAt) / 1000;
const meta = {
  date: new Date().toISOString(),
  chromium: chromiumVersion,
  runs: RUNS,
  cpuThrottlingRate: CPU_RATE,
  quietMs: QUIET_MS,
  viewport: VIEWPORT,
  durationSeconds: Math.round(durationS),
  cores: availableParallelism(),
  loadAverage: { start: Number(loadAtStart.toFixed(2)), end: Number(loadavg()[0].toFixed(2)) },
  node: process.version,
  versions: {
    cerez: version('../package.json'),
    cerezBuild: `cookie-consent-banner.js sha256 ${cerezBuild}…`,
    'playwright-core': version('node_modules/playwright-core/package.json'),
    'vanilla-cookieconsent': version('node_modules/vanilla-cookieconsent/package.json'),
    orejime: version('node_modules/orejime/package.json'),
  },
  cerezEntry: CEREZ_ENTRY,
  libraries: Object.fromEntries(LIBS.map((l) => [l, LIBRARIES[l].label])),
  failures,
  coverage,
};
const summary = summarize(samples, LIBS, STATES);
meta.floors = FLOORS;
const floors = floorRows(samples, FLOORS);
const md = markdown(meta, summary, LIBS, STATES, floors);
mkdirSync(here('results'), { recursive: true });
writeFileSync(
  here('results/latest.json'),
  `${JSON.stringify({ ...meta, targets: targetRows(summary.stats, LIBS), floors, summary: summary.stats, files: summary.files, samples }, null, 2)}\n`,
);
writeFileSync(here('results/latest.md'), md);
console.log(md);
log(`done in ${durationS.toFixed(0)} s; wrote results/latest.json and results/latest.md`);
if (failures.length) log(`${failures.length} failed attempt(s); see "failures" in results/latest.json`);
