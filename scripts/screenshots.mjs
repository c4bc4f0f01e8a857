// Screenshots of the banner for review: every position × theme × language on the demo page, plus preferences and
// a blocked embed's placeholder.
// Not part of `npm test`. Usage: npm run screenshots (builds first), or node scripts/screenshots.mjs once dist/ exists.
// Writes PNGs to screenshots/ (gitignored) and prints their paths.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'screenshots');

const POSITIONS = ['bottom', 'top', 'bottom-start', 'bottom-end', 'center'];
const THEMES = ['light', 'dark'];
const LANGUAGES = ['tr', 'ar'];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** Positions also shot on a phone-sized viewport. */
const PHONE_POSITIONS = ['bottom', 'center'];

/** Chromium: CHROMIUM_PATH, else a `chromium` on the PATH, else Playwright's own browser (as in the tests). */
function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
    if (found) return found;
  } catch {
    // No system Chromium: Playwright's own browser is used.
  }
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts scripts/serve.mjs on a free port; resolves once it answers. */
async function startServer() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs'), '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://localhost:${port}`;
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited early (code ${code})`)));
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('Serving')) resolve();
    });
  });
  child.removeAllListeners('exit');
  return { base, stop: () => child.kill() };
}

/**
 * Serves the demo page with the element's attributes replaced by `attrs.current`: the real demo, so it looks like
 * the site a visitor sees, reloaded for each shot, so each banner makes its entrance on a fresh page.
 */
async function routeDemo(page, base, attrs) {
  await page.route('**/demo/index.html', async (route) => {
    const response = await route.fetch({ url: `${base}/demo/index.html` });
    const html = await response.text();
    const tag = /<cookie-consent-banner\b[^>]*>/;
    if (!tag.test(html)) throw new Error('demo/index.html has no <cookie-consent-banner> tag');
    const attributes = Object.entries(attrs.current)
      .map(([name, value]) => `${name}="${value}"`)
      .join(' ');
    await route.fulfill({ response, body: html.replace(tag, `<cookie-consent-banner ${attributes}>`) });
  });
  // Registered before any page script, so that the event cannot be missed.
  await page.addInitScript(() => {
    document.addEventListener('consent-show', () => {
      window.__cerezShown = true;
    });
  });
}

/** Opens the demo with these attributes and waits until the banner has shown, in its language, and settled. */
async function showBanner(page, base, attrs, { position, theme, lang }) {
  attrs.current = { lang, theme, position, 'policy-url': '/demo/cerez-politikasi.html' };
  await page.context().clearCookies();
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await page.goto(`${base}/demo/index.html`);
  await page.waitForFunction(() => window.__cerezShown === true);
  await page.locator(`cookie-consent-banner [part="base"][lang="${lang}"]`).waitFor({ state: 'visible' });
  await page.locator('cookie-consent-banner').evaluate(async (element) => {
    await Promise.all(element.shadowRoot.getAnimations().map((animation) => animation.finished));
    await document.fonts.ready;
  });
}

async function main() {
  if (!existsSync(join(root, 'dist/cookie-consent-banner.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (or `npm run screenshots`, which builds).');
  }
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const written = [];
  try {
    const context = await browser.newContext({ viewport: DESKTOP, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const attrs = { current: {} };
    await routeDemo(page, server.base, attrs);
    const problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });

    const shoot = async (name) => {
      const file = join(out, `${name}.png`);
      await page.screenshot({ path: file });
      written.push(file);
    };

    for (const position of POSITIONS) {
      for (const theme of THEMES) {
        for (const lang of LANGUAGES) {
          await page.setViewportSize(DESKTOP);
          await showBanner(page, server.base, attrs, { position, theme, lang });
          await shoot(`${position}-${theme}-${lang}`);
          if (PHONE_POSITIONS.includes(position)) {
            await page.setViewportSize(PHONE);
            await showBanner(page, server.base, attrs, { position, theme, lang });
            await shoot(`${position}-${theme}-${lang}-${PHONE.width}x${PHONE.height}`);
          }
        }
      }
    }

    for (const [theme, lang] of [
      ['light', 'tr'],
      ['dark', 'ar'],
    ]) {
      await page.setViewportSize(DESKTOP);
      await showBanner(page, server.base, attrs, { position: 'bottom', theme, lang });
      await page.locator('cookie-consent-banner').evaluate((element) => element.showPreferences());
      await page.locator('cookie-consent-banner dialog[part="preferences"][open]').waitFor({ state: 'visible' });
      await shoot(`preferences-${theme}-${lang}`);
    }

    // A blocked embed's placeholder (the demo's gated video), with the banner hidden: the README shows these.
    for (const [theme, lang] of [
      ['light', 'tr'],
      ['light', 'en'],
      ['dark', 'ar'],
    ]) {
      await page.setViewportSize(DESKTOP);
      await showBanner(page, server.base, attrs, { position: 'bottom', theme, lang });
      await page.locator('cookie-consent-banner').evaluate((element) => element.hide());
      const placeholder = page.locator('cookie-consent-placeholder');
      await placeholder.locator(`[part="placeholder"][lang="${lang}"]`).waitFor({ state: 'visible' });
      const file = join(out, `placeholder-${theme}-${lang}.png`);
      await placeholder.screenshot({ path: file });
      written.push(file);
    }

    if (problems.length > 0) throw new Error(`the page reported errors:\n${problems.join('\n')}`);
  } finally {
    await browser.close();
    server.stop();
  }
  for (const file of written) console.log(file);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
