import type { BrowserContext, Page } from '@playwright/test';
import tr from '../../locales/tr.json' with { type: 'json' };
import { test, expect, mount, mountOn, pageHtml, recordEvents, events, consentCookie } from './fixtures.js';

// Where the consent cookie lives (its domain and path) and which copy counts: COMPLIANCE S-8–S-11,
// security review M2, L3, L4, L7, L8, tests review H4 (S-10).

test.beforeEach(({ warnings }) => void warnings);

const SITE = 'https://www.cerez.test';
const now = () => Math.floor(Date.now() / 1000);

/** A stored record, as the cookie holds it (with an id, as a site with receipts stores it). */
const record = (marketing: 0 | 1, ts = now() - 60, over: Record<string, unknown> = {}) =>
  encodeURIComponent(
    JSON.stringify({
      v: 1,
      id: `seeded${ts}`,
      ts,
      rev: 1,
      lang: 'tr',
      m: marketing ? 'a' : 'r',
      cats: { necessary: 1, marketing },
      ...over,
    }),
  );

/** Every consent cookie the browser holds, as [domain, path] pairs. */
async function scopes(context: BrowserContext, name = 'cookie_consent'): Promise<[string, string][]> {
  const all = (await context.cookies()).filter((c) => c.name === name);
  return all.map((c): [string, string] => [c.domain, c.path]).sort((a, b) => a.join().localeCompare(b.join()));
}

/** The marketing state consent-ready reported on this page (`null`: no choice). */
async function readyMarketing(page: Page): Promise<boolean | null> {
  const [ready] = await events(page, 'consent-ready');
  const consent = (ready?.detail as { consent: { categories: Record<string, boolean> } | null }).consent;
  return consent ? consent.categories['marketing'] === true : null;
}

/** Opens another page of the site and returns what consent-ready said there. */
async function visit(page: Page, path: string, attrs = 'categories="marketing"', origin = SITE) {
  await recordEvents(page);
  await mountOn(page, origin, { path, attrs });
  return readyMarketing(page);
}

const banner = (page: Page) => page.getByRole('region', { name: tr.banner.heading });

test.describe('cookies that moved', () => {
  test('M2: a changed cookie-domain keeps the choice: the host-only cookie is adopted on the domain, the old one removed', async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: 'cookie_consent', value: record(1), domain: 'www.cerez.test', path: '/' }]);
    const attrs = 'categories="marketing" cookie-domain="cerez.test"';
    expect(await visit(page, '/test/page.html', attrs)).toBe(true);
    await expect(page.locator('cookie-consent-banner')).not.toHaveAttribute('open');
    expect(await scopes(context)).toEqual([['.cerez.test', '/']]);
    // Another host of the site now sees it too.
    expect(await visit(page, '/test/page.html', attrs, 'https://shop.cerez.test')).toBe(true);
  });

  test('M2: a changed cookie-path keeps the choice: the old path’s cookie is adopted on /, and pages outside the old path see it', async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: 'cookie_consent', value: record(1), domain: 'www.cerez.test', path: '/test' }]);
    expect(await visit(page, '/test/page.html')).toBe(true);
    expect(await scopes(context)).toEqual([['www.cerez.test', '/']]);
    expect(await visit(page, '/elsewhere.html')).toBe(true);
    await expect(banner(page)).toBeHidden();
  });

  test('M2: the cookie at the configured scope is the truth, even against a newer parent-domain copy; one cookie is left', async ({
    page,
    context,
  }) => {
    await context.addCookies([
      { name: 'cookie_consent', value: record(0, now() - 3600), domain: 'www.cerez.test', path: '/' },
      { name: 'cookie_consent', value: record(1, now() - 10), domain: '.cerez.test', path: '/' },
    ]);
    expect(await visit(page, '/test/page.html')).toBe(false);
    expect(await scopes(context)).toEqual([['www.cerez.test', '/']]);
    expect(await visit(page, '/test/page.html')).toBe(false);
  });

  test('M2: with none at the configured scope, the host-only copy is adopted before a newer parent-domain one', async ({
    page,
    context,
  }) => {
    await context.addCookies([
      { name: 'cookie_consent', value: record(0, now() - 3600), domain: 'www.cerez.test', path: '/test' },
      { name: 'cookie_consent', value: record(1, now() - 10), domain: '.cerez.test', path: '/' },
    ]);
    expect(await visit(page, '/test/page.html')).toBe(false);
    expect(await scopes(context)).toEqual([['www.cerez.test', '/']]);
  });

  test('M2: the visitor’s later choice is the one in force on every following page, and exactly one cookie remains', async ({
    page,
    context,
  }) => {
    await context.addCookies([
      { name: 'cookie_consent', value: record(1, now() - 3600), domain: 'www.cerez.test', path: '/' },
      { name: 'cookie_consent', value: record(1, now() - 60), domain: '.cerez.test', path: '/' },
      // Only pages under /test see this one; it is dated a little ahead (within the clock skew).
      { name: 'cookie_consent', value: record(1, now() + 120), domain: 'www.cerez.test', path: '/test' },
    ]);
    expect(await visit(page, '/index.html')).toBe(true);
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.rejectAll());
    // The /test copy is out of this page's sight: it goes when a page under /test reads it.
    expect(await scopes(context)).toEqual([
      ['www.cerez.test', '/'],
      ['www.cerez.test', '/test'],
    ]);
    for (const path of ['/test/page.html', '/index.html', '/test/deeper/page.html', '/other.html']) {
      expect(await visit(page, path), path).toBe(false);
      await expect(banner(page)).toBeHidden();
    }
    expect(await scopes(context)).toEqual([['www.cerez.test', '/']]);
  });

  test('M2: a record more than 5 minutes in the future counts as no choice', async ({ page, context }) => {
    await context.addCookies([
      { name: 'cookie_consent', value: record(1, now() + 3600), domain: 'www.cerez.test', path: '/' },
    ]);
    expect(await visit(page, '/test/page.html')).toBeNull();
    await expect(banner(page)).toBeVisible();
  });

  test('M2: a cookie named cookie%5Fconsent is another cookie and is ignored', async ({ page, context }) => {
    await context.addCookies([
      { name: 'cookie%5Fconsent', value: record(1), domain: '.cerez.test', path: '/test' },
      { name: 'cookie%5Fconsent', value: record(1), domain: '.cerez.test', path: '/' },
    ]);
    expect(await visit(page, '/test/page.html')).toBeNull();
    await banner(page).getByRole('button', { name: tr.banner.rejectAll }).click();
    expect(await visit(page, '/test/page.html')).toBe(false);
    expect(await scopes(context)).toEqual([['www.cerez.test', '/']]);
  });
});

test.describe('cookie names with a prefix', () => {
  test('M2: cookie-name="__Host-cookie_consent" on https is Secure, Path=/, host-only, and read on the next page', async ({
    page,
    context,
    warnings,
  }) => {
    const attrs = 'categories="marketing" cookie-name="__Host-cookie_consent" cookie-path="/test"';
    expect(await visit(page, '/test/page.html', attrs)).toBeNull();
    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    expect(await consentCookie(page, '__Host-cookie_consent')).toMatchObject({
      domain: 'www.cerez.test',
      path: '/',
      secure: true,
      record: { c: { marketing: 1 } },
    });
    await expect.poll(() => warnings.some((w) => w.includes('cookie-path') && w.includes('__Host-'))).toBe(true);
    expect(await visit(page, '/other.html', attrs)).toBe(true);
    expect(await scopes(context, '__Host-cookie_consent')).toEqual([['www.cerez.test', '/']]);
  });

  test('M2: a __Host- name on an http page warns that it needs https; the banner still works for the page', async ({
    page,
    context,
    warnings,
    allowErrors,
  }) => {
    allowErrors.push(/CEREZ_COOKIE_NOT_KEPT/);
    await mountOn(page, 'http://www.cerez.test', { attrs: 'cookie-name="__Host-cookie_consent"' });
    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect(banner(page)).toBeHidden();
    expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.consent?.method)).toBe(
      'accept-all',
    );
    expect(await context.cookies()).toEqual([]);
    await expect.poll(() => warnings.some((w) => /__Host-cookie_consent.*needs https/.test(w))).toBe(true);
  });
});

test.describe('a write that fails', () => {
  test('L8: a cookie-domain the browser refuses (a public suffix) falls back to host-only with a console error; the next page keeps the choice', async ({
    page,
    context,
    allowErrors,
  }) => {
    allowErrors.push(/CEREZ_COOKIE_DOMAIN_REFUSED/);
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    const attrs = 'categories="marketing" cookie-domain="co.uk"';
    const origin = 'https://www.cerez.co.uk';
    expect(await visit(page, '/test/page.html', attrs, origin)).toBeNull();
    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect(banner(page)).toBeHidden();
    await expect.poll(() => errors.some((e) => /cookie-domain.*"co\.uk".*public suffix.*host-only/.test(e))).toBe(true);
    expect(await scopes(context)).toEqual([['www.cerez.co.uk', '/']]);
    expect(await visit(page, '/other.html', attrs, origin)).toBe(true);
    await expect(banner(page)).toBeHidden();
  });

  test('L4: in a sandboxed frame the banner shows, a choice works for the page, a console error says so, nothing throws', async ({
    page,
    allowErrors,
  }) => {
    allowErrors.push(/CEREZ_NO_COOKIES/);
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    // The frame's origin is opaque: its module requests are cross-origin and need CORS.
    await page.route('**/dist/**', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
    });
    await page.route('**/test/frame.html', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: pageHtml() }),
    );
    await mount(page, {
      after:
        '<iframe sandbox="allow-scripts" src="/test/frame.html" title="framed" width="1000" height="700"></iframe>',
    });
    const frame = page.frameLocator('iframe');
    const region = frame.getByRole('region', { name: tr.banner.heading });
    await expect(region).toBeVisible();
    await region.getByRole('button', { name: tr.banner.rejectAll }).click();
    await expect(region).toBeHidden();
    const inner = page.frames().find((f) => f.url().endsWith('/test/frame.html'))!;
    expect(await inner.evaluate(() => document.querySelector('cookie-consent-banner')!.consent?.method)).toBe(
      'reject-all',
    );
    await expect.poll(() => errors.some((e) => /CEREZ_NO_COOKIES.*this page only/.test(e))).toBe(true);
    // Once per page, whichever part of the banner found it: the read at the start and the choice's write both did.
    await inner.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    expect(errors.filter((e) => e.includes('CEREZ_NO_COOKIES'))).toHaveLength(1);
  });
});

test.describe('what the cookie holds', () => {
  test('L3: the id is stored only when receipt-url is set', async ({ page }) => {
    await mount(page);
    await banner(page).getByRole('button', { name: tr.banner.rejectAll }).click();
    expect((await consentCookie(page))?.record).not.toHaveProperty('id');
    await page.route('**/consent-receipts', (route) => route.fulfill({ status: 204 }));
    await page.evaluate(() => {
      const el = document.querySelector('cookie-consent-banner')!;
      el.setAttribute('receipt-url', '/consent-receipts');
      el.acceptAll();
    });
    expect((await consentCookie(page))?.record['id']).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  test('S-10 (H4): 24 long, named and described categories: the cookie stays within 512 bytes, with the cap warning', async ({
    page,
    warnings,
  }) => {
    const ids = Array.from({ length: 24 }, (_, i) => `purpose-${String(i).padStart(2, '0')}-${'x'.repeat(21)}`);
    const texts = {
      tr: {
        categories: Object.fromEntries(ids.map((id) => [id, { name: `Amaç ${id}`, description: `Açıklama ${id}` }])),
      },
    };
    await mountOn(page, SITE, {
      noElement: true,
      after: `<cookie-consent-banner categories="${ids.join(' ')}" cookie-name="__Host-cookie_consent">
        <script type="application/json">${JSON.stringify(texts)}</script></cookie-consent-banner>`,
    });
    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    const cookie = (await consentCookie(page, '__Host-cookie_consent'))!;
    const kept = Object.keys(cookie.record['c'] as object);
    expect(ids.every((id) => id.length === 32)).toBe(true);
    // The cap really bit: some of the long ids are stored, not all.
    expect(kept.length).toBeGreaterThan(2);
    expect(kept.length).toBeLessThan(24);
    expect(kept).toEqual(ids.slice(0, kept.length));
    expect(new TextEncoder().encode(`${cookie.name}=${cookie.value}`).length).toBeLessThanOrEqual(512);
    await expect
      .poll(() => warnings.some((w) => w.includes('larger than 512 bytes') && w.includes(ids[kept.length]!)))
      .toBe(true);
  });
});
