/**
 * Every shipped language, as a visitor sees it: at 320 × 640 the banner and the preferences render in that
 * language with no horizontal scroll and no clipped button; axe finds nothing in Hebrew (right to left),
 * Georgian and Serbian Cyrillic; the picker is sorted, keyboard-usable and names each language in itself;
 * counts are written in the language's digits.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, mount, consentCookie, LOCALE_CODES, localeJson } from './fixtures.js';
import { SHIPPED_LANGUAGES } from '../../src/i18n/languages.js';
import { pickerOptions } from '../../src/i18n/names.js';

test.beforeEach(({ warnings }) => void warnings);

type Locale = {
  banner: Record<string, string>;
  preferences: Record<string, string>;
  language: Record<string, string>;
  categories: Record<string, { name: string; description: string }>;
};
const locale = (code: string): Locale => localeJson(code) as unknown as Locale;

type Banner = HTMLElementTagNameMap['cookie-consent-banner'];
const host = (page: Page) => page.locator('cookie-consent-banner');
/** Opens the preferences through the public method. */
const showPreferences = (page: Page) => host(page).evaluate((el) => (el as Banner).showPreferences());
const base = (page: Page) => page.locator('cookie-consent-banner [part="base"]');
/** The banner region in a given language: its name, and its lang (several languages say just "Cookies"). */
const region = (page: Page, code: string) =>
  page.getByRole('region', { name: locale(code).banner.heading, exact: true }).and(page.locator(`[lang="${code}"]`));
const dialog = (page: Page, code: string) =>
  page
    .getByRole('dialog', { name: locale(code).preferences.heading, exact: true })
    .and(page.locator(`[lang="${code}"]`));

/** Switches the element's language, as a site does with `el.lang`. */
async function switchTo(page: Page, code: string): Promise<void> {
  await host(page).evaluate((el, lang) => {
    (el as Banner).lang = lang;
  }, code);
}

/**
 * What overflows in a container: the page or the container scrolling sideways, a button (or the picker)
 * whose text is cut, or one that sticks out of the container. Empty when the layout fits.
 */
function overflow(container: Locator): Promise<string[]> {
  return container.evaluate((box) => {
    const problems: string[] = [];
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) problems.push(`page scrolls sideways (${page.scrollWidth} px)`);
    if (box.scrollWidth > box.clientWidth) problems.push(`container scrolls sideways (${box.scrollWidth} px)`);
    const outer = box.getBoundingClientRect();
    for (const control of box.querySelectorAll<HTMLElement>('button, select')) {
      if (!control.checkVisibility()) continue;
      const name = `${control.localName} "${(control.textContent ?? '').trim().slice(0, 40)}"`;
      if (control.scrollWidth > control.clientWidth) problems.push(`${name} is clipped sideways`);
      if (control.scrollHeight > control.clientHeight + 1) problems.push(`${name} is clipped vertically`);
      const r = control.getBoundingClientRect();
      if (r.left < outer.left - 0.5 || r.right > outer.right + 0.5) problems.push(`${name} sticks out sideways`);
      if (r.right > page.clientWidth + 0.5 || r.left < -0.5) problems.push(`${name} is off screen`);
    }
    return problems;
  });
}

/** Waits for the entrance animation to end: a half-transparent banner would skew axe's colour contrast. */
async function settled(page: Page): Promise<void> {
  await host(page).evaluate((el) =>
    Promise.all(el.shadowRoot!.getAnimations().map((a) => a.finished.catch(() => undefined))).then(() => undefined),
  );
}

test('there is a locale file for every shipped language, and only those', () => {
  expect(LOCALE_CODES).toEqual([...SHIPPED_LANGUAGES].sort());
  expect(LOCALE_CODES).toHaveLength(36);
});

test.describe('every language at 320 × 640', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the banner shows in each language, with no horizontal scroll and no clipped button', async ({ page }) => {
    test.setTimeout(180_000);
    await mount(page, { attrs: 'lang="tr" policy-url="/cerez-politikasi"' });
    await expect(region(page, 'tr')).toBeVisible();
    for (const code of LOCALE_CODES) {
      await test.step(code, async () => {
        await switchTo(page, code);
        const l = locale(code);
        await expect(region(page, code)).toBeVisible();
        await expect(region(page, code).getByRole('heading', { level: 2 })).toHaveText(l.banner.heading);
        // The three choices fully on screen, with no scrolling, and inside the banner's frame.
        const frame = (await base(page).boundingBox())!;
        for (const key of ['rejectAll', 'acceptAll', 'preferences']) {
          const button = region(page, code).getByRole('button', { name: l.banner[key], exact: true });
          await expect.soft(button, `${code} ${key}`).toBeInViewport({ ratio: 1 });
          const box = (await button.boundingBox())!;
          expect.soft(box.y, `${code} ${key} top`).toBeGreaterThanOrEqual(frame.y - 0.5);
          expect.soft(box.y + box.height, `${code} ${key} bottom`).toBeLessThanOrEqual(frame.y + frame.height + 0.5);
        }
        expect.soft(await overflow(base(page)), code).toEqual([]);
        // The purposes are joined as the language joins them (CLDR's patterns, in its locale file), as this
        // browser's Intl.ListFormat does where its ICU data has the language; where it has not (Chromium ships no
        // list data for az, ga, ka, mk, mt and sq, and falls back to English "and"), as CLDR, through Node's
        // full ICU, does.
        const names = ['functional', 'analytics', 'marketing'].map((id) => l.categories[id]!.name);
        const browser = await page.evaluate(
          ([lang, items]) => {
            const format = new Intl.ListFormat(lang, { type: 'conjunction' });
            return { joined: format.format(items), locale: format.resolvedOptions().locale };
          },
          [code, names] as const,
        );
        const known = browser.locale.split('-')[0] === code.split('-')[0];
        const joined = known ? browser.joined : new Intl.ListFormat(code, { type: 'conjunction' }).format(names);
        await expect
          .soft(region(page, code).locator('[part="purposes"]'), code)
          .toHaveText(`${l.banner['purposes']} ${joined}.`);
      });
    }
  });

  test('the preferences show in each language, with no horizontal scroll and no clipped button', async ({ page }) => {
    test.setTimeout(180_000);
    await mount(page, { attrs: 'lang="tr" policy-url="/cerez-politikasi"' });
    await expect(region(page, 'tr')).toBeVisible();
    await showPreferences(page);
    await expect(dialog(page, 'tr')).toBeVisible();
    for (const code of LOCALE_CODES) {
      await test.step(code, async () => {
        await switchTo(page, code);
        const l = locale(code);
        await expect(dialog(page, code)).toBeVisible();
        await expect(dialog(page, code).getByRole('switch', { name: l.categories.marketing!.name })).toBeVisible();
        // Heading, close and save stay in view; the categories scroll between them.
        await expect.soft(dialog(page, code).getByRole('heading', { name: l.preferences.heading })).toBeInViewport({
          ratio: 1,
        });
        for (const name of [l.preferences.save, l.preferences.close]) {
          await expect
            .soft(dialog(page, code).getByRole('button', { name, exact: true }), `${code} ${name}`)
            .toBeInViewport({ ratio: 1 });
        }
        expect.soft(await overflow(dialog(page, code)), code).toEqual([]);
      });
    }
  });
});

test.describe('axe, WCAG 2.0–2.2 A and AA', () => {
  const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const violations = async (page: Page): Promise<string[]> => {
    const results = await new AxeBuilder({ page }).include('cookie-consent-banner').withTags(TAGS).analyze();
    // Not a vacuous pass: axe saw the controls inside the shadow root.
    expect(results.passes.map((p) => p.id)).toContain('button-name');
    return results.violations.flatMap((v) => v.nodes.map((node) => `${v.id} on ${JSON.stringify(node.target)}`));
  };

  // Hebrew: right to left; Georgian: its own script; Serbian: Cyrillic.
  for (const code of ['he', 'ka', 'sr']) {
    test(`${code}: zero violations on the banner and on the preferences`, async ({ page }) => {
      await mount(page, { htmlLang: 'en', attrs: `lang="${code}" policy-url="/cerez-politikasi"` });
      await expect(region(page, code)).toBeVisible();
      await settled(page);
      expect(await violations(page)).toEqual([]);
      await region(page, code)
        .getByRole('button', { name: locale(code).banner.preferences, exact: true })
        .focus();
      await page.keyboard.press('Enter');
      await expect(dialog(page, code)).toBeVisible();
      await settled(page);
      expect(await violations(page)).toEqual([]);
    });
  }
});

test.describe('the picker', () => {
  const sorted = pickerOptions(SHIPPED_LANGUAGES);
  const picker = (page: Page, code: string) =>
    region(page, code).getByRole('combobox', { name: locale(code).language.label, exact: true });

  test('lists every language by its own name, in one sorted order, each option named in its language', async ({
    page,
  }) => {
    await mount(page);
    for (const code of ['tr', 'ka']) {
      await switchTo(page, code);
      await expect(picker(page, code)).toBeVisible();
      // The same order whatever the language shown: names A–Z in Latin script, then other scripts.
      await expect(picker(page, code).locator('option')).toHaveText(sorted.map((o) => o.name));
      await expect(picker(page, code)).toHaveValue(code);
      // Each option's accessible name is its native name, and it carries its own lang and dir.
      await expect(picker(page, code)).toMatchAriaSnapshot(
        [
          `- combobox "${locale(code).language.label}":`,
          ...sorted.map((o) => `  - option "${o.name}"${o.code === code ? ' [selected]' : ''}`),
        ].join('\n'),
      );
      const attrs = await picker(page, code)
        .locator('option')
        .evaluateAll((os) => os.map((o) => [o.getAttribute('lang'), o.getAttribute('dir')]));
      expect(attrs).toEqual(sorted.map((o) => [o.code, ['ar', 'fa', 'he'].includes(o.code) ? 'rtl' : 'ltr']));
    }
    expect(sorted.map((o) => o.code).slice(0, 3)).toEqual(['az', 'cs', 'da']);
    expect(sorted.map((o) => o.code).slice(-4)).toEqual(['ka', 'he', 'ar', 'fa']);
  });

  test('works from the keyboard: arrows walk the list without getting stuck, Home and End jump', async ({ page }) => {
    await mount(page);
    const order = sorted.map((o) => o.code);
    await picker(page, 'tr').focus();
    let at = order.indexOf('tr');
    for (const [key, step] of [
      ['ArrowDown', 1],
      ['ArrowDown', 1],
      ['ArrowDown', 1],
      ['ArrowUp', -1],
    ] as const) {
      await page.keyboard.press(key);
      at += step;
      const code = order[at]!;
      await expect(region(page, code), `${key} → ${code}`).toBeVisible();
      await expect(picker(page, code)).toBeFocused();
    }
    await page.keyboard.press('End');
    await expect(region(page, order.at(-1)!)).toBeVisible();
    await expect(picker(page, order.at(-1)!)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(region(page, order[0]!)).toBeVisible();
    await expect(picker(page, order[0]!)).toBeFocused();
    // Type-ahead: the first letter of a language's own name.
    await page.keyboard.press('m');
    await expect(region(page, 'hu')).toBeVisible();
    await expect(picker(page, 'hu')).toBeFocused();
  });

  test('Serbian in Latin script: picked, shown, stored as sr-Latn and used on the next page', async ({ page }) => {
    await mount(page);
    await picker(page, 'tr').selectOption({ label: 'Srpski (latinica)' });
    await expect(region(page, 'sr-Latn')).toBeVisible();
    await expect(base(page)).toHaveAttribute('lang', 'sr-Latn');
    await region(page, 'sr-Latn')
      .getByRole('button', { name: locale('sr-Latn').banner.acceptAll, exact: true })
      .click();
    expect((await consentCookie(page))?.record).toMatchObject({ l: 'sr-Latn', ui: 'sr-Latn' });
    await mount(page, { path: '/test/next.html' });
    await showPreferences(page);
    await expect(dialog(page, 'sr-Latn')).toBeVisible();
  });
});

test.describe('numbers in strings', () => {
  /** The preferences' "N categories allowed" line, with only the necessary category on. */
  async function summary(page: Page, code: string): Promise<Locator> {
    await mount(page, { attrs: `lang="${code}"` });
    await expect(region(page, code)).toBeVisible();
    await showPreferences(page);
    return dialog(page, code).locator('[part="summary"]');
  }

  test('Persian writes Persian digits', async ({ page }) => {
    const fa = locale('fa');
    const line = await summary(page, 'fa');
    await expect(line).toHaveText(fa.preferences.allowed_one!.replace('{{count}}', '۱'));
    await dialog(page, 'fa').getByRole('switch', { name: fa.categories.analytics!.name }).check();
    await expect(line).toHaveText(fa.preferences.allowed_other!.replace('{{count}}', '۲'));
  });

  test('Arabic writes Latin digits, as CLDR and most Arabic sites do', async ({ page }) => {
    const ar = locale('ar');
    const line = await summary(page, 'ar');
    await expect(line).toHaveText(ar.preferences.allowed_one!.replace('{{count}}', '1'));
    await dialog(page, 'ar').getByRole('switch', { name: ar.categories.analytics!.name }).check();
    await expect(line).toHaveText(ar.preferences.allowed_two!.replace('{{count}}', '2'));
  });

  test('Hebrew and Georgian write Latin digits, with their own plural forms', async ({ page }) => {
    for (const code of ['he', 'ka']) {
      const l = locale(code);
      const line = await summary(page, code);
      await expect(line).toHaveText(l.preferences.allowed_one!.replace('{{count}}', '1'));
      await dialog(page, code).getByRole('switch', { name: l.categories.analytics!.name }).check();
      const two = l.preferences.allowed_two ?? l.preferences.allowed_other!;
      await expect(line).toHaveText(two.replace('{{count}}', '2'));
    }
  });
});
