import tr from '../../locales/tr.json' with { type: 'json' };
import { test, expect, mount, recordEvents, events } from './fixtures.js';

test.describe('what a page loads', () => {
  test('a returning visit loads only the module: no view, no i18next, no locale file', async ({ page }) => {
    await mount(page);
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await recordEvents(page);
    await mount(page, { path: '/test/next.html', attrs: 'consent-mode' });
    await expect.poll(async () => (await events(page, 'consent-ready')).length).toBe(1);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    expect(scripts).toEqual(['/dist/cookie-consent-banner.js']);
    // What the page needs still works: gated tags, Consent Mode, the API.
    expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('analytics'))).toBe(
      true,
    );
    expect(await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer.length)).toBe(1);
  });

  test('a first visit loads the view with Turkish in it, and shows Turkish first', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script')
        scripts.push(new URL(r.url()).pathname.replace(/(\/chunks\/.+)-[\w-]{8}\.js$/, '$1.js'));
    });
    await page.addInitScript(() => {
      document.addEventListener('consent-show', (e) => {
        (window as unknown as { __first: string }).__first =
          (e.target as Element).shadowRoot!.querySelector('h2')?.textContent ?? '';
      });
    });
    await mount(page);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __first: string }).__first)).toBe(tr.banner.heading);
    expect(scripts).toEqual(['/dist/cookie-consent-banner.js', '/dist/chunks/banner-view.js']);
  });

  test('a click stores the choice, fires consent-change and closes the banner before it returns', async ({ page }) => {
    await mount(page);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    const seen = await page.evaluate(() => {
      const el = document.querySelector('cookie-consent-banner')!;
      let changed = false;
      el.addEventListener('consent-change', () => (changed = true));
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept-button"]')!;
      button.click();
      // Still inside the same task as the click: nothing waited for a frame or an animation.
      return { changed, cookie: document.cookie.includes('cookie_consent='), open: el.open };
    });
    expect(seen).toEqual({ changed: true, cookie: true, open: false });
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeHidden();
  });
});
