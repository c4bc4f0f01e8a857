// The framework examples (examples/), built by Vite against the packed package, in the browser: React 18 through
// @lit/react, React 19, Vue 3 and Svelte 5 with the element itself. The banner works, the page's handler hears
// `consent-change`, and settings that arrive as props (after the element is connected, with @lit/react) are the
// ones a stored choice is checked against: a stale grant is not honoured, no gated tag runs, Consent Mode starts
// from its denied default, and nothing reloads.
import type { Page } from '@playwright/test';
import tr from '../../locales/tr.json' with { type: 'json' };
import { buildSite, packed, serveSite, type BuiltSite } from '../frameworks/build.js';
import {
  test,
  expect,
  afterPaint,
  consentCookie,
  recordEvents,
  events,
  tracker,
  dataLayer,
  SEED_NOTICE,
} from './fixtures.js';

const PAGES = [
  { name: 'React 18 (@lit/react)', fixture: 'react18', version: /^18\./ },
  { name: 'React 19', fixture: 'react19', version: /^19\./ },
] as const;

// One build per page for the file: its tests run in one worker, in order.
test.describe.configure({ mode: 'default' });

const sites = new Map<string, BuiltSite>();
test.beforeAll(async () => {
  test.setTimeout(240_000); // a pack and four Vite builds, on a busy machine
  const pkg = packed('examples-frameworks');
  for (const { fixture } of PAGES) sites.set(fixture, await buildSite(`examples/react/${fixture}`, pkg));
  sites.set('vue', await buildSite('examples/vue', pkg));
  sites.set('svelte', await buildSite('examples/svelte', pkg));
});
test.afterAll(async () => {
  for (const site of sites.values()) await site.remove();
});

test.beforeEach(({ warnings }) => void warnings);

type Heard = { consent: { method: string; revision: string } | null; source: string };
const react = (page: Page) =>
  page.evaluate(() => (window as unknown as { __react: { version: string; heard: Heard[] } }).__react);

/** A visitor who accepted everything under revision 1 (the default), a minute ago. */
async function storedGrant(page: Page): Promise<void> {
  const record = {
    v: 1,
    id: 'q3Jf-9xZ2mLp',
    ts: Math.floor(Date.now() / 1000) - 60,
    rev: 1,
    lang: 'tr',
    m: 'a',
    cats: { necessary: 1, functional: 1, analytics: 1, marketing: 1 },
  };
  const url = `http://localhost:${process.env.TEST_PORT ?? 4321}/`;
  await page.context().addCookies([{ name: 'cookie_consent', value: encodeURIComponent(JSON.stringify(record)), url }]);
}

/** Records every navigation the page starts (the Navigation API's `navigate` fires as it starts, reloads too). */
async function recordNavigations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __navigations: string[]; navigation?: EventTarget };
    w.__navigations = [];
    w.navigation?.addEventListener('navigate', (e) =>
      w.__navigations.push((e as Event & { navigationType: string }).navigationType),
    );
  });
}

/**
 * A point after which anything the element does on its own has happened: its update is done, the load, `pageshow`
 * and an idle callback have passed, and then a marker script from the tracker was requested and ran. A gated tag
 * the element released would have been requested before the marker.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(async () => {
    await document.querySelector('cookie-consent-banner')!.updateComplete;
    // WebKit has no requestIdleCallback: a frame is its nearest point.
    await new Promise((resolve) => (window.requestIdleCallback ?? requestAnimationFrame)(resolve));
    const marker = document.createElement('script');
    marker.src = 'https://tracker.test/marker.js';
    const loaded = new Promise((resolve, reject) => {
      marker.onload = resolve;
      marker.onerror = reject;
    });
    document.head.append(marker);
    await loaded;
  });
}

for (const { name, fixture, version } of PAGES) {
  test.describe(name, () => {
    test(`${name}: the banner shows in Turkish, accepting stores the choice, and React’s handler hears consent-change`, async ({
      page,
    }) => {
      const hits = await tracker(page);
      await serveSite(page, sites.get(fixture)!, fixture);
      await page.goto(`/${fixture}/`);

      const region = page.getByRole('region', { name: tr.banner.heading });
      await expect(region).toBeVisible();
      expect((await react(page)).version).toMatch(version);
      await expect(region).toContainText(SEED_NOTICE[0]);
      await expect(region.getByRole('link', { name: tr.banner.policyLink })).toHaveAttribute(
        'href',
        /\/cerez-politikasi$/,
      );
      const consent = (await dataLayer(page)).filter((e) => e.args?.[0] === 'consent');
      expect(
        consent.map((e) => e.args?.[1]),
        'consentMode: the default is pushed',
      ).toEqual(['default']);
      await region.getByRole('button', { name: tr.banner.acceptAll }).click();
      await expect(region).toBeHidden();
      // launcher: the way back to the preferences stays on the page.
      await expect(page.getByRole('button', { name: tr.launcher.label, exact: true })).toBeVisible();

      expect((await consentCookie(page))?.record).toMatchObject({
        m: 'a',
        r: 1,
        c: { functional: 1, analytics: 1, marketing: 1 },
      });
      // A clicked grant is told (consent-change) just after the next paint.
      await afterPaint(page);
      const { heard } = await react(page);
      expect(heard).toHaveLength(1);
      expect(heard[0]).toMatchObject({ source: 'banner', consent: { method: 'accept-all' } });
      // The gated marketing tag runs once the visitor has accepted.
      await expect.poll(() => hits).toContain('ads.js');
    });

    test(`${name}: revision, consentMode, categories and reloadOnWithdraw as props: a stale grant is not honoured`, async ({
      page,
    }) => {
      const hits = await tracker(page);
      await storedGrant(page);
      await recordEvents(page);
      await recordNavigations(page);
      let loads = 0;
      page.on('load', () => loads++);
      await serveSite(page, sites.get(fixture)!, fixture);
      await page.goto(`/${fixture}/?late`);

      // The choice was made under revision 1; the page runs under revision 2: the visitor is asked again.
      const region = page.getByRole('region', { name: tr.banner.heading });
      await expect(region).toBeVisible();
      expect((await react(page)).version).toMatch(version);
      await settled(page);

      expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.consent)).toBeNull();
      expect(hits, 'no gated tag ran before the marker').toEqual(['marker.js']);
      const consent = (await dataLayer(page)).filter((e) => e.args?.[0] === 'consent');
      expect(consent[0]?.args?.slice(0, 2), 'Consent Mode starts with its default').toEqual(['consent', 'default']);
      expect(consent[0]?.args?.[2]).toMatchObject({
        ad_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
        analytics_storage: 'denied',
        functionality_storage: 'denied',
        personalization_storage: 'denied',
        security_storage: 'granted',
      });
      expect(consent.slice(1), 'no update: nothing changed').toEqual([]);
      expect(await events(page, 'consent-change')).toEqual([]);
      expect((await react(page)).heard).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __navigations: string[] }).__navigations)).toEqual([]);
      expect(loads).toBe(1);

      // The visitor's new choice is stored under revision 2, and only now does the marketing tag run.
      await region.getByRole('button', { name: tr.banner.acceptAll }).click();
      await expect(region).toBeHidden();
      expect((await consentCookie(page))?.record).toMatchObject({ m: 'a', r: 2 });
      // A clicked grant is told (consent-change) just after the next paint.
      await afterPaint(page);
      expect((await react(page)).heard).toMatchObject([{ source: 'banner', consent: { revision: '2' } }]);
      await expect.poll(() => hits).toContain('ads.js');
      expect(loads).toBe(1);
    });
  });
}

test.describe('Vue 3', () => {
  const vue = (page: Page) =>
    page.evaluate(() => (window as unknown as { __vue: { version: string; heard: Heard[] } }).__vue);

  test('Vue 3: the banner shows in Turkish, accepting stores the choice, and the @consent-change handler hears it', async ({
    page,
  }) => {
    const hits = await tracker(page);
    await serveSite(page, sites.get('vue')!, 'vue');
    await page.goto('/vue/');
    const region = page.getByRole('region', { name: tr.banner.heading });
    await expect(region).toBeVisible();
    expect((await vue(page)).version).toMatch(/^3\./);
    await expect(region).toContainText(SEED_NOTICE[0]);
    const consent = (await dataLayer(page)).filter((e) => e.args?.[0] === 'consent');
    expect(
      consent.map((e) => e.args?.[1]),
      ':consent-mode="true": the default is pushed',
    ).toEqual(['default']);
    await region.getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect(region).toBeHidden();
    await expect(page.getByRole('button', { name: tr.launcher.label, exact: true })).toBeVisible();
    expect((await consentCookie(page))?.record).toMatchObject({ m: 'a', c: { marketing: 1 } });
    // A clicked grant is told (consent-change) just after the next paint.
    await afterPaint(page);
    expect((await vue(page)).heard).toMatchObject([{ source: 'banner', consent: { method: 'accept-all' } }]);
    await expect.poll(() => hits).toContain('ads.js');
  });

  test('Vue 3: revision and the rest as bound props: a stale grant is not honoured, no gated tag runs', async ({
    page,
  }) => {
    const hits = await tracker(page);
    await storedGrant(page);
    await serveSite(page, sites.get('vue')!, 'vue');
    await page.goto('/vue/?late');
    const region = page.getByRole('region', { name: tr.banner.heading });
    await expect(region).toBeVisible();
    await settled(page);
    expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.consent)).toBeNull();
    expect(hits, 'no gated tag ran before the marker').toEqual(['marker.js']);
    await region.getByRole('button', { name: tr.banner.acceptAll }).click();
    expect((await consentCookie(page))?.record).toMatchObject({ m: 'a', r: 2 });
    // A clicked grant is told (consent-change) just after the next paint.
    await afterPaint(page);
    expect((await vue(page)).heard).toMatchObject([{ source: 'banner', consent: { revision: '2' } }]);
  });
});

test('Svelte 5: the banner shows in Turkish, accepting stores the choice, and the on:consent-change handler hears it', async ({
  page,
}) => {
  const hits = await tracker(page);
  await serveSite(page, sites.get('svelte')!, 'svelte');
  await page.goto('/svelte/');
  const region = page.getByRole('region', { name: tr.banner.heading });
  await expect(region).toBeVisible();
  const svelte = () =>
    page.evaluate(() => (window as unknown as { __svelte: { version: string; heard: Heard[] } }).__svelte);
  expect((await svelte()).version).toMatch(/^5\./);
  await expect(region).toContainText(SEED_NOTICE[0]);
  const consent = (await dataLayer(page)).filter((e) => e.args?.[0] === 'consent');
  expect(
    consent.map((e) => e.args?.[1]),
    'consent-mode: the default is pushed',
  ).toEqual(['default']);
  await region.getByRole('button', { name: tr.banner.acceptAll }).click();
  await expect(region).toBeHidden();
  await expect(page.getByRole('button', { name: tr.launcher.label, exact: true })).toBeVisible();
  expect((await consentCookie(page))?.record).toMatchObject({ m: 'a', c: { marketing: 1 } });
  // A clicked grant is told (consent-change) just after the next paint.
  await afterPaint(page);
  expect((await svelte()).heard).toMatchObject([{ source: 'banner', consent: { method: 'accept-all' } }]);
  await expect.poll(() => hits).toContain('ads.js');
});
