import Cookies from 'js-cookie';
import tr from '../../locales/tr.json' with { type: 'json' };
import {
  test,
  expect,
  TEST_ORIGIN,
  mount,
  mountOn,
  consentCookie,
  recordEvents,
  events,
  expectBannerNotShown,
  gateSettled,
  tracker,
} from './fixtures.js';

const DAY = 86_400;

async function accept(page: import('@playwright/test').Page) {
  const region = page.getByRole('region', { name: tr.banner.heading });
  await region.getByRole('button', { name: tr.banner.acceptAll }).click();
  await expect(region).toBeHidden();
}

test.describe('the cookie', () => {
  test('defaults: cookie_consent, Path=/, host-only, SameSite=Lax, not Secure on http, 182 days, under 300 bytes', async ({
    page,
  }) => {
    await mount(page);
    const before = Date.now() / 1000;
    await accept(page);
    const cookie = await consentCookie(page);
    expect(cookie).toMatchObject({
      name: 'cookie_consent',
      path: '/',
      domain: 'localhost',
      sameSite: 'Lax',
      secure: false,
      httpOnly: false,
    });
    expect(Math.abs(cookie!.expires - (before + 182 * DAY))).toBeLessThan(DAY);
    expect(`${cookie!.name}=${cookie!.value}`.length).toBeLessThan(300);
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_\-%.:{}]+$/);
    // L3: no id without receipt-url.
    expect(Object.keys(cookie!.record).sort()).toEqual(['c', 'l', 'm', 'r', 't']);
    expect(cookie!.record).toMatchObject({ r: 1, l: 'tr', m: 'a' });
    expect(Math.abs((cookie!.record['t'] as number) - before)).toBeLessThan(60);
  });

  test('attributes set name, path, SameSite and lifetime', async ({ page }) => {
    await mount(page, {
      attrs: 'cookie-name="site_consent" cookie-path="/test" cookie-samesite="strict" cookie-expires="30"',
    });
    const before = Date.now() / 1000;
    await accept(page);
    const cookie = await consentCookie(page, 'site_consent');
    expect(cookie).toMatchObject({ path: '/test', sameSite: 'Strict' });
    expect(Math.abs(cookie!.expires - (before + 30 * DAY))).toBeLessThan(DAY);
  });

  for (const [value, days] of [
    ['1000', 395],
    ['0', 1],
    ['-1', 1],
    ['NaN', 182],
    ['1e9', 395],
  ] as const) {
    test(`cookie-expires="${value}" gives ${days} days, with a warning`, async ({ page, warnings }) => {
      await mount(page, { attrs: `cookie-expires="${value}"` });
      const before = Date.now() / 1000;
      await accept(page);
      const cookie = await consentCookie(page);
      expect(Math.abs(cookie!.expires - (before + days * DAY))).toBeLessThan(DAY);
      await expect.poll(() => warnings.some((w) => w.includes('cookie-expires'))).toBe(true);
    });
  }

  test('bad cookie-name and cookie-domain fall back to safe defaults with warnings', async ({ page, warnings }) => {
    await mount(page, { attrs: 'cookie-name="cc; Domain=evil.test" cookie-domain="evil.test"' });
    await accept(page);
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => [c.name, c.domain])).toEqual([['cookie_consent', 'localhost']]);
    await expect.poll(() => warnings.some((w) => w.includes('cookie-name'))).toBe(true);
    await expect.poll(() => warnings.some((w) => w.includes('cookie-domain'))).toBe(true);
  });

  test('on https the cookie is Secure; cookie-domain may name a parent domain', async ({ page }) => {
    await mountOn(page, 'https://www.cerez.test', { attrs: 'cookie-domain="cerez.test"' });
    await accept(page);
    const cookie = await consentCookie(page);
    expect(cookie).toMatchObject({ secure: true, domain: '.cerez.test', path: '/', sameSite: 'Lax' });
  });

  const tampered: Record<string, string> = {
    garbage: 'garbage',
    'bad percent-encoding': '%E0%A4%A',
    'truncated JSON': '{"v":1,"id":"abcdefghijkl","ts":17',
    'unknown version': encodeURIComponent('{"v":999}'),
    'wrong types': encodeURIComponent(
      '{"v":1,"id":"abcdefghijkl","ts":1764450000,"rev":1,"lang":"tr","m":"a","cats":{"necessary":1,"marketing":"yes"}}',
    ),
    'prototype pollution': encodeURIComponent(
      '{"v":1,"id":"abcdefghijkl","ts":1764450000,"rev":1,"lang":"tr","m":"a","cats":{"necessary":1,"__proto__":{"marketing":1}}}',
    ),
    'a time in the future': encodeURIComponent(
      '{"v":1,"id":"abcdefghijkl","ts":32503680000,"rev":1,"lang":"tr","m":"a","cats":{"necessary":1,"marketing":1}}',
    ),
    'an expired record': encodeURIComponent(
      `{"v":1,"id":"abcdefghijkl","ts":${Math.floor(Date.now() / 1000) - 200 * DAY},"rev":1,"lang":"tr","m":"a","cats":{"necessary":1,"marketing":1}}`,
    ),
    'a mixed record ("v":1 with the short keys)': Cookies.converter.write(
      `{"v":1,"t":${Math.floor(Date.now() / 1000) - 60},"r":1,"l":"tr","m":"a","c":{"marketing":1}}`,
      'cookie_consent',
    ),
    'necessary stored off': Cookies.converter.write(
      `{"t":${Math.floor(Date.now() / 1000) - 60},"r":1,"l":"tr","m":"a","c":{"necessary":0,"marketing":1}}`,
      'cookie_consent',
    ),
    oversized: 'A'.repeat(3900),
    'a JSON array': encodeURIComponent('[1,2,3]'),
  };
  for (const [name, value] of Object.entries(tampered)) {
    test(`S-11: a cookie with ${name} counts as no choice and is overwritten by the next one`, async ({ page }) => {
      await page.context().addCookies([{ name: 'cookie_consent', value, url: `${TEST_ORIGIN}/` }]);
      await recordEvents(page);
      await mount(page);
      const region = page.getByRole('region', { name: tr.banner.heading });
      await expect(region).toBeVisible();
      const [ready] = await events(page, 'consent-ready');
      expect(ready?.detail).toEqual({ consent: null });
      // Nothing leaked into the page's objects, and nothing is granted.
      expect(await page.evaluate(() => [{} as { marketing?: unknown }].map((o) => o.marketing))).toEqual([undefined]);
      expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('marketing'))).toBe(
        false,
      );
      await region.getByRole('button', { name: tr.banner.rejectAll }).click();
      expect((await consentCookie(page))?.record).toMatchObject({ m: 'r' });
    });
  }
});

test.describe('#15: the smaller record (schema 2), and visitors who chose under schema 1', () => {
  /** A record in schema 1, as the cookie held it before schema 2: percent-encoded the way js-cookie writes. */
  const schema1 = (fields: Record<string, unknown> = {}) =>
    Cookies.converter.write(
      JSON.stringify({
        v: 1,
        ts: Math.floor(Date.now() / 1000) - 3600,
        rev: 1,
        lang: 'tr',
        m: 's',
        cats: { necessary: 1, functional: 0, analytics: 1, marketing: 0 },
        ...fields,
      }),
      'cookie_consent',
    );
  const tags =
    '<script type="text/plain" data-consent-category="analytics" src="https://tracker.test/analytics.js"></script>' +
    '<script type="text/plain" data-consent-category="marketing" src="https://tracker.test/ads.js"></script>';

  test('#15: a schema 1 cookie is still the choice: no banner, its categories in force; the next choice stores schema 2', async ({
    page,
    context,
  }) => {
    const hits = await tracker(page);
    await context.addCookies([{ name: 'cookie_consent', value: schema1(), url: `${TEST_ORIGIN}/` }]);
    await recordEvents(page);
    await mount(page, { after: tags });
    await expectBannerNotShown(page.locator('cookie-consent-banner'));
    const [ready] = await events(page, 'consent-ready');
    expect(ready?.detail).toMatchObject({
      consent: {
        categories: { necessary: true, functional: false, analytics: true, marketing: false },
        revision: '1',
        language: 'tr',
        method: 'save',
        gpc: false,
      },
    });
    // The allowed category's tag runs, the refused one's does not.
    await expect.poll(() => hits).toEqual(['analytics.js']);
    await gateSettled(page);
    expect(hits).toEqual(['analytics.js']);

    const before = Math.floor(Date.now() / 1000);
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.acceptAll());
    await expect.poll(() => [...hits].sort()).toEqual(['ads.js', 'analytics.js']);
    const cookie = (await consentCookie(page))!;
    expect(Object.keys(cookie.record).sort()).toEqual(['c', 'l', 'm', 'r', 't']);
    expect(cookie.record).toMatchObject({ r: 1, l: 'tr', m: 'a', c: { functional: 1, analytics: 1, marketing: 1 } });
    expect(cookie.record['t']).toBeGreaterThanOrEqual(before - 1);

    // And the schema 2 record is read back on the next page.
    await page.reload();
    await expectBannerNotShown(page.locator('cookie-consent-banner'));
    expect((await events(page, 'consent-ready'))[0]?.detail).toMatchObject({
      consent: {
        method: 'accept-all',
        categories: { necessary: true, functional: true, analytics: true, marketing: true },
      },
    });
  });

  test('#15: a schema 1 cookie that was invalid stays invalid: the banner asks', async ({ page, context }) => {
    await context.addCookies([
      { name: 'cookie_consent', value: schema1({ cats: { analytics: 1 } }), url: `${TEST_ORIGIN}/` },
    ]);
    await recordEvents(page);
    await mount(page);
    await expect(page.getByRole('region', { name: tr.banner.heading })).toBeVisible();
    expect((await events(page, 'consent-ready'))[0]?.detail).toEqual({ consent: null });
  });

  for (const [button, method] of [
    [tr.banner.acceptAll, 'a'],
    [tr.banner.rejectAll, 'r'],
  ] as const) {
    test(`#15: with the four default categories the cookie is at most 160 bytes in document.cookie (${method})`, async ({
      page,
    }) => {
      await mount(page);
      const region = page.getByRole('region', { name: tr.banner.heading });
      await region.getByRole('button', { name: button }).click();
      await expect(region).toBeHidden();
      const pair = await page.evaluate(() => document.cookie.split('; ').find((c) => c.startsWith('cookie_consent=')));
      expect(pair).toBeDefined();
      expect(new TextEncoder().encode(pair).length).toBeLessThanOrEqual(160);
      const cookie = (await consentCookie(page))!;
      expect(`${cookie.name}=${cookie.value}`).toBe(pair);
      expect(cookie.record).toMatchObject({ m: method });
    });
  }
});
