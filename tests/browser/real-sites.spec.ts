/**
 * Real sites: settings that arrive after the element is in the page, page scripts in the way, windows side
 * by side, writes the browser refuses. Each test titles the review finding it guards (security review H1, M3,
 * M5, L1, L2, L6, L9, L11, L13).
 */
import type { BrowserContext, Page } from '@playwright/test';
import tr from '../../locales/tr.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import de from '../../locales/de.json' with { type: 'json' };
import {
  afterPaint,
  test,
  expect,
  mount,
  recordEvents,
  events,
  consentCookie,
  tracker,
  dataLayer,
} from './fixtures.js';

test.beforeEach(({ warnings }) => void warnings);

const ORIGIN = `http://localhost:${process.env.TEST_PORT ?? 4321}`;
const ALL = { necessary: 1, functional: 1, analytics: 1, marketing: 1 };
const NONE = { necessary: 1, functional: 0, analytics: 0, marketing: 0 };
/** The same, as the cookie stores them now (schema 2, `c`): `necessary` is implicit, never stored. */
const STORED_ALL = { functional: 1, analytics: 1, marketing: 1 };
const STORED_NONE = { functional: 0, analytics: 0, marketing: 0 };

/** Seeds a returning visitor's record, as the product stored it before schema 2 (still read: schema 1). */
async function seed(context: BrowserContext, fields: Record<string, unknown> = {}, name = 'cookie_consent') {
  const record = { v: 1, id: 'q3Jf-9xZ2mLp', ts: Math.floor(Date.now() / 1000), rev: 1, lang: 'tr', m: 'a', cats: ALL };
  const value = encodeURIComponent(JSON.stringify({ ...record, ...fields }));
  await context.addCookies([{ name, value, url: `${ORIGIN}/` }]);
}

/** Gated tags in document order: whatever is wrongly allowed is requested before the `necessary` marker. */
const TAGS = `
<script type="text/plain" data-consent-category="marketing" src="https://tracker.test/ads.js"></script>
<script type="text/plain" data-consent-category="analytics" src="https://tracker.test/analytics.js"></script>
<script type="text/plain" data-consent-category="necessary" src="https://tracker.test/marker.js"></script>`;

/** Waits until the `necessary` marker, queued after every other gated tag, has run. */
async function afterMarker(page: Page, hits: string[]): Promise<void> {
  await expect.poll(() => hits.includes('marker.js')).toBe(true);
  await page.waitForFunction(() => (window as unknown as { __runs?: string[] }).__runs?.includes('marker.js'));
}

/** One idle period after the load event: when a wrongly scheduled re-read or reload would have happened. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const idle = () => requestIdleCallback(() => requestAnimationFrame(() => resolve()));
        if (document.readyState === 'complete') idle();
        else addEventListener('load', idle, { once: true });
      }),
  );
}

function countNavigations(page: Page): () => number {
  let count = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) count++;
  });
  return () => count;
}

test.describe('H1: settings that arrive after the element is in the page', () => {
  test('H1: append, then revision, consent-mode, categories and reload-on-withdraw: decided with them, as markup would be', async ({
    page,
    context,
  }) => {
    await seed(context);
    await recordEvents(page);
    const hits = await tracker(page);
    const navigations = countNavigations(page);
    await mount(page, {
      noElement: true,
      after: `${TAGS}<script type="module">
        const el = document.createElement('cookie-consent-banner');
        document.body.prepend(el);
        el.revision = '2';
        el.consentMode = true;
        el.categories = 'analytics marketing';
        el.reloadOnWithdraw = true;
      </script>`,
    });
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    await afterMarker(page, hits);
    await settled(page);
    expect(hits).toEqual(['marker.js']);
    const layer = await dataLayer(page);
    expect(layer[0]?.args?.slice(0, 2)).toEqual(['consent', 'default']);
    expect(layer[0]?.args?.[2]).toMatchObject({ ad_storage: 'denied', analytics_storage: 'denied' });
    expect(await events(page, 'consent-change')).toEqual([]);
    expect((await events(page, 'consent-ready'))[0]?.detail).toEqual({ consent: null });
    expect(navigations()).toBe(1);
    // The visitor is asked about exactly the late categories.
    await page.getByRole('button', { name: tr.banner.preferences }).click();
    const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
    await expect(dialog.getByRole('switch')).toHaveCount(3);
    await expect(dialog.getByRole('switch', { name: tr.categories.functional.name })).toHaveCount(0);
  });

  test('H1: a framework may give text settings as numbers and lists (as their attributes would read); any other type warns and the default holds, and nothing throws', async ({
    page,
    warnings,
  }) => {
    await recordEvents(page);
    await mount(page, {
      noElement: true,
      after: `<script type="module">
        const el = document.createElement('cookie-consent-banner');
        document.body.prepend(el);
        Object.assign(el, {
          revision: 2, cookieExpires: 30, refusalExpires: 10, waitForUpdate: 0,
          categories: ['analytics', 'marketing'], languages: ['tr', 'en'],
          policyUrl: { href: '/policy' }, cookieSameSite: true, gpcCategories: { marketing: true },
        });
      </script>`,
    });
    // Read back as the attributes would give them.
    expect(
      await page.evaluate(() => {
        const el = document.querySelector('cookie-consent-banner')!;
        return [el.revision, el.cookieExpires, el.categories, el.languages, el.policyUrl, el.cookieSameSite];
      }),
    ).toEqual(['2', '30', 'analytics marketing', 'tr en', null, null]);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    await expect(page.getByRole('combobox', { name: tr.language.label }).locator('option')).toHaveCount(2);
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    const cookie = (await page.context().cookies()).find((c) => c.name === 'cookie_consent');
    expect(cookie?.sameSite).toBe('Lax');
    // 30 days, give or take the test's own time.
    expect(Math.round(((cookie?.expires ?? 0) - Date.now() / 1000) / 86_400)).toBe(30);
    expect((await consentCookie(page))?.record).toMatchObject({ r: 2, c: { analytics: 1, marketing: 1 } });
    expect((await consentCookie(page))?.record?.c).not.toHaveProperty('functional');
    for (const [name, type] of [
      ['policyUrl', 'object'],
      ['cookieSameSite', 'boolean'],
      ['gpcCategories', 'object'],
    ]) {
      await expect
        .poll(() =>
          warnings.filter((w) =>
            w.includes(`${name} takes text, a number or a list of names, not a value of type ${type};`),
          ),
        )
        .toHaveLength(1);
    }
  });

  test('H1: a cookie-name set after append reads that cookie; a returning visitor sees no banner', async ({
    page,
    context,
  }) => {
    await seed(context, { cats: { ...NONE, analytics: 1 } }, 'site_consent');
    await recordEvents(page);
    await mount(page, {
      noElement: true,
      after: `<script type="module">
        const el = document.createElement('cookie-consent-banner');
        document.body.append(el);
        el.cookieName = 'site_consent';
      </script>`,
    });
    await expect.poll(async () => (await events(page, 'consent-ready')).length).toBe(1);
    const [ready] = await events(page, 'consent-ready');
    expect((ready?.detail as { consent: { categories: unknown } }).consent.categories).toEqual({
      necessary: true,
      functional: false,
      analytics: true,
      marketing: false,
    });
    await settled(page);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toHaveCount(0);
    expect(await consentCookie(page)).toBeUndefined();
  });

  test('H1: gpc-categories set after append narrows the stored choice with them', async ({ page, context }) => {
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
    );
    await seed(context);
    await mount(page, {
      noElement: true,
      after: `<script type="module">
        const el = document.createElement('cookie-consent-banner');
        document.body.append(el);
        el.gpcCategories = 'analytics';
      </script>`,
    });
    await expect
      .poll(async () => (await consentCookie(page))?.record)
      .toMatchObject({ m: 'g', c: { functional: 1, analytics: 0, marketing: 1 } });
  });

  test('H1, M5: a cookie table set after append is swept on load: a refused category keeps no listed cookie', async ({
    page,
    context,
  }) => {
    await seed(context, { cats: NONE });
    await context.addCookies([
      { name: '_late', value: '1', url: `${ORIGIN}/` },
      { name: '_kept', value: '1', url: `${ORIGIN}/` },
    ]);
    await mount(page, {
      noElement: true,
      after: `<script type="module">
        const el = document.createElement('cookie-consent-banner');
        document.body.append(el);
        el.cookies = { analytics: [{ name: '_late' }] };
      </script>`,
    });
    await expect
      .poll(async () => (await context.cookies()).map((c) => c.name).sort())
      .toEqual(['_kept', 'cookie_consent']);
  });

  test('M5: listed cookies of a refused category are removed on every page load, not only at withdrawal', async ({
    page,
    context,
  }) => {
    await seed(context, { cats: { ...NONE, analytics: 1 } });
    await context.addCookies([
      { name: '_fbp', value: 'fb.1', url: `${ORIGIN}/` },
      { name: '_ga', value: 'GA1', url: `${ORIGIN}/` },
    ]);
    await mount(page, {
      noElement: true,
      after: `<cookie-consent-banner><script type="application/json" data-cookies>{"marketing":[{"name":"_fbp"}],"analytics":[{"name":"_ga"}]}</script></cookie-consent-banner>`,
    });
    await expect
      .poll(async () => (await context.cookies()).map((c) => c.name).sort())
      .toEqual(['_ga', 'cookie_consent']);
  });

  test('H1: a revision changed later applies at once, fires one consent-change, and never reloads', async ({
    page,
    context,
  }) => {
    await seed(context);
    await recordEvents(page);
    const navigations = countNavigations(page);
    await mount(page, { attrs: 'reload-on-withdraw' });
    await settled(page);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toHaveCount(0);
    await page.evaluate(() => {
      document.querySelector('cookie-consent-banner')!.revision = '2025-06';
    });
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    await settled(page);
    const changes = await events(page, 'consent-change');
    expect(changes).toHaveLength(1);
    expect(changes[0]?.detail).toMatchObject({
      consent: null,
      source: 'api',
      withdrawn: ['functional', 'analytics', 'marketing'],
    });
    expect(navigations()).toBe(1);
  });

  test('H1: consent-mode turned on after the first update pushes its default then, with a warning', async ({
    page,
    warnings,
  }) => {
    await mount(page);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    expect(await dataLayer(page)).toEqual([]);
    await page.evaluate(async () => {
      const el = document.querySelector('cookie-consent-banner')!;
      el.consentMode = true;
      await el.updateComplete;
    });
    const layer = await dataLayer(page);
    expect(layer[0]?.args?.slice(0, 2)).toEqual(['consent', 'default']);
    await expect.poll(() => warnings.some((w) => w.includes('consent-mode was turned on after'))).toBe(true);
  });
});

test.describe('page scripts in the way', () => {
  const THEME = `<main><p><a href="#" data-consent-open id="open">Çerez ayarları</a></p>
    <p><button type="button" data-consent-open id="open-button">Çerez tercihleri</button></p></main>
    <script>
      // What many themes do: cancel every click on href="#" and stop the opener's clicks from bubbling.
      document.addEventListener('click', (e) => { if (e.target.closest('a[href="#"]')) e.preventDefault(); }, true);
      document.getElementById('open').addEventListener('click', (e) => e.stopPropagation());
      document.getElementById('open-button').addEventListener('click', (e) => { e.stopPropagation(); e.preventDefault(); });
    </script>`;

  test('data-consent-open opens preferences by mouse and keyboard under a theme that cancels and stops clicks; focus returns', async ({
    page,
    context,
  }) => {
    await seed(context);
    await mount(page, { after: THEME });
    const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
    for (const [id, how] of [
      ['open', 'mouse'],
      ['open', 'Enter'],
      ['open-button', 'mouse'],
      ['open-button', 'Space'],
    ] as const) {
      const opener = page.locator(`#${id}`);
      if (how === 'mouse') await opener.click();
      else {
        await opener.focus();
        await page.keyboard.press(how);
      }
      await expect(dialog).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(opener).toBeFocused();
    }
    expect(page.url()).not.toContain('#');
  });

  test('the element keeps working when the page replaces the content of document.body', async ({ page, context }) => {
    await seed(context);
    await recordEvents(page);
    await mount(page, { after: '<main><a href="#" data-consent-open id="open">Çerez ayarları</a></main>' });
    await expect.poll(async () => (await events(page, 'consent-ready')).length).toBe(1);
    // A PJAX-style navigation: the whole body is parsed anew, the element with it.
    await page.evaluate(() => {
      const markup = document.body.innerHTML;
      document.body.innerHTML = markup;
    });
    await expect.poll(async () => (await events(page, 'consent-ready')).length).toBe(2);
    const [first, second] = await events(page, 'consent-ready');
    expect(second?.detail).toEqual(first?.detail);
    await settled(page);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toHaveCount(0);
    await page.locator('#open').click();
    const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
    await expect(dialog.getByRole('switch', { name: tr.categories.marketing.name })).toBeChecked();
    await dialog.getByRole('button', { name: tr.banner.rejectAll }).click();
    expect((await consentCookie(page))?.record).toMatchObject({ c: STORED_NONE });
    expect(await events(page, 'consent-change')).toHaveLength(1);
  });
});

test.describe('M5: windows side by side', () => {
  test('M5: a withdrawal in one visible window applies at once in another', async ({ context }) => {
    await seed(context);
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const page of [a, b]) {
      await recordEvents(page);
      await mount(page);
      await settled(page);
    }
    expect(await b.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('marketing'))).toBe(true);
    await a.evaluate(() => document.querySelector('cookie-consent-banner')!.showPreferences());
    await a
      .getByRole('dialog', { name: tr.preferences.heading })
      .getByRole('button', { name: tr.banner.rejectAll })
      .click();
    await expect.poll(async () => (await events(b, 'consent-change')).length).toBe(1);
    expect((await events(b, 'consent-change'))[0]?.detail).toMatchObject({
      source: 'sync',
      withdrawn: ['functional', 'analytics', 'marketing'],
    });
    expect(await b.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('marketing'))).toBe(
      false,
    );
  });

  test('M5: a language pick in a stale window re-reads the cookie and never writes the old grant back', async ({
    page,
    context,
  }) => {
    await seed(context, { id: 'OLDGRANT0000' });
    await recordEvents(page);
    await mount(page);
    await settled(page);
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.showPreferences());
    const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
    await expect(dialog).toBeVisible();
    // Another window refused meanwhile; this one was told nothing (no channel message, no focus).
    await seed(context, { id: 'NEWREFUSAL00', cats: NONE, m: 'r' });
    await dialog.getByRole('combobox', { name: tr.language.label }).selectOption('en');
    await expect(page.getByRole('dialog', { name: en.preferences.heading })).toBeVisible();
    const record = (await consentCookie(page))?.record;
    expect(record).toMatchObject({ id: 'NEWREFUSAL00', c: STORED_NONE, m: 'r', ui: 'en' });
    expect((await events(page, 'consent-change'))[0]?.detail).toMatchObject({ source: 'sync' });
  });

  test('M5: with no channel message, the window reads the choice again when focused, shown or restored from the cache, and not on the load', async ({
    page,
    context,
  }) => {
    await seed(context, { id: 'FIRSTGRANT00' });
    await recordEvents(page);
    await mount(page);
    await settled(page);
    const changes = async () =>
      (await events(page, 'consent-change')).map((e) => e.detail as { source: string; consent: { id: string } });
    const ids = async () => (await changes()).map((detail) => detail.consent.id);
    // Each time, another window stored a choice that this one was not told of (a cookie, no channel message).
    const stored = async (id: string, m: string, look: () => void) => {
      await seed(context, { id, m, cats: m === 'r' ? NONE : ALL });
      await page.evaluate(look);
    };
    // The load's own pageshow (not from the cache) is no reason to read again.
    await stored('NOTLOOKED000', 'r', () => dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false })));
    expect(await ids()).toEqual([]);
    await stored('FOCUSED00000', 'r', () => dispatchEvent(new FocusEvent('focus')));
    expect(await ids()).toEqual(['FOCUSED00000']);
    await stored('SHOWN0000000', 'a', () => document.dispatchEvent(new Event('visibilitychange')));
    expect(await ids()).toEqual(['FOCUSED00000', 'SHOWN0000000']);
    await stored('RESTORED0000', 'r', () => dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
    expect(await ids()).toEqual(['FOCUSED00000', 'SHOWN0000000', 'RESTORED0000']);
    expect((await changes()).map((detail) => detail.source)).toEqual(['sync', 'sync', 'sync']);
  });
});

test.describe('L9: a write the browser does not keep', () => {
  test.use({ allowErrors: [/CEREZ_COOKIE_NOT_KEPT/] });

  test('L9: with cookies blocked, a choice holds for the page, logs a console error, fires consent-error and no consent-change', async ({
    page,
    browserName,
  }) => {
    test.skip(browserName !== 'chromium', 'blocks document.cookie through the Chrome DevTools Protocol');
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true });
    await page.addInitScript(() => {
      const w = window as unknown as { __errors: unknown[] };
      w.__errors = [];
      document.addEventListener('consent-error', (e) => w.__errors.push((e as CustomEvent).detail));
    });
    await recordEvents(page);
    const hits = await tracker(page);
    await mount(page, { after: TAGS });
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect(page.getByRole('region', { name: tr.banner.heading })).toHaveCount(0);
    // The marker (necessary) ran at load, before the click: the accepted tag is waited for itself.
    await expect.poll(() => hits).toContain('ads.js');
    expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('marketing'))).toBe(
      true,
    );
    expect(await events(page, 'consent-change')).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __errors: unknown[] }).__errors)).toEqual([
      expect.objectContaining({ code: 'cookie-not-stored' }),
    ]);
    await expect.poll(() => errors.some((e) => e.includes('CEREZ_COOKIE_NOT_KEPT'))).toBe(true);
  });
});

test.describe('hardening', () => {
  test('a browser that refuses a BroadcastChannel (Firefox with cookies blocked: SecurityError) still gets a working banner, and a warning', async ({
    page,
    context,
    warnings,
  }) => {
    await context.addInitScript(() => {
      window.BroadcastChannel = function () {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      } as unknown as typeof BroadcastChannel;
    });
    await recordEvents(page);
    await mount(page);
    expect(await events(page, 'consent-ready')).toHaveLength(1);
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeHidden();
    expect((await consentCookie(page))?.record).toMatchObject({ c: STORED_ALL });
    await afterPaint(page);
    expect(await events(page, 'consent-change')).toHaveLength(1);
    await expect
      .poll(() => warnings.filter((w) => w.includes('refuses a BroadcastChannel') && w.includes('SecurityError')))
      .toHaveLength(1);
  });

  test('M3: under GPC, setConsent() cannot switch on a sale or sharing category; a warning says so', async ({
    page,
    context,
    warnings,
  }) => {
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
    );
    await mount(page);
    await page.evaluate(() =>
      document.querySelector('cookie-consent-banner')!.setConsent({ marketing: true, analytics: true }),
    );
    expect((await consentCookie(page))?.record).toMatchObject({
      c: { functional: 0, analytics: 1, marketing: 0 },
    });
    await expect.poll(() => warnings.some((w) => w.includes('"marketing" means sale or sharing'))).toBe(true);
  });

  test('L1: each listener gets a frozen detail with frozen lists; owner and follower get their own', async ({
    page,
  }) => {
    await mount(page, {
      noElement: true,
      after: `<cookie-consent-banner id="one"></cookie-consent-banner><cookie-consent-banner id="two"></cookie-consent-banner>`,
    });
    await page.evaluate(() => {
      const w = window as unknown as { __seen: unknown[] };
      w.__seen = [];
      document.addEventListener(
        'consent-change',
        (e) => {
          const detail = e.detail as unknown as { changed: string[]; withdrawn: string[] };
          let threw = false;
          try {
            detail.changed.push('x');
          } catch {
            threw = true;
          }
          w.__seen.push({
            target: (e.target as Element).id,
            frozen: Object.isFrozen(e.detail) && Object.isFrozen(detail.changed) && Object.isFrozen(detail.withdrawn),
            threw,
            detail: e.detail,
          });
        },
        true,
      );
    });
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    // A clicked choice is told after the next paint.
    await afterPaint(page);
    const shared = await page.evaluate(() => {
      const seen = (window as unknown as { __seen: { detail: unknown }[] }).__seen;
      return { count: seen.length, same: seen[0]?.detail === seen[1]?.detail };
    });
    expect(shared).toEqual({ count: 2, same: false });
    const seen = await page.evaluate(() =>
      (window as unknown as { __seen: { target: string; frozen: boolean; threw: boolean }[] }).__seen.map(
        ({ target, frozen, threw }) => ({ target, frozen, threw }),
      ),
    );
    expect(seen).toEqual([
      { target: 'one', frozen: true, threw: true },
      { target: 'two', frozen: true, threw: true },
    ]);
  });

  test('L13: a follower set open shows nothing of its own; the page keeps one banner and one state', async ({
    page,
    warnings,
  }) => {
    await recordEvents(page);
    await mount(page, {
      noElement: true,
      after: `<cookie-consent-banner id="one"></cookie-consent-banner><cookie-consent-banner id="two"></cookie-consent-banner>`,
    });
    await expect(page.getByRole('region', { name: tr.banner.heading })).toHaveCount(1);
    await page.evaluate(async () => {
      const two = document.getElementById('two') as HTMLElementTagNameMap['cookie-consent-banner'];
      two.open = true;
      await two.updateComplete;
    });
    await expect(page.locator('#two')).not.toHaveAttribute('open');
    await expect(page.getByRole('region', { name: tr.banner.heading })).toHaveCount(1);
    await expect
      .poll(() => warnings.some((w) => w.includes('a second <cookie-consent-banner> does not open')))
      .toBe(true);
    await page.getByRole('button', { name: tr.banner.rejectAll }).click();
    // A clicked first refusal is told after the next paint.
    await afterPaint(page);
    const targets = (
      await page.evaluate(() => (window as unknown as { __events: { type: string; target: string }[] }).__events)
    ).filter((e) => e.type === 'consent-change' && e.target === 'document');
    expect(targets).toHaveLength(2);
  });

  test('L6: a polluted Object.prototype never reads as a choice: nothing pre-ticked, nothing granted', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Object.prototype, 'marketing', { value: true, configurable: true, writable: true });
      Object.defineProperty(Object.prototype, 'video', { value: true, configurable: true, writable: true });
    });
    await mount(page);
    await page.getByRole('button', { name: tr.banner.preferences }).click();
    const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
    await expect(dialog.getByRole('switch', { name: tr.categories.marketing.name })).not.toBeChecked();
    await dialog.getByRole('button', { name: tr.preferences.save }).click();
    expect((await consentCookie(page))?.record).toMatchObject({ c: STORED_NONE });
    const granted = await page.evaluate(() => {
      const el = document.querySelector('cookie-consent-banner')!;
      return [el.hasConsent('marketing'), el.hasConsent('video')];
    });
    expect(granted).toEqual([false, false]);
  });

  test('L11: a language whose strings never arrive does not keep the visitor from choosing: Turkish after 5 s', async ({
    page,
    warnings,
  }) => {
    await page.clock.install();
    // Never answered: a stalled CDN. The 5 s timer starts with the request, so the clock runs on only once
    // the request has been made (the view chunk before it is real network, not the fake clock).
    let hit = (): void => {};
    const requested = new Promise<void>((resolve) => (hit = resolve));
    await page.route(/\/chunks\/de-[^/]*\.js$/, () => hit());
    await mount(page, { attrs: 'lang="de"' });
    await requested;
    await page.clock.runFor(6000);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    await page.getByRole('button', { name: tr.banner.rejectAll }).click();
    expect((await consentCookie(page))?.record).toMatchObject({ c: STORED_NONE });
    await expect.poll(() => warnings.some((w) => w.includes('"de" strings did not load'))).toBe(true);
  });

  test("L11: the UI loaded only to store a choice; preferences opened long after show the visitor's language, not Turkish", async ({
    page,
  }) => {
    await mount(page, { attrs: 'lang="de"' });
    await page.getByRole('button', { name: de.banner.rejectAll }).click();
    await page.clock.install();
    await mount(page, { path: '/test/next.html', attrs: 'lang="de"' });
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.acceptAll());
    // The German strings were requested with the UI chunk; the 5 s wait is for a load that shows them, not for
    // one that only stored a choice.
    await page.clock.runFor(10_000);
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.showPreferences());
    await expect(page.getByRole('dialog', { name: de.preferences.heading })).toBeVisible();
  });

  test('L2: a receipt goes to https (or this machine) only, and carries the origin, never the path', async ({
    page,
    warnings,
  }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await mount(page, { attrs: 'receipt-url="http://receipts.example/consent"' });
    await page.getByRole('button', { name: tr.banner.rejectAll }).click();
    await settled(page);
    expect(requests.filter((u) => u.includes('receipts.example'))).toEqual([]);
    await expect
      .poll(() => warnings.some((w) => w.includes('receipt-url') && w.includes('not an https URL')))
      .toBe(true);
  });
});

test.describe('interaction', () => {
  test('a 200 ms gated tag behind "Accept all" runs after the click’s next frame, not inside it', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __clickAt?: number; __frameAt?: number };
      addEventListener(
        'click',
        () => {
          w.__clickAt = performance.now();
          requestAnimationFrame(() => (w.__frameAt = performance.now()));
        },
        { capture: true, once: true },
      );
    });
    await mount(page, {
      after: `<script type="text/plain" data-consent-category="marketing">
        window.__tagStartAt = performance.now();
        const end = performance.now() + 200;
        while (performance.now() < end) {}
        window.__tagRanAt = performance.now();
      </script>`,
    });
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    await page.waitForFunction(() => (window as unknown as { __tagRanAt?: number }).__tagRanAt !== undefined);
    const { clickAt, frameAt, tagStartAt } = await page.evaluate(() => {
      const w = window as unknown as { __clickAt: number; __frameAt: number; __tagStartAt: number };
      return { clickAt: w.__clickAt, frameAt: w.__frameAt, tagStartAt: w.__tagStartAt };
    });
    // The click's next frame came before the tag even started, so its 200 ms could not hold that frame up. An
    // order, not a duration: a loaded machine can make any frame late, but never this order wrong. (Run inside
    // the click, the tag would start before the frame.)
    expect(clickAt).toBeLessThan(frameAt);
    expect(frameAt).toBeLessThanOrEqual(tagStartAt);
    expect((await consentCookie(page))?.record).toMatchObject({ c: STORED_ALL });
  });
});
