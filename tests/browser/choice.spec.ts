import tr from '../../locales/tr.json' with { type: 'json' };
import {
  afterPaint,
  test,
  expect,
  expectBannerNotShown,
  mount,
  recordEvents,
  events,
  consentCookie,
  type PageOptions,
} from './fixtures.js';
import type { Page } from '@playwright/test';

/** The optional categories as the cookie stores them (`c`); `necessary` is implicit, never stored. */
const ALL = { functional: 1, analytics: 1, marketing: 1 };
const NONE = { functional: 0, analytics: 0, marketing: 0 };

async function open(page: Page, options: PageOptions = {}) {
  await recordEvents(page);
  await mount(page, { attrs: 'policy-url="/cerez-politikasi"', ...options });
  const region = page.getByRole('region', { name: tr.banner.heading });
  await expect(region).toBeVisible();
  return region;
}

test.describe('the choice', () => {
  test('nothing is written before a choice', async ({ page }) => {
    const region = await open(page);
    await expect(region.getByRole('button', { name: tr.banner.acceptAll })).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    expect(await events(page, 'consent-change')).toEqual([]);
  });

  const cases = [
    {
      name: 'Accept all',
      act: (r: ReturnType<Page['getByRole']>) => r.getByRole('button', { name: tr.banner.acceptAll }).click(),
      cats: ALL,
      m: 'a',
    },
    {
      name: 'Reject all',
      act: (r: ReturnType<Page['getByRole']>) => r.getByRole('button', { name: tr.banner.rejectAll }).click(),
      cats: NONE,
      m: 'r',
    },
    {
      name: 'the X',
      act: (r: ReturnType<Page['getByRole']>) => r.getByRole('button', { name: tr.banner.close }).click(),
      cats: NONE,
      m: 'x',
    },
  ];
  for (const c of cases) {
    test(`${c.name} writes the cookie, hides the banner and fires consent-change`, async ({ page }) => {
      const region = await open(page);
      await c.act(region);
      await expect(region).toBeHidden();
      const cookie = await consentCookie(page);
      expect(cookie?.record).toMatchObject({ r: 1, l: 'tr', m: c.m, c: c.cats });
      expect(cookie?.record).not.toHaveProperty('v');
      await afterPaint(page);
      const [change] = await events(page, 'consent-change');
      expect(change?.detail).toMatchObject({
        source: 'banner',
        previous: null,
        consent: { revision: '1', language: 'tr' },
      });
      const detail = change!.detail as { consent: { categories: Record<string, boolean> } };
      expect(detail.consent.categories).toEqual({
        necessary: true,
        ...Object.fromEntries(Object.entries(c.cats).map(([k, v]) => [k, v === 1])),
      });
      expect(await events(page, 'consent-hide')).toHaveLength(1);
    });
  }

  test('Escape with focus in the banner stores a refusal; Escape elsewhere does nothing', async ({ page }) => {
    const region = await open(page, { after: '<main><a href="#a" id="page-link">A page link</a></main>' });
    await page.locator('#page-link').focus();
    await page.keyboard.press('Escape');
    await expect(region).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);

    await region.getByRole('button', { name: tr.banner.preferences }).focus();
    await page.keyboard.press('Escape');
    await expect(region).toBeHidden();
    expect((await consentCookie(page))?.record).toMatchObject({ m: 'x', c: NONE });
  });

  test('preferences: nothing pre-ticked, necessary on and fixed, save stores exactly what is on', async ({ page }) => {
    const region = await open(page);
    await region.getByRole('button', { name: tr.banner.preferences }).click();
    const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
    await expect(dialog).toBeVisible();
    const necessary = dialog.getByRole('switch', { name: tr.categories.necessary.name });
    await expect(necessary).toBeChecked();
    await expect(necessary).toBeDisabled();
    for (const id of ['functional', 'analytics', 'marketing'] as const) {
      const sw = dialog.getByRole('switch', { name: tr.categories[id].name });
      await expect(sw).not.toBeChecked();
      await expect(sw).toBeEnabled();
      await expect(dialog).toContainText(tr.categories[id].description);
    }
    await dialog.getByRole('switch', { name: tr.categories.analytics.name }).check();
    await dialog.getByRole('button', { name: tr.preferences.save }).click();
    await expect(dialog).toBeHidden();
    await expect(region).toBeHidden();
    expect((await consentCookie(page))?.record).toMatchObject({
      m: 's',
      c: { functional: 0, analytics: 1, marketing: 0 },
    });
    await afterPaint(page);
    const [change] = await events(page, 'consent-change');
    expect(change?.detail).toMatchObject({ source: 'preferences', changed: ['analytics'] });

    // Reopening shows the stored state.
    await page.reload();
    await page.evaluate(() => document.querySelector('cookie-consent-banner')?.showPreferences());
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('switch', { name: tr.categories.analytics.name })).toBeChecked();
    await expect(dialog.getByRole('switch', { name: tr.categories.marketing.name })).not.toBeChecked();
    await expect(dialog.getByRole('switch', { name: tr.categories.functional.name })).not.toBeChecked();
  });

  test('Escape in preferences closes them without changing the choice, and focus returns', async ({ page }) => {
    const region = await open(page);
    const opener = region.getByRole('button', { name: tr.banner.preferences });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
    await dialog.getByRole('switch', { name: tr.categories.marketing.name }).check();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(region).toBeVisible();
    await expect(opener).toBeFocused();
    expect(await page.context().cookies()).toEqual([]);
    // Past the paint after which a clicked choice would have been told: none was.
    await afterPaint(page);
    expect(await events(page, 'consent-change')).toEqual([]);
  });

  test('a returning visitor sees no banner, on a reload and on another page, with the same consent', async ({
    page,
  }) => {
    const region = await open(page);
    await region.getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect(region).toBeHidden();
    const consent = await page.evaluate(() => document.querySelector('cookie-consent-banner')?.consent);

    for (const path of ['/test/page.html', '/test/other-page.html']) {
      await recordEvents(page);
      await mount(page, { path });
      const [ready] = await events(page, 'consent-ready');
      expect(ready?.detail).toEqual({ consent });
      await expectBannerNotShown(page.locator('cookie-consent-banner'));
      await expect(page.getByRole('region', { name: tr.banner.heading })).toHaveCount(0);
      expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')?.consent)).toEqual(consent);
    }
  });

  test('reset() forgets the choice and brings the banner back', async ({ page }) => {
    const region = await open(page);
    await region.getByRole('button', { name: tr.banner.acceptAll }).click();
    await page.reload();
    await expectBannerNotShown(page.locator('cookie-consent-banner'));
    await page.evaluate(() => document.querySelector('cookie-consent-banner')?.reset());
    await expect(region).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);
    const changes = await events(page, 'consent-change');
    expect(changes.at(-1)?.detail).toMatchObject({
      consent: null,
      source: 'api',
      changed: ['functional', 'analytics', 'marketing'],
    });
    expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')?.consent)).toBeNull();
  });
});
