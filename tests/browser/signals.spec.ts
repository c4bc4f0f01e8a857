// Consent signals for Google, Microsoft UET, Microsoft Clarity and Meta, with stub vendor queues that record every
// call in order, beside gated tags that record when they run: the exact command sequence per vendor, defaults
// before any gated tag, nothing for a vendor that is not enabled, and no global function of the banner's.
import type { Page } from '@playwright/test';
import { TEST_ORIGIN, expect, localeJson, mount, test } from './fixtures.js';

interface Locale {
  banner: { heading: string; acceptAll: string; rejectAll: string; preferences: string };
}
const tr = localeJson('tr') as unknown as Locale;

const ALL_SIGNALS = 'consent-signals="google microsoft clarity meta"';

/**
 * The page's vendor code, as their snippets leave it before the vendor's script loads, recording each call:
 * gtag, UET's queue (an object with `push`, as bat.js leaves it), Clarity's and Meta's functions.
 */
const STUBS = `<script>
  window.__calls = [];
  const record = (name) => function () { window.__calls.push([name, ...JSON.parse(JSON.stringify([...arguments]))]); };
  window.gtag = record('gtag');
  window.uetq = { push: record('uetq') };
  window.clarity = record('clarity');
  window.fbq = record('fbq');
</script>`;

/** Gated tags that record when they run, in the same list as the vendor calls. */
const TAGS = `
<script type="text/plain" data-consent-category="necessary">window.__calls.push(['tag', 'necessary'])</script>
<script type="text/plain" data-consent-category="marketing">window.__calls.push(['tag', 'marketing'])</script>`;

type Call = unknown[];
const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: Call[] }).__calls);
const banner = (page: Page) => page.getByRole('region', { name: tr.banner.heading });

const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};
const GRANTED = { ...DENIED, ...Object.fromEntries(Object.keys(DENIED).map((k) => [k, 'granted'])) };
/** Consent Mode's state with only `analytics` allowed. */
const ANALYTICS_ONLY = { ...DENIED, analytics_storage: 'granted' };

/** Every vendor's commands for a state, in the order the banner sends them. */
function sequence(
  phase: 'default' | 'update',
  google: Record<string, string>,
  ads: boolean,
  analytics: boolean,
): Call[] {
  const state = (on: boolean) => (on ? 'granted' : 'denied');
  return [
    ['gtag', 'consent', phase, phase === 'default' ? { ...google, wait_for_update: 500 } : google],
    ['gtag', 'set', 'ads_data_redaction', !ads],
    ['uetq', 'consent', phase, { ad_storage: state(ads) }],
    ['clarity', 'consentv2', { ad_Storage: state(ads), analytics_Storage: state(analytics) }],
    ['fbq', 'consent', ads ? 'grant' : 'revoke'],
  ];
}

/** A returning visitor's record (schema 2), allowing the given categories. */
async function seed(page: Page, allowed: string[], fields: Record<string, unknown> = {}): Promise<void> {
  const c = Object.fromEntries(
    ['functional', 'analytics', 'marketing'].map((id) => [id, allowed.includes(id) ? 1 : 0]),
  );
  const record = { t: Math.floor(Date.now() / 1000) - 60, r: 1, l: 'tr', m: 's', c, ...fields };
  await page
    .context()
    .addCookies([
      { name: 'cookie_consent', value: encodeURIComponent(JSON.stringify(record)), url: `${TEST_ORIGIN}/` },
    ]);
}

/** The global functions that were not there before the page's scripts ran, but those the page defines itself. */
const newGlobalFunctions = (page: Page, own: string[] = []) =>
  page.evaluate((own) => {
    const before = new Set((window as unknown as { __before: string[] }).__before);
    return Object.getOwnPropertyNames(window).filter(
      (name) =>
        !before.has(name) &&
        !own.includes(name) &&
        typeof (window as unknown as Record<string, unknown>)[name] === 'function',
    );
  }, own);

/** The gated `necessary` tag has run: the load's defaults are all sent by then. */
const settled = (page: Page) =>
  expect.poll(async () => (await calls(page)).some((c) => c[0] === 'tag' && c[1] === 'necessary')).toBe(true);

/** Calls the element's API and waits for its update. */
const api = (page: Page, call: string) =>
  page.evaluate(async (call) => {
    const el = document.querySelector('cookie-consent-banner') as unknown as Record<
      string,
      (...a: unknown[]) => unknown
    > & {
      updateComplete: Promise<unknown>;
    };
    const [name, arg] = JSON.parse(call) as [string, unknown];
    await el[name]!(arg);
    await el.updateComplete;
  }, call);

test.describe('consent signals: first visit', () => {
  test('every enabled vendor gets its denied default before any gated tag; "Accept all" updates each, then the tags run', async ({
    page,
  }) => {
    await mount(page, { attrs: ALL_SIGNALS, head: STUBS, after: TAGS });
    await expect(banner(page)).toBeVisible();
    await settled(page);
    expect(await calls(page)).toEqual([...sequence('default', DENIED, false, false), ['tag', 'necessary']]);

    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect.poll(async () => (await calls(page)).length).toBe(12);
    expect((await calls(page)).slice(6)).toEqual([...sequence('update', GRANTED, true, true), ['tag', 'marketing']]);
  });

  test('"Reject all" updates every vendor to denied: Meta revoke, Clarity denied; no gated tag but the necessary one', async ({
    page,
  }) => {
    await mount(page, { attrs: ALL_SIGNALS, head: STUBS, after: TAGS });
    await settled(page);
    await banner(page).getByRole('button', { name: tr.banner.rejectAll }).click();
    await expect.poll(async () => (await calls(page)).length).toBe(11);
    expect((await calls(page)).slice(6)).toEqual(sequence('update', DENIED, false, false));
  });

  test('no call for a vendor that is not enabled; a page with no UET queue gets the array; no global function is defined', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      (window as unknown as { __before: string[] }).__before = Object.getOwnPropertyNames(window);
    });
    await mount(page, {
      attrs: 'consent-signals="microsoft"',
      head: `<script>window.__calls = []; window.gtag = () => window.__calls.push('gtag');
        window.clarity = () => window.__calls.push('clarity'); window.fbq = () => window.__calls.push('fbq');</script>`,
      after: TAGS.replace("window.__calls.push(['tag', 'necessary'])", "window.__calls.push('necessary')"),
    });
    await expect.poll(() => calls(page)).toEqual(['necessary']);
    await api(page, JSON.stringify(['acceptAll']));
    await expect.poll(() => calls(page)).toContainEqual(['tag', 'marketing']);
    expect(await calls(page)).toEqual(['necessary', ['tag', 'marketing']]);
    expect(
      await page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { uetq: unknown }).uetq))),
    ).toEqual(['consent', 'default', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'granted' }]);
    expect(await page.evaluate(() => Array.isArray((window as unknown as { uetq: unknown }).uetq))).toBe(true);
    expect(await page.evaluate(() => 'dataLayer' in window)).toBe(false);
    expect(await newGlobalFunctions(page, ['gtag', 'clarity', 'fbq'])).toEqual([]);
  });

  test("without Clarity's or Meta's function yet, their calls wait and reach the function their gated snippet defines, in order", async ({
    page,
  }) => {
    await page.addInitScript(() => {
      (window as unknown as { __before: string[] }).__before = Object.getOwnPropertyNames(window);
    });
    // The vendors' own queueing stubs, as their snippets define them (their script loads are left out).
    const clarity = `window.clarity = window.clarity || function () { (window.clarity.q = window.clarity.q || []).push(JSON.parse(JSON.stringify([...arguments]))); };`;
    const meta = `if (!window.fbq) { const n = (window.fbq = function () { n.queue.push(JSON.parse(JSON.stringify([...arguments]))); }); n.queue = []; fbq('init', '123'); }`;
    await mount(page, {
      attrs: 'consent-signals="clarity meta"',
      after: `<script type="text/plain" data-consent-category="analytics">${clarity}</script>
        <script type="text/plain" data-consent-category="marketing">${meta}</script>
        <script type="text/plain" data-consent-category="necessary">window.__marker = 1</script>`,
    });
    await page.waitForFunction(() => (window as unknown as { __marker?: number }).__marker === 1);
    // Nothing defined by the banner while the vendors are absent.
    expect(await page.evaluate(() => [typeof window.clarity, typeof window.fbq])).toEqual(['undefined', 'undefined']);
    expect(await newGlobalFunctions(page)).toEqual([]);

    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    await page.waitForFunction(() => typeof window.fbq === 'function' && typeof window.clarity === 'function');
    const queues = () =>
      page.evaluate(() => ({
        clarity: (window.clarity as unknown as { q: unknown[] }).q,
        fbq: (window.fbq as unknown as { queue: unknown[] }).queue,
      }));
    await expect.poll(async () => (await queues()).fbq.length).toBe(3);
    expect(await queues()).toEqual({
      clarity: [
        ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
        ['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }],
      ],
      fbq: [
        ['init', '123'],
        ['consent', 'revoke'],
        ['consent', 'grant'],
      ],
    });
  });
});

declare global {
  interface Window {
    clarity?: unknown;
    fbq?: unknown;
  }
}

test.describe('consent signals: returning visit', () => {
  for (const [name, allowed, google, ads, analytics] of [
    ['everything allowed', ['functional', 'analytics', 'marketing'], GRANTED, true, true],
    ['everything refused', [], DENIED, false, false],
    ['analytics only', ['analytics'], ANALYTICS_ONLY, false, true],
  ] as const) {
    test(`${name}: each vendor's default is the stored choice, before any gated tag; no banner`, async ({ page }) => {
      await seed(page, [...allowed]);
      await mount(page, { attrs: ALL_SIGNALS, head: STUBS, after: TAGS });
      await settled(page);
      const expected = [...sequence('default', google, ads, analytics), ['tag', 'necessary']];
      if (ads) expected.push(['tag', 'marketing']);
      await expect.poll(async () => (await calls(page)).length).toBe(expected.length);
      expect(await calls(page)).toEqual(expected);
      await expect(banner(page)).toBeHidden();
    });
  }

  test('a change by the page (a grant) updates every vendor, then the newly allowed tag runs', async ({ page }) => {
    await seed(page, ['analytics']);
    await mount(page, { attrs: ALL_SIGNALS, head: STUBS, after: TAGS });
    await settled(page);
    const start = (await calls(page)).length;
    await api(page, JSON.stringify(['setConsent', ['analytics', 'marketing']]));
    await expect.poll(async () => (await calls(page)).length).toBe(start + 6);
    expect((await calls(page)).slice(start)).toEqual([
      ...sequence(
        'update',
        {
          ...DENIED,
          ad_storage: 'granted',
          ad_user_data: 'granted',
          ad_personalization: 'granted',
          analytics_storage: 'granted',
        },
        true,
        true,
      ),
      ['tag', 'marketing'],
    ]);
  });
});

test.describe('consent signals: withdrawal', () => {
  for (const [entry, withdraw] of [
    ['rejectAll()', (page: Page) => api(page, JSON.stringify(['rejectAll']))],
    ['reset()', (page: Page) => api(page, JSON.stringify(['reset']))],
    [
      '"Reject all" in preferences',
      async (page: Page) => {
        await page.evaluate(() =>
          (document.querySelector('cookie-consent-banner') as unknown as { showPreferences(): void }).showPreferences(),
        );
        await page.getByRole('dialog').getByRole('button', { name: tr.banner.rejectAll }).click();
      },
    ],
  ] as const) {
    test(`${entry}: every vendor's denied signal is sent in the task that fires consent-change; Clarity erases its cookies first`, async ({
      page,
    }) => {
      await seed(page, ['functional', 'analytics', 'marketing']);
      await mount(page, { attrs: ALL_SIGNALS, head: STUBS, after: TAGS });
      // The five defaults and both tags.
      await expect.poll(async () => (await calls(page)).length).toBe(7);
      // What the vendors had heard when consent-change reached the page: the same task, before any later one.
      await page.evaluate(() => {
        document.addEventListener('consent-change', () => {
          const w = window as unknown as { __calls: unknown[]; __atChange: unknown[] };
          w.__atChange = JSON.parse(JSON.stringify(w.__calls));
        });
      });
      const before = (await calls(page)).length;
      await withdraw(page);
      await page.waitForFunction(() => '__atChange' in window);
      const atChange = (await page.evaluate(() => (window as unknown as { __atChange: Call[] }).__atChange)).slice(
        before,
      );
      expect(atChange).toEqual([
        ['gtag', 'consent', 'update', DENIED],
        ['gtag', 'set', 'ads_data_redaction', true],
        ['uetq', 'consent', 'update', { ad_storage: 'denied' }],
        ['clarity', 'consent', false],
        ['clarity', 'consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
        ['fbq', 'consent', 'revoke'],
      ]);
    });
  }
});

test.describe('consent signals: Global Privacy Control and settings', () => {
  test('under GPC, "Accept all" keeps every advertising signal denied: UET denied, Meta revoke, Clarity ads denied', async ({
    page,
  }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
    );
    await mount(page, { attrs: ALL_SIGNALS, head: STUBS, after: TAGS });
    await settled(page);
    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect.poll(async () => (await calls(page)).length).toBe(11);
    const google = { ...GRANTED, ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' };
    expect((await calls(page)).slice(6)).toEqual(sequence('update', google, false, true));
  });

  test('under GPC, a returning choice that allowed marketing is narrowed before any default: every advertising signal starts denied', async ({
    page,
  }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
    );
    await seed(page, ['functional', 'analytics', 'marketing']);
    await mount(page, { attrs: ALL_SIGNALS, head: STUBS, after: TAGS });
    await settled(page);
    const google = { ...GRANTED, ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' };
    expect(await calls(page)).toEqual([...sequence('default', google, false, true), ['tag', 'necessary']]);
    await expect.poll(async () => (await page.context().cookies())[0]?.value).toContain('%22m%22:%22g%22');
  });

  test('consent-signals-map moves a vendor signal to another category; url-passthrough, no-ads-data-redaction and wait-for-update reach gtag', async ({
    page,
    warnings,
  }) => {
    await mount(page, {
      attrs: `${ALL_SIGNALS} url-passthrough no-ads-data-redaction wait-for-update="2000" consent-signals-map='{"microsoft":{"ad_storage":"analytics"},"meta":{"consent":"analytics"},"clarity":{"bogus":"x"},"tiktok":{}}'`,
      head: STUBS,
      after: TAGS,
    });
    await settled(page);
    await api(page, JSON.stringify(['setConsent', ['analytics']]));
    await expect.poll(async () => (await calls(page)).length).toBe(10);
    expect(await calls(page)).toEqual([
      ['gtag', 'consent', 'default', { ...DENIED, wait_for_update: 2000 }],
      ['gtag', 'set', 'url_passthrough', true],
      ['uetq', 'consent', 'default', { ad_storage: 'denied' }],
      ['clarity', 'consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
      ['fbq', 'consent', 'revoke'],
      ['tag', 'necessary'],
      ['gtag', 'consent', 'update', ANALYTICS_ONLY],
      ['uetq', 'consent', 'update', { ad_storage: 'granted' }],
      ['clarity', 'consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }],
      ['fbq', 'consent', 'grant'],
    ]);
    await expect
      .poll(() => warnings)
      .toContainEqual(expect.stringContaining('consent-signals-map: clarity: "bogus" is not a clarity signal'));
    await expect
      .poll(() => warnings)
      .toContainEqual(expect.stringContaining('consent-signals-map: "tiktok" is not microsoft, clarity or meta'));
  });

  test('a vendor signal cannot follow necessary (CEREZ_SIGNAL_AS_NECESSARY): it stays denied; an unknown vendor warns', async ({
    page,
    warnings,
    allowErrors,
  }) => {
    allowErrors.push(/CEREZ_SIGNAL_AS_NECESSARY/);
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await mount(page, {
      attrs: `consent-signals="microsoft meta tiktok" consent-signals-map='{"microsoft":{"ad_storage":"necessary"},"meta":{"consent":"necessary"}}'`,
      head: STUBS,
      after: TAGS,
    });
    await settled(page);
    expect(await calls(page)).toEqual([
      ['uetq', 'consent', 'default', { ad_storage: 'denied' }],
      ['fbq', 'consent', 'revoke'],
      ['tag', 'necessary'],
    ]);
    await expect.poll(() => errors).toContainEqual(expect.stringContaining('CEREZ_SIGNAL_AS_NECESSARY'));
    await expect
      .poll(() => warnings)
      .toContainEqual(expect.stringContaining('consent-signals: "tiktok" is not one of'));
  });
});
