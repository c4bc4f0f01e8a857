import type { Locator, Page } from '@playwright/test';
import { test, expect, mount, localeJson, type PageOptions } from './fixtures.js';

// The "Real sites" issue, point 6: on a phone the visitor sees the heading, the whole first paragraph of the
// notice and the three buttons at once, without scrolling inside the banner or expanding anything, and the
// banner still leaves part of the page visible. At 320×256 every control can still be reached.

interface Texts {
  banner: Record<
    'heading' | 'notice1' | 'more' | 'policyLink' | 'rejectAll' | 'acceptAll' | 'preferences' | 'close',
    string
  >;
  language: { label: string };
  preferences: { heading: string };
}
const texts = (code: string) => localeJson(code) as unknown as Texts;

const PHONES = [
  { width: 320, height: 640 },
  { width: 360, height: 640 },
  { width: 375, height: 667 },
] as const;
const LANGUAGES = ['tr', 'de'] as const;

/**
 * The bound we chose for "the banner still leaves part of the page visible": at most three quarters of the
 * viewport's height, so at least a quarter of the page shows above the banner.
 */
const MAX_SHARE = 0.75;

const PARAGRAPH =
  'İstanbul’da sabah saatlerinde başlayan yağmur gün boyunca aralıklarla sürdü; meteoroloji yetkilileri akşam ' +
  'saatlerinde rüzgârın kuvvetleneceğini ve sıcaklığın birkaç derece düşeceğini açıkladı.';
/** A phone page: the viewport meta tag, the element first in <body>, then an article taller than the screen. */
const phonePage = (code: string): PageOptions => ({
  htmlLang: code,
  head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
  attrs: `lang="${code}" policy-url="/cerez-politikasi"`,
  after: `<main><h1 id="page-heading">Şehirde yağmur</h1>${Array.from(
    { length: 30 },
    (_, i) => `<p>${i + 1}. ${PARAGRAPH}</p>`,
  ).join('')}</main>`,
});

/** The first layer in a language: by its name, and its lang (several languages say just "Cookies"). */
const region = (page: Page, code: string) =>
  page.getByRole('region', { name: texts(code).banner.heading, exact: true }).and(page.locator(`[lang="${code}"]`));
const button = (scope: Locator, name: string) => scope.getByRole('button', { name, exact: true });

/** Opens the phone page and waits for the banner, its entrance animation finished (it moves the box). */
async function openBanner(page: Page, code: string): Promise<Locator> {
  await mount(page, phonePage(code));
  const r = region(page, code);
  await expect(r).toBeVisible();
  await page
    .locator('cookie-consent-banner')
    .evaluate((host) =>
      Promise.all(host.shadowRoot!.getAnimations().map((a) => a.finished.catch(() => undefined))).then(() => undefined),
    );
  return r;
}

/** Every box in the banner that scrolls or could (the banner itself and anything with overflow auto/scroll). */
const scrollers = (r: Locator) =>
  r.evaluate((base) =>
    [base, ...base.querySelectorAll('*')]
      .filter((e) => e === base || /auto|scroll/.test(getComputedStyle(e).overflowY))
      .map((e) => ({
        box: `${e.localName}.${e.className || e.getAttribute('part')}`,
        scrollTop: e.scrollTop,
        overflow: Math.max(0, e.scrollHeight - e.clientHeight - 1),
      })),
  );

test.beforeEach(({ warnings }) => void warnings);

test.describe('phone: the first layer at once', () => {
  for (const { width, height } of PHONES) {
    for (const code of LANGUAGES) {
      test(`at ${width}×${height} (${code}) heading, first paragraph and the three buttons show at once, the page above`, async ({
        page,
      }) => {
        await page.setViewportSize({ width, height });
        const s = texts(code).banner;
        const r = await openBanner(page, code);
        const frame = (await r.boundingBox())!;

        // Nothing expanded: the "more" disclosure is closed and preferences are not open.
        await expect(r.locator('[part="more"]')).not.toHaveAttribute('open');
        await expect(page.getByRole('dialog')).toBeHidden();

        // Nothing scrolled, and nothing to scroll: the whole first layer fits in the banner.
        const scrolled = (await scrollers(r)).filter((x) => x.scrollTop !== 0 || x.overflow > 0);
        expect(scrolled, 'boxes of the banner that are scrolled or hide overflow (px)').toEqual([]);

        const heading = r.getByRole('heading', { name: s.heading, exact: true });
        const notice = r.getByText(s.notice1, { exact: true });
        const required = [
          { what: 'heading', locator: heading },
          { what: 'first paragraph', locator: notice },
          ...[s.rejectAll, s.acceptAll, s.preferences].map((name) => ({ what: name, locator: button(r, name) })),
        ];
        for (const { what, locator } of required) {
          // Fully visible: not clipped by the viewport nor by a scrolling box inside the banner.
          await expect(locator, what).toBeInViewport({ ratio: 1 });
          const box = (await locator.boundingBox())!;
          const where = `${what} at ${JSON.stringify(box)}, banner at ${JSON.stringify(frame)}`;
          expect(box.y, where).toBeGreaterThanOrEqual(Math.max(frame.y, 0) - 0.5);
          expect(box.x, where).toBeGreaterThanOrEqual(Math.max(frame.x, 0) - 0.5);
          expect(box.y + box.height, where).toBeLessThanOrEqual(Math.min(frame.y + frame.height, height) + 0.5);
          expect(box.x + box.width, where).toBeLessThanOrEqual(Math.min(frame.x + frame.width, width) + 0.5);
        }

        // Part of the page stays visible: at least a quarter of the viewport above the banner shows the page.
        expect(frame.y, `banner top at ${frame.y} of ${height}`).toBeGreaterThanOrEqual(height * (1 - MAX_SHARE) - 0.5);
        const above = await page.evaluate((y) => {
          const hit = document.elementFromPoint(innerWidth / 2, y);
          return hit?.closest('cookie-consent-banner') ? 'the banner' : (hit?.localName ?? 'nothing');
        }, frame.y / 2);
        expect(above, 'what shows above the banner').not.toBe('the banner');
        expect(above).not.toBe('nothing');
        await expect(page.locator('#page-heading')).toBeInViewport({ ratio: 1 });

        // And no sideways scroll.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    }
  }
});

test.describe('phone: 320×256, every control reachable', () => {
  for (const code of LANGUAGES) {
    test(`at 320×256 (${code}) Tab brings every first-layer control fully into view`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 256 });
      const t = texts(code);
      const r = await openBanner(page, code);
      const expected = [
        t.language.label,
        t.banner.close,
        t.banner.more,
        t.banner.policyLink,
        t.banner.rejectAll,
        t.banner.acceptAll,
        t.banner.preferences,
      ];
      const focusedInBanner = r.locator(':focus');
      const reached: string[] = [];
      // One more press than there are controls: the last one leaves the banner.
      for (let i = 0; i <= expected.length; i++) {
        await page.keyboard.press('Tab');
        if ((await focusedInBanner.count()) === 0) {
          if (reached.length > 0) break;
          continue;
        }
        const name = await focusedInBanner.evaluate((e) =>
          (e.getAttribute('aria-label') || (e as HTMLSelectElement).labels?.[0]?.textContent || e.textContent || '')
            .replace(/\s+/g, ' ')
            .trim(),
        );
        reached.push(name);
        // Focus scrolled it into view: the whole control, not clipped by the banner's scrolling text.
        await expect(focusedInBanner, `"${name}" when focused`).toBeInViewport({ ratio: 1 });
      }
      expect([...reached].sort(), 'the controls Tab reached').toEqual([...expected].sort());
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });

    for (const which of ['rejectAll', 'acceptAll', 'preferences', 'close'] as const) {
      test(`at 320×256 (${code}) the "${which}" button can be clicked`, async ({ page }) => {
        await page.setViewportSize({ width: 320, height: 256 });
        const t = texts(code);
        const r = await openBanner(page, code);
        // Playwright scrolls it into view and clicks only if nothing covers it.
        await button(r, t.banner[which]).click();
        if (which === 'preferences') {
          await expect(page.getByRole('dialog', { name: t.preferences.heading, exact: true })).toBeVisible();
        } else {
          await expect(r).toBeHidden();
          expect((await page.context().cookies()).map((c) => c.name)).toContain('cookie_consent');
        }
      });
    }
  }
});

test.describe('phone: Safari before 17.4', () => {
  test('without Element.checkVisibility (iOS < 17.4) Tab and Shift+Tab still cycle inside preferences', async ({
    page,
  }) => {
    // iOS 16 to 17.3 have no checkVisibility(); the dialog's Tab trap must not depend on it.
    await page.addInitScript(() => {
      delete (Element.prototype as Partial<Element>).checkVisibility;
    });
    await page.setViewportSize({ width: 375, height: 667 });
    const t = texts('tr');
    const r = await openBanner(page, 'tr');
    expect(await page.evaluate(() => 'checkVisibility' in Element.prototype)).toBe(false);
    await button(r, t.banner.preferences).click();
    const d = page.getByRole('dialog', { name: t.preferences.heading, exact: true });
    await expect(d).toBeVisible();
    const save = d.locator('[part="save-button"]');
    const close = d.locator('[part="preferences-close-button"]');
    // From the heading (focused on open), Shift+Tab wraps to the last control, Tab from there to the first.
    await expect(d.getByRole('heading', { name: t.preferences.heading })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(save).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(close).toBeFocused();
  });
});
