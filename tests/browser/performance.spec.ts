import tr from '../../locales/tr.json' with { type: 'json' };
import de from '../../locales/de.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { test, expect, mount, recordEvents, events, consentCookie } from './fixtures.js';

test.describe('what a page loads', () => {
  // With every consent signal on too: the size budget of the returning visit is that one module's, either way.
  for (const attrs of ['consent-mode', 'consent-signals="google microsoft clarity meta"']) {
    test(`a returning visit loads only the module: no view, no i18next, no locale file (${attrs})`, async ({
      page,
    }) => {
      await mount(page);
      await page.getByRole('button', { name: tr.banner.acceptAll }).click();
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      await recordEvents(page);
      await mount(page, { path: '/test/next.html', attrs });
      await expect.poll(async () => (await events(page, 'consent-ready')).length).toBe(1);
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
      expect(scripts).toEqual(['/dist/cookie-consent-banner.js']);
      // No lit-html ran (it registers itself in litHtmlVersions when it runs) and no other resource came.
      expect(
        await page.evaluate(() => ({
          litHtml: (window as unknown as { litHtmlVersions?: unknown[] }).litHtmlVersions?.length ?? 0,
          resources: performance
            .getEntriesByType('resource')
            .map((entry) => new URL(entry.name).pathname)
            .filter((path) => path.endsWith('.js') || path.endsWith('.json')),
        })),
      ).toEqual({ litHtml: 0, resources: ['/dist/cookie-consent-banner.js'] });
      // What the page needs still works: gated tags, Consent Mode, the API.
      expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('analytics'))).toBe(
        true,
      );
      // The default and ads_data_redaction.
      expect(await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer.length)).toBe(2);
      if (attrs.includes('microsoft'))
        expect(await page.evaluate(() => (window as unknown as { uetq: unknown[] }).uetq)).toEqual([
          'consent',
          'default',
          { ad_storage: 'granted' },
        ]);
    });
  }

  test('a returning visit with a cookie table loads the module and the table’s chunk only, and sweeps with it', async ({
    page,
    context,
  }) => {
    await mount(page);
    await page.getByRole('button', { name: tr.banner.rejectAll }).click();
    await expect.poll(async () => (await consentCookie(page))?.record).toBeTruthy();
    await context.addCookies([{ name: '_ga', value: 'GA1', url: new URL(page.url()).origin + '/' }]);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script')
        scripts.push(new URL(r.url()).pathname.replace(/(\/chunks\/.+)-[\w-]{8}\.js$/, '$1.js'));
    });
    await recordEvents(page);
    await mount(page, {
      path: '/test/next.html',
      noElement: true,
      after: `<cookie-consent-banner><script type="application/json" data-cookies>{"analytics":[{"name":"_ga"}]}</script></cookie-consent-banner>`,
    });
    await expect.poll(async () => (await context.cookies()).map((c) => c.name)).toEqual(['cookie_consent']);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    expect(scripts).toEqual(['/dist/cookie-consent-banner.js', '/dist/chunks/cookie-table.js']);
    expect(await page.evaluate(() => (window as unknown as { litHtmlVersions?: unknown[] }).litHtmlVersions)).toBe(
      undefined,
    );
  });

  test('on a returning visit, a method that stores loads the UI chunk and resolves once stored; loaded, it stores at once', async ({
    page,
  }) => {
    await mount(page);
    await page.getByRole('button', { name: tr.banner.rejectAll }).click();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script')
        scripts.push(new URL(r.url()).pathname.replace(/(\/chunks\/.+)-[\w-]{8}\.js$/, '$1.js'));
    });
    await recordEvents(page);
    await mount(page, { path: '/test/next.html' });
    await expect.poll(async () => (await events(page, 'consent-ready')).length).toBe(1);
    expect(scripts).toEqual(['/dist/cookie-consent-banner.js']);
    const stored = await page.evaluate(async () => {
      const el = document.querySelector('cookie-consent-banner')!;
      const call = el.acceptAll();
      // Not stored yet: the writer comes with the UI chunk, which this call asked for.
      const before = el.consent?.method;
      await call;
      return {
        promise: call instanceof Promise,
        before,
        after: el.consent?.method,
        analytics: el.hasConsent('analytics'),
      };
    });
    expect(stored).toEqual({ promise: true, before: 'reject-all', after: 'accept-all', analytics: true });
    expect(scripts).toEqual(['/dist/cookie-consent-banner.js', '/dist/chunks/banner-ui.js']);
    expect((await consentCookie(page))?.record).toMatchObject({ m: 'a', c: { analytics: 1 } });
    await expect(page.getByRole('region', { name: tr.banner.heading })).toHaveCount(0);
    // The chunk is there now: the next call stores before it returns, as while the banner shows.
    expect(
      await page.evaluate(() => {
        const el = document.querySelector('cookie-consent-banner')!;
        void el.rejectAll();
        return el.consent?.method;
      }),
    ).toBe('reject-all');
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.reset());
    expect(await consentCookie(page)).toBeUndefined();
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    const sources = (await events(page, 'consent-change'))
      .filter((e) => e.target === 'document')
      .map((e) => (e.detail as { consent: { method: string } | null }).consent?.method ?? null);
    expect(sources).toEqual(['accept-all', 'reject-all', null]);
    expect(scripts.filter((s) => s.endsWith('banner-ui.js'))).toHaveLength(1);
  });

  test('the first render leaves the preferences dialog out; it comes in an idle moment, or at once when asked for', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      document.addEventListener('consent-show', (e) => {
        (window as unknown as { __dialogAtShow: boolean }).__dialogAtShow =
          (e.target as Element).shadowRoot!.querySelector('dialog') !== null;
      });
    });
    await mount(page);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __dialogAtShow: boolean }).__dialogAtShow)).toBe(false);
    await expect
      .poll(() =>
        page.evaluate(() => !!document.querySelector('cookie-consent-banner')!.shadowRoot!.querySelector('dialog')),
      )
      .toBe(true);
    expect(
      await page.evaluate(
        () => document.querySelector('cookie-consent-banner')!.shadowRoot!.querySelector('dialog')!.open,
      ),
    ).toBe(false);

    // Asked for before that idle moment, preferences open at once.
    await page.addInitScript(() => {
      document.addEventListener('consent-show', (e) =>
        (e.target as HTMLElement & { showPreferences(): void }).showPreferences(),
      );
    });
    await page.reload();
    await expect(page.getByRole('dialog', { name: tr.preferences.heading })).toBeVisible();
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
    expect(scripts).toEqual(['/dist/cookie-consent-banner.js', '/dist/chunks/banner-ui.js']);
  });

  test('a click stores the choice and closes the banner before it returns; consent-change follows the next frame', async ({
    page,
  }) => {
    await mount(page);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    const seen = await page.evaluate(
      () =>
        new Promise<Record<string, unknown>>((resolve) => {
          const el = document.querySelector('cookie-consent-banner')!;
          let frame = false;
          el.addEventListener('consent-change', () =>
            resolve({ inClick, frameBefore: frame, granted: el.hasConsent('marketing') }),
          );
          const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept-button"]')!;
          button.click();
          // Still inside the same task as the click: nothing waited for a frame or an animation.
          const inClick = {
            cookie: document.cookie.includes('cookie_consent='),
            open: el.open,
            granted: el.hasConsent('marketing'),
          };
          requestAnimationFrame(() => (frame = true));
        }),
    );
    expect(seen).toEqual({ inClick: { cookie: true, open: false, granted: true }, frameBefore: true, granted: true });
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeHidden();
  });

  test('a first visit in German requests the view and the German strings side by side, not one after the other', async ({
    page,
  }) => {
    // The view's response is held until the German strings have been requested. Were they requested only once the
    // view had run (a chain), they never would be while it is held, and the hold would end unanswered.
    let germanAsked = (): void => {};
    const german = new Promise<boolean>((resolve) => (germanAsked = () => resolve(true)));
    let heldUntilGerman: boolean | undefined;
    await page.route(/\/chunks\/de-[\w-]{8}\.js$/, async (route) => {
      germanAsked();
      await route.continue();
    });
    await page.route(/\/chunks\/banner-ui-[\w-]{8}\.js$/, async (route) => {
      // The timer only ends a hold that failed; it decides nothing about speed.
      heldUntilGerman = await Promise.race([german, new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
      await route.continue();
    });
    await mount(page, { attrs: 'lang="de"' });
    await expect(page.getByRole('region', { name: de.banner.heading })).toBeVisible();
    expect(heldUntilGerman).toBe(true);
  });

  /** Every text the element's shadow root ever shows, recorded from before the module runs. */
  async function recordShownTexts(page: Page): Promise<void> {
    await page.addInitScript(() => {
      const shown: string[] = [];
      (window as unknown as { __shown: string[] }).__shown = shown;
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        if (this.localName === 'cookie-consent-banner') {
          new MutationObserver(() => {
            const text = root.querySelector('[part="accept-button"]')?.textContent?.trim();
            if (text && shown.at(-1) !== text) shown.push(text);
          }).observe(root, { childList: true, subtree: true, characterData: true });
        }
        return root;
      };
    });
  }

  for (const [lang, strings] of [
    ['tr', tr],
    ['de', de],
  ] as const) {
    test(`a first visit in ${lang} shows its own labels from the first render: no flash of another language`, async ({
      page,
    }) => {
      await recordShownTexts(page);
      await mount(page, { attrs: `lang="${lang}"` });
      await expect(page.getByRole('region', { name: strings.banner.heading })).toBeVisible();
      const shown = await page.evaluate(() => (window as unknown as { __shown: string[] }).__shown);
      // The one label ever shown is this language's: not Turkish or English first, then the language.
      expect(shown).toEqual([strings.banner.acceptAll]);
    });
  }

  test("a returning visit reads and settles the cookie once per load, not again on the load's own pageshow", async ({
    page,
  }) => {
    await mount(page);
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    // Every write of the consent cookie from here on, counted from before the module runs.
    await page.addInitScript(() => {
      const w = window as unknown as { __writes: number };
      w.__writes = 0;
      const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
      Object.defineProperty(Document.prototype, 'cookie', {
        ...descriptor,
        set(value: string) {
          if (value.startsWith('cookie_consent=')) w.__writes++;
          descriptor.set!.call(this, value);
        },
      });
    });
    await recordEvents(page);
    await mount(page, { path: '/test/next.html' });
    await expect.poll(async () => (await events(page, 'consent-ready')).length).toBe(1);
    // After the load's pageshow and an idle moment: anything the load itself triggers has happened.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          document.readyState === 'complete'
            ? requestIdleCallback(() => resolve())
            : addEventListener('load', () => setTimeout(() => requestIdleCallback(() => resolve()), 0)),
        ),
    );
    // One write: the cookie rewritten at its configured scope (how the store learns where it lives).
    expect(await page.evaluate(() => (window as unknown as { __writes: number }).__writes)).toBe(1);
  });
});
