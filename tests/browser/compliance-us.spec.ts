/**
 * COMPLIANCE.md §3, US signals (Global Privacy Control, CCPA/CPRA, Do Not Track): one test (or describe) per
 * item, titled with its id, as far as the product supports it. Each follows the item's "Playwright check",
 * adapted to the product's contract (README.md): there is no confirmation step before a GPC category is
 * switched on; only the visitor's explicit switch in preferences turns it on.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import tr from '../../locales/tr.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import {
  afterPaint,
  test,
  expect,
  expectBannerNotShown,
  gateSettled,
  pageHtml,
  recordEvents,
  events,
  consentCookie,
  type PageOptions,
  tracker,
  LOCALE_CODES as CODES,
  localeJson,
} from './fixtures.js';

// Every test here fails on a page error or an unexpected console error (the fixture's check).
test.beforeEach(({ warnings }) => void warnings);

const OPTIONAL = ['functional', 'analytics', 'marketing'] as const;
type Locale = { banner: Record<string, string>; preferences: Record<string, string>; gpc: Record<string, string> };
const locale = (code: string): Locale => localeJson(code) as unknown as Locale;

/**
 * Stubs Global Privacy Control (Chromium has none), as COMPLIANCE §0 shows; a page opened with `?nogpc`
 * gets no signal, so one test can show what happens when the signal goes away.
 */
const gpcOn = (page: Page) =>
  page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
      get: () => !new URLSearchParams(location.search).has('nogpc'),
      configurable: true,
    }),
  );

const GATED = `
  <script type="text/plain" data-consent-category="analytics" src="https://tracker.test/analytics.js"></script>
  <script type="text/plain" data-consent-category="marketing" src="https://tracker.test/ads.js"></script>`;
const host = (attrs = '', inner = ''): PageOptions => ({
  noElement: true,
  after: `<cookie-consent-banner policy-url="/cerez-politikasi" ${attrs}>${inner}</cookie-consent-banner>
    <main><h1>Haberler</h1><p><a href="#a">Bir bağlantı</a></p></main>
    <footer><a href="#cookies" data-consent-open id="cookie-settings">Çerez ayarları</a></footer>${GATED}`,
});

/** Serves host.html and host-2.html (any query) with the same markup; later calls win. */
async function serveHost(page: Page, options: PageOptions): Promise<void> {
  for (const path of ['/test/host.html', '/test/host-2.html']) {
    const body = pageHtml({ ...options, path });
    await page.route(
      (url) => url.pathname === path,
      (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }),
    );
  }
}

async function openHost(page: Page, attrs = '', inner = '', l: Locale = tr, path = '/test/host.html') {
  await serveHost(page, host(attrs, inner));
  await page.goto(path);
  const region = banner(page, l);
  await expect(region).toBeVisible();
  return region;
}

const banner = (page: Page, l: Locale = tr) => page.getByRole('region', { name: l.banner.heading, exact: true });
const dialog = (page: Page, l: Locale = tr) => page.getByRole('dialog', { name: l.preferences.heading });
const element = (page: Page) => page.locator('cookie-consent-banner');
const marketingSwitch = (page: Page) =>
  dialog(page).getByRole('switch', { name: tr.categories.marketing.name, exact: true });

type Detail = { consent: { categories: Record<string, boolean>; method: string; gpc: boolean } | null };
const lastChange = async (page: Page) => (await events(page, 'consent-change')).at(-1)?.detail as Detail | undefined;
const allowed = (page: Page) =>
  page.evaluate(
    (ids) => ids.filter((id) => document.querySelector('cookie-consent-banner')!.hasConsent(id)),
    [...OPTIONAL],
  );

test.describe('US-1: detect and honour Global Privacy Control', () => {
  test('US-1: under GPC, Accept all keeps marketing off; only the explicit switch in preferences turns it on', async ({
    page,
  }) => {
    const hits = await tracker(page);
    await gpcOn(page);
    await recordEvents(page);
    const region = await openHost(page);
    expect((await events(page, 'consent-ready'))[0]?.detail).toEqual({ consent: null });
    expect(await allowed(page)).toEqual([]);

    await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
    // No confirmation step and no dialog: the signal simply wins over a single "Accept all".
    await expect(region).toBeHidden();
    await expect(dialog(page)).toBeHidden();
    expect((await consentCookie(page))?.record).toMatchObject({
      m: 'a',
      gpc: 1,
      c: { functional: 1, analytics: 1, marketing: 0 },
    });
    await afterPaint(page);
    expect((await lastChange(page))?.consent).toMatchObject({
      method: 'accept-all',
      gpc: true,
      categories: { marketing: false, analytics: true },
    });
    await gateSettled(page);
    expect(hits).toEqual(['analytics.js']);

    // "Accept all" in preferences does not override it either.
    await page.locator('#cookie-settings').click();
    await expect(marketingSwitch(page)).not.toBeChecked();
    await dialog(page).getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
    expect((await consentCookie(page))?.record['c']).toMatchObject({ marketing: 0 });

    // The visitor's own switch does, and a later Accept all keeps it.
    await page.locator('#cookie-settings').click();
    await marketingSwitch(page).check();
    await dialog(page).getByRole('button', { name: tr.preferences.save, exact: true }).click();
    expect((await consentCookie(page))?.record).toMatchObject({ m: 's', gpc: 1, c: { marketing: 1 } });
    await afterPaint(page);
    expect((await lastChange(page))?.consent).toMatchObject({ gpc: true, categories: { marketing: true } });
    await expect.poll(() => [...hits].sort()).toEqual(['ads.js', 'analytics.js']);
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.acceptAll());
    expect((await consentCookie(page))?.record['c']).toMatchObject({ marketing: 1 });
  });

  test('US-1: the opt-out persists when the signal goes away; it is not consent', async ({ page }) => {
    await tracker(page);
    await gpcOn(page);
    await recordEvents(page);
    const region = await openHost(page);
    await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
    await page.goto('/test/host-2.html?nogpc');
    expect(await page.evaluate(() => (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl)).toBe(
      false,
    );
    await expectBannerNotShown(element(page));
    expect(((await events(page, 'consent-ready'))[0]?.detail as Detail).consent).toMatchObject({
      gpc: true,
      categories: { marketing: false },
    });
    expect(await allowed(page)).toEqual(['functional', 'analytics']);
  });

  test('US-1: a choice made before the signal is narrowed on the next page (method gpc), its cookies deleted', async ({
    page,
  }) => {
    await tracker(page);
    await gpcOn(page);
    await recordEvents(page);
    const table = JSON.stringify({ marketing: ['_trk_ads'] });
    const region = await openHost(
      page,
      '',
      `<script type="application/json" data-cookies>${table}</script>`,
      tr,
      '/test/host.html?nogpc',
    );
    await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
    await expect.poll(async () => (await page.context().cookies()).map((c) => c.name)).toContain('_trk_ads');
    await page.goto('/test/host-2.html');
    expect(((await events(page, 'consent-ready'))[0]?.detail as Detail).consent).toMatchObject({
      method: 'gpc',
      gpc: true,
      categories: { marketing: false, analytics: true },
    });
    // In effect at once (above); stored once the writer has loaded (a returning visit does not ship it).
    await expect
      .poll(async () => (await consentCookie(page))?.record)
      .toMatchObject({ m: 'g', gpc: 1, c: { marketing: 0 } });
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('_trk_ads');
  });

  test('US-1: gpc-categories names the categories that mean sale or sharing', async ({ page }) => {
    await tracker(page);
    await gpcOn(page);
    const region = await openHost(page, 'gpc-categories="analytics marketing"');
    await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
    expect((await consentCookie(page))?.record['c']).toEqual({
      functional: 1,
      analytics: 0,
      marketing: 0,
    });
  });

  test('US-1: no-gpc ignores the signal', async ({ page }) => {
    await tracker(page);
    await gpcOn(page);
    const region = await openHost(page, 'no-gpc');
    await expect(region.locator('[part="gpc-notice"]')).toHaveCount(0);
    await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
    const record = (await consentCookie(page))!.record;
    expect(record['c']).toMatchObject({ marketing: 1 });
    expect(record['gpc']).toBeUndefined();
  });

  test('US-1: a second element’s no-gpc does not lift the page’s opt-out: its methods act with the owner’s settings', async ({
    page,
  }) => {
    await tracker(page);
    await gpcOn(page);
    await serveHost(page, {
      noElement: true,
      after: `<cookie-consent-banner policy-url="/cerez-politikasi"></cookie-consent-banner>
        <cookie-consent-banner id="two" no-gpc></cookie-consent-banner>`,
    });
    await page.goto('/test/host.html');
    await expect(banner(page)).toBeVisible();
    await page.evaluate(() =>
      (document.getElementById('two') as HTMLElementTagNameMap['cookie-consent-banner']).acceptAll(),
    );
    expect((await consentCookie(page))?.record['c']).toEqual({ functional: 1, analytics: 1, marketing: 0 });
    const secondSees = await page.evaluate(() =>
      (document.getElementById('two') as HTMLElementTagNameMap['cookie-consent-banner']).hasConsent('marketing'),
    );
    expect(secondSees).toBe(false);
  });
});

test.describe('US-2: show that the signal was honoured', () => {
  for (const [code, l] of [
    ['tr', tr],
    ['en', en],
  ] as const) {
    test(`US-2: “${l.gpc.honored}” on the first layer and beside the marketing switch (${code})`, async ({ page }) => {
      await tracker(page);
      await gpcOn(page);
      const region = await openHost(page, `lang="${code}"`, '', l);
      await expect(region.locator('[part="gpc-notice"]')).toContainText(l.gpc.honored);
      await expect(region.getByText(/Opt-Out Request Honored|talebiniz uygulandı/i)).toBeVisible();
      await region.getByRole('button', { name: l.banner.preferences, exact: true }).click();
      const prefs = dialog(page, l);
      await expect(prefs.locator('[part="gpc-notice"]')).toBeVisible();
      await expect(prefs.locator('[part="gpc-notice"]')).toContainText(l.gpc.honored);
      const sw = prefs.getByRole('switch', { name: l.categories.marketing.name, exact: true });
      await expect(sw).not.toBeChecked();
      const row = prefs
        .locator('[part="category"]')
        .filter({ has: page.getByRole('switch', { name: l.categories.marketing.name }) });
      await expect(row.getByText(l.gpc.honored)).toBeVisible();
      // Only the sale-or-share category carries it.
      const analyticsRow = prefs
        .locator('[part="category"]')
        .filter({ has: page.getByRole('switch', { name: l.categories.analytics.name }) });
      await expect(analyticsRow).not.toContainText(l.gpc.honored);
    });
  }

  test('US-2: every locale says it', () => {
    for (const code of CODES) {
      const l = locale(code);
      expect(l.gpc?.honored?.trim(), `${code}: gpc.honored`).toBeTruthy();
      expect(l.gpc?.explanation?.trim(), `${code}: gpc.explanation`).toBeTruthy();
    }
    expect(en.gpc.honored).toBe('Opt-Out Request Honored');
    expect(tr.gpc.honored).toBe('Devre dışı bırakma talebiniz uygulandı');
  });
});

test('US-3: GPC adds no prompt of its own: no extra dialog, and no re-prompt after a choice', async ({ page }) => {
  await tracker(page);
  await gpcOn(page);
  const region = await openHost(page);
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await region.getByRole('button', { name: tr.banner.rejectAll, exact: true }).click();
  await page.goto('/test/host-2.html');
  await expectBannerNotShown(element(page));
  await expect(banner(page)).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test.describe('US-4: symmetry in choice', () => {
  test('US-4: declining is one click, labelled as declining, and looks like accepting', async ({ page }) => {
    await recordEvents(page);
    const region = await openHost(page, 'lang="en"', '', en);
    const reject = region.getByRole('button', { name: en.banner.rejectAll, exact: true });
    const accept = region.getByRole('button', { name: en.banner.acceptAll, exact: true });
    const look = (b: Locator) =>
      b.evaluate((el) => {
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return [
          Math.round(r.height),
          s.fontSize,
          s.fontWeight,
          s.color,
          s.backgroundColor,
          s.padding,
          s.borderTopWidth,
        ];
      });
    expect(await look(reject)).toEqual(await look(accept));
    await expect(reject).toBeInViewport();
    await reject.click();
    await expect(region).toBeHidden();
    await afterPaint(page);
    expect((await lastChange(page))?.consent).toMatchObject({ method: 'reject-all', categories: { marketing: false } });
  });

  test('US-4: no locale’s decline or close label says “later”', () => {
    const later =
      /later|daha sonra|sonra hatırlat|sonra|später|plus tard|más tarde|più tardi|później|позже|пізніше|لاحق|بعدا|بعداً|αργότερα|sonra xatırlat/i;
    for (const code of CODES) {
      const l = locale(code);
      for (const key of ['rejectAll', 'close']) expect(l.banner[key], `${code}: banner.${key}`).not.toMatch(later);
      expect(l.banner['rejectAll']).not.toBe(l.banner['acceptAll']);
    }
  });
});

test('US-5: the README says the banner alone is not a CCPA opt-out method', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  // The §7026(a)(4) caveat, and what the site needs besides the banner.
  expect(readme).toContain('7026(a)(4)');
  expect(readme).toMatch(/Do Not\s+Sell\s+or\s+Share/);
  expect(readme).toMatch(/Sec-GPC/);
});

test('US-6: Do Not Track is not read, never counts as consent, and is sent nowhere', async ({ page }) => {
  await tracker(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __dntReads: number };
    w.__dntReads = 0;
    Object.defineProperty(Navigator.prototype, 'doNotTrack', {
      get: () => {
        w.__dntReads++;
        return '1';
      },
      configurable: true,
    });
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.url()} ${r.postData() ?? ''}`));
  await recordEvents(page);
  await page.route('**/consent-receipts', (route) => route.fulfill({ status: 204 }));
  const region = await openHost(page, 'receipt-url="/consent-receipts"');
  expect((await events(page, 'consent-ready'))[0]?.detail).toEqual({ consent: null });
  expect(await allowed(page)).toEqual([]);
  await region.getByRole('button', { name: tr.banner.rejectAll, exact: true }).click();
  await expect.poll(() => requests.some((r) => r.includes('/consent-receipts'))).toBe(true);
  expect(requests.filter((r) => /dnt|donottrack/i.test(r))).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __dntReads: number }).__dntReads)).toBe(0);
});

test('US-7: GPC in opt-in (EU/TR) mode: every optional category off, the signal shown and recorded', async ({
  page,
}) => {
  await tracker(page);
  await gpcOn(page);
  await recordEvents(page);
  const region = await openHost(page);
  expect((await events(page, 'consent-ready'))[0]?.detail).toEqual({ consent: null });
  expect(await allowed(page)).toEqual([]);
  await expect(region.locator('[part="gpc-notice"]')).toContainText(tr.gpc.honored);
  await region.getByRole('button', { name: tr.banner.rejectAll, exact: true }).click();
  await afterPaint(page);
  expect((await lastChange(page))?.consent).toMatchObject({
    method: 'reject-all',
    gpc: true,
    categories: { functional: false, analytics: false, marketing: false },
  });
  expect((await consentCookie(page))?.record).toMatchObject({ gpc: 1, m: 'r' });
});
