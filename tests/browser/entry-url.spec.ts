import tr from '../../locales/tr.json' with { type: 'json' };
import de from '../../locales/de.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { test, expect, consentCookie, TEST_ORIGIN } from './fixtures.js';

/**
 * The built files as a CDN might serve them under another name: the entry as `/x/index.js`, the chunks at
 * `/x/chunks/…`, and anything else under `/x/` from `dist/` (so a chunk that imported the entry back by its own
 * name, `../cookie-consent-banner.js`, would get it, and run it a second time, as on a site that serves both).
 */
async function serveUnderX(page: Page, attrs = ''): Promise<void> {
  const body = `<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>Çerez under /x/</title>
<script type="module" src="/x/index.js?v=3"></script></head>
<body><cookie-consent-banner ${attrs}></cookie-consent-banner></body></html>`;
  await page.context().route(`${TEST_ORIGIN}/x/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === '/x/page.html') {
      await route.fulfill({ contentType: 'text/html; charset=utf-8', body });
      return;
    }
    const file = pathname === '/x/index.js' ? 'cookie-consent-banner.js' : pathname.slice('/x/'.length);
    await route.fulfill({ response: await route.fetch({ url: `${TEST_ORIGIN}/dist/${file}` }) });
  });
  // Every call that registers the tag or checks for it, and every copy of lit that runs, from before the module.
  await page.context().addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { __registry: string[] }).__registry = calls;
    const { define, get } = customElements;
    customElements.define = function (name, ...rest) {
      if (name === 'cookie-consent-banner') calls.push('define');
      return define.call(this, name, ...rest);
    };
    customElements.get = function (name) {
      if (name === 'cookie-consent-banner') calls.push('get');
      return get.call(this, name);
    };
  });
}

/** Every script the page requests, path and query, hashes of chunks left out; in the order asked. */
function scripts(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() !== 'script') return;
    const url = new URL(r.url());
    seen.push(`${url.pathname.replace(/(\/chunks\/.+)-[\w-]{8}\.js$/, '$1.js')}${url.search}`);
  });
  return seen;
}

/** How many times the entry ran (its check for the tag, then its one registration) and how many copies of lit. */
async function instances(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as Record<string, unknown[] | undefined>;
    return {
      registry: [...(w['__registry'] ?? [])],
      reactiveElement: w['reactiveElementVersions']?.length ?? 0,
      litHtml: w['litHtmlVersions']?.length ?? 0,
      oneClass: document.querySelector('cookie-consent-banner') instanceof customElements.get('cookie-consent-banner')!,
    };
  });
}

test.describe('loaded from anywhere, once (entry served as /x/index.js?v=3)', () => {
  test('first visit and returning visit: each module requested and run once; returning, only the entry', async ({
    page,
  }) => {
    await serveUnderX(page);
    const first = scripts(page);
    await page.goto('/x/page.html');
    const banner = page.getByRole('region', { name: tr.banner.heading });
    await expect(banner).toBeVisible();
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect(banner).toBeHidden();
    expect((await consentCookie(page))?.record).toMatchObject({
      c: { analytics: 1, functional: 1, marketing: 1 },
      m: 'a',
    });
    expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('analytics'))).toBe(
      true,
    );
    expect(first).toEqual(['/x/index.js?v=3', '/x/chunks/banner-ui.js']);
    expect(await instances(page)).toEqual({
      registry: ['get', 'define'],
      reactiveElement: 0,
      litHtml: 1,
      oneClass: true,
    });

    const next = await page.context().newPage();
    const returning = scripts(next);
    await next.goto('/x/page.html');
    // After the element's first update and an idle callback, anything it would load has been asked for.
    await next.evaluate(async () => {
      await customElements.whenDefined('cookie-consent-banner');
      await document.querySelector('cookie-consent-banner')!.updateComplete;
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
    });
    expect(await next.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('analytics'))).toBe(
      true,
    );
    expect(returning).toEqual(['/x/index.js?v=3']);
    expect(await instances(next)).toEqual({
      registry: ['get', 'define'],
      reactiveElement: 0,
      litHtml: 0,
      oneClass: true,
    });
  });

  // English is a chunk like German: only Turkish, the notice's own language, comes with the view.
  for (const [code, strings] of [
    ['de', de],
    ['en', en],
  ] as const) {
    test(`a language chunk loads beside the view, once, and the entry still runs once (${code})`, async ({ page }) => {
      await serveUnderX(page, `lang="${code}"`);
      const first = scripts(page);
      await page.goto('/x/page.html');
      await expect(page.getByRole('region', { name: strings.banner.heading })).toBeVisible();
      await expect(page.getByRole('button', { name: strings.banner.acceptAll })).toBeVisible();
      expect([...first].sort()).toEqual(['/x/chunks/banner-ui.js', `/x/chunks/${code}.js`, '/x/index.js?v=3']);
      expect(await instances(page)).toEqual({
        registry: ['get', 'define'],
        reactiveElement: 0,
        litHtml: 1,
        oneClass: true,
      });
    });
  }
});
