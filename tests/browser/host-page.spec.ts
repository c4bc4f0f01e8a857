import type { Page } from '@playwright/test';
import tr from '../../locales/tr.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import {
  afterPaint,
  test,
  expect,
  expectBannerNotShown,
  TEST_ORIGIN,
  mount,
  recordEvents,
  events,
  consentCookie,
  tracker,
  gateSettled,
  dataLayer,
} from './fixtures.js';

const runs = (page: Page) => page.evaluate(() => (window as unknown as { __runs?: string[] }).__runs ?? []);
const banner = (page: Page) => page.getByRole('region', { name: tr.banner.heading });

const GATED = `
  <script type="text/plain" data-consent-category="analytics" src="https://tracker.test/analytics.js"></script>
  <script type="text/plain" data-consent-category="marketing" src="https://tracker.test/ads.js"></script>
  <script type="text/plain" data-consent-category="analytics marketing" src="https://tracker.test/both.js"></script>
  <script type="text/plain" data-consent-category="analytics">(window.__runs ??= []).push('inline-analytics');</script>
  <script type="text/plain" data-consent-category="necessary">(window.__runs ??= []).push('inline-necessary');</script>
  <iframe title="Ad" data-consent-category="marketing" data-src="https://tracker.test/frame.html"></iframe>`;

test.describe('gated scripts and frames', () => {
  test('nothing gated runs before consent; each runs once when its categories are allowed', async ({ page }) => {
    const hits = await tracker(page);
    await mount(page, { after: GATED });
    await expect(banner(page)).toBeVisible();
    await gateSettled(page);
    expect(hits).toEqual([]);
    expect(await runs(page)).toEqual(['inline-necessary']);
    expect(await page.locator('iframe').getAttribute('src')).toBeNull();

    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.setConsent(['analytics']));
    await expect.poll(() => runs(page)).toEqual(['inline-necessary', 'analytics.js', 'inline-analytics']);
    expect(hits).toEqual(['analytics.js']);

    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.acceptAll());
    await expect.poll(() => runs(page)).toHaveLength(5);
    expect((await runs(page)).slice(3).sort()).toEqual(['ads.js', 'both.js']);
    await expect(page.locator('iframe')).toHaveAttribute('src', 'https://tracker.test/frame.html');
    // Accepting again runs nothing twice.
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.acceptAll());
    expect(await runs(page)).toHaveLength(5);
    expect(hits.filter((h) => h.endsWith('.js')).sort()).toEqual(['ads.js', 'analytics.js', 'both.js']);
  });

  test('a returning visitor’s allowed tags run on load; gated elements added later are handled too', async ({
    page,
  }) => {
    const hits = await tracker(page);
    await mount(page, { after: GATED });
    await page.getByRole('button', { name: tr.banner.rejectAll }).click();
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.setConsent(['analytics']));
    await mount(page, { after: GATED });
    // In document order, as without the gate: the external script loads before the inline ones after it run.
    await expect.poll(() => runs(page)).toEqual(['analytics.js', 'inline-analytics', 'inline-necessary']);
    await page.evaluate(() => {
      const late = document.createElement('script');
      late.type = 'text/plain';
      late.dataset['consentCategory'] = 'analytics';
      late.textContent = "(window.__runs ??= []).push('late-analytics')";
      document.body.append(late);
      const blocked = document.createElement('script');
      blocked.type = 'text/plain';
      blocked.dataset['consentCategory'] = 'marketing';
      blocked.textContent = "(window.__runs ??= []).push('late-marketing')";
      document.body.append(blocked);
    });
    await expect.poll(() => runs(page)).toContain('late-analytics');
    await gateSettled(page);
    expect(await runs(page)).not.toContain('late-marketing');
    expect(hits.filter((h) => h === 'ads.js' || h === 'both.js')).toEqual([]);
  });

  test('scripts keep their attributes, nonce and module type', async ({ page }) => {
    await tracker(page);
    await mount(page, {
      after: `<script type="text/plain" data-type="module" data-consent-category="analytics" nonce="n0nce" id="m">
        (window.__runs ??= []).push(import.meta.url ? 'module' : 'classic');
      </script>`,
    });
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.acceptAll());
    await expect.poll(() => runs(page)).toContain('module');
    expect(
      await page.evaluate(() => {
        const s = document.getElementById('m') as HTMLScriptElement;
        return [s.type, s.nonce, s.dataset['consentState']];
      }),
    ).toEqual(['module', 'n0nce', 'run']);
  });
});

test.describe('Google Consent Mode v2', () => {
  const SIGNALS = [
    'ad_storage',
    'ad_user_data',
    'ad_personalization',
    'analytics_storage',
    'functionality_storage',
    'personalization_storage',
    'security_storage',
  ];

  for (const predefined of [false, true]) {
    test(`default before any tag, update after a change ${predefined ? 'with' : 'without'} a page-defined gtag`, async ({
      page,
    }) => {
      await tracker(page);
      const head = predefined ? '<script src="/tests/fixtures/gtag-stub.js"></script>' : '';
      await mount(page, {
        head,
        attrs: 'consent-mode',
        after: `<script type="text/plain" data-consent-category="necessary">
          (window.__runs ??= []).push('tag:' + window.dataLayer.length);
        </script>`,
      });
      await expect(banner(page)).toBeVisible();
      const first = await dataLayer(page);
      const start = predefined ? 1 : 0; // the stub's own js() call comes first
      expect(first[start]?.args?.slice(0, 2)).toEqual(['consent', 'default']);
      const defaults = first[start]!.args![2] as Record<string, unknown>;
      expect(Object.keys(defaults).sort()).toEqual([...SIGNALS, 'wait_for_update'].sort());
      expect(defaults).toMatchObject({
        ad_storage: 'denied',
        analytics_storage: 'denied',
        security_storage: 'granted',
      });
      expect(defaults['wait_for_update']).toBeGreaterThan(0);
      // ads_data_redaction is on while ad_storage is denied, set with the default.
      expect(first[start + 1]?.args).toEqual(['set', 'ads_data_redaction', true]);
      // The gated necessary tag ran after the default was pushed.
      expect(await runs(page)).toEqual([`tag:${start + 2}`]);
      if (predefined)
        expect(await page.evaluate(() => (window as unknown as { __gtagCalls: number }).__gtagCalls)).toBe(3);

      await page.evaluate(() => document.querySelector('cookie-consent-banner')!.setConsent(['analytics']));
      const after = await dataLayer(page);
      const update = after.find((e) => e.args?.[1] === 'update')!;
      expect(update.args![2]).toEqual({
        ad_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
        analytics_storage: 'granted',
        functionality_storage: 'denied',
        personalization_storage: 'denied',
        security_storage: 'granted',
      });
      const event = after.find((e) => e.event === 'cookie_consent_update')!;
      expect(event.cookieConsent).toEqual({ necessary: true, functional: false, analytics: true, marketing: false });
    });
  }

  test('a returning visitor’s default comes from the stored choice; the map can be changed', async ({ page }) => {
    await mount(page, { attrs: 'consent-mode' });
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    await mount(page, {
      attrs: `consent-mode consent-mode-map='{"ad_user_data":"analytics","bogus":"x"}'`,
      path: '/test/again.html',
    });
    await page.waitForFunction(() => (window as unknown as { dataLayer?: unknown[] }).dataLayer?.length);
    const defaults = (await dataLayer(page))[0]!.args![2] as Record<string, unknown>;
    expect(defaults).toMatchObject({ ad_storage: 'granted', analytics_storage: 'granted', ad_user_data: 'granted' });
  });
});

test.describe('Global Privacy Control', () => {
  const gpcOn = (page: Page) =>
    page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
    );

  test('on: Accept all keeps marketing off and says so; only the switch turns it on', async ({ page }) => {
    await gpcOn(page);
    await recordEvents(page);
    await mount(page, { attrs: 'lang="en"' });
    const region = page.getByRole('region', { name: en.banner.heading });
    await expect(region.getByText(en.gpc.honored)).toBeVisible();
    await region.getByRole('button', { name: en.banner.acceptAll }).click();
    expect((await consentCookie(page))?.record).toMatchObject({
      gpc: 1,
      c: { functional: 1, analytics: 1, marketing: 0 },
    });
    await afterPaint(page);
    const [change] = await events(page, 'consent-change');
    expect(change?.detail).toMatchObject({ consent: { gpc: true, categories: { marketing: false } } });

    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.showPreferences());
    const dialog = page.getByRole('dialog', { name: en.preferences.heading });
    await expect(dialog.getByText(en.gpc.honored).first()).toBeVisible();
    const marketing = dialog.getByRole('switch', { name: en.categories.marketing.name });
    await expect(marketing).not.toBeChecked();
    await marketing.check();
    await dialog.getByRole('button', { name: en.preferences.save }).click();
    expect((await consentCookie(page))?.record['c']).toMatchObject({ marketing: 1 });
    // An explicit switch survives a later Accept all.
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.acceptAll());
    expect((await consentCookie(page))?.record['c']).toMatchObject({ marketing: 1 });
  });

  test('a choice made before GPC is narrowed when the signal appears; no-gpc turns this off', async ({ page }) => {
    await mount(page);
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    await gpcOn(page);
    await recordEvents(page);
    await mount(page, { path: '/test/next.html' });
    const [ready] = await events(page, 'consent-ready');
    expect(ready?.detail).toMatchObject({
      consent: { method: 'gpc', gpc: true, categories: { marketing: false, analytics: true } },
    });
    await expectBannerNotShown(page.locator('cookie-consent-banner'));
    // The narrowed choice is in effect at once and stored by the writer, which loads after: it must land before
    // the cookies are cleared, or it writes the narrowed choice back behind this test's back.
    await expect.poll(async () => (await consentCookie(page))?.record['gpc']).toBe(1);

    await page.context().clearCookies();
    await mount(page, { attrs: 'no-gpc', path: '/test/third.html' });
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    expect((await consentCookie(page))?.record).toMatchObject({ c: { marketing: 1 } });
    expect((await consentCookie(page))?.record['gpc']).toBeUndefined();
  });

  test('off: Accept all allows marketing and no notice shows', async ({ page }) => {
    await mount(page);
    await expect(banner(page)).toBeVisible();
    await expect(banner(page).locator('[part="gpc-notice"]')).toHaveCount(0);
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    expect((await consentCookie(page))?.record['c']).toMatchObject({ marketing: 1 });
  });
});

test.describe('withdrawal', () => {
  const COOKIES = JSON.stringify({
    analytics: [{ name: '_trk_analytics', provider: 'Tracker', purpose: 'Ölçüm', duration: '1 yıl', country: 'ABD' }],
    marketing: ['_trk_ads', '_trk_both*'],
  });

  test('data-consent-open opens preferences by mouse and keyboard; focus returns to it', async ({ page }) => {
    await mount(page, { after: '<footer><a href="#cookies" data-consent-open id="open">Çerez ayarları</a></footer>' });
    await page.getByRole('button', { name: tr.banner.rejectAll }).click();
    await page.locator('#open').click();
    const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.locator('#open')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    expect(page.url()).not.toContain('#cookies');
  });

  test('the launcher is named, reachable and opens preferences; withdrawing deletes the listed cookies', async ({
    page,
  }) => {
    await tracker(page);
    await recordEvents(page);
    await mount(page, {
      attrs: 'launcher',
      noElement: true,
      after: `<cookie-consent-banner launcher><script type="application/json" data-cookies>${COOKIES}</script></cookie-consent-banner>${GATED}`,
    });
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect
      .poll(async () => (await page.context().cookies()).map((c) => c.name).sort())
      .toEqual(['_trk_ads', '_trk_analytics', '_trk_both', 'cookie_consent'].sort());
    await page.reload();
    const launcher = page.getByRole('button', { name: tr.launcher.label });
    await expect(launcher).toBeVisible();
    const box = await launcher.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(24);
    await launcher.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('switch', { name: tr.categories.marketing.name })).toBeChecked();
    await dialog.getByText(tr.inventory.show_one.replace('{{count}}', '1')).click();
    await expect(dialog.getByRole('cell', { name: 'ABD' })).toBeVisible();
    await dialog.getByRole('button', { name: tr.banner.rejectAll }).click();
    await expect(dialog).toBeHidden();
    expect((await page.context().cookies()).map((c) => c.name)).toEqual(['cookie_consent']);
    const changes = await events(page, 'consent-change');
    expect(changes.at(-1)?.detail).toMatchObject({
      withdrawn: ['functional', 'analytics', 'marketing'],
      consent: { method: 'reject-all' },
    });
    await expect(launcher).toBeFocused();
  });

  test('reload-on-withdraw reloads the page after a withdrawal', async ({ page }) => {
    await mount(page, { attrs: 'reload-on-withdraw' });
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
    const reloaded = page.waitForEvent('load');
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.rejectAll());
    await reloaded;
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBeUndefined();
  });
});

test.describe('proof of consent', () => {
  test('receipt-url gets a beacon with the record after each choice', async ({ page }) => {
    const bodies: unknown[] = [];
    await page.route('**/consent-receipts', async (route) => {
      bodies.push({ body: route.request().postDataJSON(), type: route.request().headers()['content-type'] });
      await route.fulfill({ status: 204 });
    });
    await mount(page, { attrs: 'receipt-url="/consent-receipts"', path: '/test/page.html?secret=1' });
    await page.getByRole('button', { name: tr.banner.rejectAll }).click();
    await expect.poll(() => bodies.length).toBe(1);
    const consent = await page.evaluate(() => document.querySelector('cookie-consent-banner')!.consent!);
    expect(bodies[0]).toEqual({
      type: 'application/json',
      body: {
        id: consent.id,
        timestamp: consent.timestamp,
        revision: '1',
        language: 'tr',
        method: 'reject-all',
        categories: { necessary: true, functional: false, analytics: false, marketing: false },
        gpc: false,
        // The origin only: a path or query may hold an e-mail address or a token (security review L2).
        url: TEST_ORIGIN,
      },
    });
  });

  test('no request of its own when receipt-url is unset', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await mount(page);
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.showPreferences());
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(requests.every((p) => p.startsWith('/dist/') || p.startsWith('/test/'))).toBe(true);
  });
});
