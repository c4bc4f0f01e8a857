/**
 * COMPLIANCE.md §1, Turkey (KVKK): one test (or describe) per item, titled with its id.
 * Each follows the item's "Playwright check", adapted to the product's contract (README.md).
 */
import type { Locator, Page } from '@playwright/test';
import tr from '../../locales/tr.json' with { type: 'json' };
import {
  afterPaint,
  test,
  expect,
  expectBannerNotShown,
  gateSettled,
  pageHtml,
  recordEvents,
  events,
  consentCookie,
  type PageOptions,
  tracker,
  LOCALE_CODES as CODES,
  localeJson,
  strings,
  textContrast as contrastOf,
} from './fixtures.js';

// Every test here fails on a page error or an unexpected console error (the fixture's check).
test.beforeEach(({ warnings }) => void warnings);

const OPTIONAL = ['functional', 'analytics', 'marketing'] as const;
const POLICY = 'https://example.com/cerez-aydinlatma-metni';

const GATED = `
  <script type="text/plain" data-consent-category="analytics" src="https://tracker.test/analytics.js"></script>
  <script type="text/plain" data-consent-category="marketing" src="https://tracker.test/ads.js"></script>`;
const LINKS = Array.from({ length: 60 }, (_, i) => `<p><a href="#l${i}" id="l${i}">Bağlantı ${i + 1}</a></p>`).join('');
/** The host page of COMPLIANCE §0: banner first, a skip link, a long <main>, a footer; gated tags. */
const host = (attrs = '', inner = ''): PageOptions => ({
  noElement: true,
  head: '<style>main p { margin: 0 0 2.5rem }</style>',
  after: `<cookie-consent-banner policy-url="${POLICY}" ${attrs}>${inner}</cookie-consent-banner>
    <a href="#main">Ana içeriğe geç</a>
    <main id="main"><h1>Haberler</h1>${LINKS}</main>
    <footer><a href="/test/host-2.html" id="next">Sonraki sayfa</a>
      <a href="#cerez-ayarlari" data-consent-open id="cookie-settings">Çerez ayarları</a></footer>
    ${GATED}`,
});

/** Serves host.html and host-2.html with the same markup; returns nothing until a goto. */
async function serveHost(page: Page, options: PageOptions): Promise<void> {
  for (const path of ['/test/host.html', '/test/host-2.html']) {
    const body = pageHtml({ ...options, path });
    await page.route(`**${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  }
}

async function openHost(page: Page, attrs = '', inner = ''): Promise<Locator> {
  await serveHost(page, host(attrs, inner));
  await page.goto('/test/host.html');
  const region = banner(page);
  await expect(region).toBeVisible();
  return region;
}

const banner = (page: Page) => page.getByRole('region', { name: tr.banner.heading });
const dialog = (page: Page) => page.getByRole('dialog', { name: tr.preferences.heading });
const element = (page: Page) => page.locator('cookie-consent-banner');

type Detail = { consent: { categories: Record<string, boolean>; method: string } | null };
/** Every optional category that any recorded consent-ready or consent-change grants. */
async function granted(page: Page): Promise<string[]> {
  const all = [...(await events(page, 'consent-ready')), ...(await events(page, 'consent-change'))];
  return all.flatMap((e) =>
    Object.entries((e.detail as Detail).consent?.categories ?? {})
      .filter(([id, on]) => id !== 'necessary' && on)
      .map(([id]) => id),
  );
}

/** The consent cookie is absent, or refuses every optional category. */
async function expectNoGrant(page: Page, hits: string[]): Promise<void> {
  await gateSettled(page);
  expect(await granted(page)).toEqual([]);
  const cookie = await consentCookie(page);
  if (cookie) expect(cookie.record['c']).toEqual({ functional: 0, analytics: 0, marketing: 0 });
  expect(hits).toEqual([]);
  expect(
    await page.evaluate(
      (ids) => ids.filter((id) => document.querySelector('cookie-consent-banner')!.hasConsent(id)),
      [...OPTIONAL],
    ),
  ).toEqual([]);
}

test('KV-1: no non-essential cookie, storage or gated tag before an explicit choice', async ({ page }) => {
  const hits = await tracker(page);
  await recordEvents(page);
  const region = await openHost(page);
  await gateSettled(page);
  expect(await page.context().cookies()).toEqual([]);
  expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);
  expect(hits).toEqual([]);
  expect(await events(page, 'consent-change')).toEqual([]);
  expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('marketing'))).toBe(
    false,
  );

  await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
  await expect.poll(() => [...hits].sort()).toEqual(['ads.js', 'analytics.js']);
  const change = (await events(page, 'consent-change')).at(-1)!.detail as Detail;
  expect(change.consent).toMatchObject({ method: 'accept-all', categories: { marketing: true, analytics: true } });
  // The consent cookie was written only now, with the choice.
  expect((await consentCookie(page))?.record).toMatchObject({ m: 'a', c: { marketing: 1 } });
});

test.describe('KV-2: only an active, affirmative action counts', () => {
  test('KV-2: the X ("Kabul etmeden kapat") stores a refusal, never consent', async ({ page }) => {
    const hits = await tracker(page);
    await recordEvents(page);
    const region = await openHost(page);
    await region.getByRole('button', { name: tr.banner.close, exact: true }).click();
    await expect(region).toBeHidden();
    await expectNoGrant(page, hits);
    expect((await consentCookie(page))?.record).toMatchObject({ m: 'x' });
    expect((await events(page, 'consent-change')).at(-1)?.detail).toMatchObject({
      consent: { method: 'close-as-reject' },
    });
  });

  test('KV-2: Escape never grants: it does nothing on the page, and stores a refusal from inside the banner', async ({
    page,
  }) => {
    const hits = await tracker(page);
    await recordEvents(page);
    const region = await openHost(page);
    await page.keyboard.press('Escape');
    await expect(region).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);
    await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).focus();
    await page.keyboard.press('Escape');
    await expect(region).toBeHidden();
    await expectNoGrant(page, hits);
    expect((await consentCookie(page))?.record).toMatchObject({ m: 'x' });
  });

  test('KV-2: scrolling with the wheel is not consent', async ({ page }) => {
    const hits = await tracker(page);
    await recordEvents(page);
    const region = await openHost(page);
    await page.mouse.move(640, 200);
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await expect(region).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);
    await expectNoGrant(page, hits);
  });

  test('KV-2: clicking a link on the page is not consent', async ({ page }) => {
    const hits = await tracker(page);
    await recordEvents(page);
    const region = await openHost(page);
    await page.locator('main a').nth(2).click();
    await expect(page).toHaveURL(/#l2$/);
    await expect(region).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);
    await expectNoGrant(page, hits);
  });

  test('KV-2: reloading is not consent', async ({ page }) => {
    const hits = await tracker(page);
    await recordEvents(page);
    await openHost(page);
    await page.reload();
    await expect(banner(page)).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);
    await expectNoGrant(page, hits);
  });

  test('KV-2: navigating to another page is not consent', async ({ page }) => {
    const hits = await tracker(page);
    await recordEvents(page);
    await openHost(page);
    await page.goto('/test/host-2.html');
    await expect(banner(page)).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);
    await expectNoGrant(page, hits);
  });

  test('KV-2: 30 minutes passing is not consent', async ({ page }) => {
    const hits = await tracker(page);
    await recordEvents(page);
    await page.clock.install();
    const region = await openHost(page);
    await page.clock.fastForward('30:00');
    await expect(region).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);
    await expectNoGrant(page, hits);
  });
});

test.describe('KV-3: reject is on the first layer, as easy and as visible as accept', () => {
  for (const [width, height] of [
    [1280, 720],
    [320, 640],
  ] as const) {
    test(`KV-3: reject is on the first layer, as easy and as visible as accept (${width}×${height})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await recordEvents(page);
      const region = await openHost(page);
      const reject = region.getByRole('button', { name: tr.banner.rejectAll, exact: true });
      const accept = region.getByRole('button', { name: tr.banner.acceptAll, exact: true });
      const frame = (await region.boundingBox())!;
      for (const button of [reject, accept]) {
        await expect(button).toBeInViewport({ ratio: 1 });
        expect(await button.evaluate((b) => b.tagName)).toBe('BUTTON');
        const box = (await button.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(frame.x - 1);
        expect(box.y).toBeGreaterThanOrEqual(frame.y - 1);
        expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
        expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
        expect(await contrastOf(button)).toBeGreaterThanOrEqual(4.5);
      }
      const [r, a] = [(await reject.boundingBox())!, (await accept.boundingBox())!];
      expect(Math.abs(r.width - a.width)).toBeLessThanOrEqual(2);
      expect(Math.abs(r.height - a.height)).toBeLessThanOrEqual(2);
      const style = (b: Locator) =>
        b.evaluate((el) => {
          const s = getComputedStyle(el);
          return [s.fontSize, s.fontWeight, s.fontFamily, s.padding];
        });
      expect(await style(reject)).toEqual(await style(accept));

      // One activation, the same as accepting.
      await reject.click();
      await expect(region).toBeHidden();
      await afterPaint(page);
      const changes = await events(page, 'consent-change');
      expect(changes).toHaveLength(1);
      expect((changes[0]!.detail as Detail).consent?.categories).toEqual({
        necessary: true,
        functional: false,
        analytics: false,
        marketing: false,
      });
    });
  }
});

test('KV-4: no pre-ticked choices; necessary on and fixed with its reason; reopening shows the stored state', async ({
  page,
}) => {
  await tracker(page);
  const region = await openHost(page);
  // The first layer has no switches at all.
  await expect(region.getByRole('switch')).toHaveCount(0);
  await expect(region.getByRole('checkbox')).toHaveCount(0);
  await region.getByRole('button', { name: tr.banner.preferences, exact: true }).click();
  const prefs = dialog(page);
  await expect(prefs).toBeVisible();
  await expect(prefs.getByRole('switch')).toHaveCount(4);
  for (const id of OPTIONAL) {
    const sw = prefs.getByRole('switch', { name: tr.categories[id].name });
    await expect(sw).not.toBeChecked();
    await expect(sw).toBeEnabled();
  }
  const necessary = prefs.getByRole('switch', { name: tr.categories.necessary.name });
  await expect(necessary).toBeChecked();
  await expect(necessary).toBeDisabled();
  const necessaryRow = prefs
    .locator('[part="category"]')
    .filter({ has: page.getByRole('switch', { name: tr.categories.necessary.name }) });
  await expect(necessaryRow).toContainText(tr.categories.necessary.description);
  await expect(necessaryRow).toContainText(tr.preferences.alwaysOn);

  await prefs.getByRole('switch', { name: tr.categories.analytics.name }).check();
  await prefs.getByRole('button', { name: tr.preferences.save, exact: true }).click();
  await expect(prefs).toBeHidden();
  await page.reload();
  await expectBannerNotShown(element(page));
  await page.locator('#cookie-settings').click();
  await expect(prefs).toBeVisible();
  await expect(prefs.getByRole('switch', { name: tr.categories.analytics.name })).toBeChecked();
  await expect(prefs.getByRole('switch', { name: tr.categories.functional.name })).not.toBeChecked();
  await expect(prefs.getByRole('switch', { name: tr.categories.marketing.name })).not.toBeChecked();
});

test.describe('KV-5: granular choice per purpose', () => {
  test('KV-5: one switch per purpose; Save stores exactly the switched-on set; only its tags run', async ({ page }) => {
    const hits = await tracker(page);
    await recordEvents(page);
    const region = await openHost(page);
    await region.getByRole('button', { name: tr.banner.preferences, exact: true }).click();
    const prefs = dialog(page);
    // The guideline's taxonomy: zorunlu, işlevsel, performans-analitik, reklam-pazarlama.
    const switches = prefs.getByRole('switch');
    await expect(switches).toHaveCount(4);
    for (const [i, id] of (['necessary', ...OPTIONAL] as const).entries()) {
      await expect(switches.nth(i)).toHaveAccessibleName(tr.categories[id].name);
    }
    await prefs.getByRole('switch', { name: tr.categories.analytics.name }).check();
    await prefs.getByRole('button', { name: tr.preferences.save, exact: true }).click();
    const expected = { necessary: true, functional: false, analytics: true, marketing: false };
    expect((await consentCookie(page))?.record['c']).toEqual({
      functional: 0,
      analytics: 1,
      marketing: 0,
    });
    await afterPaint(page);
    const change = (await events(page, 'consent-change')).at(-1)!.detail as Detail;
    expect(change.consent).toMatchObject({ method: 'save', categories: expected });
    await gateSettled(page);
    expect(hits).toEqual(['analytics.js']);
  });

  test('KV-5: a site’s own purposes each get a switch; Accept all grants only the purposes presented', async ({
    page,
  }) => {
    const hits = await tracker(page);
    const texts = JSON.stringify({
      tr: { categories: { video: { name: 'Video oynatıcı', description: 'YouTube videolarını gösterir.' } } },
    });
    const region = await openHost(
      page,
      'categories="analytics video"',
      `<script type="application/json">${texts}</script>`,
    );
    await expect(region.locator('[part="purposes"]')).toContainText('Video oynatıcı');
    await region.getByRole('button', { name: tr.banner.preferences, exact: true }).click();
    const prefs = dialog(page);
    await expect(prefs.getByRole('switch')).toHaveCount(3);
    await expect(prefs.getByRole('switch', { name: 'Video oynatıcı' })).not.toBeChecked();
    await prefs.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
    expect((await consentCookie(page))?.record['c']).toEqual({ analytics: 1, video: 1 });
    // marketing was never presented, so its tag stays inert.
    await gateSettled(page);
    expect(hits).toEqual(['analytics.js']);
    expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.hasConsent('marketing'))).toBe(
      false,
    );
  });
});

test.describe('KV-6: inform at entry; the information notice is separate from the consent request', () => {
  test('KV-6: the first layer states the purposes and links to the notice, apart from the buttons', async ({
    page,
  }) => {
    const region = await openHost(page);
    await expect(region.getByText(tr.banner.notice1, { exact: true })).toBeInViewport();
    const purposes = region.locator('[part="purposes"]');
    for (const id of OPTIONAL) await expect(purposes).toContainText(tr.categories[id].name);
    const link = region.getByRole('link', { name: /aydınlatma|çerez politikası/i });
    await expect(link).toHaveAttribute('href', POLICY);
    expect(await link.evaluate((a) => a.closest('button, [part="actions"]'))).toBeNull();
    const buttons = await region
      .locator('button')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? b.textContent!.trim()));
    expect(buttons).toEqual([tr.banner.close, tr.banner.rejectAll, tr.banner.acceptAll, tr.banner.preferences]);
    for (const name of buttons) expect(name).not.toMatch(/okudum|read/i);
    // Following the notice link records nothing: reading is not consenting.
    await page.route(POLICY, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<h1>Aydınlatma metni</h1>' }),
    );
    await link.click();
    await expect(page).toHaveURL(POLICY);
    expect(await page.context().cookies()).toEqual([]);
    await page.goBack();
    await expect(banner(page)).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);
  });

  test('KV-6: no locale string merges consent with “I have read the notice”', () => {
    const consentVerb =
      /kabul|onay|accept|agree|consent|akzept|zustimm|accepte|consent|acept|accett|akkoord|akcept|zgod|согла|приним|прийма|موافق|قبول|پذیر|qəbul|razı|αποδ|συναιν/i;
    const readNotice =
      /okudum|okudu[ğg]?um|okuyarak|have read|by reading|read and|gelesen|j'ai lu|en lisant|he leído|ho letto|gelezen|przeczyta|прочита|прочитав|ознаком|قرأت|خواندم|oxudum|oxuyaraq|διάβασα/i;
    for (const code of CODES) {
      for (const [key, text] of strings(localeJson(code))) {
        expect(consentVerb.test(text) && readNotice.test(text), `${code}:${key} “${text}”`).toBe(false);
      }
    }
  });

  test('KV-6: the second layer lists each vendor with name, provider, purpose, duration and country', async ({
    page,
  }) => {
    const table = JSON.stringify({
      analytics: [{ name: '_ga', provider: 'Google', purpose: 'İstatistik', duration: '2 yıl', country: 'ABD' }],
      marketing: [{ name: '_fbp', provider: 'Meta', purpose: 'Reklam', duration: '3 ay', country: 'İrlanda' }],
    });
    const region = await openHost(page, '', `<script type="application/json" data-cookies>${table}</script>`);
    await region.getByRole('button', { name: tr.banner.preferences, exact: true }).click();
    const prefs = dialog(page);
    for (const [id, cells] of [
      ['analytics', ['_ga', 'Google', 'İstatistik', '2 yıl', 'ABD']],
      ['marketing', ['_fbp', 'Meta', 'Reklam', '3 ay', 'İrlanda']],
    ] as const) {
      const row = prefs
        .locator('[part="category"]')
        .filter({ has: page.getByRole('switch', { name: tr.categories[id].name }) });
      await row.getByText(tr.inventory.show_one.replace('{{count}}', '1')).click();
      const cookieRow = row.locator('[part="cookie-table"] tbody tr');
      await expect(cookieRow).toHaveCount(1);
      const texts = await cookieRow.locator('th, td').allInnerTexts();
      expect(texts.map((t) => t.trim())).toEqual([...cells]);
    }
    const headers = await prefs.locator('[part="cookie-table"]').first().locator('thead th').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual([
      tr.inventory.name,
      tr.inventory.provider,
      tr.inventory.purpose,
      tr.inventory.duration,
      tr.inventory.country,
    ]);
  });
});

test('KV-7: no cookie wall: the page stays readable, scrollable and clickable whatever the choice', async ({
  page,
}) => {
  const hits = await tracker(page);
  const region = await openHost(page);
  await page.locator('main a').first().click();
  await expect(page).toHaveURL(/#l0$/);
  await page.keyboard.press('Tab');
  await expect(page.locator('main a').nth(1)).toBeFocused();
  const overflow = () =>
    page.evaluate(() => [
      getComputedStyle(document.body).overflow,
      getComputedStyle(document.documentElement).overflow,
    ]);
  expect(await overflow()).not.toContain('hidden');
  expect(await page.evaluate(() => document.querySelector('main')!.inert)).toBe(false);
  await page.mouse.move(640, 200);
  await page.mouse.wheel(0, 2000);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);

  await region.getByRole('button', { name: tr.banner.rejectAll, exact: true }).click();
  await expect(page.locator('main')).toBeVisible();
  await page.locator('main a').last().click();
  await expect(page).toHaveURL(/#l59$/);
  expect(await overflow()).not.toContain('hidden');
  await gateSettled(page);
  expect(hits).toEqual([]);

  // A centred box is not a modal either: the page around it takes clicks.
  await page.context().clearCookies();
  await serveHost(page, host('position="center"'));
  await page.goto('/test/host-2.html');
  await expect(banner(page)).toBeVisible();
  await page.locator('main a').first().click();
  await expect(page).toHaveURL(/#l0$/);
});

test('KV-8: change or withdraw at any time, from a launcher on every page, in two activations', async ({ page }) => {
  await tracker(page);
  await recordEvents(page);
  const table = JSON.stringify({
    analytics: ['_trk_analytics'],
    marketing: [{ name: '_trk_ads', provider: 'Tracker' }],
  });
  const region = await openHost(page, 'launcher', `<script type="application/json" data-cookies>${table}</script>`);
  // The launcher stays out of the way while the banner asks.
  await expect(page.getByRole('button', { name: tr.launcher.label, exact: true })).toBeHidden();
  await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
  await expect
    .poll(async () => (await page.context().cookies()).map((c) => c.name).sort())
    .toEqual(['_trk_ads', '_trk_analytics', 'cookie_consent']);

  for (const path of ['/test/host-2.html', '/test/host.html']) {
    await page.goto(path);
    await expectBannerNotShown(element(page));
    await expect(banner(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: tr.launcher.label, exact: true })).toBeVisible();
  }
  // Withdrawal: the launcher, then "Tümünü reddet". No confirmation, scroll or nested page between.
  await page.getByRole('button', { name: tr.launcher.label, exact: true }).click();
  const prefs = dialog(page);
  await expect(prefs.getByRole('switch', { name: tr.categories.marketing.name })).toBeChecked();
  const reject = prefs.getByRole('button', { name: tr.banner.rejectAll, exact: true });
  await expect(reject).toBeInViewport();
  await reject.click();
  await expect(prefs).toBeHidden();
  const last = (await events(page, 'consent-change')).at(-1)!.detail as Detail & { withdrawn: string[] };
  expect(last.consent?.categories).toMatchObject({ marketing: false, analytics: false });
  expect(last.withdrawn).toEqual(['functional', 'analytics', 'marketing']);
  // The listed first-party cookies of the withdrawn categories are deleted.
  expect((await page.context().cookies()).map((c) => c.name)).toEqual(['cookie_consent']);

  // The same from the site's own footer link (data-consent-open) and from script.
  await page.locator('#cookie-settings').click();
  await expect(prefs).toBeVisible();
  await expect(prefs.getByRole('switch', { name: tr.categories.marketing.name })).not.toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page.locator('#cookie-settings')).toBeFocused();
  await page.evaluate(() => document.querySelector('cookie-consent-banner')!.showPreferences());
  await expect(prefs).toBeVisible();
});

test('KV-9: a tracker listed as necessary is an error and needs consent; necessary cookies name their criterion', async ({
  page,
  warnings,
  allowErrors,
}) => {
  allowErrors.push(/CEREZ_TRACKER_AS_NECESSARY/);
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  const hits = await tracker(page);
  const table = JSON.stringify({
    necessary: [
      { name: 'oturum', purpose: 'Oturum', duration: 'Oturum', criterion: 'B', justification: 'Girişi sürdürür.' },
      { name: '_ga', provider: 'Google', purpose: 'İstatistik', duration: '2 yıl' },
      { name: '_fbp', provider: 'Meta', purpose: 'Reklam', duration: '3 ay' },
      { name: 'sepet', purpose: 'Alışveriş sepeti', duration: '1 gün' },
    ],
  });
  const region = await openHost(page, '', `<script type="application/json" data-cookies>${table}</script>`);
  await expect.poll(() => errors.filter((e) => e.includes('CEREZ_TRACKER_AS_NECESSARY')).length).toBe(2);
  expect(errors.find((e) => e.includes('"_ga"'))).toContain('analytics');
  expect(errors.find((e) => e.includes('"_fbp"'))).toContain('marketing');
  // A necessary cookie without criterion A/B and a justification is reported too.
  await expect.poll(() => warnings.some((w) => w.includes('"sepet"') && w.includes('criterion'))).toBe(true);
  expect(warnings.some((w) => w.includes('"oturum"'))).toBe(false);

  await region.getByRole('button', { name: tr.banner.preferences, exact: true }).click();
  const prefs = dialog(page);
  const row = (id: (typeof OPTIONAL)[number] | 'necessary') =>
    prefs.locator('[part="category"]').filter({ has: page.getByRole('switch', { name: tr.categories[id].name }) });
  await expect(row('necessary').locator('[part="cookie-table"] tbody th')).toHaveText(['oturum', 'sepet']);
  await expect(row('analytics').locator('[part="cookie-table"] tbody th')).toHaveText(['_ga']);
  await expect(row('marketing').locator('[part="cookie-table"] tbody th')).toHaveText(['_fbp']);
  await expect(prefs.getByRole('switch', { name: tr.categories.analytics.name })).not.toBeChecked();
  await expect(prefs.getByRole('switch', { name: tr.categories.marketing.name })).not.toBeChecked();
  await gateSettled(page);
  expect(hits).toEqual([]);
});

test('KV-10: the consent cookie holds only the choice record, first-party and host-only', async ({ page }) => {
  const hits = await tracker(page);
  const sent: { url: string; cookie: string | undefined }[] = [];
  page.on('request', async (r) => sent.push({ url: r.url(), cookie: (await r.allHeaders())['cookie'] }));
  const region = await openHost(page);
  await region.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
  const cookie = (await consentCookie(page))!;
  for (const key of Object.keys(cookie.record)) expect(['id', 't', 'r', 'l', 'm', 'c', 'gpc', 'ui']).toContain(key);
  // L3: no id without receipt-url (data minimisation).
  expect(cookie.record).not.toHaveProperty('id');
  expect(cookie).toMatchObject({
    name: 'cookie_consent',
    domain: 'localhost',
    path: '/',
    httpOnly: false,
    sameSite: 'Lax',
  });
  await expect.poll(() => hits.length).toBe(2);
  // Third-party requests never carry it.
  const thirdParty = sent.filter((r) => new URL(r.url).origin !== new URL(page.url()).origin);
  expect(thirdParty.length).toBeGreaterThan(0);
  for (const r of thirdParty) expect(r.cookie ?? '').not.toContain('cookie_consent');
});

test('KV-11: vendor countries are shown, and the component itself sends nothing anywhere', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const table = JSON.stringify({
    marketing: [
      { name: '_gcl_au', provider: 'Google Ads', purpose: 'Reklam ölçümü', duration: '90 gün', country: 'ABD' },
    ],
  });
  // No gated tags on this page: every request is the page's own or the component's.
  const body = pageHtml({
    noElement: true,
    after: `<cookie-consent-banner policy-url="${POLICY}"><script type="application/json" data-cookies>${table}</script></cookie-consent-banner>`,
  });
  await page.route('**/test/vendors.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  await page.goto('/test/vendors.html');
  const region = banner(page);
  await region.getByRole('button', { name: tr.banner.preferences, exact: true }).click();
  const prefs = dialog(page);
  await prefs.getByText(tr.inventory.show_one.replace('{{count}}', '1')).click();
  const row = prefs.locator('[part="cookie-table"] tbody tr');
  await expect(row).toContainText('Google Ads');
  await expect(row.getByRole('cell', { name: 'ABD' })).toBeVisible();
  await prefs.getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
  await expect(prefs).toBeHidden();
  for (const url of requests) {
    const { origin, pathname } = new URL(url);
    expect(origin).toBe(new URL(page.url()).origin);
    expect(pathname === '/test/vendors.html' || pathname.startsWith('/dist/')).toBe(true);
  }
});

test.describe('KV-12: Turkish by default, with correct Turkish text', () => {
  test('KV-12: a Turkish page shows the Turkish banner, its root marked lang="tr"', async ({ page }) => {
    await openHost(page);
    await expect(banner(page).getByRole('button', { name: 'Tümünü reddet', exact: true })).toBeVisible();
    await expect(page.locator('cookie-consent-banner [part="base"]')).toHaveAttribute('lang', 'tr');
  });

  test.describe('with no language on the page and a Turkish browser', () => {
    test.use({ locale: 'tr-TR' });
    test('KV-12: the browser’s tr-TR gives Turkish', async ({ page }) => {
      await serveHost(page, { ...host(), htmlLang: null });
      await page.goto('/test/host.html');
      await expect(banner(page).getByRole('button', { name: tr.banner.rejectAll, exact: true })).toBeVisible();
      await expect(page.locator('cookie-consent-banner [part="base"]')).toHaveAttribute('lang', 'tr');
    });
  });

  test.describe('with nothing that matches', () => {
    test.use({ locale: 'ja-JP' });
    test('KV-12: the fallback is Turkish', async ({ page }) => {
      await serveHost(page, { ...host(), htmlLang: null });
      await page.goto('/test/host.html');
      await expect(banner(page).getByRole('button', { name: tr.banner.acceptAll, exact: true })).toBeVisible();
    });
  });

  test('KV-12: an English page still gets a Turkish banner when lang="tr" is set, with Turkish casing', async ({
    page,
  }) => {
    await serveHost(page, {
      ...host('lang="tr"'),
      htmlLang: 'en',
      head: '<style>cookie-consent-banner::part(heading){text-transform:uppercase}</style>',
    });
    await page.goto('/test/host.html');
    const heading = banner(page).getByRole('heading', { level: 2 });
    expect(await heading.evaluate((h) => (h as HTMLElement).innerText)).toBe('ÇEREZLER');
    await expect(page.locator('cookie-consent-banner [part="base"]')).toHaveAttribute('lang', 'tr');
    await banner(page).getByRole('button', { name: tr.banner.preferences, exact: true }).click();
    const name = dialog(page).locator('[part="category-name"]').nth(1);
    await name.evaluate((l) => ((l as HTMLElement).style.textTransform = 'uppercase'));
    expect(await name.evaluate((l) => (l as HTMLElement).innerText)).toBe('İŞLEVSEL ÇEREZLER');
  });

  test('KV-12: the Turkish strings use ç ğ ı İ ö ş ü and are never ASCII-folded', () => {
    const text = strings(localeJson('tr'))
      .map(([, s]) => s)
      .join(' ');
    for (const letter of ['ç', 'ğ', 'ı', 'İ', 'ö', 'ş', 'ü']) expect(text).toContain(letter);
    expect(tr.banner.rejectAll).toBe('Tümünü reddet');
    expect(tr.banner.acceptAll).toBe('Tümünü kabul et');
    expect(text).not.toMatch(/\b(Tumunu|Cerez|cerez|tercihlerinizi hatirla|Zorunlu cerez)/);
  });
});
