// Placeholders of blocked embeds (issue #13, item 1): an iframe, video or audio gated by a category that is not
// allowed shows, in its own box, what is blocked and from whom, which category it needs and why, the policy link,
// "Load this once" (this embed, now; nothing stored, no consent) and "Always allow" (stored as the banner would:
// every embed of the category loads). Withdrawal puts the placeholder back; embeds added later get one too.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import tr from '../../locales/tr.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import ar from '../../locales/ar.json' with { type: 'json' };
import {
  test,
  expect,
  mount,
  tracker,
  consentCookie,
  recordEvents,
  events,
  recordViolations,
  violations,
  gateSettled,
  LOCALE_CODES,
  localeJson,
  type PageOptions,
} from './fixtures.js';

const VIDEO = `<div class="player"><iframe id="video" title="Ürün tanıtımı" width="560" height="315"
    data-consent-category="marketing" data-consent-provider="YouTube"
    data-src="https://tracker.test/video.html"></iframe></div>
  <p id="after">Sonraki paragraf.</p>`;
const MAP = `<iframe id="map" title="Harita" width="400" height="300" data-consent-category="marketing"
    data-src="https://tracker.test/map.html"></iframe>`;

const banner = (page: Page) => page.getByRole('region', { name: tr.banner.heading });
/** The placeholder of the embed with this id (its element sits right before the embed). */
const placeholderOf = (page: Page, id: string) => page.locator(`cookie-consent-placeholder:has(+ #${id})`);
/** A placeholder's group, named by the embed's title. */
const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
/** The id of the page's focused element (an embed: a frame's own document may hold the focus inside it). */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id);
const src = (page: Page, id: string) => page.locator(`#${id}`).evaluate((e) => e.getAttribute('src'));

/** The sum of the page's layout shifts so far (none: 0). */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.__shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const shift = (page: Page) => page.evaluate(() => (window as unknown as { __shift: number }).__shift);

function box(locator: Locator) {
  return locator.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
  });
}

/** A visitor who has chosen before (no banner): `cats` as stored. */
async function storedChoice(page: Page, cats: Record<string, 0 | 1>): Promise<void> {
  const record = { v: 1, id: 'q3Jf-9xZ2mLp', ts: Math.floor(Date.now() / 1000) - 60, rev: 1, lang: 'tr', m: 's', cats };
  await page
    .context()
    .addCookies([
      { name: 'cookie_consent', value: encodeURIComponent(JSON.stringify(record)), url: 'http://localhost/' },
    ]);
}

async function open(page: Page, options: PageOptions): Promise<void> {
  await mount(page, { attrs: 'policy-url="/cerez-politikasi"', ...options });
}

test.describe('placeholders of blocked embeds', () => {
  test('a blocked iframe shows, in its box and in Turkish, what it is, from whom, the category and why, the policy and two buttons', async ({
    page,
  }) => {
    await recordShifts(page);
    const hits = await tracker(page);
    await open(page, { after: VIDEO });
    const placeholder = group(page, 'Ürün tanıtımı');
    await expect(placeholder).toBeVisible();
    await expect(placeholder).toHaveAttribute('lang', 'tr');
    await expect(placeholder).toContainText(tr.embed.from.replace('{{provider}}', 'YouTube'));
    await expect(placeholder).toContainText(tr.embed.blocked.replace('{{categories}}', tr.categories.marketing.name));
    await expect(placeholder).toContainText(tr.categories.marketing.description);
    await expect(placeholder.getByRole('link', { name: tr.banner.policyLink })).toHaveAttribute(
      'href',
      /\/cerez-politikasi$/,
    );
    await expect(placeholder.getByRole('button', { name: tr.embed.loadOnce })).toBeVisible();
    await expect(placeholder.getByRole('button', { name: tr.embed.loadOnce })).toHaveAccessibleDescription(
      tr.embed.onceNote,
    );
    await expect(
      placeholder.getByRole('button', {
        name: tr.embed.allowAlways.replace('{{categories}}', tr.categories.marketing.name),
      }),
    ).toBeVisible();
    // The embed's own box (560 × 315 and the browser's 2 px frame border): the same size where the frame was,
    // and nothing on the page moved.
    expect(await box(placeholderOf(page, 'video'))).toMatchObject({ width: 564, height: 319 });
    await expect(page.locator('#video')).toBeHidden();
    expect(await shift(page)).toBe(0);
    // The banner still asks; nothing was loaded.
    await expect(banner(page)).toBeVisible();
    await gateSettled(page);
    expect(hits).toEqual([]);
  });

  test('"Load this once" loads that embed only, stores nothing, is not consent, and focus moves to it', async ({
    page,
  }) => {
    await recordEvents(page);
    const hits = await tracker(page);
    await open(page, { after: VIDEO + MAP });
    const placeholder = group(page, 'Ürün tanıtımı');
    const before = await box(placeholderOf(page, 'video'));
    const after = await box(page.locator('#after'));
    await placeholder.getByRole('button', { name: tr.embed.loadOnce }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#video')).toBeVisible();
    await expect(placeholder).toHaveCount(0);
    expect(await src(page, 'video')).toBe('https://tracker.test/video.html');
    await expect.poll(() => hits).toEqual(['video.html']);
    await expect.poll(() => focused(page)).toBe('video');
    // Where the placeholder was, the frame is: the same box, the next paragraph where it was.
    expect(await box(page.locator('#video'))).toEqual(before);
    expect(await box(page.locator('#after'))).toEqual(after);
    // The other embed of the same category stays blocked; no choice is stored; the banner still asks.
    await expect(group(page, 'Harita')).toBeVisible();
    expect(await src(page, 'map')).toBeNull();
    expect(await consentCookie(page)).toBeUndefined();
    expect(await events(page, 'consent-change')).toEqual([]);
    await expect(banner(page)).toBeVisible();
    // A choice that does not allow its category does not take it back: it was loaded for this page.
    await banner(page).getByRole('button', { name: tr.banner.rejectAll }).click();
    await expect(banner(page)).toBeHidden();
    expect(await src(page, 'video')).toBe('https://tracker.test/video.html');
    // The next page asks again.
    await page.reload();
    await expect(group(page, 'Ürün tanıtımı')).toBeVisible();
    expect(await src(page, 'video')).toBeNull();
  });

  test('"Always allow" stores the category as the banner would, fires consent-change and loads every embed of it', async ({
    page,
  }) => {
    await storedChoice(page, { necessary: 1, functional: 1, analytics: 0, marketing: 0 });
    await recordEvents(page);
    const hits = await tracker(page);
    await open(page, {
      after: `${VIDEO}${MAP}<video id="clip" controls width="320" height="180" data-consent-category="marketing"
        data-src="https://tracker.test/clip.mp4" title="Klip"></video>`,
    });
    // A returning visitor: no banner, the placeholders still come (with the UI, for the blocked embeds only).
    await expect(group(page, 'Harita')).toBeVisible();
    await expect(group(page, 'Klip')).toBeVisible();
    await expect(banner(page)).toBeHidden();
    const allow = tr.embed.allowAlways.replace('{{categories}}', tr.categories.marketing.name);
    await group(page, 'Harita').getByRole('button', { name: allow }).click();
    await expect(page.locator('cookie-consent-placeholder')).toHaveCount(0);
    expect(await src(page, 'video')).toBe('https://tracker.test/video.html');
    expect(await src(page, 'map')).toBe('https://tracker.test/map.html');
    expect(await src(page, 'clip')).toBe('https://tracker.test/clip.mp4');
    await expect.poll(() => hits.filter((h) => h.endsWith('.html')).sort()).toEqual(['map.html', 'video.html']);
    await expect.poll(() => focused(page)).toBe('map');
    // The rest of the stored choice is kept.
    expect((await consentCookie(page))?.record).toMatchObject({
      m: 's',
      c: { functional: 1, analytics: 0, marketing: 1 },
    });
    const changes = await events(page, 'consent-change');
    expect(changes).toHaveLength(1);
    expect(changes[0]?.detail).toMatchObject({
      source: 'placeholder',
      changed: ['marketing'],
      consent: { method: 'save', categories: { functional: true, analytics: false, marketing: true } },
    });

    // Withdrawal puts every placeholder back, and the frames and the video are empty again.
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.setConsent(['functional']));
    await expect(page.locator('cookie-consent-placeholder')).toHaveCount(3);
    await expect(group(page, 'Ürün tanıtımı')).toBeVisible();
    expect(await src(page, 'video')).toBe('about:blank');
    expect(await src(page, 'clip')).toBeNull();
    await expect(page.locator('#video')).toBeHidden();
  });

  test('by keyboard alone: Tab reaches "Load this once", "Always allow" and the policy link in order; Enter allows, focus lands on the frame', async ({
    page,
  }) => {
    await storedChoice(page, { necessary: 1, functional: 0, analytics: 0, marketing: 0 });
    await tracker(page);
    await open(page, { before: '<a id="start" href="#start">Başa dön</a>', after: VIDEO });
    const placeholder = group(page, 'Ürün tanıtımı');
    await expect(placeholder).toBeVisible();
    await page.locator('#start').focus();
    const allow = tr.embed.allowAlways.replace('{{categories}}', tr.categories.marketing.name);
    await page.keyboard.press('Tab');
    await expect(placeholder.getByRole('button', { name: tr.embed.loadOnce })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(placeholder.getByRole('button', { name: allow })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(placeholder.getByRole('link', { name: tr.banner.policyLink })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(placeholder).toHaveCount(0);
    await expect.poll(() => focused(page)).toBe('video');
    expect((await consentCookie(page))?.record).toMatchObject({ c: { marketing: 1 } });
  });

  test('a frame loaded once and then allowed is the category’s: a withdrawal unloads it', async ({ page }) => {
    await tracker(page);
    await open(page, { after: VIDEO });
    await group(page, 'Ürün tanıtımı').getByRole('button', { name: tr.embed.loadOnce }).click();
    await expect(page.locator('#video')).toBeVisible();
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.acceptAll());
    await expect(page.locator('#video')).not.toHaveAttribute('data-consent-once');
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.rejectAll());
    await expect(group(page, 'Ürün tanıtımı')).toBeVisible();
    expect(await src(page, 'video')).toBe('about:blank');
  });

  /** What a single-page app does: an analytics frame, added to `#app` after the page has loaded. */
  const addFrame = (page: Page, id: string, title: string) =>
    page.evaluate(
      ([id, title]) => {
        const frame = document.createElement('iframe');
        frame.id = id;
        frame.title = title;
        frame.dataset['consentCategory'] = 'analytics';
        frame.dataset['src'] = `https://tracker.test/${id}.html`;
        document.querySelector('#app')!.append(frame);
      },
      [id, title] as const,
    );

  test('embeds added later get a placeholder, and it goes with them (a single-page app)', async ({ page }) => {
    const hits = await tracker(page);
    await open(page, { after: '<main id="app"></main>' });
    await expect(banner(page)).toBeVisible();
    await addFrame(page, 'late', 'Sonradan gelen');
    const placeholder = group(page, 'Sonradan gelen');
    await expect(placeholder).toBeVisible();
    await expect(placeholder).toContainText(tr.categories.analytics.name);
    // The page moves the frame: its placeholder goes with it.
    await page.evaluate(() => document.body.prepend(document.querySelector('#late')!));
    await expect(page.locator('body > cookie-consent-placeholder:first-child + #late')).toHaveCount(1);
    await expect(placeholder).toBeVisible();
    await page.evaluate(() => document.querySelector('#late')!.remove());
    await expect(page.locator('cookie-consent-placeholder')).toHaveCount(0);
    // Put back: blocked again, its placeholder again.
    await addFrame(page, 'again', 'Yeniden');
    await group(page, 'Yeniden').getByRole('button', { name: tr.embed.loadOnce }).click();
    await expect.poll(() => hits).toEqual(['again.html']);
  });

  test('an embed with no title is named by its provider (the host of its URL); one whose category is not offered has no "Always allow"', async ({
    page,
    warnings,
  }) => {
    await open(page, {
      after: `<iframe id="untitled" data-consent-category="marketing" data-src="https://www.tracker.test/x.html"></iframe>
        <iframe id="unoffered" title="Sohbet" data-consent-category="chat" data-src="https://tracker.test/chat.html"></iframe>`,
    });
    const named = tr.embed.from.replace('{{provider}}', 'tracker.test');
    await expect(group(page, named)).toBeVisible();
    const unoffered = group(page, 'Sohbet');
    await expect(unoffered).toBeVisible();
    await expect(unoffered.getByRole('button')).toHaveText([tr.embed.loadOnce]);
    await expect.poll(() => warnings.join('\n')).toContain('"chat" is not an offered category');
  });
});

test.describe('placeholders in other languages and looks', () => {
  test('in English, and in Arabic right to left, following the banner’s language picker', async ({ page }) => {
    await open(page, { htmlLang: 'en', after: VIDEO });
    const placeholder = group(page, 'Ürün tanıtımı');
    await expect(placeholder).toHaveAttribute('lang', 'en');
    await expect(placeholder).toContainText(en.embed.blocked.replace('{{categories}}', en.categories.marketing.name));
    await expect(placeholder.getByRole('button', { name: en.embed.loadOnce })).toBeVisible();
    // The visitor picks Arabic in the banner: the placeholder follows.
    await page.getByRole('region', { name: en.banner.heading }).getByRole('combobox').selectOption('ar');
    await expect(placeholder).toHaveAttribute('lang', 'ar');
    await expect(placeholder).toHaveAttribute('dir', 'rtl');
    await expect(placeholder.getByRole('button', { name: ar.embed.loadOnce })).toBeVisible();
    // Right to left: the buttons start at the right.
    const frame = await box(placeholder);
    const once = await box(placeholder.getByRole('button', { name: ar.embed.loadOnce }));
    expect(frame.x + frame.width - (once.x + once.width)).toBeLessThan(30);
    expect(once.x - frame.x).toBeGreaterThan(30);
  });

  test('every language has the placeholder’s texts, and a placeholder shows them', async ({ page }) => {
    await open(page, { after: VIDEO });
    const placeholder = group(page, 'Ürün tanıtımı');
    await expect(placeholder).toBeVisible();
    for (const code of LOCALE_CODES) {
      const strings = localeJson(code) as { embed: Record<string, string> };
      await page.locator('cookie-consent-banner').evaluate((el, code) => el.setAttribute('lang', code), code);
      await expect(placeholder).toHaveAttribute('lang', code);
      await expect(placeholder.getByRole('button', { name: strings.embed['loadOnce'], exact: true })).toBeVisible();
    }
  });

  for (const [lang, theme] of [
    ['tr', 'light'],
    ['en', 'dark'],
    ['ar', 'light'],
  ] as const) {
    test(`axe finds nothing on a placeholder: ${lang}, ${theme}`, async ({ page }) => {
      await open(page, { attrs: `lang="${lang}" theme="${theme}" policy-url="/cerez-politikasi"`, after: VIDEO });
      await expect(page.locator('cookie-consent-placeholder [part="placeholder"]')).toHaveAttribute('lang', lang);
      const results = await new AxeBuilder({ page })
        .include('cookie-consent-placeholder')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.passes.map((p) => p.id)).toContain('button-name');
      expect(results.passes.map((p) => p.id)).toContain('color-contrast');
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    });
  }

  test('parts and custom properties style it; the dark theme follows the banner’s', async ({ page }) => {
    await open(page, {
      attrs: 'theme="dark" policy-url="/cerez-politikasi"',
      head: `<style>
        cookie-consent-placeholder { --cc-accent: rgb(1, 2, 3); }
        cookie-consent-placeholder::part(placeholder-button) { border-radius: 0; }
      </style>`,
      after: VIDEO,
    });
    const placeholder = group(page, 'Ürün tanıtımı');
    await expect(placeholder).toBeVisible();
    const look = await placeholder.evaluate((box) => {
      const button = box.querySelector('button')!;
      const link = box.querySelector('a')!;
      return {
        background: getComputedStyle(box).backgroundColor,
        radius: getComputedStyle(button).borderRadius,
        link: getComputedStyle(link).color,
      };
    });
    expect(look).toEqual({ background: 'rgb(27, 30, 36)', radius: '0px', link: 'rgb(1, 2, 3)' });
  });
});

test('in forced colours the box and its buttons keep their borders; no motion to reduce', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await open(page, { after: VIDEO });
  const placeholder = group(page, 'Ürün tanıtımı');
  await expect(placeholder).toBeVisible();
  const borders = await placeholder.evaluate((box) =>
    [box, ...box.querySelectorAll('button')].map((e) => {
      const style = getComputedStyle(e);
      return `${style.borderTopStyle} ${parseFloat(style.borderTopWidth) > 0} ${style.animationName} ${style.transitionDuration}`;
    }),
  );
  expect(borders).toEqual(['solid true none 0s', 'solid true none 0s', 'solid true none 0s']);
});

test.describe('placeholders at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  const SIZES = `<div><iframe id="wide" title="Geniş" width="560" height="315" data-consent-category="marketing" data-src="https://tracker.test/a.html"></iframe></div>
    <div><iframe id="plain" title="Varsayılan" data-consent-category="marketing" data-src="https://tracker.test/b.html"></iframe></div>
    <div><iframe id="full" title="Tam genişlik" style="width: 100%; aspect-ratio: 16 / 9; height: auto" data-consent-category="marketing" data-src="https://tracker.test/c.html"></iframe></div>
    <p>Metin içinde <iframe id="inline" title="Satır içi" width="200" height="120" data-consent-category="marketing" data-src="https://tracker.test/d.html"></iframe> bir çerçeve.</p>
    <video id="video" title="Video" controls width="640" height="360" data-consent-category="marketing" data-src="https://tracker.test/e.mp4"></video>
    <audio id="audio" title="Ses" controls data-consent-category="marketing" data-src="https://tracker.test/f.mp3"></audio>`;
  test('a placeholder of a frame as wide as its container stays as wide when the window grows', async ({ page }) => {
    await open(page, {
      after: `<div id="column"><iframe id="css" title="CSS" style="width: 100%; aspect-ratio: 16 / 9; height: auto" data-consent-category="marketing" data-src="https://tracker.test/a.html"></iframe>
        <iframe id="percent" title="Yüzde" width="100%" height="200" data-consent-category="marketing" data-src="https://tracker.test/b.html"></iframe>
        <iframe id="fixed" title="Sabit" width="280" height="160" data-consent-category="marketing" data-src="https://tracker.test/c.html"></iframe></div>`,
    });
    await expect(page.locator('cookie-consent-placeholder')).toHaveCount(3);
    await page.setViewportSize({ width: 800, height: 640 });
    const column = (await box(page.locator('#column'))).width;
    expect(column).toBeGreaterThan(700);
    expect((await box(placeholderOf(page, 'css'))).width).toBe(column);
    expect((await box(placeholderOf(page, 'percent'))).width).toBe(column);
    expect((await box(placeholderOf(page, 'fixed'))).width).toBe(284);
  });

  for (const lang of ['tr', 'de', 'ar']) {
    test(`every layout size fits the width, with nothing cut off: ${lang}`, async ({ page }) => {
      await open(page, { attrs: `lang="${lang}"`, after: SIZES });
      await expect(page.locator('cookie-consent-placeholder')).toHaveCount(6);
      await expect(page.locator('cookie-consent-placeholder [part="placeholder"]').first()).toHaveAttribute(
        'lang',
        lang,
      );
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        boxes: [...document.querySelectorAll('cookie-consent-placeholder')].map((host) => {
          const r = host.getBoundingClientRect();
          const inner = host.shadowRoot!.querySelector<HTMLElement>('[part="placeholder"]')!;
          const buttons = [...inner.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
          return {
            id: host.nextElementSibling!.id,
            left: r.left,
            right: r.right,
            // Every button inside the box and the viewport; the text overflows neither.
            buttonsInside: buttons.every((b) => b.left >= r.left - 0.5 && b.right <= r.right + 0.5 && b.right <= 320),
            clipped: inner.scrollWidth > inner.clientWidth + 1,
            grown: r.height >= inner.scrollHeight - 1 || getComputedStyle(host).overflow === 'auto',
          };
        }),
      }));
      expect(layout.scrollWidth).toBeLessThanOrEqual(320);
      for (const b of layout.boxes) {
        expect(b, b.id).toMatchObject({ buttonsInside: true, clipped: false, grown: true });
        expect(b.left, b.id).toBeGreaterThanOrEqual(0);
        expect(b.right, b.id).toBeLessThanOrEqual(320);
      }
    });
  }
});

test('under a strict CSP with Trusted Types, a placeholder shows and works with no violation', async ({ page }) => {
  await recordViolations(page);
  const hits = await tracker(page);
  await open(page, {
    after: VIDEO,
    headers: {
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-src https://tracker.test; require-trusted-types-for 'script'; trusted-types lit-html",
    },
  });
  await group(page, 'Ürün tanıtımı').getByRole('button', { name: tr.embed.loadOnce }).click();
  await expect.poll(() => hits).toEqual(['video.html']);
  expect(await violations(page)).toEqual([]);
});
