import type { Page } from '@playwright/test';
import tr from '../../locales/tr.json' with { type: 'json' };
import de from '../../locales/de.json' with { type: 'json' };
import {
  test,
  expect,
  afterPaint,
  expectBannerNotShown,
  mount,
  mountOn,
  recordEvents,
  events,
  consentCookie,
  strings,
  TEST_ORIGIN,
  type Json,
  recordViolations,
  violations,
} from './fixtures.js';

const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

const runs = (page: Page) => page.evaluate(() => (window as unknown as { __runs?: string[] }).__runs ?? []);

/** Show, preferences, a language switch (a lazy chunk), save, then withdraw through preferences. */
async function fullVisit(page: Page): Promise<void> {
  const region = page.getByRole('region', { name: tr.banner.heading });
  await expect(region).toBeVisible();
  expect(
    await region.getByRole('button', { name: tr.banner.rejectAll }).evaluate((b) => getComputedStyle(b).paddingTop),
  ).not.toBe('0px');
  await region.getByRole('button', { name: tr.banner.preferences }).click();
  const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
  await dialog.getByRole('combobox', { name: tr.language.label }).selectOption('de');
  const german = page.getByRole('dialog', { name: de.preferences.heading });
  await expect(german).toBeVisible();
  await german.getByRole('switch', { name: de.categories.analytics.name }).check();
  await german.getByRole('button', { name: de.preferences.save }).click();
  await expect(german).toBeHidden();
  await page.evaluate(() => document.querySelector('cookie-consent-banner')!.showPreferences());
  await german.getByRole('button', { name: de.banner.rejectAll }).click();
  await expect(german).toBeHidden();
}

test.describe('strict Content-Security-Policy', () => {
  test('S-1: a full visit under a strict CSP, no unsafe-inline or unsafe-eval, has no violation', async ({ page }) => {
    await recordViolations(page);
    await mount(page, {
      headers: { 'content-security-policy': STRICT },
      attrs: 'consent-mode policy-url="/cerez-politikasi"',
      after:
        '<script type="text/plain" data-consent-category="analytics" src="/tests/fixtures/gated-external.js"></script>',
    });
    await fullVisit(page);
    // The gated script loads after the click that allowed it: wait for its run.
    await expect.poll(() => runs(page)).toEqual(['external']);
    expect(await violations(page)).toEqual([]);
  });

  test('S-2: gated inline scripts run with their own nonce; the element’s is never given to one without', async ({
    page,
    warnings,
  }) => {
    await recordViolations(page);
    await mount(page, {
      headers: {
        'content-security-policy': `${STRICT.replace("script-src 'self'", "script-src 'self' 'nonce-T3st'")}`,
      },
      attrs: 'nonce="T3st"',
      after: `<script type="text/plain" data-consent-category="analytics">(window.__runs ??= []).push('element');</script>
        <script type="text/plain" data-consent-category="analytics" nonce="T3st">(window.__runs ??= []).push('own');</script>`,
    });
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect.poll(() => runs(page)).toEqual(['own']);
    await expect.poll(() => warnings.filter((w) => w.includes("'element'") && w.includes('nonce')).length).toBe(1);
    expect(await violations(page)).toEqual([]);
  });

  test('S-3: a full visit under Trusted Types, with only lit-html’s policy, has no violation', async ({ page }) => {
    await recordViolations(page);
    await mount(page, {
      headers: {
        'content-security-policy': `${STRICT}; require-trusted-types-for 'script'; trusted-types lit-html`,
      },
      attrs: 'consent-mode',
      after:
        '<script type="text/plain" data-consent-category="analytics" src="/tests/fixtures/gated-external.js"></script>',
    });
    await fullVisit(page);
    // The gated script loads after the click that allowed it: wait for its run.
    await expect.poll(() => runs(page)).toEqual(['external']);
    expect(await violations(page)).toEqual([]);
  });
});

test.describe('hostile attributes never throw and never execute', () => {
  for (const payload of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' \u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://x/1',
    ' java\nscript:window.__xss=1',
  ]) {
    test(`S-4: policy-url ${JSON.stringify(payload)} is dropped with a warning`, async ({ page, warnings }) => {
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await mount(page, { noElement: true });
      await page.evaluate((value) => {
        const el = document.createElement('cookie-consent-banner');
        el.setAttribute('policy-url', value);
        document.body.append(el);
      }, payload);
      const region = page.getByRole('region', { name: tr.banner.heading });
      await expect(region).toBeVisible();
      // Click where the policy link goes: the link if one was rendered, else the sentence it closes.
      const links = region.getByRole('link');
      await ((await links.count()) ? links.first() : region.getByText(tr.banner.withdraw)).click();
      await expect(region).toBeVisible();
      expect(dialogs).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      await expect(links).toHaveCount(0);
      await expect.poll(() => warnings.some((w) => w.includes('policy-url'))).toBe(true);
    });
  }

  test('S-7: a hostile categories attribute is cleaned: duplicates, case and markup go, with a warning', async ({
    page,
    warnings,
  }) => {
    await mount(page, {
      attrs: 'categories="analytics analytics &lt;img src=x onerror=alert(1)&gt; ANALYTICS marketing"',
    });
    const region = page.getByRole('region', { name: tr.banner.heading });
    await expect(region).toBeVisible();
    expect(
      await page.evaluate(
        () => document.querySelector('cookie-consent-banner')!.shadowRoot!.querySelectorAll('img').length,
      ),
    ).toBe(0);
    await region.getByRole('button', { name: tr.banner.acceptAll }).click();
    const cookie = await consentCookie(page);
    expect(cookie?.record['c']).toEqual({ analytics: 1, marketing: 1 });
    await expect.poll(() => warnings.some((w) => w.includes('categories'))).toBe(true);
  });

  test('S-9: cookie-name, cookie-domain and category ids cannot inject cookie attributes', async ({
    page,
    warnings,
  }) => {
    const texts = JSON.stringify({ tr: { categories: { 'a;b': { name: 'A;B', description: 'Noktalı virgül.' } } } });
    await mount(page, {
      noElement: true,
      after: `<cookie-consent-banner categories="analytics a;b" cookie-name="cc; Domain=evil.test"
        cookie-domain="evil.test" cookie-expires="1e9"><script type="application/json">${texts}</script></cookie-consent-banner>`,
    });
    const region = page.getByRole('region', { name: tr.banner.heading });
    await region.getByRole('button', { name: tr.banner.acceptAll }).click();
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => [c.name, c.domain])).toEqual([['cookie_consent', 'localhost']]);
    // Encoded: no ; , whitespace or quote can end the value or start an attribute.
    expect(cookies[0]!.value).toMatch(/^[A-Za-z0-9_\-%.:{}]+$/);
    expect((await consentCookie(page))?.record['c']).toMatchObject({ analytics: 1 });
    for (const name of ['cookie-name', 'cookie-domain', 'cookie-expires']) {
      await expect.poll(() => warnings.some((w) => w.includes(name)), { message: name }).toBe(true);
    }
  });

  test('S-7: hostile texts and cookie tables pollute nothing', async ({ page }) => {
    await mount(page, {
      noElement: true,
      after: `<cookie-consent-banner>
        <script type="application/json">{"__proto__":{"polluted":1},"tr":{"constructor":{"prototype":{"polluted":1}},"banner":{"heading":"<b>Çerezler</b>"}}}</script>
        <script type="application/json" data-cookies>{"__proto__":[{"name":"x"}],"analytics":[{"name":"_ga","__proto__":{"polluted":1}}]}</script>
        <script type="application/json">{bad json</script>
      </cookie-consent-banner>`,
    });
    const region = page.getByRole('region', { name: '<b>Çerezler</b>' });
    await expect(region).toBeVisible();
    expect(await page.evaluate(() => [{} as { polluted?: number }].map((o) => o.polluted))).toEqual([undefined]);
    expect(await page.evaluate(() => Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'))).toBe(false);
    expect(
      await page.evaluate(
        () => document.querySelector('cookie-consent-banner')!.shadowRoot!.querySelectorAll('b').length,
      ),
    ).toBe(0);
    // The bad JSON threw nothing out (the fixture fails on a page error); the default categories render.
    await region.getByRole('button', { name: tr.banner.preferences }).click();
    const switches = page.getByRole('dialog', { name: tr.preferences.heading }).getByRole('switch');
    await expect(switches).toHaveCount(4);
    for (const [i, id] of (['necessary', 'functional', 'analytics', 'marketing'] as const).entries()) {
      await expect(switches.nth(i)).toHaveAccessibleName(tr.categories[id].name);
    }
  });
});

test.describe('links and texts', () => {
  test('S-5: every link that opens a new tab has rel="noopener"; the policy link opens in the same tab', async ({
    page,
  }) => {
    const policy = 'https://example.com/cerez-politikasi';
    await mount(page, { attrs: `policy-url="${policy}"` });
    const region = page.getByRole('region', { name: tr.banner.heading });
    await expect(region).toBeVisible();
    const links = () =>
      page.locator('cookie-consent-banner').evaluate((el) =>
        [...el.shadowRoot!.querySelectorAll('a')].map((a) => ({
          href: a.href,
          target: a.getAttribute('target'),
          noopener: a.relList.contains('noopener'),
        })),
      );
    const inBanner = await links();
    await region.getByRole('button', { name: tr.banner.preferences }).click();
    await expect(page.getByRole('dialog', { name: tr.preferences.heading })).toBeVisible();
    const all = [...inBanner, ...(await links())];
    // The policy link is there to look at.
    expect(all.filter((a) => a.href === policy).length).toBeGreaterThan(0);
    for (const a of all) {
      if (a.target !== null && a.target !== '_self')
        expect(a, `${a.href} opens a new tab`).toMatchObject({ noopener: true });
      if (a.href === policy) expect(a.target === null || a.noopener, 'the policy link').toBe(true);
    }
  });

  test('S-6: markup in every text is shown as text and never runs, in the banner and the preferences dialog', async ({
    page,
  }) => {
    const payloads = [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=2</script>',
      '<iframe src="javascript:parent.__xss=3"></iframe>',
      '<a href="javascript:window.__xss=4">x</a>',
    ];
    let n = 0;
    /** The Turkish texts with every string replaced by markup (and its key, so that each is unique). */
    const hostile = (value: Json, path: string): Json => {
      if (typeof value === 'string') return `${payloads[n++ % payloads.length]} ${path}`;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostile(v, path ? `${path}.${k}` : k)]));
    };
    const texts = hostile(tr as unknown as Json, '') as typeof tr;
    expect(strings(texts as unknown as Json).length).toBe(strings(tr as unknown as Json).length);
    await mount(page, { noElement: true });
    const json = JSON.stringify({ tr: texts });
    await page.evaluate((json) => {
      const el = document.createElement('cookie-consent-banner');
      el.texts = JSON.parse(json) as typeof el.texts;
      document.body.append(el);
    }, json);
    const inert = () =>
      page.locator('cookie-consent-banner').evaluate((el) => ({
        xss: (window as unknown as { __xss?: unknown }).__xss,
        elements: el.shadowRoot!.querySelectorAll('img, script, iframe, a[href^="javascript:" i]').length,
      }));

    const region = page.getByRole('region', { name: texts.banner.heading, exact: true });
    await expect(region).toBeVisible();
    await expect(region.getByRole('heading', { name: texts.banner.heading, exact: true })).toBeVisible();
    await expect(region.getByText(texts.banner.notice1, { exact: true })).toBeVisible();
    await expect(region.getByRole('button', { name: texts.banner.rejectAll, exact: true })).toBeVisible();
    await expect(region.getByRole('button', { name: texts.banner.close, exact: true })).toBeVisible();
    expect(await inert()).toEqual({ xss: undefined, elements: 0 });

    await region.getByRole('button', { name: texts.banner.preferences, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: texts.preferences.heading, exact: true });
    await expect(dialog).toBeVisible();
    for (const id of ['necessary', 'functional', 'analytics', 'marketing'] as const) {
      await expect(dialog.getByRole('switch', { name: texts.categories[id].name, exact: true })).toBeVisible();
      await expect(dialog.getByText(texts.categories[id].description, { exact: true })).toBeVisible();
    }
    await expect(dialog.getByRole('button', { name: texts.preferences.save, exact: true })).toBeVisible();
    expect(await inert()).toEqual({ xss: undefined, elements: 0 });
  });
});

test.describe('hostile cookies', () => {
  test('S-11: several cookies of the name never loop the banner; the one at the configured scope wins and the others go', async ({
    page,
  }) => {
    const now = Math.floor(Date.now() / 1000);
    const record = (ts: number, marketing: number, rev: number | string = 1) =>
      encodeURIComponent(
        JSON.stringify({
          v: 1,
          id: `abcdefghij${ts % 100}`,
          ts,
          rev,
          lang: 'tr',
          m: 'a',
          cats: { necessary: 1, marketing },
        }),
      );
    await page.context().addCookies([
      // A stale choice on the host (another revision), one on the parent domain, an older one on a folder.
      { name: 'cookie_consent', value: record(now - 60, 1, 'old'), domain: 'www.cerez.test', path: '/' },
      { name: 'cookie_consent', value: record(now - 10, 0), domain: '.cerez.test', path: '/' },
      { name: 'cookie_consent', value: record(now - 3600, 1), domain: 'www.cerez.test', path: '/test' },
    ]);
    await recordEvents(page);
    await mountOn(page, 'https://www.cerez.test', { attrs: 'categories="marketing" cookie-domain="cerez.test"' });
    const [ready] = await events(page, 'consent-ready');
    expect(ready?.detail).toMatchObject({ consent: { categories: { marketing: false } } });
    await expectBannerNotShown(page.locator('cookie-consent-banner'));
    const left = (await page.context().cookies()).filter((c) => c.name === 'cookie_consent');
    expect(left.map((c) => [c.domain, c.path])).toEqual([['.cerez.test', '/']]);
    // The next page reads the one that is left: no banner, same choice.
    await recordEvents(page);
    await page.reload();
    expect((await events(page, 'consent-ready'))[0]?.detail).toEqual(ready?.detail);
  });

  const now = Math.floor(Date.now() / 1000);
  for (const [what, value] of [
    ['a 4 KB value', 'x'.repeat(4000)],
    [
      'prototype keys',
      encodeURIComponent(
        `{"__proto__":{"v":1,"id":"abcdefghijkl","ts":${now},"rev":1,"lang":"tr","m":"a","cats":{"necessary":1,"marketing":1}},"constructor":{"prototype":{"cats":{"marketing":1}}}}`,
      ),
    ],
    [
      'prototype keys (schema 2)',
      encodeURIComponent(
        `{"__proto__":{"t":${now},"r":1,"l":"tr","m":"a","c":{"marketing":1}},"constructor":{"prototype":{"c":{"marketing":1}}}}`,
      ),
    ],
  ]) {
    test(`S-11: ${what} counts as no choice; a choice replaces it`, async ({ page }) => {
      await page.context().addCookies([{ name: 'cookie_consent', value: value!, url: `${TEST_ORIGIN}/` }]);
      await recordEvents(page);
      await mount(page);
      const region = page.getByRole('region', { name: tr.banner.heading });
      await expect(region).toBeVisible();
      expect((await events(page, 'consent-ready'))[0]?.detail).toEqual({ consent: null });
      expect(await page.evaluate(() => [{} as { cats?: unknown }].map((o) => o.cats))).toEqual([undefined]);
      await region.getByRole('button', { name: tr.banner.rejectAll }).click();
      expect((await consentCookie(page))?.record).toMatchObject({ m: 'r' });
    });
  }
});

test.describe('many instances and a page’s life cycle', () => {
  test('S-14: two elements show one banner; a choice fires one consent-change per element with the same detail', async ({
    page,
    warnings,
  }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __perElement: unknown[] };
      w.__perElement = [];
      document.addEventListener('consent-change', (e) =>
        w.__perElement.push({ id: (e.target as Element).id, detail: structuredClone(e.detail) }),
      );
    });
    await mount(page, {
      noElement: true,
      after:
        '<cookie-consent-banner id="one"></cookie-consent-banner><cookie-consent-banner id="two"></cookie-consent-banner>',
    });
    await expect(page.getByRole('region', { name: tr.banner.heading })).toHaveCount(1);
    await expect.poll(() => warnings.some((w) => w.includes('defers to the first'))).toBe(true);
    await page.evaluate(() =>
      (document.getElementById('two') as HTMLElementTagNameMap['cookie-consent-banner']).acceptAll(),
    );
    const seen = await page.evaluate(
      () => (window as unknown as { __perElement: { id: string; detail: unknown }[] }).__perElement,
    );
    expect(seen.map((e) => e.id)).toEqual(['one', 'two']);
    expect(seen[0]!.detail).toEqual(seen[1]!.detail);
    expect(
      await page.evaluate(
        () => (document.getElementById('two') as HTMLElementTagNameMap['cookie-consent-banner']).consent?.id,
      ),
    ).toBe((seen[0]!.detail as { consent: { id: string } }).consent.id);
    expect((await page.context().cookies()).filter((c) => c.name === 'cookie_consent')).toHaveLength(1);
  });

  test('S-14: removing, moving and re-adding the element leaves one banner, one listener each, and the choice', async ({
    page,
  }) => {
    await recordEvents(page);
    await mount(page, { after: '<main><a href="#x" data-consent-open id="open">Çerez ayarları</a></main>' });
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    // A single-page app re-renders its layout five times.
    await page.evaluate(() => {
      for (let i = 0; i < 5; i++) {
        const el = document.querySelector('cookie-consent-banner')!;
        el.remove();
        document.body.prepend(el);
      }
    });
    await expect(page.getByRole('region', { name: tr.banner.heading })).toHaveCount(1);
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect.poll(async () => (await events(page, 'consent-change')).length).toBe(1);
    await page.evaluate(() => {
      const el = document.querySelector('cookie-consent-banner')!;
      el.remove();
      document.querySelector('main')!.append(el);
    });
    await page.locator('#open').click();
    await expect(page.getByRole('dialog', { name: tr.preferences.heading })).toBeVisible();
    await expect(
      page
        .getByRole('dialog', { name: tr.preferences.heading })
        .getByRole('switch', { name: tr.categories.marketing.name }),
    ).toBeChecked();
    // The first connection, the last of the five made in one task (the four before it ended before their first
    // update, so they never decided and never announce), and the move into <main>.
    expect(await events(page, 'consent-ready')).toHaveLength(3);
  });

  test('S-14: when the owner leaves, the next element takes over', async ({ page }) => {
    await mount(page, {
      noElement: true,
      after:
        '<cookie-consent-banner id="one"></cookie-consent-banner><cookie-consent-banner id="two"></cookie-consent-banner>',
    });
    await expect(page.getByRole('region', { name: tr.banner.heading })).toHaveCount(1);
    await page.evaluate(() => document.getElementById('one')!.remove());
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    await page.getByRole('button', { name: tr.banner.rejectAll }).click();
    expect((await consentCookie(page))?.record).toMatchObject({ m: 'r' });
  });

  test('a choice made in another tab applies when this tab becomes visible', async ({ page, context }) => {
    await recordEvents(page);
    await mount(page);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    const other = await context.newPage();
    await mount(other, { path: '/test/other-tab.html' });
    await other.getByRole('button', { name: tr.banner.acceptAll }).click();
    // This tab comes back to the front.
    await page.bringToFront();
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeHidden();
    const [change] = await events(page, 'consent-change');
    expect(change?.detail).toMatchObject({ source: 'sync', consent: { method: 'accept-all' } });
  });
});

test.describe('a good guest', () => {
  test('S-12: no traffic of its own, no globals but lit’s own markers, no prototype or i18next tampering', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      w['__before'] = Object.getOwnPropertyNames(window);
      w['__proto'] = Object.getOwnPropertyNames(Object.prototype);
      w['i18next'] = { pageOwn: true };
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await mount(page);
    await fullVisit(page);
    const origin = TEST_ORIGIN;
    expect(requests.filter((url) => !url.startsWith(`${origin}/dist/`) && !url.startsWith(`${origin}/test/`))).toEqual(
      [],
    );
    const added = await page.evaluate(() => {
      const w = window as unknown as Record<string, string[]>;
      const before = new Set([...w['__before']!, '__before', '__proto', 'i18next']);
      return Object.getOwnPropertyNames(window).filter((name) => !before.has(name));
    });
    expect(added.sort()).toEqual(
      ['litElementVersions', 'litHtmlVersions', 'litPropertyMetadata', 'reactiveElementVersions'].filter((n) =>
        added.includes(n),
      ),
    );
    expect(added.every((n) => /^(lit|reactiveElement)/.test(n))).toBe(true);
    expect(await page.evaluate(() => Object.getOwnPropertyNames(Object.prototype))).toEqual(
      await page.evaluate(() => (window as unknown as { __proto: string[] }).__proto),
    );
    expect(await page.evaluate(() => (window as unknown as { i18next: unknown }).i18next)).toEqual({ pageOwn: true });
  });

  test('S-8: on https the cookie is Secure, SameSite=Lax, Path=/, host-only, and not HttpOnly', async ({ page }) => {
    await mountOn(page, 'https://shop.cerez.test');
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    expect(await consentCookie(page)).toMatchObject({
      domain: 'shop.cerez.test',
      path: '/',
      secure: true,
      sameSite: 'Lax',
      httpOnly: false,
    });
  });

  test('S-13: a listener that throws does not stop the next one, and the banner still works', async ({
    page,
    allowErrors,
  }) => {
    allowErrors.push(/listener failed on purpose/);
    await page.addInitScript(() => {
      document.addEventListener('consent-change', () => {
        throw new Error('listener failed on purpose');
      });
      window.addEventListener('consent-change', () => ((window as unknown as { __second: number }).__second = 1));
    });
    await mount(page);
    await page.getByRole('button', { name: tr.banner.acceptAll }).click();
    // A clicked choice is told after the next paint.
    await afterPaint(page);
    expect(await page.evaluate(() => (window as unknown as { __second?: number }).__second)).toBe(1);
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.showPreferences());
    await expect(page.getByRole('dialog', { name: tr.preferences.heading })).toBeVisible();
  });
});
