import tr from '../../locales/tr.json' with { type: 'json' };
import {
  test,
  expect,
  expectBannerNotShown,
  mount,
  recordEvents,
  events,
  consentCookie,
  type RecordedEvent,
} from './fixtures.js';

test.describe('the host API', () => {
  test('events reach document and window, bubbling and composed, in order', async ({ page }) => {
    await recordEvents(page);
    await mount(page);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.acceptAll());
    await expectBannerNotShown(page.locator('cookie-consent-banner'));
    const all = await page.evaluate(() => (window as unknown as { __events: RecordedEvent[] }).__events);
    const seen = (target: string) => all.filter((e) => e.target === target).map((e) => e.type);
    expect(seen('document')).toEqual(['consent-ready', 'consent-show', 'consent-change', 'consent-hide']);
    expect(seen('window')).toEqual(seen('document'));
    const [change] = await events(page, 'consent-change');
    expect(change?.detail).toMatchObject({
      previous: null,
      source: 'api',
      changed: ['functional', 'analytics', 'marketing'],
      consent: {
        categories: { necessary: true, functional: true, analytics: true, marketing: true },
        revision: '1',
        language: 'tr',
        method: 'accept-all',
      },
    });
    const consent = (change!.detail as { consent: { id?: string; timestamp: string } }).consent;
    // L3: no id without receipt-url.
    expect(consent).not.toHaveProperty('id');
    expect(consent.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
  });

  test('S-13: events are composed: the host of a shadow root that holds the element hears them', async ({ page }) => {
    await mount(page, { noElement: true, after: '<div id="app"></div>' });
    await page.evaluate(() => {
      const app = document.getElementById('app')!;
      const root = app.attachShadow({ mode: 'open' });
      const w = window as unknown as { __heard: unknown[] };
      w.__heard = [];
      for (const type of ['consent-ready', 'consent-change']) {
        for (const [where, target] of [
          ['host', app],
          ['document', document],
        ] as const) {
          target.addEventListener(type, (e) =>
            w.__heard.push({ type, where, composed: e.composed, bubbles: e.bubbles }),
          );
        }
      }
      root.append(document.createElement('cookie-consent-banner'));
    });
    await page
      .getByRole('region', { name: tr.banner.heading })
      .getByRole('button', { name: tr.banner.acceptAll })
      .click();
    await expectBannerNotShown(page.locator('#app').locator('cookie-consent-banner'));
    // A clicked choice is told after the next paint.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __heard: unknown[] }).__heard.length)).toBe(4);
    const heard = { composed: true, bubbles: true };
    expect(await page.evaluate(() => (window as unknown as { __heard: unknown[] }).__heard)).toEqual([
      { type: 'consent-ready', where: 'host', ...heard },
      { type: 'consent-ready', where: 'document', ...heard },
      { type: 'consent-change', where: 'host', ...heard },
      { type: 'consent-change', where: 'document', ...heard },
    ]);
  });

  test('S-13: consent-change fires after the cookie is written; its detail is frozen, and writing to it changes neither the choice nor the cookie', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      document.addEventListener('consent-change', (e) => {
        const w = window as unknown as { __seen: unknown };
        const categories = e.detail.consent!.categories as Record<string, boolean>;
        try {
          categories['marketing'] = false;
        } catch {
          // Frozen: strict-mode code gets a TypeError, sloppy code a silent no-op.
        }
        const mutated = categories['marketing'] !== true;
        w.__seen = {
          cookie: document.cookie.includes('cookie_consent='),
          frozen: Object.isFrozen(e.detail.consent),
          mutated,
        };
      });
    });
    await mount(page);
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    // A clicked choice is told after the next paint.
    await page.waitForFunction(() => '__seen' in window);
    expect(await page.evaluate(() => (window as unknown as { __seen: unknown }).__seen)).toEqual({
      cookie: true,
      frozen: true,
      mutated: false,
    });
    expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('marketing'))).toBe(
      true,
    );
    expect((await consentCookie(page))?.record['c']).toEqual({
      functional: 1,
      analytics: 1,
      marketing: 1,
    });
  });

  test('consent-ready fires once per connection; a late listener reads .consent', async ({ page }) => {
    await recordEvents(page);
    await mount(page);
    await page.getByRole('button', { name: tr.banner.rejectAll }).click();
    await page.reload();
    expect(await events(page, 'consent-ready')).toHaveLength(1);
    const late = await page.evaluate(() => document.querySelector('cookie-consent-banner')!.consent);
    expect(late).toMatchObject({ method: 'reject-all', categories: { necessary: true, marketing: false } });
    // Moving the element is a new connection: one more consent-ready, no banner, same choice.
    await page.evaluate(() => document.body.append(document.querySelector('cookie-consent-banner')!));
    const ready = await events(page, 'consent-ready');
    expect(ready).toHaveLength(2);
    expect(ready[1]?.detail).toEqual({ consent: late });
  });

  test('show(), hide(), open and showPreferences()', async ({ page }) => {
    await recordEvents(page);
    await mount(page);
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    // A clicked choice is told after the next paint: the banner has hidden by then.
    await expect.poll(async () => (await events(page, 'consent-change')).length).toBe(1);
    const region = page.getByRole('region', { name: tr.banner.heading });
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.show());
    await expect(region).toBeVisible();
    await expect(page.locator('cookie-consent-banner')).toHaveAttribute('open', '');
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.hide());
    await expect(region).toBeHidden();
    await page.evaluate(() => {
      document.querySelector('cookie-consent-banner')!.open = true;
    });
    await expect(region).toBeVisible();
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.removeAttribute('open'));
    await expect(region).toBeHidden();
    expect((await events(page)).map((e) => e.type)).toEqual([
      'consent-ready',
      'consent-show',
      'consent-hide',
      'consent-change',
      'consent-show',
      'consent-hide',
      'consent-show',
      'consent-hide',
    ]);
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.showPreferences());
    await expect(page.getByRole('dialog', { name: tr.preferences.heading })).toBeVisible();
    // hide() and the choice were not changed by any of this.
    expect((await events(page, 'consent-change')).length).toBe(1);
  });

  test('setConsent(), hasConsent(), rejectAll() from script', async ({ page, warnings }) => {
    await recordEvents(page);
    await mount(page);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('necessary'))).toBe(
      true,
    );
    expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('analytics'))).toBe(
      false,
    );
    await page.evaluate(() =>
      document.querySelector('cookie-consent-banner')!.setConsent({ analytics: true, marketing: false, bogus: true }),
    );
    await expect.poll(() => warnings.some((w) => w.includes('bogus'))).toBe(true);
    expect((await consentCookie(page))?.record).toMatchObject({
      m: 'p',
      c: { functional: 0, analytics: 1, marketing: 0 },
    });
    expect(
      await page.evaluate(() => {
        const el = document.querySelector('cookie-consent-banner')!;
        return [el.hasConsent('analytics'), el.hasConsent('marketing'), el.open];
      }),
    ).toEqual([true, false, false]);
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.setConsent(['functional']));
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.rejectAll());
    const changes = await events(page, 'consent-change');
    expect(changes.map((c) => (c.detail as { changed: string[] }).changed)).toEqual([
      ['analytics'],
      ['functional', 'analytics'],
      ['functional'],
    ]);
    expect((await consentCookie(page))?.record).toMatchObject({ m: 'r', c: { functional: 0, analytics: 0 } });
  });

  test('a site names its own categories and replaces texts through the texts property', async ({ page, warnings }) => {
    await mount(page, { attrs: 'categories="analytics video chat"', noElement: false });
    await page.evaluate(() => {
      const el = document.querySelector('cookie-consent-banner')!;
      el.texts = {
        tr: {
          banner: { acceptAll: 'Hepsine izin ver' },
          categories: { video: { name: 'Video oynatıcı', description: 'Gömülü videolar için.' } },
        },
      };
    });
    await expect(page.getByRole('button', { name: 'Hepsine izin ver' })).toBeVisible();
    await page.getByRole('button', { name: tr.banner.preferences }).click();
    const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
    await expect(dialog.getByRole('switch')).toHaveCount(3);
    await expect(dialog.getByRole('switch', { name: 'Video oynatıcı' })).not.toBeChecked();
    await expect(dialog).toContainText('Gömülü videolar için.');
    await expect.poll(() => warnings.some((w) => w.includes('"chat"'))).toBe(true);
    await dialog.getByRole('switch', { name: 'Video oynatıcı' }).check();
    await dialog.getByRole('button', { name: tr.preferences.save }).click();
    expect((await consentCookie(page))?.record['c']).toEqual({ analytics: 0, video: 1 });
  });

  test('loading the script twice does no harm', async ({ page }) => {
    await mount(page, { head: '<script type="module" src="/dist/cookie-consent-banner.js?again"></script>' });
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    expect(await page.evaluate(() => customElements.get('cookie-consent-banner') !== undefined)).toBe(true);
  });

  test('dist/ works when copied anywhere: chunks are found beside the module', async ({ page }) => {
    await page.route('**/cdn/cerez/v1/**', async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({ url: url.href.replace('/cdn/cerez/v1/', '/dist/') });
      await route.fulfill({ response });
    });
    await page.route('**/test/cdn.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="tr"><script type="module" src="/cdn/cerez/v1/cookie-consent-banner.js"></script><cookie-consent-banner></cookie-consent-banner>',
      }),
    );
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto('/test/cdn.html');
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    expect(requests.filter((p) => p.endsWith('.js')).every((p) => p.startsWith('/cdn/cerez/v1/'))).toBe(true);
  });

  test('revision: a choice stored under another revision is asked again', async ({ page }) => {
    await recordEvents(page);
    await mount(page, { attrs: 'revision="2024-1"' });
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    expect((await consentCookie(page))?.record['r']).toBe('2024-1');
    await page.reload();
    await expectBannerNotShown(page.locator('cookie-consent-banner'));
    await mount(page, { attrs: 'revision="2024-2"' });
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    expect((await events(page, 'consent-ready'))[0]?.detail).toEqual({ consent: null });
  });

  test('a category added since the choice is off, and the banner asks about it', async ({ page }) => {
    await recordEvents(page);
    await mount(page, { attrs: 'categories="analytics"' });
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    await mount(page, { attrs: 'categories="analytics marketing"' });
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    const [ready] = await events(page, 'consent-ready');
    expect(ready?.detail).toMatchObject({
      consent: { categories: { necessary: true, analytics: true, marketing: false } },
    });
  });
});
