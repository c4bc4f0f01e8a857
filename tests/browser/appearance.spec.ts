import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, afterPaint, mount, type PageOptions } from './fixtures.js';

type Locale = {
  banner: Record<string, string>;
  preferences: Record<string, string>;
  inventory: Record<string, string>;
  launcher: Record<string, string>;
};
const locale = (code: string): Locale =>
  JSON.parse(readFileSync(new URL(`../../locales/${code}.json`, import.meta.url), 'utf8')) as Locale;
const tr = locale('tr');

/** The element's class JSDoc is the contract: its parts and custom properties, as documented. */
const SOURCE = readFileSync(new URL('../../src/cookie-consent-banner.ts', import.meta.url), 'utf8');
const DOC_PARTS = [...SOURCE.matchAll(/@csspart ([\w-]+)/g)].map((m) => m[1]!);
const DOC_PROPS = new Map([...SOURCE.matchAll(/@cssprop \[(--[\w-]+)=([^\]]*)\]/g)].map((m) => [m[1]!, m[2]!]));

const POSITIONS = ['bottom', 'top', 'bottom-start', 'bottom-end', 'center'] as const;
const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
] as const;

const PARAGRAPH =
  'İstanbul’da sabah saatlerinde başlayan yağmur gün boyunca aralıklarla sürdü; meteoroloji yetkilileri akşam ' +
  'saatlerinde rüzgârın kuvvetleneceğini ve sıcaklığın birkaç derece düşeceğini açıkladı.';
/** Content above the element: a header with a link. */
const HEADER =
  '<header><a id="page-link" href="#clicked">Ana sayfa</a><p>Günün öne çıkan haberleri ve son dakika gelişmeleri.</p></header>';
/** Content below the element: a long article, taller than any viewport. */
const ARTICLE = `<main><article><h1>Şehirde yağmur</h1>${Array.from(
  { length: 40 },
  (_, i) => `<p>${i + 1}. ${PARAGRAPH}</p>`,
).join('')}</article></main>`;
const VIEWPORT_META = '<meta name="viewport" content="width=device-width, initial-scale=1">';

/** A page with content above and below the element, like a site's article page. */
const articlePage = (options: PageOptions = {}): PageOptions => ({
  before: HEADER,
  after: ARTICLE,
  ...options,
  head: `${VIEWPORT_META}${options.head ?? ''}`,
});

const host = (page: Page) => page.locator('cookie-consent-banner');
const base = (page: Page) => page.locator('cookie-consent-banner [part="base"]');
const part = (page: Page, name: string) => page.locator(`cookie-consent-banner [part~="${name}"]`).first();
/** The banner region in a given language: its name, and its lang (several languages say just "Cookies"). */
const region = (page: Page, code = 'tr') =>
  page.getByRole('region', { name: locale(code).banner.heading, exact: true }).and(page.locator(`[lang="${code}"]`));

/** The four buttons of the first layer. */
const firstLayerButtons = (page: Page, code = 'tr') => {
  const l = locale(code).banner;
  return [l.rejectAll!, l.acceptAll!, l.preferences!, l.close!].map((name) =>
    region(page, code).getByRole('button', { name, exact: true }),
  );
};

/** Waits until every animation in the element's shadow root has finished (the entrance moves the box). */
async function settled(page: Page): Promise<void> {
  await host(page).evaluate(async (element) => {
    await Promise.all(element.shadowRoot!.getAnimations().map((animation) => animation.finished));
  });
}

const computed = (locator: Locator, property: string) =>
  locator.evaluate((element, p) => getComputedStyle(element).getPropertyValue(p), property);

/** A visible banner, its entrance finished. */
async function shown(page: Page, code = 'tr'): Promise<void> {
  await expect(region(page, code)).toBeVisible();
  await settled(page);
}

async function openPreferences(page: Page, code = 'tr'): Promise<Locator> {
  await region(page, code)
    .getByRole('button', { name: locale(code).banner.preferences, exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: locale(code).preferences.heading });
  await expect(dialog).toBeVisible();
  return dialog;
}

const gpcOn = (page: Page) =>
  page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
  );

// ——— Colours ———

type Rgb = [number, number, number];

function parseColour(value: string): { rgb: Rgb; alpha: number } {
  const match = /^rgba?\(([^)]+)\)$/.exec(value.trim());
  if (!match) throw new Error(`not an rgb() colour: ${value}`);
  const [r, g, b, a] = match[1]!
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  return { rgb: [r!, g!, b!], alpha: a ?? 1 };
}

function luminance(colour: string): number {
  const [r, g, b] = parseColour(colour).rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The element's text colour, and the first opaque background behind it (through the shadow boundary). */
const colours = (locator: Locator) =>
  locator.evaluate((element) => {
    const transparent = (c: string) => c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);
    let node: Element | null = element;
    let background = 'rgb(255, 255, 255)';
    while (node) {
      const bg = getComputedStyle(node).backgroundColor;
      if (!transparent(bg)) {
        background = bg;
        break;
      }
      node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
    }
    const style = getComputedStyle(element);
    return { color: style.color, background, border: style.borderTopColor };
  });

// ——— Layout ———

async function expectInViewport(page: Page, width: number, height: number, code = 'tr'): Promise<void> {
  await shown(page, code);
  const box = (await base(page).boundingBox())!;
  const where = `base at ${JSON.stringify(box)} in ${width}×${height}`;
  // Half a pixel for sub-pixel layout.
  expect(box.x, where).toBeGreaterThanOrEqual(-0.5);
  expect(box.y, where).toBeGreaterThanOrEqual(-0.5);
  expect(box.x + box.width, where).toBeLessThanOrEqual(width + 0.5);
  expect(box.y + box.height, where).toBeLessThanOrEqual(height + 0.5);
  for (const button of firstLayerButtons(page, code)) {
    await expect(button).toBeVisible();
    await expect(button).toBeInViewport({ ratio: 1 });
    // No clipped label: the text fits its button.
    expect(await button.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
  }
  const scroll = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, inner: innerWidth }));
  expect(scroll.scrollWidth, 'no horizontal scroll').toBeLessThanOrEqual(scroll.inner);
  expect(await base(page).evaluate((b) => b.scrollWidth <= b.clientWidth), 'nothing overflows the banner').toBe(true);
}

test.describe('layout', () => {
  for (const position of POSITIONS) {
    for (const { width, height } of VIEWPORTS) {
      test(`${position} at ${width}×${height} (tr) stays in the viewport, buttons in view, no horizontal scroll`, async ({
        page,
      }) => {
        await page.setViewportSize({ width, height });
        await mount(page, articlePage({ attrs: `lang="tr" position="${position}"` }));
        await expectInViewport(page, width, height);
      });
    }
    test(`${position} at 320×640 in German (long words) stays in the viewport, no horizontal scroll`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await mount(page, articlePage({ attrs: `lang="de" position="${position}"`, htmlLang: 'de' }));
      await expectInViewport(page, 320, 640, 'de');
    });
  }

  for (const [code, start, end] of [
    ['tr', 'left', 'right'],
    ['ar', 'right', 'left'],
  ] as const) {
    test(`corner boxes follow the text direction: ${code} puts bottom-start at the ${start}, bottom-end at the ${end}`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      for (const [position, side] of [
        ['bottom-start', start],
        ['bottom-end', end],
      ] as const) {
        await mount(page, articlePage({ attrs: `lang="${code}" position="${position}"` }));
        await shown(page, code);
        const box = (await base(page).boundingBox())!;
        const gap = side === 'left' ? box.x : 1280 - (box.x + box.width);
        const other = side === 'left' ? 1280 - (box.x + box.width) : box.x;
        expect(gap, `${position} in ${code}: ${JSON.stringify(box)}`).toBeCloseTo(16, 0);
        expect(other).toBeGreaterThan(640);
        expect(800 - (box.y + box.height)).toBeCloseTo(16, 0);
      }
    });
  }

  test('top lays out its content as bottom does: centred, up to --cc-max-width', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const actions = async (position: string) => {
      await mount(page, articlePage({ attrs: `position="${position}"` }));
      await shown(page);
      const box = (await part(page, 'actions').boundingBox())!;
      return { x: Math.round(box.x), width: Math.round(box.width) };
    };
    const bottom = await actions('bottom');
    // 70rem less 1rem of spacing on each side, centred in 1440 px.
    expect(bottom).toEqual({ x: 176, width: 1088 });
    expect(await actions('top')).toEqual(bottom);
  });

  test('without a logo, the headings line up with the text below them', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await mount(page, articlePage({ attrs: 'position="bottom-start"' }));
    await shown(page);
    const left = async (name: string) => Math.round((await part(page, name).boundingBox())!.x);
    expect(await left('heading'), 'banner heading vs notice').toBe(await left('notice'));
    await openPreferences(page);
    expect(await left('preferences-heading'), 'dialog heading vs categories').toBe(await left('categories'));
  });

  test('center leaves the page usable: a link outside the box can be clicked while the banner shows', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await mount(page, articlePage({ attrs: 'position="center"' }));
    await shown(page);
    const link = page.locator('#page-link');
    const linkBox = (await link.boundingBox())!;
    const box = (await base(page).boundingBox())!;
    expect(
      linkBox.y + linkBox.height <= box.y || linkBox.x + linkBox.width <= box.x,
      'the link is outside the box',
    ).toBe(true);
    // Nothing invisible covers the page around the box.
    const hits = await page.evaluate(() =>
      [
        [5, 5],
        [innerWidth - 5, 5],
        [5, innerHeight - 5],
        [innerWidth - 5, innerHeight - 5],
      ].map(([x, y]) => document.elementFromPoint(x!, y!)?.localName),
    );
    expect(hits).not.toContain('cookie-consent-banner');
    await link.click({ timeout: 5000 });
    await expect.poll(() => new URL(page.url()).hash).toBe('#clicked');
    await expect(region(page)).toBeVisible();
  });
});

// ——— Layout shift ———

test.describe('layout shift', () => {
  for (const position of POSITIONS) {
    test(`CLS is 0 (${position}) through load, the banner showing, a choice and the banner hiding`, async ({
      page,
    }) => {
      await page.addInitScript(() => {
        const w = window as unknown as {
          __shifts: { value: number; recent: boolean }[];
          __observer: PerformanceObserver;
        };
        w.__shifts = [];
        const record = (entries: PerformanceEntryList) => {
          for (const entry of entries as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            w.__shifts.push({ value: entry.value, recent: entry.hadRecentInput });
          }
        };
        w.__observer = new PerformanceObserver((list) => record(list.getEntries()));
        w.__observer.observe({ type: 'layout-shift', buffered: true });
      });
      const shifts = () =>
        page.evaluate(async () => {
          // Two frames, so that any shift of the last one is reported.
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const w = window as unknown as {
            __shifts: { value: number; recent: boolean }[];
            __observer: PerformanceObserver;
          };
          for (const entry of w.__observer.takeRecords() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            w.__shifts.push({ value: entry.value, recent: entry.hadRecentInput });
          }
          return w.__shifts;
        });
      const sum = async () => (await shifts()).reduce((total, s) => total + s.value, 0);

      await page.setViewportSize({ width: 1280, height: 800 });
      await mount(page, articlePage({ attrs: `position="${position}"` }));
      await shown(page);
      expect(await shifts(), 'after load and the banner showing').toEqual([]);
      await region(page).getByRole('button', { name: tr.banner.acceptAll }).click();
      await expect(region(page)).toBeHidden();
      // The rest of the view's update comes just after the next paint, and a shift it caused would be laid out in
      // the frame after that one: wait for both.
      await afterPaint(page);
      await afterPaint(page);
      // Every shift counts, even those right after the click that CLS would forgive.
      expect(await shifts(), 'after the choice and the banner hiding').toEqual([]);
      expect(await sum()).toBe(0);

      // The observer does see shifts: moving the page's content is one.
      await page.evaluate(() => {
        const spacer = document.createElement('div');
        spacer.style.blockSize = '120px';
        document.body.prepend(spacer);
      });
      await expect.poll(sum).toBeGreaterThan(0);
    });
  }
});

// ——— Themes and contrast ———

test.describe('text size', () => {
  test("on a site whose root is 62.5 % the text keeps the visitor's default size; it follows larger page text, never smaller", async ({
    page,
  }) => {
    const notice = () => computed(part(page, 'notice'), 'font-size');
    await mount(page, articlePage({ head: '<style>html { font-size: 62.5% } body { font-size: 1.6rem }</style>' }));
    await shown(page);
    expect(await notice()).toBe('16px');
    await page.addStyleTag({ content: 'html { font-size: 100% } body { font-size: 20px }' });
    expect(await notice()).toBe('20px');
    // Smaller page text than the visitor's default: the banner keeps the default.
    await page.addStyleTag({ content: 'body { font-size: 12px }' });
    expect(await notice()).toBe('16px');
  });
});

test.describe('print', () => {
  test('a printed page shows neither the banner nor, after a choice, the launcher (the screen shows them again); open preferences print', async ({
    page,
  }) => {
    await mount(page, articlePage({ attrs: 'lang="tr" launcher' }));
    await shown(page);
    await page.emulateMedia({ media: 'print' });
    await expect(region(page)).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await expect(region(page)).toBeVisible();
    await region(page).getByRole('button', { name: tr.banner.acceptAll, exact: true }).click();
    const launcher = part(page, 'launcher');
    await expect(launcher).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(launcher).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await expect(launcher).toBeVisible();
    // Preferences the visitor opened print: they asked to see them.
    await launcher.click();
    const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
    await page.emulateMedia({ media: 'print' });
    await expect(dialog).toBeVisible();
  });
});

test.describe('themes', () => {
  const background = (page: Page) => computed(base(page), 'background-color');

  test('auto follows a colour-scheme change without a reload, and back', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await mount(page, articlePage());
    await shown(page);
    const light = await background(page);
    const lightText = await computed(base(page), 'color');
    expect(luminance(light)).toBeGreaterThan(0.8);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => luminance(await background(page))).toBeLessThan(0.05);
    expect(luminance(await computed(base(page), 'color'))).toBeGreaterThan(0.8);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(page)).toBe(light);
    expect(await computed(base(page), 'color')).toBe(lightText);
  });

  test('theme="dark" is dark under a light scheme; theme="light" stays light under a dark one', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await mount(page, articlePage({ attrs: 'theme="dark"' }));
    await shown(page);
    const dark = await background(page);
    expect(luminance(dark)).toBeLessThan(0.05);

    await page.emulateMedia({ colorScheme: 'dark' });
    await mount(page, articlePage({ attrs: 'theme="light"' }));
    await shown(page);
    expect(luminance(await background(page))).toBeGreaterThan(0.8);
    // And auto under the dark scheme is the same dark as theme="dark".
    await mount(page, articlePage());
    await shown(page);
    expect(await background(page)).toBe(dark);
  });

  test('the theme property switches the theme too', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await mount(page, articlePage());
    await shown(page);
    await host(page).evaluate((element) => {
      (element as HTMLElement & { theme: string }).theme = 'dark';
    });
    await expect.poll(async () => luminance(await background(page))).toBeLessThan(0.05);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`${theme}: text contrast is at least 4.5:1 for the notice, the link and the buttons; 3:1 for borders`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme });
      await mount(page, articlePage({ attrs: `theme="${theme}" policy-url="/cerez-politikasi"` }));
      await shown(page);
      const text = [
        'notice',
        'purposes',
        'heading',
        'policy-link',
        'reject-button',
        'accept-button',
        'preferences-button',
      ];
      for (const name of text) {
        const { color, background: bg } = await colours(part(page, name));
        expect(contrast(color, bg), `${name}: ${color} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
      const close = await colours(part(page, 'close-button'));
      expect(
        contrast(close.color, close.background),
        `the X: ${close.color} on ${close.background}`,
      ).toBeGreaterThanOrEqual(4.5);
      expect(contrast(close.border, close.background), `the X's border`).toBeGreaterThanOrEqual(3);

      await openPreferences(page);
      for (const name of ['preferences-heading', 'category-name', 'category-description', 'summary', 'save-button']) {
        const { color, background: bg } = await colours(part(page, name));
        expect(contrast(color, bg), `${name}: ${color} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
      const off = await colours(page.locator('cookie-consent-banner [part="switch"]:not(:checked)').first());
      expect(
        contrast(off.border, off.background),
        `an off switch: ${off.border} on ${off.background}`,
      ).toBeGreaterThanOrEqual(3);
    });
  }
});

// ——— Custom properties ———

interface PropertyCase {
  /** What the site sets. */
  value: string;
  /** What it should change, as `measure` reads it. */
  expected: string;
  attrs?: string;
  /** Brings the banner into the state the property shows in (preferences open, a hovered button…). */
  prepare?: (page: Page) => Promise<unknown>;
  measure: (page: Page) => Promise<string>;
}

const boxOf = async (page: Page) => (await base(page).boundingBox())!;

/** Each documented custom property, what it changes and where. */
const PROPERTY_CASES: Record<string, PropertyCase> = {
  '--cc-background': {
    value: 'rgb(1, 2, 3)',
    expected: 'rgb(1, 2, 3)',
    measure: (p) => computed(base(p), 'background-color'),
  },
  '--cc-text': {
    value: 'rgb(10, 20, 30)',
    expected: 'rgb(10, 20, 30)',
    measure: (p) => computed(part(p, 'notice'), 'color'),
  },
  '--cc-muted-text': {
    value: 'rgb(11, 21, 31)',
    expected: 'rgb(11, 21, 31)',
    prepare: (p) => openPreferences(p),
    measure: (p) => computed(part(p, 'category-description'), 'color'),
  },
  '--cc-accent': {
    value: 'rgb(12, 22, 32)',
    expected: 'rgb(12, 22, 32)',
    attrs: 'policy-url="/cerez-politikasi"',
    measure: (p) => computed(part(p, 'policy-link'), 'color'),
  },
  '--cc-button-background': {
    value: 'rgb(4, 5, 6)',
    expected: 'rgb(4, 5, 6)',
    measure: (p) => computed(part(p, 'accept-button'), 'background-color'),
  },
  '--cc-button-text': {
    value: 'rgb(13, 23, 33)',
    expected: 'rgb(13, 23, 33)',
    measure: (p) => computed(part(p, 'accept-button'), 'color'),
  },
  '--cc-button-hover-background': {
    value: 'rgb(14, 24, 34)',
    expected: 'rgb(14, 24, 34)',
    prepare: (p) => part(p, 'accept-button').hover(),
    measure: (p) => computed(part(p, 'accept-button'), 'background-color'),
  },
  '--cc-switch-off': {
    value: 'rgb(15, 25, 35)',
    expected: 'rgb(15, 25, 35)',
    prepare: (p) => openPreferences(p),
    measure: (p) =>
      computed(p.locator('cookie-consent-banner [part="switch"]:not(:checked)').first(), 'border-top-color'),
  },
  '--cc-switch-on': {
    value: 'rgb(16, 26, 36)',
    expected: 'rgb(16, 26, 36)',
    prepare: (p) => openPreferences(p),
    measure: (p) => computed(p.locator('cookie-consent-banner [part="switch"]:checked').first(), 'background-color'),
  },
  '--cc-focus-ring': {
    value: 'rgb(17, 27, 37)',
    expected: 'solid rgb(17, 27, 37)',
    prepare: (p) => part(p, 'accept-button').focus(),
    measure: async (p) =>
      `${await computed(part(p, 'accept-button'), 'outline-style')} ${await computed(part(p, 'accept-button'), 'outline-color')}`,
  },
  '--cc-border': {
    value: 'rgb(18, 28, 38)',
    expected: 'rgb(18, 28, 38)',
    measure: (p) => computed(part(p, 'close-button'), 'border-top-color'),
  },
  '--cc-font-family': { value: 'serif', expected: 'serif', measure: (p) => computed(base(p), 'font-family') },
  '--cc-font-size': { value: '21px', expected: '21px', measure: (p) => computed(base(p), 'font-size') },
  '--cc-radius': {
    value: '0px',
    expected: '0px',
    measure: (p) => computed(part(p, 'accept-button'), 'border-top-left-radius'),
  },
  '--cc-spacing': {
    value: '7px',
    expected: '7px',
    prepare: (p) => openPreferences(p),
    measure: (p) => computed(part(p, 'category'), 'column-gap'),
  },
  '--cc-max-width': {
    // The content's line: 500px less the inner spacing (1rem) on each side.
    value: '500px',
    expected: '468',
    measure: async (p) => String(Math.round((await part(p, 'actions').boundingBox())!.width)),
  },
  '--cc-shadow': {
    value: '0 0 5px rgb(1, 2, 3)',
    expected: 'rgb(1, 2, 3) 0px 0px 5px 0px',
    measure: (p) => computed(base(p), 'box-shadow'),
  },
  '--cc-z-index': { value: '7', expected: '7', measure: (p) => computed(base(p), 'z-index') },
  '--cc-box-width': {
    value: '300px',
    expected: '300',
    attrs: 'position="bottom-start"',
    measure: async (p) => String(Math.round((await boxOf(p)).width)),
  },
  '--cc-offset': {
    value: '30px',
    expected: 'start 30, bottom 30',
    attrs: 'position="bottom-start"',
    measure: async (p) => {
      const box = await boxOf(p);
      const height = await p.evaluate(() => innerHeight);
      return `start ${Math.round(box.x)}, bottom ${Math.round(height - box.y - box.height)}`;
    },
  },
};

test.describe('custom properties', () => {
  test('every documented custom property has a case here, and no more', () => {
    expect(Object.keys(PROPERTY_CASES).sort()).toEqual([...DOC_PROPS.keys()].sort());
  });

  for (const [name, c] of Object.entries(PROPERTY_CASES)) {
    test(`${name} changes what it says it changes`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await mount(
        page,
        articlePage({
          attrs: `lang="tr" ${c.attrs ?? ''}`,
          head: `<style id="site">cookie-consent-banner { ${name}: ${c.value}; }</style>`,
        }),
      );
      await shown(page);
      await c.prepare?.(page);
      await expect.poll(() => c.measure(page)).toBe(c.expected);
      // Without the site's value it is something else: the case measures the property, not a coincidence.
      await page.evaluate(() => document.getElementById('site')!.remove());
      await expect.poll(() => c.measure(page)).not.toBe(c.expected);
    });
  }

  test('the documented defaults are the defaults the banner uses (light theme)', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await mount(page, articlePage({ attrs: 'theme="light"' }));
    await shown(page);
    const actual = await host(page).evaluate(
      (element, names) =>
        Object.fromEntries(names.map((n) => [n, getComputedStyle(element).getPropertyValue(n).trim()])),
      [...DOC_PROPS.keys()],
    );
    // The same CSS either way: the build's minifier drops the space after a comma (`max(1rem,1em)`).
    const normalize = (v: string) => v.replace(/\s+/g, ' ').replace(/, /g, ',').trim().toLowerCase();
    // `inherit` in a custom property inherits the property itself (none above): checked by 'the page's font' below.
    const documented = Object.fromEntries(
      [...DOC_PROPS].filter(([, v]) => v !== 'inherit').map(([n, v]) => [n, normalize(v)]),
    );
    const used = Object.fromEntries(Object.keys(documented).map((n) => [n, normalize(actual[n] ?? '')]));
    expect(used).toEqual(documented);
  });

  test('the banner takes the page’s font when --cc-font-family is not set', async ({ page }) => {
    await mount(page, articlePage({ head: '<style>body { font-family: "Courier New", monospace; }</style>' }));
    await shown(page);
    const pageFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(pageFont).toBe('"Courier New", monospace');
    // Every part with text (the X and the launcher show only an icon).
    for (const name of ['base', 'heading', 'notice', 'accept-button', 'language-picker']) {
      expect(await computed(part(page, name), 'font-family'), name).toBe(pageFont);
    }
    await openPreferences(page);
    expect(await computed(part(page, 'preferences'), 'font-family')).toBe(pageFont);
    expect(await computed(part(page, 'save-button'), 'font-family')).toBe(pageFont);
  });
});

// ——— Parts ———

type PartSetup = 'banner' | 'preferences' | 'gpc' | 'launcher' | 'cookies';

/** Each documented part, and what must happen for it to render. */
const PART_SETUP: Record<string, PartSetup> = {
  base: 'banner',
  purposes: 'banner',
  heading: 'banner',
  'language-picker': 'banner',
  notice: 'banner',
  more: 'banner',
  'policy-link': 'banner',
  'close-button': 'banner',
  actions: 'banner',
  'reject-button': 'banner',
  'accept-button': 'banner',
  'preferences-button': 'banner',
  preferences: 'preferences',
  'preferences-heading': 'preferences',
  'preferences-close-button': 'preferences',
  categories: 'preferences',
  category: 'preferences',
  'category-name': 'preferences',
  'category-description': 'preferences',
  switch: 'preferences',
  summary: 'preferences',
  'gpc-notice': 'gpc',
  launcher: 'launcher',
  'cookie-table': 'cookies',
  'preferences-actions': 'preferences',
  'preferences-reject-button': 'preferences',
  'preferences-accept-button': 'preferences',
  'save-button': 'preferences',
};

const COOKIE_TABLE = {
  analytics: [{ name: '_ga', provider: 'Google', purpose: 'x', duration: '2 yıl', country: 'ABD' }],
};

async function setUp(page: Page, setup: PartSetup, head = ''): Promise<void> {
  if (setup === 'gpc') await gpcOn(page);
  const attrs = `lang="tr" policy-url="/cerez-politikasi"${setup === 'launcher' ? ' launcher' : ''}`;
  await mount(page, articlePage({ attrs, head }));
  await shown(page);
  if (setup === 'preferences') await openPreferences(page);
  if (setup === 'cookies') {
    await host(page).evaluate((element, cookies) => {
      (element as HTMLElement & { cookies: unknown }).cookies = cookies;
    }, COOKIE_TABLE);
    const dialog = await openPreferences(page);
    await dialog.getByText(tr.inventory.show_one!.replace('{{count}}', '1')).click();
    await expect(part(page, 'cookie-table')).toBeVisible();
  }
  if (setup === 'gpc') await expect(part(page, 'gpc-notice')).toBeVisible();
  if (setup === 'launcher') {
    // A stored choice: the launcher shows on the next page.
    await region(page).getByRole('button', { name: tr.banner.rejectAll }).click();
    await page.reload();
    await expect(page.getByRole('button', { name: tr.launcher.label })).toBeVisible();
  }
}

test.describe('parts', () => {
  test('every documented part has a case here, and no more', () => {
    expect(Object.keys(PART_SETUP).sort()).toEqual([...DOC_PARTS].sort());
  });

  test('every part in the shadow root is documented, and every documented part renders', async ({ page }) => {
    await gpcOn(page);
    await mount(page, articlePage({ attrs: 'policy-url="/cerez-politikasi" launcher' }));
    await shown(page);
    await host(page).evaluate((element, cookies) => {
      (element as HTMLElement & { cookies: unknown }).cookies = cookies;
    }, COOKIE_TABLE);
    await openPreferences(page);
    const rendered = await host(page).evaluate((element) => [
      ...new Set(
        [...element.shadowRoot!.querySelectorAll('[part]')].flatMap((e) => e.getAttribute('part')!.split(/\s+/)),
      ),
    ]);
    expect(rendered.sort()).toEqual([...DOC_PARTS].sort());
  });

  for (const [name, setup] of Object.entries(PART_SETUP)) {
    test(`::part(${name}) styles it`, async ({ page }) => {
      await setUp(
        page,
        setup,
        `<style id="site">cookie-consent-banner::part(${name}) { color: rgb(9, 9, 9); }</style>`,
      );
      await expect(part(page, name)).toBeAttached();
      await expect.poll(() => computed(part(page, name), 'color')).toBe('rgb(9, 9, 9)');
      await page.evaluate(() => document.getElementById('site')!.remove());
      await expect.poll(() => computed(part(page, name), 'color')).not.toBe('rgb(9, 9, 9)');
    });
  }
});

// ——— Slots ———

test.describe('slots', () => {
  test('logo and extra: the site’s content shows inside the banner, in its place', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await mount(
      page,
      articlePage({
        noElement: true,
        after: `<cookie-consent-banner lang="tr"><span slot="logo" id="logo">ACME</span><p slot="extra" id="extra">Sitemizin ek bilgisi.</p></cookie-consent-banner>${ARTICLE}`,
      }),
    );
    await shown(page);
    const assigned = await host(page).evaluate((element) =>
      ['logo', 'extra'].map((slot) =>
        element
          .shadowRoot!.querySelector<HTMLSlotElement>(`slot[name="${slot}"]`)!
          .assignedElements()
          .map((e) => e.id),
      ),
    );
    expect(assigned).toEqual([['logo'], ['extra']]);
    // Both slots sit in the banner region.
    expect(
      await host(page).evaluate((element) =>
        [...element.shadowRoot!.querySelectorAll('slot')].every((s) => s.closest('[part="base"]')),
      ),
    ).toBe(true);
    await expect(page.locator('#logo')).toBeVisible();
    await expect(page.locator('#extra')).toBeVisible();
    const banner = (await base(page).boundingBox())!;
    const logo = (await page.locator('#logo').boundingBox())!;
    const extra = (await page.locator('#extra').boundingBox())!;
    for (const b of [logo, extra]) {
      expect(b.x).toBeGreaterThanOrEqual(banner.x);
      expect(b.y).toBeGreaterThanOrEqual(banner.y);
      expect(b.x + b.width).toBeLessThanOrEqual(banner.x + banner.width);
      expect(b.y + b.height).toBeLessThanOrEqual(banner.y + banner.height);
    }
    // The logo before the heading; the extra content between the notice and the buttons.
    const heading = (await part(page, 'heading').boundingBox())!;
    const notice = (await part(page, 'notice').boundingBox())!;
    const actions = (await part(page, 'actions').boundingBox())!;
    expect(logo.x + logo.width).toBeLessThanOrEqual(heading.x);
    expect(extra.y).toBeGreaterThanOrEqual(notice.y + notice.height);
    expect(extra.y + extra.height).toBeLessThanOrEqual(actions.y);
  });
});

// ——— Motion ———

test.describe('motion', () => {
  interface Seen {
    part: string | null;
    end: number;
  }
  /** The animations running in the shadow root at the moment the banner shows. */
  const recordAnimations = (page: Page) =>
    page.addInitScript(() => {
      document.addEventListener('consent-show', (event) => {
        const root = (event.target as Element).shadowRoot!;
        (window as unknown as { __animations: Seen[] }).__animations = root.getAnimations().map((animation) => ({
          part: ((animation.effect as KeyframeEffect | null)?.target as Element | null)?.getAttribute('part') ?? null,
          end: Number(animation.effect?.getComputedTiming().endTime),
        }));
      });
    });
  const seen = (page: Page) =>
    page.evaluate(() => (window as unknown as { __animations?: Seen[] }).__animations ?? null);

  test('no-preference: a short entrance, 300 ms at most', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await recordAnimations(page);
    await mount(page, articlePage());
    await expect(region(page)).toBeVisible();
    const animations = (await seen(page))!;
    expect(animations.map((a) => a.part)).toContain('base');
    for (const a of animations) expect(a.end).toBeLessThanOrEqual(300);
  });

  test('reduce: no animation at all', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await recordAnimations(page);
    await mount(page, articlePage({ attrs: 'launcher' }));
    await expect(region(page)).toBeVisible();
    expect(await seen(page)).toEqual([]);
    expect(await host(page).evaluate((element) => element.shadowRoot!.getAnimations().length)).toBe(0);
    await openPreferences(page);
    expect(await host(page).evaluate((element) => element.shadowRoot!.getAnimations().length)).toBe(0);
  });
});

test.describe('subclasses', () => {
  test("a subclass's static styles stay when the view loads, beside the view's own", async ({ page }) => {
    await mount(page, {
      noElement: true,
      after: `<script type="module">
        import { CookieConsentBanner } from '/dist/cookie-consent-banner.js';
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(':host { outline: 3px solid rgb(255, 0, 0); }');
        customElements.define('site-consent-banner', class extends CookieConsentBanner {
          static styles = [CookieConsentBanner.styles, sheet];
        });
        document.body.append(document.createElement('site-consent-banner'));
      </script>`,
    });
    const banner = page.locator('site-consent-banner');
    await expect(banner.getByRole('region')).toBeVisible();
    // The subclass's rule, and the view's (the banner is fixed to the viewport), both apply.
    expect(await banner.evaluate((el) => getComputedStyle(el).outlineColor)).toBe('rgb(255, 0, 0)');
    expect(
      await banner.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).position),
    ).toBe('fixed');
  });
});
