/**
 * COMPLIANCE.md § 4, Accessibility: one test (or a few) per item A-1 … A-21, titled with the item's id.
 * The axe matrix of A-20 lives in axe.spec.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import trJson from '../../locales/tr.json' with { type: 'json' };
import enJson from '../../locales/en.json' with { type: 'json' };
import arJson from '../../locales/ar.json' with { type: 'json' };
import faJson from '../../locales/fa.json' with { type: 'json' };
import deJson from '../../locales/de.json' with { type: 'json' };
import {
  test as base,
  expect,
  afterPaint,
  mount,
  recordEvents,
  events,
  consentCookie,
  type PageOptions,
} from './fixtures.js';

/** Every test here also fails on console warnings: no console noise. */
const test = base.extend<{ quiet: undefined }>({
  quiet: [
    async ({ warnings }, use) => {
      await use(undefined);
      expect(warnings, 'no console warnings').toEqual([]);
    },
    { auto: true },
  ],
});

type Strings = typeof trJson;
const tr: Strings = trJson;
const LOCALES: Record<string, Strings> = {
  tr,
  en: enJson as unknown as Strings,
  ar: arJson as unknown as Strings,
  fa: faJson as unknown as Strings,
  de: deJson as unknown as Strings,
};
const strings = (code: string): Strings => LOCALES[code]!;

// ---------------------------------------------------------------------------------------------------------
// The host page of COMPLIANCE.md § 0: an English page, the element first in <body> (showing Turkish), a skip
// link, <main> with 60 links over three screen heights (left, centre and end of the line in turn), and a
// footer link that opens preferences.

const LINK_COUNT = 60;
const HOST_STYLE = `<style>
  main p { margin: 0; block-size: 5vh; }
  main p:nth-child(3n + 2) { text-align: center; }
  main p:nth-child(3n) { text-align: end; }
</style>`;
const HOST_BODY = `<a href="#main" id="skip-link">Ana içeriğe geç</a>
<main id="main">${Array.from(
  { length: LINK_COUNT },
  (_, i) => `<p><a href="#link-${i + 1}"${i === 0 ? ' id="outside-link"' : ''}>Bağlantı ${i + 1}</a></p>`,
).join('')}</main>
<footer><a href="#cerez-ayarlari" id="cookie-settings" data-consent-open>Çerez ayarları</a></footer>`;

/** host.html: `attrs` are added to `lang="tr" policy-url="/cerez-politikasi"` on the element. */
function host(attrs = ''): PageOptions {
  return {
    htmlLang: 'en',
    attrs: `lang="tr" policy-url="/cerez-politikasi" ${attrs}`.trim(),
    head: HOST_STYLE,
    after: HOST_BODY,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Locators and helpers.

/** The first layer in a given language: found by its name and its lang (several languages say "Cookies"). */
const region = (page: Page, code = 'tr') =>
  page.getByRole('region', { name: strings(code).banner.heading, exact: true }).and(page.locator(`[lang="${code}"]`));
const dialog = (page: Page, code = 'tr') =>
  page.getByRole('dialog', { name: strings(code).preferences.heading, exact: true });
const launcher = (page: Page) => page.getByRole('button', { name: tr.launcher.label, exact: true });
const baseOf = (page: Page) => page.locator('cookie-consent-banner [part="base"]');
const button = (scope: Locator, name: string) => scope.getByRole('button', { name, exact: true });

/** The first layer's controls, in the documented focus order. */
function firstLayerControls(page: Page, code = 'tr'): { name: string; locator: Locator }[] {
  const s = strings(code);
  const r = region(page, code);
  return [
    { name: s.language.label, locator: r.getByRole('combobox', { name: s.language.label }) },
    { name: s.banner.close, locator: button(r, s.banner.close) },
    { name: s.banner.more, locator: r.locator('[part="more"]').getByText(s.banner.more, { exact: true }) },
    { name: s.banner.policyLink, locator: r.getByRole('link', { name: s.banner.policyLink }) },
    { name: s.banner.rejectAll, locator: button(r, s.banner.rejectAll) },
    { name: s.banner.acceptAll, locator: button(r, s.banner.acceptAll) },
    { name: s.banner.preferences, locator: button(r, s.banner.preferences) },
  ];
}

const OPTIONAL = ['functional', 'analytics', 'marketing'] as const;

/** The dialog's tabbable controls, in order (the necessary switch is disabled, so not tabbable). */
function dialogControls(page: Page, code = 'tr'): { name: string; locator: Locator }[] {
  const s = strings(code);
  const d = dialog(page, code);
  return [
    { name: s.preferences.close, locator: button(d, s.preferences.close) },
    { name: s.language.label, locator: d.getByRole('combobox', { name: s.language.label }) },
    ...OPTIONAL.map((id) => ({
      name: s.categories[id].name,
      locator: d.getByRole('switch', { name: s.categories[id].name }),
    })),
    { name: s.banner.rejectAll, locator: button(d, s.banner.rejectAll) },
    { name: s.banner.acceptAll, locator: button(d, s.banner.acceptAll) },
    { name: s.preferences.save, locator: button(d, s.preferences.save) },
  ];
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Focused {
  tag: string;
  id: string;
  name: string;
  inComponent: boolean;
  inDialog: boolean;
  inPage: boolean;
  documentHasFocus: boolean;
  rect: Rect;
}

/** The focused element, looking through open shadow roots (COMPLIANCE.md § 0, "Deep focus"). */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const element = active ?? document.body;
    const labels = (element as HTMLInputElement).labels;
    const name = (element.getAttribute('aria-label') || labels?.[0]?.textContent || element.textContent || '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80);
    const root = element.getRootNode();
    const r = element.getBoundingClientRect();
    return {
      tag: element.tagName,
      id: element.id,
      name,
      inComponent: root instanceof ShadowRoot && root.host.localName === 'cookie-consent-banner',
      inDialog: element.closest('dialog') !== null,
      inPage: element !== document.body && root === document,
      documentHasFocus: document.hasFocus(),
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element has this name. */
async function tabTo(page: Page, name: string, { max = 12, back = false } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now.name === name) return;
    seen.push(`${now.tag} "${now.name}"`);
  }
  throw new Error(`Tab never reached "${name}"; focus went to: ${seen.join(', ')}`);
}

/** Waits for the banner's entrance animation, if any, to end. */
async function settled(page: Page): Promise<void> {
  await page
    .locator('cookie-consent-banner')
    .evaluate((host) =>
      Promise.all(host.shadowRoot!.getAnimations().map((a) => a.finished.catch(() => undefined))).then(() => undefined),
    );
}

/** Opens host.html (or other options) and waits for the Turkish banner. */
async function openHost(page: Page, options: PageOptions = host(), code = 'tr'): Promise<Locator> {
  await mount(page, options);
  const r = region(page, code);
  await expect(r).toBeVisible();
  await settled(page);
  return r;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Clip of an element plus a margin, so a focus outline drawn outside it is in the picture. */
async function shot(page: Page, target: Locator, margin = 6): Promise<Buffer> {
  const box = await target.boundingBox();
  expect(box, 'the control is rendered').not.toBeNull();
  return page.screenshot({
    clip: { x: box!.x - margin, y: box!.y - margin, width: box!.width + 2 * margin, height: box!.height + 2 * margin },
    animations: 'disabled',
    caret: 'hide',
  });
}

/** The share of pixels that differ between two same-size PNGs, decoded by the browser. */
function differingShare(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second]) => {
      const decode = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [x, y] = await Promise.all([decode(first), decode(second)]);
      if (x.length !== y.length) return 1;
      let differ = 0;
      for (let i = 0; i < x.length; i += 4) {
        const delta = Math.max(
          Math.abs(x[i]! - y[i]!),
          Math.abs(x[i + 1]! - y[i + 1]!),
          Math.abs(x[i + 2]! - y[i + 2]!),
        );
        if (delta > 16) differ++;
      }
      return differ / (x.length / 4);
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

/**
 * A-3: starting with focus just before `controls[0]`, Tab onto each control in turn and check its focus
 * indicator: an outline ≥ 2px under :focus-visible, and ≥ 2% of the pixels around it change.
 */
async function checkFocusIndicators(page: Page, controls: { name: string; locator: Locator }[]): Promise<void> {
  await page.keyboard.press('Tab');
  for (const { name, locator } of controls) {
    await expect(locator, `Tab reaches "${name}"`).toBeFocused();
    const style = await locator.evaluate((element) => {
      const s = getComputedStyle(element);
      return {
        focusVisible: element.matches(':focus-visible'),
        outlineStyle: s.outlineStyle,
        outlineWidth: parseFloat(s.outlineWidth),
      };
    });
    expect.soft(style.focusVisible, `"${name}" matches :focus-visible after Tab`).toBe(true);
    expect.soft(style.outlineStyle, `"${name}" has an outline`).not.toBe('none');
    expect.soft(style.outlineWidth, `"${name}" outline width`).toBeGreaterThanOrEqual(2);
    const withFocus = await shot(page, locator);
    await page.keyboard.press('Tab');
    await expect(locator).not.toBeFocused();
    const withoutFocus = await shot(page, locator);
    expect
      .soft(await differingShare(page, withFocus, withoutFocus), `pixels that change when "${name}" is focused`)
      .toBeGreaterThanOrEqual(0.02);
  }
}

interface ContrastFinding {
  what: string;
  ratio: number;
  need: number;
}

/**
 * In the page: WCAG contrast ratios from computed colours. Text in `scope` (4.5:1, or 3:1 when large), icons,
 * control boundaries and switch track and thumb (3:1), or only the focused control's outline (3:1).
 * Transparent backgrounds are resolved by walking up, crossing the shadow host.
 */
function measureContrast({ scope, focusRing }: { scope: string; focusRing: boolean }): ContrastFinding[] {
  type RGBA = [number, number, number, number];
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const rgba = (color: string): RGBA => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = '#000';
    context.fillStyle = color;
    context.fillRect(0, 0, 1, 1);
    const d = context.getImageData(0, 0, 1, 1).data;
    return [d[0]!, d[1]!, d[2]!, d[3]! / 255];
  };
  const over = (top: RGBA, bottom: RGBA): RGBA => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const parentOf = (element: Element): Element | null => {
    if (element.parentElement) return element.parentElement;
    const root = element.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  };
  const backgroundOf = (element: Element | null): RGBA => {
    const layers: RGBA[] = [];
    for (let node = element; node; node = parentOf(node)) {
      const color = rgba(getComputedStyle(node).backgroundColor);
      if (color[3] > 0) layers.push(color);
      if (color[3] >= 1) break;
    }
    return layers.reverse().reduce<RGBA>((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const luminance = ([r, g, b]: RGBA) => {
    const f = (v: number) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a: RGBA, b: RGBA) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  };
  const show = (c: RGBA) => `rgb(${c.slice(0, 3).map(Math.round).join(' ')})`;
  const describe = (element: Element) => {
    const part = element.getAttribute('part');
    const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
    return `${element.localName}${part ? `[part=${part}]` : ''} "${text.slice(0, 30)}"`;
  };

  if (focusRing) {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    // Focus elsewhere measures nothing here, so the caller's guard fails.
    if (
      !active ||
      !document.querySelector('cookie-consent-banner')!.shadowRoot!.querySelector(scope)!.contains(active)
    ) {
      return [];
    }
    const around = backgroundOf(parentOf(active));
    const ring = over(rgba(getComputedStyle(active).outlineColor), around);
    return [
      {
        what: `focus outline of ${describe(active)} (${show(ring)} on ${show(around)})`,
        ratio: ratio(ring, around),
        need: 3,
      },
    ];
  }

  const root = document.querySelector('cookie-consent-banner')!.shadowRoot!;
  const container = root.querySelector(scope)!;
  const findings: ContrastFinding[] = [];
  for (const element of [container, ...container.querySelectorAll('*')]) {
    if (element.localName === 'option' || element.closest('svg') || !element.checkVisibility()) continue;
    const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    const icon = !ownText && element.querySelector(':scope > svg') !== null;
    if (!ownText && !icon && element.localName !== 'select') continue;
    const style = getComputedStyle(element);
    const background = backgroundOf(element);
    const foreground = over(rgba(style.color), background);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
    findings.push({
      what: `${icon ? 'icon' : 'text'} of ${describe(element)} (${show(foreground)} on ${show(background)})`,
      ratio: ratio(foreground, background),
      need: icon || large ? 3 : 4.5,
    });
  }
  for (const control of container.querySelectorAll('button, select, input')) {
    if (!control.checkVisibility()) continue;
    const style = getComputedStyle(control);
    const around = backgroundOf(parentOf(control));
    const fill = over(rgba(style.backgroundColor), around);
    const edge = parseFloat(style.borderTopWidth) >= 1 ? over(rgba(style.borderTopColor), around) : fill;
    const state = (control as HTMLInputElement).checked ? ' (on)' : control.localName === 'input' ? ' (off)' : '';
    findings.push({
      what: `boundary of ${describe(control)}${state} (${show(edge)}/${show(fill)} on ${show(around)})`,
      ratio: Math.max(ratio(fill, around), ratio(edge, around)),
      need: 3,
    });
    if (control.getAttribute('role') === 'switch') {
      const thumb = over(rgba(getComputedStyle(control, '::before').backgroundColor), fill);
      findings.push({
        what: `thumb of ${describe(control)}${state} (${show(thumb)} on ${show(fill)})`,
        ratio: ratio(thumb, fill),
        need: 3,
      });
    }
  }
  return findings;
}

const failing = (findings: ContrastFinding[]) =>
  findings.filter((f) => f.ratio < f.need).map((f) => `${f.what}: ${f.ratio.toFixed(2)}:1 < ${f.need}:1`);

// ---------------------------------------------------------------------------------------------------------

test.describe('A-1: keyboard operation, no trap', () => {
  test('A-1: from <body>, Tab reaches reject, accept and preferences in the banner, then leaves it', async ({
    page,
  }) => {
    await openHost(page);
    const reached: Focused[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      reached.push(await focused(page));
    }
    const names = reached.filter((f) => f.inComponent).map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining([tr.banner.rejectAll, tr.banner.acceptAll, tr.banner.preferences]));
    // No trap: the eighth Tab leaves the banner for the skip link, the next goes into <main>.
    expect(reached[7]).toMatchObject({ id: 'skip-link', inPage: true });
    await page.keyboard.press('Tab');
    await expect(page.locator('#outside-link')).toBeFocused();
    // And back: Shift+Tab from the skip link returns into the banner.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ inComponent: true, name: tr.banner.preferences });
  });

  const actions = [
    { name: tr.banner.rejectAll, method: 'r' },
    { name: tr.banner.acceptAll, method: 'a' },
    { name: tr.banner.close, method: 'x' },
    { name: tr.banner.preferences, method: null },
  ] as const;
  for (const action of actions) {
    for (const key of ['Enter', 'Space'] as const) {
      test(`A-1: "${action.name}" works with ${key}`, async ({ page }) => {
        const r = await openHost(page);
        await tabTo(page, action.name);
        await page.keyboard.press(key);
        if (action.method === null) {
          await expect(dialog(page)).toBeVisible();
          expect(await consentCookie(page)).toBeUndefined();
        } else {
          await expect(r).toBeHidden();
          expect((await consentCookie(page))?.record).toMatchObject({ m: action.method });
        }
      });
    }
  }

  for (const key of ['Enter', 'Space'] as const) {
    test(`A-1: "${tr.banner.more}" opens and closes with ${key}`, async ({ page }) => {
      const r = await openHost(page);
      await tabTo(page, tr.banner.more);
      await page.keyboard.press(key);
      await expect(r.getByText(tr.banner.notice2)).toBeVisible();
      await page.keyboard.press(key);
      await expect(r.getByText(tr.banner.notice2)).toBeHidden();
    });
  }

  test('A-1: in preferences every switch toggles with Space, and the choice saves with Enter', async ({ page }) => {
    await openHost(page);
    await tabTo(page, tr.banner.preferences);
    await page.keyboard.press('Enter');
    const d = dialog(page);
    await expect(d).toBeVisible();
    const necessary = d.getByRole('switch', { name: tr.categories.necessary.name });
    await expect(necessary).toBeChecked();
    await expect(necessary).toBeDisabled();
    for (const id of OPTIONAL) {
      const name = tr.categories[id].name;
      const sw = d.getByRole('switch', { name });
      await tabTo(page, name);
      await expect(sw).not.toBeChecked();
      await page.keyboard.press('Space');
      await expect(sw).toBeChecked();
      await page.keyboard.press('Space');
      await expect(sw).not.toBeChecked();
    }
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await expect(d.getByRole('switch', { name: tr.categories.analytics.name })).toBeChecked();
    await tabTo(page, tr.preferences.save);
    await page.keyboard.press('Enter');
    await expect(d).toBeHidden();
    expect((await consentCookie(page))?.record).toMatchObject({
      m: 's',
      c: { functional: 0, analytics: 1, marketing: 0 },
    });
  });
});

test.describe('A-2: focus order and reading order', () => {
  /** Whether `next` follows `prev` in reading order: a later row, or the same row further along the line. */
  const follows = (prev: Rect, next: Rect, rtl: boolean) => {
    const sameRow = next.y < prev.y + prev.height - 1 && prev.y < next.y + next.height - 1;
    if (!sameRow) return next.y > prev.y;
    return rtl ? next.x + next.width <= prev.x + 1 : next.x >= prev.x + prev.width - 1;
  };

  const cases = [
    { code: 'tr', width: 1280, height: 720 },
    { code: 'en', width: 1280, height: 720 },
    { code: 'ar', width: 1280, height: 720 },
    { code: 'tr', width: 320, height: 640 },
  ];
  for (const { code, width, height } of cases) {
    test(`A-2: the first layer's focus order is documented and matches the visual order (${code}, ${width}×${height})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      const options = host();
      await openHost(page, { ...options, attrs: options.attrs!.replace('lang="tr"', `lang="${code}"`) }, code);
      const order: Focused[] = [];
      for (let i = 0; i < 7; i++) {
        await page.keyboard.press('Tab');
        order.push(await focused(page));
      }
      expect(order.map((f) => f.name)).toEqual(firstLayerControls(page, code).map((c) => c.name));
      expect(order.every((f) => f.inComponent)).toBe(true);
      const out: string[] = [];
      for (let i = 1; i < order.length; i++) {
        const [prev, next] = [order[i - 1]!, order[i]!];
        if (!follows(prev.rect, next.rect, code === 'ar')) {
          out.push(
            `"${next.name}" ${JSON.stringify(next.rect)} comes before "${prev.name}" ${JSON.stringify(prev.rect)}`,
          );
        }
      }
      expect(out, 'Tab order against the visual reading order').toEqual([]);
    });
  }
});

test.describe('A-3: visible focus', () => {
  for (const forcedColors of ['none', 'active'] as const) {
    test(`A-3: every first-layer control shows an outline when focused (forced colours ${forcedColors})`, async ({
      page,
    }) => {
      await page.emulateMedia({ forcedColors });
      await openHost(page);
      await checkFocusIndicators(page, firstLayerControls(page));
    });

    test(`A-3: every preferences control shows an outline when focused (forced colours ${forcedColors})`, async ({
      page,
    }) => {
      await page.emulateMedia({ forcedColors });
      await openHost(page);
      await tabTo(page, tr.banner.preferences);
      await page.keyboard.press('Enter');
      await expect(dialog(page)).toBeVisible();
      await checkFocusIndicators(page, dialogControls(page));
    });
  }
});

test.describe('A-4: focus not obscured', () => {
  /** Tabs through the page from the top; for every focused page link, what covers it. */
  async function tabThroughPage(page: Page): Promise<{ visited: number; covered: string[] }> {
    let visited = 0;
    const covered: string[] = [];
    for (let i = 0; i < LINK_COUNT + 20; i++) {
      await page.keyboard.press('Tab');
      const result = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        if (!element.closest('main, footer')) return null;
        const host = document.querySelector('cookie-consent-banner')!;
        const boxes = [...host.shadowRoot!.querySelectorAll('[part="base"], [part="launcher"]')]
          .filter((b) => b.checkVisibility())
          .map((b) => b.getBoundingClientRect());
        const r = element.getBoundingClientRect();
        const inside = boxes.some(
          (b) => r.left >= b.left && r.right <= b.right && r.top >= b.top && r.bottom <= b.bottom,
        );
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {
          name: element.textContent ?? '',
          footer: element.closest('footer') !== null,
          inside,
          centreCovered: hit === host,
          rect: `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`,
          boxes: boxes.map(
            (b) => `${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.width)}×${Math.round(b.height)}`,
          ),
        };
      });
      if (!result) continue;
      visited++;
      if (result.inside || result.centreCovered) {
        covered.push(
          `"${result.name}" at ${result.rect}: ${result.inside ? 'fully inside' : 'centre under'} ${result.boxes.join(' / ')}`,
        );
      }
      if (result.footer) break;
    }
    return { visited, covered };
  }

  // Bottom layouts reserve room at the page's end; a top bar adds room at the start when a focused element
  // is under it at the top of the page; a centred box scrolls a focused element clear of itself.
  const positions = ['bottom', 'top', 'bottom-start', 'bottom-end', 'center'] as const;
  const viewports = [
    { width: 1280, height: 720 },
    { width: 320, height: 640 },
  ];
  for (const position of positions) {
    for (const { width, height } of viewports) {
      test(`A-4: no focused page link hides behind the banner (${position}, ${width}×${height})`, async ({ page }) => {
        await page.setViewportSize({ width, height });
        await openHost(page, host(`position="${position}"`));
        const { visited, covered } = await tabThroughPage(page);
        expect(visited, 'every main link and the footer link were focused').toBe(LINK_COUNT + 1);
        expect(covered).toEqual([]);
      });
    }
  }

  test('A-4: the reserved space goes when the banner goes', async ({ page }) => {
    await openHost(page);
    const padding = () =>
      page.evaluate(() => {
        const s = getComputedStyle(document.documentElement);
        return [s.scrollPaddingBlockEnd, s.paddingBlockEnd];
      });
    // Measured in the frame's layout step (a ResizeObserver), before the banner's first paint.
    await expect.poll(async () => parseFloat((await padding())[0]!)).toBeGreaterThan(0);
    await button(region(page), tr.banner.rejectAll).click();
    await expect(region(page)).toBeHidden();
    await expect.poll(padding).toEqual(['auto', '0px']);
  });

  for (const { width, height } of viewports) {
    test(`A-4: the launcher never hides a focused page link (${width}×${height})`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openHost(page, host('launcher'));
      await button(region(page), tr.banner.rejectAll).click();
      await expect(launcher(page)).toBeVisible();
      await page.locator('#skip-link').focus();
      const { visited, covered } = await tabThroughPage(page);
      expect(visited).toBe(LINK_COUNT + 1);
      expect(covered).toEqual([]);
    });
  }
});

test.describe('A-5: the preferences dialog', () => {
  async function openPreferences(page: Page): Promise<Locator> {
    await openHost(page);
    await tabTo(page, tr.banner.preferences);
    await page.keyboard.press('Enter');
    const d = dialog(page);
    await expect(d).toBeVisible();
    return d;
  }

  test('A-5: preferences is a modal <dialog> named by its heading; focus moves in, never to accept-all', async ({
    page,
  }) => {
    const d = await openPreferences(page);
    const facts = await d.evaluate((element) => {
      const heading =
        element.getRootNode() instanceof ShadowRoot
          ? (element.getRootNode() as ShadowRoot).getElementById(element.getAttribute('aria-labelledby') ?? '')
          : null;
      return { tag: element.tagName, modal: element.matches(':modal'), heading: heading?.localName };
    });
    expect(facts).toEqual({ tag: 'DIALOG', modal: true, heading: 'h2' });
    const now = await focused(page);
    expect(now.inDialog).toBe(true);
    expect(now.name).not.toBe(tr.banner.acceptAll);
    expect([tr.preferences.heading, tr.categories.functional.name]).toContain(now.name);
  });

  test('A-5: Tab and Shift+Tab never reach the page behind the dialog', async ({ page }) => {
    await openPreferences(page);
    const n = dialogControls(page).length;
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < n + 2; i++) {
        await page.keyboard.press(key);
        const now = await focused(page);
        // Inside the dialog, never the page (and never out to the browser's own UI: the dialog wraps).
        expect(now.inDialog, `${key} #${i + 1} went to ${now.tag} "${now.name}"`).toBe(true);
      }
    }
  });

  test('A-5: Tab from the last control wraps to the first, Shift+Tab from the first to the last', async ({ page }) => {
    await openPreferences(page);
    const controls = dialogControls(page);
    await tabTo(page, controls.at(-1)!.name);
    await page.keyboard.press('Tab');
    expect(await focused(page), 'Tab from the last control').toMatchObject({ name: controls[0]!.name, inDialog: true });
    await controls[0]!.locator.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page), 'Shift+Tab from the first control').toMatchObject({
      name: controls.at(-1)!.name,
      inDialog: true,
    });
  });

  const openers = [
    { what: `the banner's "${tr.banner.preferences}" button`, attrs: '', afterChoice: false },
    { what: 'the page’s data-consent-open link', attrs: '', afterChoice: true },
    { what: 'the launcher', attrs: 'launcher', afterChoice: true },
  ];
  for (const opener of openers) {
    test(`A-5: Escape and the X close preferences without changing the choice; focus returns to ${opener.what}`, async ({
      page,
    }) => {
      await recordEvents(page);
      await openHost(page, host(opener.attrs));
      let target = button(region(page), tr.banner.preferences);
      if (opener.afterChoice) {
        await button(region(page), tr.banner.rejectAll).click();
        await expect(region(page)).toBeHidden();
        target = opener.attrs === 'launcher' ? launcher(page) : page.locator('#cookie-settings');
      }
      // The refusal clicked above is told just after the next paint: count from after it.
      await afterPaint(page);
      const before = (await page.context().cookies()).find((c) => c.name === 'cookie_consent')?.value;
      const changes = (await events(page, 'consent-change')).length;
      const d = dialog(page);
      for (const close of ['Escape', 'X'] as const) {
        await target.focus();
        await page.keyboard.press('Enter');
        await expect(d).toBeVisible();
        await d.getByRole('switch', { name: tr.categories.analytics.name }).check();
        if (close === 'Escape') await page.keyboard.press('Escape');
        else await button(d, tr.preferences.close).click();
        await expect(d, `${close} closes the dialog`).toBeHidden();
        await expect(target, `after ${close}, focus is back on ${opener.what}`).toBeFocused();
        expect((await page.context().cookies()).find((c) => c.name === 'cookie_consent')?.value).toBe(before);
        // Past the paint after which a clicked choice would have been told: none was.
        await afterPaint(page);
        expect(await events(page, 'consent-change')).toHaveLength(changes);
      }
    });
  }

  test('A-5: the page behind the open dialog is inert', async ({ page }) => {
    await openPreferences(page);
    const outside = page.locator('#outside-link');
    expect(
      await outside.evaluate((link) => {
        (link as HTMLElement).focus();
        return document.activeElement === link;
      }),
    ).toBe(false);
    // A pointer cannot reach it either: what is hit at its centre is the modal dialog's layer, not the link.
    const box = (await outside.boundingBox())!;
    const hit = await page.evaluate(
      ([x, y]) => {
        const e = document.elementFromPoint(x!, y!);
        return e ? `${e.localName}#${e.id}` : null;
      },
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(hit).not.toBe('a#outside-link');
    expect(new URL(page.url()).hash).toBe('');
    await expect(dialog(page)).toBeVisible();
  });
});

test.describe('A-6: a named region with a heading', () => {
  test('A-6: the first layer is the region "Çerezler" with a level-2 heading, its text, link and buttons', async ({
    page,
  }) => {
    const r = await openHost(page);
    await expect(r).toMatchAriaSnapshot(`
      - region "Çerezler":
        - heading "Çerezler" [level=2]
        - combobox "Dil"
        - button "Kabul etmeden kapat"
        - paragraph: ${tr.banner.notice1}
        - group: Devamını oku
        - paragraph:
          - link "Çerez politikası"
        - button "Tümünü reddet"
        - button "Tümünü kabul et"
        - button "Tercihler"
    `);
    // Not an alert, not a live region: the banner is not announced as a whole.
    await expect(baseOf(page)).toHaveAttribute('role', 'region');
    await expect(baseOf(page)).not.toHaveAttribute('aria-live');
    await expect(r.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('cookie-consent-banner [aria-live="assertive"]')).toHaveCount(0);
  });

  test('A-6: heading-level sets the level of both headings', async ({ page, browserName }) => {
    // Playwright's role engine takes an <h2>'s level from its tag; the browser exposes aria-level. Ask Chromium
    // (through CDP); elsewhere the exposed level is not read, and the test says so instead of passing on it.
    test.skip(browserName !== 'chromium', 'the exposed heading level is read through Chromium’s CDP');
    const exposedLevel = async (name: string) => {
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      await cdp.detach();
      const heading = nodes.find((n) => n.role?.value === 'heading' && n.name?.value === name);
      return heading?.properties?.find((p) => p.name === 'level')?.value.value;
    };
    const r = await openHost(page, host('heading-level="3"'));
    await expect(r.getByRole('heading', { name: tr.banner.heading })).toHaveAttribute('aria-level', '3');
    expect(await exposedLevel(tr.banner.heading)).toBe(3);
    await button(r, tr.banner.preferences).click();
    await expect(dialog(page).getByRole('heading', { name: tr.preferences.heading })).toHaveAttribute(
      'aria-level',
      '3',
    );
    expect(await exposedLevel(tr.preferences.heading)).toBe(3);
  });
});

test.describe('A-7: name, role, value', () => {
  test('A-7: buttons are <button>s whose names contain their visible text; icon buttons are named', async ({
    page,
  }) => {
    await openHost(page, host('launcher'));
    const r = region(page);
    await expect(button(r, tr.banner.close)).toHaveAccessibleName(tr.banner.close);
    await expect(r.getByRole('combobox')).toHaveAccessibleName(tr.language.label);
    await expect(r.getByRole('link')).toHaveAccessibleName(tr.banner.policyLink);
    const checkButtons = async (scope: Locator) => {
      const all = await scope.getByRole('button').all();
      expect(all.length).toBeGreaterThanOrEqual(4);
      for (const b of all) {
        expect(await b.evaluate((element) => element.tagName)).toBe('BUTTON');
        const text = (await b.innerText()).trim();
        if (text) await expect(b).toHaveAccessibleName(new RegExp(escapeRegExp(text)));
        else await expect(b).toHaveAccessibleName(/\S/);
      }
    };
    await checkButtons(r);
    await button(r, tr.banner.preferences).click();
    const d = dialog(page);
    await expect(button(d, tr.preferences.close)).toHaveAccessibleName(tr.preferences.close);
    await checkButtons(d);
    await button(d, tr.banner.rejectAll).click();
    await expect(launcher(page)).toHaveAccessibleName(tr.launcher.label);
    expect(await launcher(page).evaluate((element) => element.tagName)).toBe('BUTTON');
  });

  test('A-7: switches are role=switch, named by their purpose, described, and report their state', async ({ page }) => {
    const r = await openHost(page);
    await button(r, tr.banner.preferences).click();
    const d = dialog(page);
    for (const id of ['necessary', ...OPTIONAL] as const) {
      const sw = d.getByRole('switch', { name: tr.categories[id].name, exact: true });
      await expect(sw).toHaveRole('switch');
      await expect(sw).toHaveAccessibleName(tr.categories[id].name);
      await expect(sw).toHaveAccessibleDescription(tr.categories[id].description);
      if (id === 'necessary') {
        await expect(sw).toBeChecked();
        continue;
      }
      await expect(sw).not.toBeChecked();
      await sw.check();
      await expect(sw).toBeChecked();
      await sw.uncheck();
      await expect(sw).not.toBeChecked();
    }
    await expect(d.getByRole('switch', { name: /Reklam/ })).toHaveAccessibleName(tr.categories.marketing.name);
  });
});

test.describe('A-8: contrast', () => {
  const themes = [
    { what: 'light (theme auto, light scheme)', attrs: '', scheme: 'light', background: 'rgb(255, 255, 255)' },
    { what: 'dark (theme="dark")', attrs: 'theme="dark"', scheme: 'light', background: 'rgb(27, 30, 36)' },
    { what: 'dark (theme auto, dark scheme)', attrs: '', scheme: 'dark', background: 'rgb(27, 30, 36)' },
    {
      what: 'light (theme="light", dark scheme)',
      attrs: 'theme="light"',
      scheme: 'dark',
      background: 'rgb(255, 255, 255)',
    },
  ] as const;
  for (const theme of themes) {
    test(`A-8: text 4.5:1, controls, switches and focus outlines 3:1, at rest, hovered and focused: ${theme.what}`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme.scheme });
      const r = await openHost(page, host(theme.attrs));
      await expect(baseOf(page)).toHaveCSS('background-color', theme.background);
      const problems: string[] = [];
      const measure = async (scope: string, focusRing = false) => {
        const found = await page.evaluate(measureContrast, { scope, focusRing });
        // Not vacuous: the texts and controls were visible, so they were measured (a focus ring is one finding).
        expect(found.length, `what was measured in ${scope}`).toBeGreaterThanOrEqual(focusRing ? 1 : 10);
        problems.push(...failing(found));
      };

      await r.locator('[part="more"]').getByText(tr.banner.more, { exact: true }).click();
      await measure('[part="base"]');
      for (const name of [tr.banner.rejectAll, tr.banner.acceptAll, tr.banner.preferences, tr.banner.close]) {
        await button(r, name).hover();
        await measure('[part="base"]');
      }
      await page.mouse.move(0, 0);
      // From the disclosure just clicked back to the first control, then through each one by keyboard.
      const controls = firstLayerControls(page);
      await tabTo(page, controls[0]!.name, { back: true });
      for (let i = 0; i < controls.length; i++) {
        if (i > 0) await page.keyboard.press('Tab');
        await measure('[part="base"]', true);
      }

      await button(r, tr.banner.preferences).focus();
      await page.keyboard.press('Enter');
      const d = dialog(page);
      await expect(d).toBeVisible();
      await expect(d).toHaveCSS('background-color', theme.background);
      await measure('dialog');
      await d.getByRole('switch', { name: tr.categories.analytics.name }).check();
      await measure('dialog');
      for (const name of [tr.banner.rejectAll, tr.banner.acceptAll, tr.preferences.save, tr.preferences.close]) {
        await button(d, name).hover();
        await measure('dialog');
      }
      await page.mouse.move(0, 0);
      for (let i = 0; i < dialogControls(page).length; i++) {
        await page.keyboard.press('Tab');
        await measure('dialog', true);
      }
      expect([...new Set(problems)]).toEqual([]);
    });
  }
});

test.describe('A-9: reflow', () => {
  const LONG_GERMAN = JSON.stringify({
    de: {
      banner: {
        heading: 'Datenschutzeinstellungen',
        rejectAll: 'Alle Cookies ablehnen',
        acceptAll: 'Alle Cookies akzeptieren',
        preferences: 'Cookie-Einstellungsmöglichkeiten',
      },
      preferences: { heading: 'Datenschutzeinstellungen', save: 'Auswahlmöglichkeiten speichern' },
      categories: { analytics: { name: 'Leistungsmessungs- und Analysecookies' } },
    },
  });
  const cases = [
    { what: 'tr', code: 'tr', child: '' },
    { what: 'en', code: 'en', child: '' },
    { what: 'ar', code: 'ar', child: '' },
    { what: 'German with long words', code: 'de', child: `<script type="application/json">${LONG_GERMAN}</script>` },
  ];
  for (const c of cases) {
    test(`A-9: at 320 px nothing scrolls sideways and every control stays reachable (${c.what})`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 256 });
      await mount(page, {
        noElement: true,
        after: `<cookie-consent-banner lang="${c.code}" policy-url="/p">${c.child}</cookie-consent-banner>${HOST_BODY}`,
      });
      const texts = JSON.parse(LONG_GERMAN).de as {
        banner: Record<string, string>;
        preferences: Record<string, string>;
      };
      const s = strings(c.code);
      const heading = c.child ? texts.banner['heading']! : s.banner.heading;
      const r = page.getByRole('region', { name: heading, exact: true }).and(page.locator(`[lang="${c.code}"]`));
      await expect(r).toBeVisible();
      await settled(page);
      const overflow = () =>
        page.evaluate(() => {
          const root = document.querySelector('cookie-consent-banner')!.shadowRoot!;
          const open = root.querySelector('dialog')?.open ? root.querySelector('dialog') : null;
          const sideways = (e: Element | null) => (e ? e.scrollWidth - e.clientWidth : 0);
          // What sticks out of the banner or the dialog, to make a failure readable.
          const culprits: string[] = [];
          for (const container of [root.querySelector('[part="base"]'), open]) {
            if (!container?.checkVisibility()) continue;
            const box = container.getBoundingClientRect();
            for (const e of container.querySelectorAll('*')) {
              const r = e.getBoundingClientRect();
              if (r.width === 0 || !(r.right > box.right + 1 || r.left < box.left - 1)) continue;
              const text = (e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\s+/g, ' ').trim();
              culprits.push(`${e.localName} "${text.slice(0, 40)}" spans ${Math.round(r.left)}–${Math.round(r.right)}`);
            }
          }
          return {
            page: document.documentElement.scrollWidth - 320,
            banner: sideways(root.querySelector('[part="base"]')),
            dialog: sideways(open),
            culprits: culprits.slice(0, 6),
          };
        });
      expect(await overflow(), 'sideways overflow in px').toEqual({ page: 0, banner: 0, dialog: 0, culprits: [] });
      const names = c.child ? { ...s.banner, ...texts.banner } : s.banner;
      for (const name of [names.rejectAll, names.acceptAll, names.preferences, names.close]) {
        const b = button(r, name);
        await b.scrollIntoViewIfNeeded();
        await expect(b, `"${name}" can be brought into view`).toBeInViewport();
      }
      for (const control of [
        r.getByRole('combobox', { name: s.language.label }),
        r.locator('summary'),
        r.getByRole('link', { name: s.banner.policyLink }),
      ]) {
        await control.scrollIntoViewIfNeeded();
        await expect(control).toBeInViewport({ ratio: 1 });
      }
      const notice = r.getByText(s.banner.notice1);
      await notice.scrollIntoViewIfNeeded();
      await expect(notice).toBeInViewport();

      await button(r, names.preferences).click();
      const d = page.getByRole('dialog', { name: c.child ? texts.preferences['heading']! : s.preferences.heading });
      await expect(d).toBeVisible();
      expect(await overflow(), 'sideways overflow in px, preferences open').toEqual({
        page: 0,
        banner: 0,
        dialog: 0,
        culprits: [],
      });
      for (const control of [...(await d.getByRole('switch').all()), ...(await d.getByRole('button').all())]) {
        await control.scrollIntoViewIfNeeded();
        await expect(control).toBeInViewport();
      }
      await page.keyboard.press('Escape');

      await page.setViewportSize({ width: 320, height: 640 });
      // At most three quarters of a phone's height (the first layer fits whole; see phone.spec.ts).
      expect((await baseOf(page).boundingBox())?.height, 'banner height at 320×640').toBeLessThanOrEqual(480);
    });
  }
});

test.describe('A-10: text spacing', () => {
  for (const { width, height } of [
    { width: 1280, height: 720 },
    { width: 320, height: 640 },
  ]) {
    test(`A-10: with WCAG text spacing nothing is clipped and no controls overlap (${width}×${height})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      const r = await openHost(page);
      await page.locator('cookie-consent-banner').evaluate((host) => {
        const root = host.shadowRoot!;
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(
          '*{line-height:1.5!important;letter-spacing:.12em!important;word-spacing:.16em!important} p{margin-bottom:2em!important}',
        );
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      });
      const check = (scope: string) =>
        page.evaluate((selector) => {
          const container = document.querySelector('cookie-consent-banner')!.shadowRoot!.querySelector(selector)!;
          const problems: string[] = [];
          const label = (e: Element) =>
            `${e.localName}${e.getAttribute('part') ? `[part=${e.getAttribute('part')}]` : ''} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 25)}"`;
          for (const e of [container, ...container.querySelectorAll('*')]) {
            if (!e.checkVisibility() || e.closest('svg')) continue;
            const s = getComputedStyle(e);
            const clips = (o: string) => o === 'hidden' || o === 'clip';
            if (clips(s.overflowY) && e.scrollHeight > e.clientHeight + 1) {
              problems.push(`${label(e)} clips vertically: ${e.scrollHeight} > ${e.clientHeight}`);
            }
            if (clips(s.overflowX) && e.scrollWidth > e.clientWidth + 1) {
              problems.push(`${label(e)} clips horizontally: ${e.scrollWidth} > ${e.clientWidth}`);
            }
          }
          const controls = [...container.querySelectorAll('button, select, summary, a, input, h2')].filter((e) =>
            e.checkVisibility(),
          );
          const boxes = controls.map((e) => e.getBoundingClientRect());
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const [a, b] = [boxes[i]!, boxes[j]!];
              const overlap =
                Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
                Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
              if (overlap) problems.push(`${label(controls[i]!)} overlaps ${label(controls[j]!)}`);
            }
          }
          const sideways = container.scrollWidth - container.clientWidth;
          if (sideways > 1) problems.push(`${selector} overflows sideways by ${sideways}px`);
          return { problems, measured: controls.length };
        }, scope);
      await r.locator('[part="more"]').getByText(tr.banner.more, { exact: true }).click();
      // Not vacuous: the controls were visible, so they were measured.
      const banner = await check('[part="base"]');
      expect(banner.problems).toEqual([]);
      expect(banner.measured).toBeGreaterThanOrEqual(7);
      await button(r, tr.banner.preferences).click();
      await expect(dialog(page)).toBeVisible();
      const preferences = await check('dialog');
      expect(preferences.problems).toEqual([]);
      expect(preferences.measured).toBeGreaterThanOrEqual(8);
    });
  }
});

test.describe('A-11: target size', () => {
  for (const { width, height } of [
    { width: 1280, height: 720 },
    { width: 320, height: 640 },
  ]) {
    test(`A-11: every button, switch, picker, disclosure and the launcher is at least 24×24 (${width}×${height})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      const r = await openHost(page, host('launcher'));
      const small: string[] = [];
      const measure = async (scope: Locator, atLeast: number) => {
        const targets = scope.locator('button, select, summary, input, a:not(p a)');
        let measured = 0;
        for (const target of await targets.all()) {
          if (!(await target.isVisible())) continue;
          measured++;
          const box = (await target.boundingBox())!;
          if (box.width < 24 || box.height < 24) {
            const name = await target.evaluate(
              (e) => `${e.localName} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 25)}"`,
            );
            small.push(`${name}: ${box.width}×${box.height}`);
          }
        }
        // Not vacuous: the targets were visible, so they were measured.
        expect(measured).toBeGreaterThanOrEqual(atLeast);
      };
      await measure(r, 6);
      await button(r, tr.banner.preferences).click();
      await measure(dialog(page), 8);
      await button(dialog(page), tr.banner.rejectAll).click();
      await expect(launcher(page)).toBeVisible();
      const box = (await launcher(page).boundingBox())!;
      expect(Math.min(box.width, box.height), 'launcher size').toBeGreaterThanOrEqual(24);
      expect(small).toEqual([]);
    });
  }
});

test.describe('A-12: language of parts', () => {
  test('A-12: a Turkish banner on an English page says lang="tr", and follows a switch to Arabic', async ({ page }) => {
    const r = await openHost(page, host('launcher'));
    const langs = () =>
      page.locator('cookie-consent-banner').evaluate((host) => {
        const root = host.shadowRoot!;
        const base = root.querySelector<HTMLElement>('[part="base"]')!;
        return {
          page: document.documentElement.lang,
          base: base.lang,
          dir: base.dir,
          dialog: root.querySelector('dialog')!.lang,
          status: root.querySelector<HTMLElement>('[role="status"]')!.lang,
        };
      });
    expect(await langs()).toEqual({ page: 'en', base: 'tr', dir: 'ltr', dialog: 'tr', status: 'tr' });
    // Each language in the picker is named in, and marked as, its own language.
    const options = await r
      .getByRole('combobox', { name: tr.language.label })
      .locator('option')
      .evaluateAll((os) => os.map((o) => [o.getAttribute('value'), o.getAttribute('lang')]));
    expect(options.every(([value, lang]) => value === lang)).toBe(true);

    const axe = await new AxeBuilder({ page }).include('cookie-consent-banner').withRules(['valid-lang']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await r.getByRole('combobox', { name: tr.language.label }).selectOption('ar');
    await expect(region(page, 'ar')).toBeVisible();
    expect(await langs()).toEqual({ page: 'en', base: 'ar', dir: 'rtl', dialog: 'ar', status: 'ar' });
    const axeAr = await new AxeBuilder({ page }).include('cookie-consent-banner').withRules(['valid-lang']).analyze();
    expect(axeAr.violations.map((v) => v.id)).toEqual([]);
    await button(region(page, 'ar'), strings('ar').banner.rejectAll).click();
    await expect(page.getByRole('button', { name: strings('ar').launcher.label, exact: true })).toHaveAttribute(
      'lang',
      'ar',
    );
  });
});

test.describe('A-13: Turkish casing', () => {
  test('A-13: uppercase text in the Turkish banner uses the dotted İ', async ({ page }) => {
    const r = await openHost(page, {
      ...host(),
      head: `${HOST_STYLE}<style>
        cookie-consent-banner::part(preferences-button),
        cookie-consent-banner::part(accept-button),
        cookie-consent-banner::part(preferences-heading) { text-transform: uppercase; }
      </style>`,
    });
    const text = (l: Locator) => l.evaluate((e) => (e as HTMLElement).innerText.trim());
    expect(await text(button(r, tr.banner.preferences))).toBe('TERCİHLER');
    expect(await text(button(r, tr.banner.acceptAll))).toBe('TÜMÜNÜ KABUL ET');
    await button(r, tr.banner.preferences).click();
    const heading = dialog(page).getByRole('heading');
    expect(await text(heading)).toBe('ÇEREZ TERCİHLERİ');
    expect(await text(heading)).not.toContain('TERCIHLERI');
  });
});

test.describe('A-14: right to left', () => {
  const COOKIES = JSON.stringify({
    marketing: [{ name: '_fbp', provider: 'Meta Platforms', purpose: '—', duration: '90', country: 'USA' }],
  });
  for (const code of ['ar', 'fa']) {
    test(`A-14: ${code} is right to left and mirrored, in the same DOM order, with Latin names isolated`, async ({
      page,
    }) => {
      await mount(page, {
        noElement: true,
        htmlLang: 'en',
        after: `<cookie-consent-banner lang="${code}" policy-url="/p"><script type="application/json" data-cookies>${COOKIES}</script></cookie-consent-banner>${HOST_BODY}`,
      });
      const s = strings(code);
      const r = region(page, code);
      await expect(r).toBeVisible();
      await settled(page);
      expect(await baseOf(page).evaluate((b) => [b.getAttribute('dir'), getComputedStyle(b).direction])).toEqual([
        'rtl',
        'rtl',
      ]);
      const names = await r
        .locator('[part="actions"] button')
        .evaluateAll((bs) => bs.map((b) => b.textContent?.trim()));
      expect(names).toEqual([s.banner.rejectAll, s.banner.acceptAll, s.banner.preferences]);
      const reject = (await button(r, s.banner.rejectAll).boundingBox())!;
      const accept = (await button(r, s.banner.acceptAll).boundingBox())!;
      expect(reject.x, 'the first button sits to the right of the second').toBeGreaterThan(accept.x);
      const close = (await button(r, s.banner.close).boundingBox())!;
      const heading = (await r.getByRole('heading').boundingBox())!;
      expect(close.x, 'the X is at the inline end (left)').toBeLessThan(heading.x);
      expect(
        await r.getByText(s.banner.notice1).evaluate((p) => getComputedStyle(p).textAlign),
        'text aligned to the start',
      ).toMatch(/^(start|right)$/);

      await button(r, s.banner.preferences).click();
      const d = dialog(page, code);
      await expect(d).toBeVisible();
      expect(await d.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
      // Counts are written in the digits those sites use: Persian ۱, Arabic 1 (README, Languages).
      const one = code === 'fa' ? '۱' : '1';
      await d.getByText(s.inventory.show_one.replace('{{count}}', one), { exact: true }).click();
      for (const latin of ['_fbp', 'Meta Platforms', 'USA']) {
        const isolated = await d.getByText(latin, { exact: true }).evaluate((e) => {
          const bdi = e.closest('bdi');
          return bdi !== null && getComputedStyle(bdi).unicodeBidi === 'isolate';
        });
        expect(isolated, `"${latin}" is in an isolating <bdi>`).toBe(true);
      }
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 320, height: 640 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  }
});

test.describe('A-15: reduced motion', () => {
  /** Records every animation and transition in the component's shadow root as it starts. */
  async function recordMotion(page: Page): Promise<void> {
    await page.addInitScript(() => {
      const log: { kind: string; properties: string[]; duration: number }[] = [];
      (window as unknown as { __motion: typeof log }).__motion = log;
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = attach.call(this, init);
        // Read what an animation changes from its @keyframes rule, not from getAnimations(): a short animation
        // may have finished by the time its animationstart event is handled on a busy machine.
        const keyframeProperties = (name: string): string[] => {
          const found = new Set<string>();
          const visit = (rules: CSSRuleList) => {
            for (const rule of rules) {
              if (rule instanceof CSSKeyframesRule && rule.name === name) {
                for (const frame of rule.cssRules) {
                  const style = (frame as CSSKeyframeRule).style;
                  for (let i = 0; i < style.length; i++) found.add(style.item(i));
                }
              } else if (rule instanceof CSSGroupingRule) {
                visit(rule.cssRules);
              }
            }
          };
          for (const sheet of root.adoptedStyleSheets) visit(sheet.cssRules);
          return [...found];
        };
        const record = (event: Event) => {
          const style = getComputedStyle(event.target as Element);
          if (event instanceof AnimationEvent) {
            log.push({
              kind: 'animation',
              properties: keyframeProperties(event.animationName),
              duration: parseFloat(style.animationDuration) * 1000,
            });
          } else if (event instanceof TransitionEvent) {
            log.push({
              kind: 'transition',
              properties: [event.propertyName],
              duration: parseFloat(style.transitionDuration) * 1000,
            });
          }
        };
        root.addEventListener('animationstart', record);
        root.addEventListener('transitionrun', record);
        return root;
      };
    });
  }
  const motion = (page: Page) =>
    page.evaluate(
      () => (window as unknown as { __motion: { kind: string; properties: string[]; duration: number }[] }).__motion,
    );
  const MOVES = /^(transform|translate|scale|rotate)$/;

  test('A-15: without a preference, the banner enters with a short slide (the recorder sees it)', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await recordMotion(page);
    await openHost(page);
    await expect.poll(async () => (await motion(page)).some((m) => m.properties.some((p) => MOVES.test(p)))).toBe(true);
  });

  test('A-15: under prefers-reduced-motion nothing slides or scales, and the buttons work at once', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await recordMotion(page);
    await mount(page, host());
    const reject = button(region(page), tr.banner.rejectAll);
    await expect(reject).toBeVisible();
    const running = await page.locator('cookie-consent-banner').evaluate((host) =>
      host.shadowRoot!.getAnimations().map((a) => {
        const effect = a.effect as KeyframeEffect;
        return {
          properties: effect.getKeyframes().flatMap((k) => Object.keys(k)),
          duration: Number(effect.getTiming().duration),
        };
      }),
    );
    const transitions = await page.locator('cookie-consent-banner').evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll('*')]
        .map((e) => getComputedStyle(e))
        .filter((s) => s.transitionDuration.split(',').some((d) => parseFloat(d) > 0))
        .map((s) => s.transitionProperty),
    );
    await reject.click();
    expect((await consentCookie(page))?.record).toMatchObject({ m: 'r' });
    const moving = [...(await motion(page)), ...running].filter((m) => m.properties.some((p) => MOVES.test(p)));
    expect(moving).toEqual([]);
    const long = [...(await motion(page)), ...running].filter((m) => m.duration > 150);
    expect(long, 'anything left is an opacity change of 150 ms at most').toEqual([]);
    expect(transitions.filter((p) => /all|transform|translate|scale|rotate/.test(p))).toEqual([]);
  });
});

test.describe('A-16: forced colours', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
  });

  test('A-16: buttons, picker and switches keep visible boundaries; text is never exempt from forced colours', async ({
    page,
  }) => {
    const r = await openHost(page, host('launcher'));
    const report = (scope: string) =>
      page.locator('cookie-consent-banner').evaluate((host, selector) => {
        const container = host.shadowRoot!.querySelector(selector)!;
        const problems: string[] = [];
        let measured = 0;
        for (const e of container.querySelectorAll('button, select, input')) {
          if (!e.checkVisibility()) continue;
          measured++;
          const s = getComputedStyle(e);
          const border = s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) > 0;
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
          if (!border && !outline)
            problems.push(`${e.localName} "${e.getAttribute('aria-label') ?? e.textContent?.trim()}" has no boundary`);
        }
        for (const e of [container, ...container.querySelectorAll('*')]) {
          const ownText = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
          if (ownText && getComputedStyle(e).forcedColorAdjust !== 'auto') {
            problems.push(
              `${e.localName} "${e.textContent?.trim().slice(0, 25)}" has forced-color-adjust ${getComputedStyle(e).forcedColorAdjust}`,
            );
          }
        }
        return { problems, measured };
      }, scope);
    // Not vacuous: the controls were visible, so their boundaries were measured.
    const banner = await report('[part="base"]');
    expect(banner.problems).toEqual([]);
    expect(banner.measured).toBeGreaterThanOrEqual(5);
    await button(r, tr.banner.preferences).click();
    const d = dialog(page);
    await expect(d).toBeVisible();
    const preferences = await report('dialog');
    expect(preferences.problems).toEqual([]);
    expect(preferences.measured).toBeGreaterThanOrEqual(7);
    await button(d, tr.banner.rejectAll).click();
    await expect(launcher(page)).toBeVisible();
    expect((await report('[part="launcher"]')).problems).toEqual([]);
    const s = await launcher(page).evaluate((e) => getComputedStyle(e).borderTopStyle);
    expect(s).not.toBe('none');
  });

  test('A-16: a switch shows its state without colour: the thumb moves', async ({ page }) => {
    const r = await openHost(page);
    await button(r, tr.banner.preferences).click();
    const sw = dialog(page).getByRole('switch', { name: tr.categories.analytics.name });
    const thumb = () => sw.evaluate((e) => getComputedStyle(e, '::before').left);
    const off = await sw.screenshot({ animations: 'disabled' });
    const leftOff = await thumb();
    await sw.check();
    const on = await sw.screenshot({ animations: 'disabled' });
    expect(await differingShare(page, off, on), 'pixels that change when the switch turns on').toBeGreaterThanOrEqual(
      0.02,
    );
    expect(await thumb(), 'thumb position on vs off').not.toBe(leftOff);
  });
});

test.describe('A-17: no time limits', () => {
  test('A-17: after ten minutes the banner is still there and nothing was granted', async ({ page }) => {
    await recordEvents(page);
    await page.clock.install();
    const r = await openHost(page);
    await page.clock.fastForward('10:00');
    await expect(r).toBeVisible();
    await expect(page.locator('cookie-consent-banner')).toHaveAttribute('open', '');
    expect(await page.context().cookies()).toEqual([]);
    expect(await events(page, 'consent-change')).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')!.consent)).toBeNull();
  });
});

test.describe('A-18: status message and focus after a choice', () => {
  test('A-18: Enter on "Tümünü reddet" says "Tercihleriniz kaydedildi." and focus moves to the page, not <body>', async ({
    page,
  }) => {
    await openHost(page);
    const status = page.getByRole('status');
    await expect(status, 'the status region is there before the choice, empty').toHaveText('');
    await tabTo(page, tr.banner.rejectAll);
    await page.keyboard.press('Enter');
    await expect(status).toHaveText(tr.status.saved);
    await expect(page.locator('#skip-link'), 'focus goes to the next focusable element of the page').toBeFocused();
    expect((await focused(page)).tag).not.toBe('BODY');
  });

  test('A-18: with the launcher, focus goes to the launcher after "Tümünü kabul et"', async ({ page }) => {
    await openHost(page, host('launcher'));
    await tabTo(page, tr.banner.acceptAll);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText(tr.status.saved);
    await expect(launcher(page)).toBeFocused();
  });

  test('A-18: after "Seçimlerimi kaydet" in preferences opened from the banner, focus is not lost', async ({
    page,
  }) => {
    await openHost(page);
    await tabTo(page, tr.banner.preferences);
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    await tabTo(page, tr.preferences.save);
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeHidden();
    await expect(page.getByRole('status')).toHaveText(tr.status.saved);
    await expect.poll(async () => (await focused(page)).tag).not.toBe('BODY');
    expect(await focused(page)).toMatchObject({ id: 'skip-link', inPage: true });
  });
});

test.describe('A-19: no focus stealing', () => {
  test('A-19: the banner does not take focus on load; the first Tab lands in it', async ({ page }) => {
    await recordEvents(page);
    await openHost(page);
    await expect.poll(async () => (await events(page, 'consent-show')).length).toBe(1);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ inComponent: true, name: tr.language.label });
  });
});

test.describe('A-21: the launcher', () => {
  test('A-21: named, 24 px and more, first in the tab order, with a visible focus outline; it reopens preferences', async ({
    page,
  }) => {
    await openHost(page, host('launcher'));
    await expect(launcher(page), 'no launcher while the banner shows').toBeHidden();
    await button(region(page), tr.banner.rejectAll).click();
    await page.reload();
    const l = launcher(page);
    await expect(l).toBeVisible();
    await expect(l).toHaveAccessibleName(tr.launcher.label);
    const box = (await l.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    await checkFocusIndicators(page, [{ name: tr.launcher.label, locator: l }]);
    await l.focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(l).toBeFocused();
  });

  test('A-21: at 320×640 the launcher does not overlap the footer link', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openHost(page, host('launcher'));
    await button(region(page), tr.banner.rejectAll).click();
    const footer = page.locator('#cookie-settings');
    await footer.focus();
    await expect(footer).toBeInViewport();
    const a = (await launcher(page).boundingBox())!;
    const b = (await footer.boundingBox())!;
    const overlap =
      Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) &&
      Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);
    expect(overlap, `launcher ${JSON.stringify(a)} vs footer link ${JSON.stringify(b)}`).toBe(false);
  });
});
