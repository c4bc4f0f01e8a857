import { readdirSync, readFileSync } from 'node:fs';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

/** The test server's origin: `playwright.config.ts` serves on `TEST_PORT`, 4321 by default. */
export const TEST_ORIGIN = `http://localhost:${process.env.TEST_PORT ?? 4321}`;

export interface PageOptions {
  /** Attributes of the element, as written in HTML. */
  attrs?: string;
  /** `lang` of the page's `<html>`; `null` for none. Default `tr`. */
  htmlLang?: string | null;
  /** Markup before and after the element in `<body>`. */
  before?: string;
  after?: string;
  /** Extra markup in `<head>`, before the module. */
  head?: string;
  /** Path of the page on the test origin. */
  path?: string;
  /** Leave the element out (the test adds it). */
  noElement?: boolean;
  /** Response headers of the page (a Content-Security-Policy, say). */
  headers?: Record<string, string>;
}

/** A plain HTML page that loads only dist/cookie-consent-banner.js, the way a site owner would. */
export function pageHtml(options: PageOptions = {}): string {
  const { attrs = '', htmlLang = 'tr', before = '', after = '', head = '', noElement = false } = options;
  const lang = htmlLang === null ? '' : ` lang="${htmlLang}"`;
  const element = noElement ? '' : `<cookie-consent-banner ${attrs}></cookie-consent-banner>`;
  return `<!doctype html><html${lang}><head><meta charset="utf-8"><title>Çerez test page</title>${head}
<script type="module" src="/dist/cookie-consent-banner.js"></script></head>
<body>${before}${element}${after}</body></html>`;
}

/** Serves `pageHtml(options)` at `options.path` on the test origin and opens it. */
export async function mount(page: Page, options: PageOptions = {}): Promise<void> {
  const path = options.path ?? '/test/page.html';
  const body = pageHtml(options);
  await page.route(`**${path}`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body, headers: options.headers ?? {} }),
  );
  await page.goto(path);
}

export interface RecordedEvent {
  type: string;
  target: 'document' | 'window';
  detail: unknown;
}

/** Records the banner's events as `document` and `window` hear them, from before the module runs. */
export async function recordEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __events?: unknown[] };
    if (w.__events) return;
    const recorded: unknown[] = (w.__events = []);
    for (const type of ['consent-ready', 'consent-change', 'consent-show', 'consent-hide', 'consent-language-change']) {
      document.addEventListener(type, (e) =>
        recorded.push({ type, target: 'document', detail: structuredClone((e as CustomEvent).detail) }),
      );
      window.addEventListener(type, (e) =>
        recorded.push({ type, target: 'window', detail: structuredClone((e as CustomEvent).detail) }),
      );
    }
  });
}

/** The events recorded so far, as `document` heard them. */
export async function events(page: Page, type?: string): Promise<RecordedEvent[]> {
  const all = await page.evaluate(() => (window as unknown as { __events: RecordedEvent[] }).__events);
  return all.filter((e) => e.target === 'document' && (!type || e.type === type));
}

/** The consent cookie as the browser stores it, decoded. */
export async function consentCookie(page: Page, name = 'cookie_consent') {
  const cookie = (await page.context().cookies()).find((c) => c.name === name);
  if (!cookie) return undefined;
  return { ...cookie, record: JSON.parse(decodeURIComponent(cookie.value)) as Record<string, unknown> };
}

/** The seed notice, word for word: what the Turkish banner must show. */
export const SEED_NOTICE = [
  'Sitelerimizde reklam ve pazarlama faaliyetlerinin yürütülmesi amaçları ile çerezler kullanılmaktadır.',
  'Bu çerezler, kullanıcıların tarayıcı ve cihazlarını tanımlayarak çalışır.',
  'İnternet sitemizin düzgün çalışması, kişiselleştirilmiş reklam deneyimi, internet sitemizi optimize edebilmemiz, ziyaret tercihlerinizi hatırlayabilmemiz için veri politikasındaki amaçlarla sınırlı ve mevzuata uygun şekilde çerez konumlandırmaktayız.',
  'Bu çerezlere izin vermeniz halinde sizlere özel kişiselleştirilmiş reklamlar sunabilir, sayfalarımızda sizlere daha iyi reklam deneyimi yaşatabiliriz. Bunu yaparken amacımızın size daha iyi reklam bir deneyimi sunmak olduğunu ve sizlere en iyi içerikleri sunabilmek adına elimizden gelen çabayı gösterdiğimizi ve bu noktada, reklamların maliyetlerimizi karşılamak noktasında tek gelir kalemimiz olduğunu sizlere hatırlatmak isteriz.',
] as const;

/**
 * Every test, in every spec that imports `test` from here, fails on an uncaught page error or a
 * `console.error` of any page of its context, unless the error matches a pattern it declared in
 * `allowErrors` (`test.use({ allowErrors: [/…/] })` for a file or a `describe`, or
 * `allowErrors.push(/…/)` inside one test). The `warnings` fixture exposes the console warnings printed
 * so far; the check runs whether or not a test asks for it (`auto`).
 */
export const test = base.extend<{ warnings: string[]; allowErrors: RegExp[] }>({
  /** Console errors a test expects (e.g. the browser's own report of a failed request it provokes). */
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as an object
  allowErrors: async ({}, use) => {
    await use([]);
  },
  warnings: [
    async ({ context, allowErrors }, use) => {
      const warnings: string[] = [];
      const errors: string[] = [];
      context.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
        if (message.type() === 'error') errors.push(message.text());
      });
      context.on('weberror', (error) => errors.push(String(error.error())));
      await use(warnings);
      const unexpected = errors.filter((e) => !allowErrors.some((pattern) => pattern.test(e)));
      expect(unexpected, 'no page errors or console errors').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Serves the test pages and the built files on another origin (e.g. `https://www.cerez.test`), routed
 * to the local test server: for https pages, parent domains and cross-path checks.
 */
export async function mountOn(page: Page, origin: string, options: PageOptions = {}): Promise<void> {
  const path = options.path ?? '/test/page.html';
  const body = pageHtml(options);
  const local = TEST_ORIGIN;
  await page.context().route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === path) {
      await route.fulfill({ contentType: 'text/html; charset=utf-8', body });
      return;
    }
    try {
      const response = await route.fetch({ url: `${local}${url.pathname}` });
      await route.fulfill({ response });
    } catch (error) {
      // The page went on to the next page (or the test ended) while a file of the last one was in flight, a lazy
      // chunk say: nothing waits for that response any more. Any other failure is the test's.
      if (!/has been disposed|Test ended|has been closed/.test(String(error))) throw error;
    }
  });
  await page.goto(`${origin}${path}`);
}

/** A fake third-party tracker on https://tracker.test/: records each request; each script records its run and sets a cookie (`_trk_<name>`). */
export async function tracker(page: Page): Promise<string[]> {
  const hits: string[] = [];
  await page.context().route('https://tracker.test/**', (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name.startsWith(MARKER)) {
      return route.fulfill({
        contentType: 'application/javascript',
        body: `(window.__markers ??= []).push(${JSON.stringify(name)});`,
      });
    }
    hits.push(name);
    if (name.endsWith('.html')) return route.fulfill({ contentType: 'text/html', body: '<p>frame</p>' });
    const cookie = `_trk_${name.replace(/\.js$/, '').replace(/\W/g, '')}`;
    return route.fulfill({
      contentType: 'application/javascript',
      body: `(window.__runs ??= []).push(${JSON.stringify(name)}); document.cookie = "${cookie}=1; path=/";`,
    });
  });
  return hits;
}

const MARKER = 'cerez-marker-';
let markers = 0;

/**
 * Waits until what follows the next paint has run: a choice clicked in the banner or preferences (one that withdraws
 * nothing) is checked, told (`consent-change`) and put into effect in a task queued just after the next frame
 * (`afterNextPaint`); this queues its own task in that frame, after the banner's, and resolves in it.
 */
export async function afterPaint(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/**
 * Resolves at a point after which a gated tag the banner started wrongly would have reached `tracker()`'s
 * hits: for "nothing loaded" checks. It waits for the element's update and an idle callback (at most 1 s,
 * as the banner's own idle work), then puts a `necessary` gated marker tag (served by `tracker()`, not
 * counted in its hits) at the end of the page and waits for it to run. The gate runs tags one after
 * another in document order, each after the one before has loaded, so every tag queued before the marker
 * has been requested by then.
 */
export async function gateSettled(page: Page): Promise<void> {
  const name = `${MARKER}${++markers}.js`;
  await page.evaluate(async (name) => {
    await (document.querySelector('cookie-consent-banner') as { updateComplete?: Promise<unknown> } | null)
      ?.updateComplete;
    // Bounded as the banner bounds its own idle work: a starved machine may have no idle period for long.
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
    const marker = document.createElement('script');
    marker.type = 'text/plain';
    marker.setAttribute('data-consent-category', 'necessary');
    marker.src = `https://tracker.test/${name}`;
    document.body.append(marker);
  }, name);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __markers?: string[] }).__markers ?? []))
    .toContain(name);
}

/**
 * Asserts that the banner is not shown, after the point at which it would have been: the element is
 * defined and has finished its update (it decides and reflects `open` while connecting). Not shown means
 * no `open` attribute and no visible region in its shadow root.
 */
export async function expectBannerNotShown(element: Locator): Promise<void> {
  await element.evaluate(async (el) => {
    await customElements.whenDefined('cookie-consent-banner');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  });
  await expect(element).not.toHaveAttribute('open');
  await expect(element.getByRole('region')).toHaveCount(0);
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const LOCALES = new URL('../../locales/', import.meta.url);

/** The shipped language codes, from the locale files. */
export const LOCALE_CODES = readdirSync(LOCALES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

/** A locale file, parsed. */
export const localeJson = (code: string): Json =>
  JSON.parse(readFileSync(new URL(`${code}.json`, LOCALES), 'utf8')) as Json;

/** Every string of a locale file, with its key path. */
export function strings(value: Json, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

/**
 * WCAG contrast ratio of an element's text colour on the background it is painted on: its own background,
 * composited (alpha included) over its ancestors' (through shadow roots) down to an opaque one, or white.
 */
export function textContrast(element: Locator): Promise<number> {
  return element.evaluate((e) => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const [r = 0, g = 0, b = 0, a = 1] = (c.match(/[\d.]+/g) ?? []).map(Number);
      return [r, g, b, c.startsWith('rgba') || c.includes('/') ? a : 1];
    };
    /** `top` painted over the opaque `below`. */
    const over = (top: Rgba, below: Rgba): Rgba => [
      top[0] * top[3] + below[0] * (1 - top[3]),
      top[1] * top[3] + below[1] * (1 - top[3]),
      top[2] * top[3] + below[2] * (1 - top[3]),
      1,
    ];
    const layers: Rgba[] = [];
    for (let node: Element | null = e; node;) {
      const layer = parse(getComputedStyle(node).backgroundColor);
      if (layer[3] > 0) layers.push(layer);
      if (layer[3] >= 1) break;
      node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
    }
    const background = layers.reduceRight((below, top) => over(top, below), [255, 255, 255, 1] as Rgba);
    const foreground = over(parse(getComputedStyle(e).color), background);
    const lum = ([r, g, b]: Rgba) => {
      const [R, G, B] = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    const [a, c] = [lum(foreground), lum(background)];
    return (Math.max(a, c) + 0.05) / (Math.min(a, c) + 0.05);
  });
}

/** Records CSP violations from before the page's first script. */
export async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: unknown[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push({ directive: e.violatedDirective, uri: e.blockedURI, sample: e.sample }),
    );
  });
}

/** The CSP violations recorded so far. */
export const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: unknown[] }).__csp);

/** A `dataLayer` entry: gtag's `arguments` as `args`, anything else as plain data. */
export type DataLayerEntry = { args?: unknown[]; event?: string; cookieConsent?: Record<string, boolean> };

/** The page's `dataLayer`, as plain data. */
export const dataLayer = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).map((e) =>
      Object.prototype.toString.call(e) === '[object Arguments]'
        ? { args: Array.from(e as ArrayLike<unknown>) }
        : JSON.parse(JSON.stringify(e)),
    ),
  ) as Promise<DataLayerEntry[]>;
