/**
 * COMPLIANCE.md §2, EU (GDPR, ePrivacy Art. 5(3), EDPB, CNIL): one test (or describe) per item, titled with
 * its id. Each follows the item's "Playwright check", adapted to the product's contract (README.md).
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import tr from '../../locales/tr.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import {
  afterPaint,
  test,
  expect,
  expectBannerNotShown,
  gateSettled,
  TEST_ORIGIN,
  pageHtml,
  recordEvents,
  events,
  consentCookie,
  type PageOptions,
  tracker,
  LOCALE_CODES as CODES,
  localeJson,
  strings,
  type Json,
  textContrast as contrastOf,
} from './fixtures.js';

// Every test here fails on a page error or an unexpected console error (the fixture's check).
test.beforeEach(({ warnings }) => void warnings);

const OPTIONAL = ['functional', 'analytics', 'marketing'] as const;
const NONE = { necessary: true, functional: false, analytics: false, marketing: false };
const ALL = { necessary: true, functional: true, analytics: true, marketing: true };
const DAY = 86_400;

type Locale = {
  banner: Record<string, string>;
  preferences: Record<string, string>;
  categories: Record<string, { name: string; description: string }>;
  language: Record<string, string>;
};
const locale = (code: string): Locale => localeJson(code) as unknown as Locale;

const GATED = `
  <script type="text/plain" data-consent-category="analytics" src="https://tracker.test/analytics.js"></script>
  <script type="text/plain" data-consent-category="marketing" src="https://tracker.test/ads.js"></script>
  <iframe title="Reklam" data-consent-category="marketing" data-src="https://tracker.test/frame.html"></iframe>`;
const LINKS = Array.from({ length: 60 }, (_, i) => `<p><a href="#l${i}" id="l${i}">Link ${i + 1}</a></p>`).join('');
/** The host page of COMPLIANCE §0: banner first, a skip link, a long <main>, a footer; gated tags. */
const host = (attrs = '', inner = ''): PageOptions => ({
  noElement: true,
  head: '<style>main p { margin: 0 0 2.5rem }</style>',
  after: `<cookie-consent-banner policy-url="/cerez-politikasi" ${attrs}>${inner}</cookie-consent-banner>
    <a href="#main">Skip to content</a>
    <main id="main"><h1>News</h1>${LINKS}</main>
    <footer><a href="/test/host-2.html" id="next">Next page</a>
      <a href="#cookies" data-consent-open id="cookie-settings">Cookie settings</a></footer>
    ${GATED}`,
});

/** Serves host.html and host-2.html with the same markup (routes added later win). */
async function serveHost(page: Page, options: PageOptions): Promise<void> {
  for (const path of ['/test/host.html', '/test/host-2.html']) {
    const body = pageHtml({ ...options, path });
    await page.route(`**${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  }
}

async function openHost(
  page: Page,
  attrs = '',
  inner = '',
  extra: Partial<PageOptions> = {},
  l: Locale = tr,
): Promise<Locator> {
  await serveHost(page, { ...host(attrs, inner), ...extra });
  await page.goto('/test/host.html');
  const region = banner(page, l);
  await expect(region).toBeVisible();
  return region;
}

const banner = (page: Page, l: Locale = tr) => page.getByRole('region', { name: l.banner.heading, exact: true });
const dialog = (page: Page, l: Locale = tr) => page.getByRole('dialog', { name: l.preferences.heading });
const element = (page: Page) => page.locator('cookie-consent-banner');
const categoryRow = (page: Page, name: string) =>
  dialog(page)
    .locator('[part="category"]')
    .filter({ has: page.getByRole('switch', { name, exact: true }) });

type Consent = {
  categories: Record<string, boolean>;
  method: string;
  revision: string;
  timestamp: string;
  language: string;
  id: string;
  gpc: boolean;
};
type Detail = { consent: Consent | null; withdrawn?: string[] };
const lastChange = async (page: Page) => (await events(page, 'consent-change')).at(-1)?.detail as Detail | undefined;
/** Every optional category that any recorded consent-ready or consent-change grants. */
async function granted(page: Page): Promise<string[]> {
  const all = [...(await events(page, 'consent-ready')), ...(await events(page, 'consent-change'))];
  return all.flatMap((e) =>
    Object.entries((e.detail as Detail).consent?.categories ?? {})
      .filter(([id, on]) => id !== 'necessary' && on)
      .map(([id]) => id),
  );
}
const consentProperty = (page: Page) =>
  page.evaluate(() => document.querySelector('cookie-consent-banner')!.consent) as Promise<Consent | null>;

/** A record as the product stores it, for seeding a returning visitor. */
function storedRecord(fields: Record<string, unknown>): string {
  return encodeURIComponent(
    JSON.stringify({
      v: 1,
      id: 'q3Jf-9xZ2mLp',
      ts: Math.floor(Date.now() / 1000),
      rev: 1,
      lang: 'tr',
      m: 'a',
      cats: { necessary: 1, functional: 1, analytics: 1, marketing: 1 },
      ...fields,
    }),
  );
}
async function seed(page: Page, fields: Record<string, unknown>): Promise<void> {
  const url = `${TEST_ORIGIN}/`;
  await page.context().addCookies([{ name: 'cookie_consent', value: storedRecord(fields), url }]);
}

test('EU-1: before a choice nothing is stored on the device; after it, only the consent cookie', async ({ page }) => {
  const hits = await tracker(page);
  const region = await openHost(page);
  const storage = () =>
    page.evaluate(async () => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      caches: (await caches.keys()).length,
    }));
  const empty = { cookie: '', local: 0, session: 0, idb: 0, workers: 0, caches: 0 };
  await gateSettled(page);
  expect(await storage()).toEqual(empty);
  expect(await page.context().cookies()).toEqual([]);
  expect(hits).toEqual([]);
  expect(await page.locator('iframe').getAttribute('src')).toBeNull();

  await region.getByRole('button', { name: tr.banner.rejectAll, exact: true }).click();
  await expect(region).toBeHidden();
  await gateSettled(page);
  expect((await page.context().cookies()).map((c) => c.name)).toEqual(['cookie_consent']);
  expect({ ...(await storage()), cookie: '' }).toEqual(empty);
  // Tags of categories without consent stay inert.
  expect(hits).toEqual([]);
  expect(await page.locator('iframe').getAttribute('src')).toBeNull();
});

test.describe('EU-2: only an affirmative act is consent, never silence, scrolling or browsing on', () => {
  const actions: [string, (page: Page, region: Locator) => Promise<void>][] = [
    ['the X', (_page, region) => region.getByRole('button', { name: en.banner.close, exact: true }).click()],
    [
      'Escape in the banner',
      async (page, region) => {
        await region.getByRole('button', { name: en.banner.acceptAll, exact: true }).focus();
        await page.keyboard.press('Escape');
      },
    ],
    [
      'scrolling',
      async (page) => {
        await page.mouse.move(640, 200);
        await page.mouse.wheel(0, 3000);
        await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
      },
    ],
    [
      'clicking a page link',
      async (page) => {
        await page.locator('main a').nth(3).click();
        await expect(page).toHaveURL(/#l3$/);
      },
    ],
    ['a reload', (page) => page.reload().then(() => undefined)],
    ['navigating to another page', (page) => page.goto('/test/host-2.html').then(() => undefined)],
    ['30 minutes passing', (page) => page.clock.fastForward('30:00')],
  ];
  for (const [name, act] of actions) {
    test(`EU-2: ${name} grants nothing (English banner)`, async ({ page }) => {
      const hits = await tracker(page);
      await recordEvents(page);
      await page.clock.install();
      const region = await openHost(page, '', '', { htmlLang: 'en' }, en);
      await act(page, region);
      await gateSettled(page);
      expect(await granted(page)).toEqual([]);
      const cookie = await consentCookie(page);
      if (cookie) expect(cookie.record).toMatchObject({ m: 'x', c: { functional: 0, analytics: 0, marketing: 0 } });
      else await expect(banner(page, en)).toBeVisible();
      expect(hits).toEqual([]);
    });
  }

  test('EU-2: there is no attribute or property for implied consent', async ({ page }) => {
    const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8')) as {
      modules: {
        declarations?: { tagName?: string; attributes?: { name: string }[]; members?: { name: string }[] }[];
      }[];
    };
    const declaration = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .find((d) => d.tagName === 'cookie-consent-banner')!;
    const names = [...(declaration.attributes ?? []), ...(declaration.members ?? [])].map((a) => a.name);
    expect(names.length).toBeGreaterThan(10);
    const implied = /implied|implicit|scroll(?!-?padding)|on-?scroll|continu|navigat|timeout|auto-?accept|dismiss/i;
    expect(names.filter((n) => implied.test(n))).toEqual([]);
    await openHost(page);
    const observed = await page.evaluate(
      () =>
        (customElements.get('cookie-consent-banner') as unknown as { observedAttributes: string[] }).observedAttributes,
    );
    expect(observed.filter((n) => implied.test(n))).toEqual([]);
  });
});

test.describe('EU-3: reject is a first-layer button, inside the banner frame, in every shipped locale', () => {
  for (const code of CODES) {
    test(`EU-3: reject is a first-layer button inside the banner frame (${code})`, async ({ page }) => {
      const l = locale(code);
      await serveHost(page, host(`lang="${code}"`));
      await page.goto('/test/host.html');
      const region = banner(page, l).and(page.locator(`[lang="${code}"]`));
      await expect(region).toBeVisible();
      const reject = region.getByRole('button', { name: l.banner.rejectAll, exact: true });
      const accept = region.getByRole('button', { name: l.banner.acceptAll, exact: true });
      expect(await reject.evaluate((b) => [b.tagName, b.closest('[part="actions"]') !== null])).toEqual([
        'BUTTON',
        true,
      ]);
      // Wide and narrow: both buttons in view, inside the banner, with no scroll or expand step.
      for (const [width, height] of [
        [1280, 720],
        [320, 640],
      ] as const) {
        await page.setViewportSize({ width, height });
        const frame = (await region.boundingBox())!;
        for (const button of [reject, accept]) {
          await expect(button, `${code} ${width}px`).toBeInViewport({ ratio: 1 });
          const box = (await button.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(frame.x - 1);
          expect(box.y).toBeGreaterThanOrEqual(frame.y - 1);
          expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
          expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
        }
      }
      // No refusal hidden as a link in the text.
      const links = await region.locator('p a').allInnerTexts();
      for (const text of links) {
        expect(text).not.toMatch(/reddet|reject|without accepting|kabul etmeden/i);
        expect(text.trim()).not.toBe(l.banner.rejectAll);
        expect(text.trim()).not.toBe(l.banner.close);
      }
    });
  }
});

test.describe('EU-4: no nudging by colour, contrast, size or order', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`EU-4: accept and reject look the same, each ≥ 4.5:1 (${theme} theme)`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      const region = await openHost(page);
      const buttons = region.locator('[part="actions"] button');
      const looks = await buttons.evaluateAll((bs) =>
        bs.map((b) => {
          const s = getComputedStyle(b);
          const r = b.getBoundingClientRect();
          return {
            text: b.textContent!.trim(),
            width: r.width,
            height: r.height,
            style: [
              s.fontSize,
              s.fontWeight,
              s.fontFamily,
              s.padding,
              s.borderTopWidth,
              s.borderTopStyle,
              s.borderRadius,
              s.backgroundColor,
              s.color,
              s.borderTopColor,
              s.textDecorationLine,
              s.opacity,
            ],
          };
        }),
      );
      // A fixed order: reject, accept, preferences.
      expect(looks.map((l) => l.text)).toEqual([tr.banner.rejectAll, tr.banner.acceptAll, tr.banner.preferences]);
      const [reject, accept] = looks;
      expect(Math.abs(reject!.width - accept!.width)).toBeLessThanOrEqual(2);
      expect(Math.abs(reject!.height - accept!.height)).toBeLessThanOrEqual(2);
      expect(reject!.style).toEqual(accept!.style);
      for (const name of [tr.banner.rejectAll, tr.banner.acceptAll]) {
        expect(await contrastOf(region.getByRole('button', { name, exact: true }))).toBeGreaterThanOrEqual(4.5);
      }
      // The dialog's buttons too.
      await region.getByRole('button', { name: tr.banner.preferences, exact: true }).click();
      const dialogButtons = dialog(page).locator('[part="preferences-actions"] button');
      await expect(dialogButtons).toHaveText([tr.banner.rejectAll, tr.banner.acceptAll, tr.preferences.save]);
      const dialogStyles = await dialogButtons.evaluateAll((bs) =>
        bs.map((b) => {
          const s = getComputedStyle(b);
          return [s.fontSize, s.fontWeight, s.padding, s.backgroundColor, s.color, s.borderTopWidth].join('|');
        }),
      );
      expect(new Set(dialogStyles).size).toBe(1);
    });
  }

  test('EU-4: focus is never on Accept at load, and Enter straight after load grants nothing', async ({ page }) => {
    await recordEvents(page);
    const region = await openHost(page);
    const deep = () =>
      page.evaluate(() => {
        let a = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a?.tagName + ':' + (a?.textContent?.trim() ?? '');
      });
    expect(await deep()).not.toContain(tr.banner.acceptAll);
    expect((await deep()).startsWith('BODY')).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await expect(region).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);
    expect(await granted(page)).toEqual([]);
    // The first Tab reaches the banner, not Accept first.
    await page.keyboard.press('Tab');
    const focused = region.locator(':focus');
    await expect(focused).toHaveCount(1);
    await expect(focused).not.toHaveAccessibleName(tr.banner.acceptAll);
  });
});

test('EU-5: no pre-ticked box at any layer, vendor level included', async ({ page }) => {
  const table = JSON.stringify({
    analytics: [{ name: '_ga', provider: 'Google', purpose: 'İstatistik', duration: '2 yıl', country: 'ABD' }],
    marketing: [{ name: '_fbp', provider: 'Meta', purpose: 'Reklam', duration: '3 ay', country: 'İrlanda' }],
  });
  const region = await openHost(page, '', `<script type="application/json" data-cookies>${table}</script>`);
  await expect(region.locator('input')).toHaveCount(0);
  await region.getByRole('button', { name: tr.banner.preferences, exact: true }).click();
  const prefs = dialog(page);
  for (const id of OPTIONAL) {
    await expect(prefs.getByRole('switch', { name: tr.categories[id].name })).not.toBeChecked();
  }
  // Vendors are listed, never switched on one by one: no control in the tables could be pre-ticked.
  for (const id of ['analytics', 'marketing'] as const) {
    const row = categoryRow(page, tr.categories[id].name);
    await row.getByText(tr.inventory.show_one.replace('{{count}}', '1'), { exact: true }).click();
    await expect(row.locator('[part="cookie-table"]')).toBeVisible();
  }
  await expect(prefs.locator('[part="cookie-table"]')).toHaveCount(2);
  await expect(prefs.locator('[part="cookie-table"] input, [part="cookie-table"] [role="switch"]')).toHaveCount(0);
  const checked = prefs.getByRole('switch', { checked: true });
  await expect(checked).toHaveCount(1);
  await expect(checked).toHaveAccessibleName(tr.categories.necessary.name);
  await expect(prefs.locator('input:checked')).toHaveCount(1);
});

test.describe('EU-6: no "legitimate interest" track for cookies', () => {
  test('EU-6: an entry with basis "legitimate_interest" is an error and still needs consent', async ({
    page,
    allowErrors,
  }) => {
    allowErrors.push(/CEREZ_NO_LEGITIMATE_INTEREST/);
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    const hits = await tracker(page);
    const table = JSON.stringify({
      marketing: [{ name: '_gcl_au', provider: 'Google Ads', basis: 'legitimate_interest' }],
    });
    const region = await openHost(page, '', `<script type="application/json" data-cookies>${table}</script>`);
    await expect.poll(() => errors.filter((e) => e.includes('CEREZ_NO_LEGITIMATE_INTEREST'))).toHaveLength(1);
    expect(errors[0]).toContain('_gcl_au');
    await region.getByRole('button', { name: tr.banner.preferences, exact: true }).click();
    const prefs = dialog(page);
    // No legitimate-interest section, toggle or objection list: one consent switch per category.
    await expect(prefs.getByRole('switch')).toHaveCount(4);
    await expect(prefs.locator('[part="preferences-actions"] button')).toHaveCount(3);
    await expect(prefs.getByRole('switch', { name: tr.categories.marketing.name })).not.toBeChecked();
    await prefs.getByRole('button', { name: tr.preferences.save, exact: true }).click();
    expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('marketing'))).toBe(
      false,
    );
    await gateSettled(page);
    expect(hits).toEqual([]);
  });

  test('EU-6: no locale says "legitimate interest"', () => {
    const li =
      /meşru menfaat|legitimate interest|intérêt légitime|berechtigte[sn]? interesse|interés legítimo|legittimo interesse|gerechtvaardigd belang|prawnie uzasadnion|законн\S* интерес|законн\S* інтерес|مصلحة مشروعة|منافع مشروع|qanuni maraq|έννομ\S* συμφέρ/i;
    for (const code of CODES) {
      for (const [key, text] of strings(localeJson(code))) expect(text, `${code}:${key}`).not.toMatch(li);
    }
  });
});

test('EU-7: necessary cookies are inventoried and shown with purpose and duration (cookies property)', async ({
  page,
}) => {
  const region = await openHost(page);
  const necessary = [
    {
      name: 'oturum',
      provider: 'Site',
      purpose: 'Oturumu sürdürür',
      duration: 'Oturum',
      country: 'Türkiye',
      criterion: 'B',
      justification: 'Giriş yapan ziyaretçinin isteği.',
    },
    {
      name: 'cookie_consent',
      provider: 'Site',
      purpose: 'Çerez seçiminizi hatırlar',
      duration: '182 gün',
      country: 'Türkiye',
      criterion: 'B',
      justification: 'Seçimi saklamak için.',
    },
  ];
  await page.evaluate((list) => {
    document.querySelector('cookie-consent-banner')!.cookies = { necessary: list } as never;
  }, necessary);
  await region.getByRole('button', { name: tr.banner.preferences, exact: true }).click();
  const row = categoryRow(page, tr.categories.necessary.name);
  await row.getByText(tr.inventory.show_other.replace('{{count}}', '2')).click();
  for (const cookie of necessary) {
    const tableRow = row.locator('[part="cookie-table"] tbody tr').filter({ hasText: cookie.name });
    await expect(tableRow).toBeVisible();
    await expect(tableRow).toContainText(cookie.purpose);
    await expect(tableRow).toContainText(cookie.duration);
  }
});

test.describe('EU-8: the banner says what it is about, the purposes, how to consent and how to withdraw', () => {
  test('EU-8: heading, purpose titles, the three choices and the withdrawal sentence; a description per purpose', async ({
    page,
  }) => {
    const region = await openHost(page);
    await expect(region.getByRole('heading', { name: tr.banner.heading })).toBeVisible();
    expect(tr.banner.heading).toMatch(/çerez/i);
    for (const id of OPTIONAL) await expect(region.locator('[part="purposes"]')).toContainText(tr.categories[id].name);
    for (const name of [tr.banner.rejectAll, tr.banner.acceptAll, tr.banner.preferences]) {
      await expect(region.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(region.getByText(tr.banner.withdraw)).toBeVisible();
    expect(tr.banner.withdraw).toMatch(/istediğiniz zaman/);
    expect(en.banner.withdraw).toMatch(/at any time/);
    await region.getByRole('button', { name: tr.banner.preferences, exact: true }).click();
    const descriptions = await dialog(page).locator('[part="category-description"]').allInnerTexts();
    expect(descriptions).toHaveLength(4);
    for (const d of descriptions) expect(d.trim().length).toBeGreaterThan(10);
  });

  test('EU-8: a site’s own purpose titles appear on the first layer', async ({ page }) => {
    const texts = JSON.stringify({
      tr: { categories: { video: { name: 'Video oynatıcı', description: 'YouTube videolarını gösterir.' } } },
    });
    const region = await openHost(
      page,
      'categories="analytics video"',
      `<script type="application/json">${texts}</script>`,
    );
    const purposes = region.locator('[part="purposes"]');
    await expect(purposes).toContainText(tr.categories.analytics.name);
    await expect(purposes).toContainText('Video oynatıcı');
    await expect(purposes).not.toContainText(tr.categories.marketing.name);
  });

  test('EU-8: every locale has the heading, purpose line, withdrawal sentence and each purpose’s description', () => {
    for (const code of CODES) {
      const l = locale(code);
      for (const key of ['heading', 'purposes', 'withdraw', 'rejectAll', 'acceptAll', 'preferences']) {
        expect(l.banner[key]?.trim(), `${code}: banner.${key}`).toBeTruthy();
      }
      for (const id of ['necessary', ...OPTIONAL]) {
        expect(l.categories[id]?.name.trim(), `${code}: ${id}.name`).toBeTruthy();
        expect(l.categories[id]?.description.trim(), `${code}: ${id}.description`).toBeTruthy();
      }
    }
  });
});

test('EU-9: withdrawal is as easy as consent, from a launcher in the same place on every page', async ({ page }) => {
  await tracker(page);
  await recordEvents(page);
  const table = JSON.stringify({ analytics: ['_trk_analytics'], marketing: ['_trk_ads'] });
  const region = await openHost(page, 'launcher', `<script type="application/json" data-cookies>${table}</script>`);
  await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
  await expect.poll(async () => (await page.context().cookies()).length).toBe(3);
  const launcher = page.getByRole('button', { name: tr.launcher.label, exact: true });
  const boxes = [];
  for (const path of ['/test/host.html', '/test/host-2.html']) {
    await page.goto(path);
    await expect(launcher).toBeVisible();
    await expect(launcher).toBeInViewport();
    boxes.push((await launcher.boundingBox())!);
  }
  for (const key of ['x', 'y', 'width', 'height'] as const) {
    expect(Math.abs(boxes[0]![key] - boxes[1]![key])).toBeLessThanOrEqual(2);
  }
  // It stays put when the page scrolls.
  await page.mouse.move(640, 200);
  await page.mouse.wheel(0, 2000);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
  expect(Math.abs((await launcher.boundingBox())!.y - boxes[1]!.y)).toBeLessThanOrEqual(2);

  // Granting took one click; withdrawing takes two: the launcher, then "Tümünü reddet".
  await launcher.click();
  await dialog(page).getByRole('button', { name: tr.banner.rejectAll, exact: true }).click();
  await expect(dialog(page)).toBeHidden();
  expect((await lastChange(page))?.consent?.categories).toEqual(NONE);
  expect((await lastChange(page))?.withdrawn).toEqual(['functional', 'analytics', 'marketing']);
  expect((await page.context().cookies()).map((c) => c.name)).toEqual(['cookie_consent']);
});

test.describe('EU-10: no cookie wall, and no "accept to continue" framing', () => {
  test('EU-10: the page stays usable while the banner shows, and after a refusal', async ({ page }) => {
    const hits = await tracker(page);
    const region = await openHost(page);
    await page.locator('main a').first().click();
    await expect(page).toHaveURL(/#l0$/);
    expect(await page.evaluate(() => getComputedStyle(document.body).overflow)).not.toBe('hidden');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).not.toBe('hidden');
    // The banner's host does not cover the page: points above it reach the page.
    const hit = await page.evaluate(() => document.elementFromPoint(100, 100)?.localName);
    expect(hit).not.toBe('cookie-consent-banner');
    await region.getByRole('button', { name: tr.banner.rejectAll, exact: true }).click();
    await expect(page.locator('main')).toBeVisible();
    await page.locator('main a').nth(5).click();
    await expect(page).toHaveURL(/#l5$/);
    await gateSettled(page);
    expect(hits).toEqual([]);
  });

  test('EU-10: no locale string makes consent a condition of using the site', () => {
    const wall =
      /devam etmek için kabul|to continue.*accept|by (continuing|using)|kullanmaya devam ederek|en continuant|en poursuivant|durch (die )?(weitere )?nutzung|wenn sie fortfahren|al continuar|continuando a navigare|door verder te gaan|kontynuując|продолжая|продовжуючи|باستمرارك|با ادامه|davam etməklə|συνεχίζοντας/i;
    for (const code of CODES) {
      for (const [key, text] of strings(localeJson(code))) expect(text, `${code}:${key}`).not.toMatch(wall);
    }
  });
});

test('EU-11: each decision is a proof-of-consent record, in the cookie, the event and the receipt', async ({
  page,
}) => {
  await tracker(page);
  await recordEvents(page);
  const receipts: unknown[] = [];
  await page.route('**/consent-receipts', async (route) => {
    receipts.push(route.request().postDataJSON());
    await route.fulfill({ status: 204 });
  });
  const region = await openHost(page, 'revision="r1" receipt-url="/consent-receipts"');
  expect(receipts).toEqual([]);
  await region.getByRole('button', { name: tr.banner.rejectAll, exact: true }).click();
  await afterPaint(page);
  const detail = (await lastChange(page))!;
  expect(detail.consent).toMatchObject({
    revision: 'r1',
    method: 'reject-all',
    language: 'tr',
    gpc: false,
    categories: NONE,
  });
  expect(detail.consent!.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  expect(Math.abs(Date.parse(detail.consent!.timestamp) - Date.now())).toBeLessThan(60_000);
  expect(detail.consent!.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
  expect(await consentProperty(page)).toEqual(detail.consent);
  const cookie = (await consentCookie(page))!;
  expect(cookie.record).toEqual({
    id: detail.consent!.id,
    t: Date.parse(detail.consent!.timestamp) / 1000,
    r: 'r1',
    l: 'tr',
    m: 'r',
    c: { functional: 0, analytics: 0, marketing: 0 },
  });
  await expect.poll(() => receipts.length).toBe(1);
  expect(receipts[0]).toMatchObject({ id: detail.consent!.id, revision: 'r1', method: 'reject-all' });

  // A new revision does not ask again a visitor who refused everything (their refusal lasts refusal-expires)…
  await page.evaluate(() => document.querySelector('cookie-consent-banner')!.setAttribute('revision', 'r2'));
  await expectBannerNotShown(element(page));
  expect(await consentProperty(page)).toEqual(detail.consent);
  // …but asks one who allowed something: in place (with a consent-change to null) and on the next page.
  await page.evaluate(() => document.querySelector('cookie-consent-banner')!.acceptAll());
  expect((await lastChange(page))?.consent).toMatchObject({ revision: 'r2', method: 'accept-all' });
  await page.evaluate(() => document.querySelector('cookie-consent-banner')!.setAttribute('revision', 'r3'));
  await expect(region).toBeVisible();
  expect((await lastChange(page))?.consent).toBeNull();
  await serveHost(page, host('revision="r3"'));
  await page.goto('/test/host-2.html');
  await expect(banner(page)).toBeVisible();
  expect((await events(page, 'consent-ready'))[0]?.detail).toEqual({ consent: null });
});

test.describe('EU-12: consent lifetime: 182 days by default, at most 395, refusals kept as long', () => {
  for (const choice of [tr.banner.acceptAll, tr.banner.rejectAll]) {
    test(`EU-12: “${choice}” is kept for 182 days`, async ({ page }) => {
      await tracker(page);
      const region = await openHost(page);
      const before = Date.now() / 1000;
      await region.getByRole('button', { name: choice, exact: true }).click();
      const cookie = (await consentCookie(page))!;
      expect(Math.abs(cookie.expires - (before + 182 * DAY))).toBeLessThan(DAY);
    });
  }

  test('EU-12: cookie-expires="1000" is clamped to 395 days', async ({ page, warnings }) => {
    await tracker(page);
    const region = await openHost(page, 'cookie-expires="1000"');
    const before = Date.now() / 1000;
    await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
    const cookie = (await consentCookie(page))!;
    expect(cookie.expires - before).toBeLessThanOrEqual(395 * DAY + 60);
    expect(cookie.expires - before).toBeGreaterThan(394 * DAY);
    await expect.poll(() => warnings.some((w) => w.includes('cookie-expires'))).toBe(true);
  });

  test('EU-12: a record older than its lifetime is asked again; a younger one holds', async ({ page }) => {
    await tracker(page);
    await recordEvents(page);
    await seed(page, { ts: Math.floor(Date.now() / 1000) - 200 * DAY });
    await openHost(page);
    expect((await events(page, 'consent-ready'))[0]?.detail).toEqual({ consent: null });

    await seed(page, {
      ts: Math.floor(Date.now() / 1000) - 100 * DAY,
      m: 'r',
      cats: { necessary: 1, functional: 0, analytics: 0, marketing: 0 },
    });
    await page.goto('/test/host-2.html');
    await expectBannerNotShown(element(page));
    expect(((await events(page, 'consent-ready'))[0]?.detail as Detail).consent?.categories).toEqual(NONE);

    // The same 100-day-old refusal under refusal-expires="30" has expired (cookie-expires does not end a refusal).
    await serveHost(page, host('cookie-expires="30" refusal-expires="30"'));
    await page.goto('/test/host.html');
    await expect(banner(page)).toBeVisible();
    expect((await events(page, 'consent-ready'))[0]?.detail).toEqual({ consent: null });
  });
});

test.describe('EU-13: the X is clearly a refusal and records nothing but a refusal', () => {
  for (const l of [tr, en] as Locale[]) {
    test(`EU-13: the X says “without accepting” and stores a refusal (${l === tr ? 'tr' : 'en'})`, async ({ page }) => {
      const hits = await tracker(page);
      await recordEvents(page);
      await openHost(page, l === tr ? '' : 'lang="en"', '', {}, l);
      const close = banner(page, l).getByRole('button', { name: l.banner.close, exact: true });
      await expect(close).toHaveAccessibleName(/kabul etmeden|without accepting/i);
      await close.click();
      await expect(banner(page, l)).toBeHidden();
      await afterPaint(page);
      expect((await lastChange(page))?.consent).toMatchObject({ method: 'close-as-reject', categories: NONE });
      expect((await consentCookie(page))?.record).toMatchObject({ m: 'x' });
      await gateSettled(page);
      expect(hits).toEqual([]);
    });
  }
});

test('EU-14: consent-ready on load, consent-change only after the cookie is written, consent property agrees', async ({
  page,
}) => {
  const hits = await tracker(page);
  await recordEvents(page);
  await page.addInitScript(() => {
    const w = window as unknown as {
      __cookieAtChange: unknown[];
      __composed: boolean[];
      __input: boolean;
      __readyBeforeInput: boolean;
    };
    w.__cookieAtChange = [];
    w.__composed = [];
    w.__input = false;
    for (const type of ['pointerdown', 'keydown']) addEventListener(type, () => (w.__input = true), true);
    document.addEventListener('consent-ready', () => (w.__readyBeforeInput = !w.__input));
    document.addEventListener('consent-change', (e) => {
      const raw = document.cookie.split('; ').find((c) => c.startsWith('cookie_consent='));
      const stored = raw
        ? (JSON.parse(decodeURIComponent(raw.slice('cookie_consent='.length))) as { t: number; m: string })
        : null;
      // The record has no id without receipt-url: its time and method tell it from any earlier one.
      const consent = e.detail.consent;
      w.__cookieAtChange.push(
        stored !== null &&
          consent !== null &&
          stored.t * 1000 === Date.parse(consent.timestamp) &&
          stored.m === 'a' &&
          consent.method === 'accept-all',
      );
      w.__composed.push(e.composed && e.bubbles);
    });
  });
  const region = await openHost(page);
  const all = await events(page);
  expect(all.filter((e) => e.type.startsWith('consent-') && e.type !== 'consent-show')).toEqual([
    { type: 'consent-ready', target: 'document', detail: { consent: null } },
  ]);
  expect(await consentProperty(page)).toBeNull();
  await gateSettled(page);
  expect(hits).toEqual([]);

  await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
  // A clicked choice is told after the next paint.
  await expect.poll(async () => (await events(page, 'consent-change')).length).toBe(1);
  const change = (await lastChange(page))!;
  expect(change.consent?.categories).toEqual(ALL);
  expect(await page.evaluate(() => (window as unknown as { __cookieAtChange: boolean[] }).__cookieAtChange)).toEqual([
    true,
  ]);
  expect(await consentProperty(page)).toEqual(change.consent);
  // The event is composed and bubbles (api.spec.ts "S-13: events are composed" shows a shadow host hears it);
  // both document and window hear it.
  expect(await page.evaluate(() => (window as unknown as { __composed: boolean[] }).__composed)).toEqual([true]);
  expect(
    (await page.evaluate(() => (window as unknown as { __events: { type: string; target: string }[] }).__events))
      .filter((e) => e.type === 'consent-change')
      .map((e) => e.target),
  ).toEqual(['document', 'window']);
  // The gate runs the now-allowed tags.
  await expect.poll(() => [...hits].sort()).toEqual(['ads.js', 'analytics.js', 'frame.html']);

  await page.reload();
  const ready = await events(page, 'consent-ready');
  expect(ready).toHaveLength(1);
  expect((ready[0]!.detail as Detail).consent).toEqual(change.consent);
  expect(await page.evaluate(() => (window as unknown as { __readyBeforeInput: boolean }).__readyBeforeInput)).toBe(
    true,
  );
  expect(await consentProperty(page)).toEqual(change.consent);
});

test('EU-15: a refusal is remembered like an acceptance: no re-prompt on later pages', async ({ page }) => {
  await recordEvents(page);
  const region = await openHost(page, 'launcher');
  await region.getByRole('button', { name: tr.banner.rejectAll, exact: true }).click();
  for (const path of ['/test/host.html', '/test/host-2.html', '/test/host.html']) {
    await page.goto(path);
    await expect(page.getByRole('button', { name: tr.launcher.label, exact: true })).toBeVisible();
    await expectBannerNotShown(element(page));
    await expect(banner(page)).toHaveCount(0);
    expect(((await events(page, 'consent-ready'))[0]?.detail as Detail).consent).toMatchObject({
      method: 'reject-all',
      categories: NONE,
    });
  }
});

test.describe('EU-16: "Accept all" covers only the purposes presented; new purposes need new consent', () => {
  const texts = `<script type="application/json">${JSON.stringify({
    tr: { categories: { personalization: { name: 'Kişiselleştirme', description: 'İçeriği size göre seçer.' } } },
  })}</script>`;

  test('EU-16: a new revision with a new purpose asks again, with nothing granted', async ({ page }) => {
    await tracker(page);
    await recordEvents(page);
    const region = await openHost(page, 'revision="r1" categories="analytics marketing"', texts);
    await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
    expect((await consentCookie(page))?.record['c']).toEqual({ analytics: 1, marketing: 1 });

    await serveHost(page, host('revision="r2" categories="analytics marketing personalization"', texts));
    await page.goto('/test/host-2.html');
    await expect(banner(page)).toBeVisible();
    expect((await events(page, 'consent-ready'))[0]?.detail).toEqual({ consent: null });
    expect(
      await page.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('personalization')),
    ).toBe(false);
  });

  test('EU-16: a purpose added under the same revision is off, and the banner asks again', async ({ page }) => {
    await tracker(page);
    await recordEvents(page);
    const region = await openHost(page, 'categories="analytics marketing"', texts);
    await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
    await serveHost(page, host('categories="analytics marketing personalization"', texts));
    await page.goto('/test/host-2.html');
    await expect(banner(page)).toBeVisible();
    const ready = (await events(page, 'consent-ready'))[0]!.detail as Detail;
    expect(ready.consent?.categories).toEqual({
      necessary: true,
      analytics: true,
      marketing: true,
      personalization: false,
    });
    await banner(page).getByRole('button', { name: tr.banner.preferences, exact: true }).click();
    await expect(dialog(page).getByRole('switch', { name: 'Kişiselleştirme' })).not.toBeChecked();
  });
});

test('EU-17: the page’s language is used, the visitor can switch, and then every string switches', async ({ page }) => {
  const english = await openHost(page, '', '', { htmlLang: 'en' }, en);
  await expect(english.getByRole('button', { name: en.banner.rejectAll, exact: true })).toBeVisible();

  // English strings that must not survive a switch to Turkish (language names are the picker's own).
  const enStrings = strings(en as unknown as Json).filter(
    ([key, text]) => !key.startsWith('language.') && !text.includes('{{') && text.length > 3,
  );
  const leftovers = (snapshot: string) => enStrings.filter(([, text]) => snapshot.includes(text)).map(([k]) => k);

  await english.getByRole('combobox', { name: en.language.label }).selectOption('tr');
  const turkish = banner(page).and(page.locator('[lang="tr"]'));
  await expect(turkish).toBeVisible();
  await turkish.getByText(tr.banner.more).click();
  const bannerSnapshot = await turkish.ariaSnapshot();
  expect(leftovers(bannerSnapshot)).toEqual([]);
  for (const text of [tr.banner.rejectAll, tr.banner.acceptAll, tr.banner.preferences, tr.banner.close]) {
    expect(bannerSnapshot).toContain(text);
  }
  await turkish.getByRole('button', { name: tr.banner.preferences, exact: true }).click();
  const prefs = dialog(page);
  await expect(prefs).toHaveAttribute('lang', 'tr');
  const dialogSnapshot = await prefs.ariaSnapshot();
  expect(leftovers(dialogSnapshot)).toEqual([]);
  for (const text of [tr.preferences.save, tr.preferences.close, tr.categories.marketing.name]) {
    expect(dialogSnapshot).toContain(text);
  }
});
