import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, mount, recordEvents, events, consentCookie } from './fixtures.js';
import { SHIPPED_LANGUAGES } from '../../src/i18n/languages.js';
import { LANGUAGE_NAMES, pickerOptions } from '../../src/i18n/names.js';

type Locale = {
  banner: Record<string, string>;
  preferences: Record<string, string>;
  status: Record<string, string>;
  language: Record<string, string>;
  categories: Record<string, { name: string; description: string }>;
};
const locale = (code: string): Locale =>
  JSON.parse(readFileSync(new URL(`../../locales/${code}.json`, import.meta.url), 'utf8')) as Locale;
const tr = locale('tr');

const base = (page: Page) => page.locator('cookie-consent-banner [part="base"]');
/** The banner region in a given language: its name, and its lang (several languages say just "Cookies"). */
const region = (page: Page, code: string) =>
  page.getByRole('region', { name: locale(code).banner.heading, exact: true }).and(page.locator(`[lang="${code}"]`));

test.describe('choosing the language', () => {
  test('the lang attribute wins over the page and the browser', async ({ page }) => {
    await mount(page, { attrs: 'lang="fr"', htmlLang: 'de' });
    await expect(region(page, 'fr')).toBeVisible();
  });

  test('without it, the page language', async ({ page }) => {
    await mount(page, { htmlLang: 'de' });
    await expect(region(page, 'de')).toBeVisible();
    await expect(base(page)).toHaveAttribute('lang', 'de');
  });

  test.describe('with no language on the page', () => {
    test.use({ locale: 'es-MX' });
    test('the browser language, falling back from its region', async ({ page }) => {
      await mount(page, { htmlLang: null });
      await expect(region(page, 'es')).toBeVisible();
    });
  });

  test.describe('with nothing that matches', () => {
    test.use({ locale: 'ja-JP' });
    test('Turkish', async ({ page }) => {
      // Norwegian (nb) is not shipped, and Danish does not stand in for it.
      await mount(page, { htmlLang: 'nb-NO' });
      await expect(region(page, 'tr')).toBeVisible();
      await expect(base(page)).toHaveAttribute('lang', 'tr');
    });
  });

  test('regional and script subtags and old codes find the shipped language; others move to the next candidate', async ({
    page,
  }) => {
    const cases: [string, string][] = [
      ['de-AT', 'de'],
      ['pt-BR', 'pt'],
      ['sr-Latn-RS', 'sr-Latn'],
      ['sr-ME', 'sr-Latn'],
      ['SR-LATN', 'sr-Latn'],
      ['sr-Cyrl', 'sr'],
      ['sr-RS', 'sr'],
      ['iw', 'he'],
      // Neither nb nor nn is shipped: the browser's en-US comes next.
      ['nb', 'en'],
      ['nn-NO', 'en'],
    ];
    for (const [htmlLang, code] of cases) {
      await mount(page, { htmlLang });
      await expect(region(page, code), htmlLang).toBeVisible();
      await expect(base(page)).toHaveAttribute('lang', code);
      await expect(base(page)).toHaveAttribute('dir', code === 'he' ? 'rtl' : 'ltr');
    }
  });

  test('an unknown language warns and falls back cleanly', async ({ page, warnings }) => {
    await mount(page, { attrs: 'lang="xx-YY"', htmlLang: 'tr' });
    await expect(region(page, 'tr')).toBeVisible();
    await expect.poll(() => warnings.some((w) => w.includes('lang') && w.includes('xx-YY'))).toBe(true);
  });

  test('a language that fails to load falls back with a warning and no flash', async ({
    page,
    warnings,
    allowErrors,
  }) => {
    allowErrors.push(/Failed to load resource/);
    await page.route(/\/chunks\/de-[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: 'nope' }));
    await mount(page, { attrs: 'lang="de"', htmlLang: 'tr' });
    await expect(region(page, 'tr')).toBeVisible();
    await expect.poll(() => warnings.some((w) => w.includes('"de"'))).toBe(true);
  });
});

test.describe('switching', () => {
  test('the first render holds the shown language alone; every other comes in an idle moment, or at once on reach', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      document.addEventListener('consent-show', (e) => {
        const select = (e.target as Element).shadowRoot!.querySelector('select')!;
        (window as unknown as { __first: string[] }).__first = [...select.options].map((o) => o.value);
      });
    });
    await mount(page);
    const picker = region(page, 'tr').getByRole('combobox', { name: tr.language.label });
    await expect(picker).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __first: string[] }).__first)).toEqual(['tr']);
    await expect(picker).toHaveValue('tr');
    // Nobody touches it: the rest come when the page is idle.
    await expect(picker.locator('option')).toHaveCount(SHIPPED_LANGUAGES.length);

    // A visitor who reaches for it at once (pointer down) finds them all before the list opens.
    await page.addInitScript(() => {
      document.addEventListener('consent-show', (e) => {
        const select = (e.target as Element).shadowRoot!.querySelector('select')!;
        select.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
        queueMicrotask(() =>
          queueMicrotask(() => {
            (window as unknown as { __reached: number }).__reached = select.options.length;
          }),
        );
      });
    });
    await page.reload();
    await expect(picker).toBeVisible();
    await page.waitForFunction(() => '__reached' in window);
    expect(await page.evaluate(() => (window as unknown as { __reached: number }).__reached)).toBe(
      SHIPPED_LANGUAGES.length,
    );
  });

  test('the picker lists every language in its own name and switches in place', async ({ page }) => {
    await recordEvents(page);
    await mount(page, { attrs: 'policy-url="/p"' });
    const picker = region(page, 'tr').getByRole('combobox', { name: tr.language.label });
    await expect(picker).toBeVisible();
    // Reaching for the picker brings every option at once (the first render holds only the shown language's).
    await picker.focus();
    const options = await picker
      .locator('option')
      .evaluateAll((os) =>
        os.map((o) => [(o as HTMLOptionElement).value, o.textContent?.trim(), o.getAttribute('lang')]),
      );
    expect(options).toEqual(pickerOptions(SHIPPED_LANGUAGES).map(({ code, name }) => [code, name, code]));
    expect(options.map(([code]) => code).sort()).toEqual([...SHIPPED_LANGUAGES].sort());
    expect(options.map(([code, name]) => name === LANGUAGE_NAMES[code!])).not.toContain(false);

    await picker.selectOption('ar');
    const ar = locale('ar');
    await expect(region(page, 'ar')).toBeVisible();
    await expect(base(page)).toHaveAttribute('lang', 'ar');
    await expect(base(page)).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('status')).toHaveText(ar.status.languageChanged);
    await expect(region(page, 'ar').getByRole('combobox', { name: ar.language.label })).toBeFocused();
    expect((await events(page, 'consent-language-change')).map((e) => e.detail)).toEqual([
      { language: 'ar', previous: 'tr' },
    ]);
    // Every string switched, accessible names included.
    for (const key of ['rejectAll', 'acceptAll', 'preferences', 'close'] as const) {
      await expect(region(page, 'ar').getByRole('button', { name: ar.banner[key], exact: true })).toBeVisible();
    }
    await region(page, 'ar').getByRole('button', { name: ar.banner.preferences }).click();
    const dialog = page.getByRole('dialog', { name: ar.preferences.heading });
    await expect(dialog).toHaveAttribute('lang', 'ar');
    await expect(dialog.getByRole('switch', { name: ar.categories.marketing!.name })).toBeVisible();
    // No cookie before a choice, even though the visitor picked a language.
    expect(await page.context().cookies()).toEqual([]);
  });

  test('the picked language is stored with the choice and used on the next page', async ({ page }) => {
    await mount(page);
    await region(page, 'tr').getByRole('combobox', { name: tr.language.label }).selectOption('de');
    await expect(region(page, 'de')).toBeVisible();
    await region(page, 'de')
      .getByRole('button', { name: locale('de').banner.acceptAll })
      .click();
    expect((await consentCookie(page))?.record).toMatchObject({ l: 'de', ui: 'de' });
    await mount(page, { path: '/test/next.html' });
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.showPreferences());
    await expect(page.getByRole('dialog', { name: locale('de').preferences.heading })).toBeVisible();
  });

  test('after a choice, a switch updates the remembered language but not the choice', async ({ page }) => {
    await recordEvents(page);
    await mount(page);
    await region(page, 'tr').getByRole('button', { name: tr.banner.rejectAll }).click();
    const before = (await consentCookie(page))!.record;
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.showPreferences());
    const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
    await dialog.getByRole('combobox', { name: tr.language.label }).selectOption('uk');
    await expect(page.getByRole('dialog', { name: locale('uk').preferences.heading })).toBeVisible();
    const after = (await consentCookie(page))!.record;
    expect(after).toEqual({ ...before, ui: 'uk' });
    expect(await events(page, 'consent-change')).toHaveLength(1);
  });

  test('the lang attribute, the lang property and <html lang> switch at once', async ({ page }) => {
    await recordEvents(page);
    await mount(page, { htmlLang: 'tr' });
    await expect(region(page, 'tr')).toBeVisible();
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.setAttribute('lang', 'nl'));
    await expect(region(page, 'nl')).toBeVisible();
    await page.evaluate(() => {
      document.querySelector('cookie-consent-banner')!.lang = 'el';
    });
    await expect(region(page, 'el')).toBeVisible();
    await page.evaluate(() => {
      const el = document.querySelector('cookie-consent-banner')!;
      el.removeAttribute('lang');
      document.documentElement.lang = 'pl';
    });
    await expect(region(page, 'pl')).toBeVisible();
    await page.evaluate(() => {
      document.documentElement.lang = 'it';
    });
    await expect(region(page, 'it')).toBeVisible();
    expect((await events(page, 'consent-language-change')).map((e) => e.detail)).toEqual([
      { language: 'nl', previous: 'tr' },
      { language: 'el', previous: 'nl' },
      { language: 'pl', previous: 'el' },
      { language: 'it', previous: 'pl' },
    ]);
  });

  test('the languages attribute limits the picker', async ({ page }) => {
    await mount(page, { attrs: 'languages="tr en ar"' });
    const picker = region(page, 'tr').getByRole('combobox', { name: tr.language.label });
    await expect(picker.locator('option')).toHaveText(['English', 'Türkçe', 'العربية']);
    // Codes in any case; the shipped code keeps its own (sr-Latn).
    await mount(page, { attrs: 'languages="SR-latn sr he tr"' });
    const limited = region(page, 'tr').getByRole('combobox', { name: tr.language.label });
    await expect(limited.locator('option')).toHaveText(['Srpski (latinica)', 'Türkçe', 'Српски (ћирилица)', 'עברית']);
    expect(await limited.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([
      'sr-Latn',
      'tr',
      'sr',
      'he',
    ]);
  });
});

test.describe('loading', () => {
  test('other languages load on demand, and the banner appears only once its text is ready', async ({ page }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const chunks: string[] = [];
    page.on('request', (r) => {
      const match = /\/chunks\/([a-z]{2})-[^/]+\.js$/.exec(r.url());
      if (match) chunks.push(match[1]!);
    });
    await page.route(/\/chunks\/fa-[^/]+\.js$/, async (route) => {
      await held;
      await route.fallback();
    });
    await page.addInitScript(() => {
      document.addEventListener('consent-show', (e) => {
        const root = (e.target as Element).shadowRoot!;
        (window as unknown as { __firstHeading: string }).__firstHeading = root.querySelector('h2')?.textContent ?? '';
      });
    });
    await mount(page, { attrs: 'lang="fa"' });
    await page.waitForFunction(() => customElements.get('cookie-consent-banner'));
    // While Persian is on its way, nothing shows: no flash of Turkish or English.
    await expect(page.getByRole('region')).toHaveCount(0);
    release();
    await expect(region(page, 'fa')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __firstHeading: string }).__firstHeading)).toBe(
      locale('fa').banner.heading,
    );
    expect(chunks).toEqual(['fa']);
  });

  test('each shipped language has exactly the plural forms this browser asks for', async ({ page }) => {
    await mount(page);
    const needed = await page.evaluate(
      (codes) => codes.map((c) => [c, new Intl.PluralRules(c).resolvedOptions().pluralCategories] as const),
      [...SHIPPED_LANGUAGES],
    );
    expect(needed).toHaveLength(SHIPPED_LANGUAGES.length);
    for (const [code, forms] of needed) {
      const l = locale(code) as unknown as Record<string, Record<string, string>>;
      for (const [group, key] of [
        ['preferences', 'allowed'],
        ['inventory', 'show'],
      ] as const) {
        const present = Object.keys(l[group]!)
          .filter((k) => k.startsWith(`${key}_`))
          .map((k) => k.slice(key.length + 1));
        expect(present.sort(), `${code} ${group}.${key}`).toEqual([...forms].sort());
      }
    }
  });

  test('counts use each language’s plural rules', async ({ page }) => {
    await mount(page, { attrs: 'lang="ru"' });
    const ru = locale('ru');
    await region(page, 'ru').getByRole('button', { name: ru.banner.preferences }).click();
    const dialog = page.getByRole('dialog', { name: ru.preferences.heading });
    const summary = dialog.locator('[part="summary"]');
    await expect(summary).toHaveText(ru.preferences.allowed_one!.replace('{{count}}', '1'));
    await dialog.getByRole('switch', { name: ru.categories.analytics!.name }).check();
    await expect(summary).toHaveText(ru.preferences.allowed_few!.replace('{{count}}', '2'));
  });
});

test.describe('site texts', () => {
  test('a JSON child overrides per key and can add a language; the property wins; changes apply at once', async ({
    page,
  }) => {
    const json = JSON.stringify({
      tr: { banner: { heading: 'Çerez ayarları' } },
      // Norwegian is not shipped: the site adds it.
      nb: {
        ...locale('en'),
        banner: { ...locale('en').banner, heading: 'Cookies (nb)' },
        language: { name: 'Norsk bokmål', label: 'Språk' },
      },
    });
    await mount(page, {
      noElement: true,
      after: `<cookie-consent-banner><script type="application/json">${json}</script></cookie-consent-banner>`,
    });
    await expect(page.getByRole('region', { name: 'Çerez ayarları' })).toBeVisible();
    // Keys not overridden keep the built-in text.
    await expect(page.getByRole('button', { name: tr.banner.acceptAll })).toBeVisible();
    const picker = page.getByRole('combobox', { name: tr.language.label });
    await expect(picker.locator('option[value="nb"]')).toHaveText('Norsk bokmål');
    await picker.selectOption('nb');
    await expect(page.getByRole('region', { name: 'Cookies (nb)' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Språk' }).selectOption('tr');
    await page.evaluate(() => {
      document.querySelector('cookie-consent-banner')!.texts = { tr: { banner: { heading: 'Özellik kazanır' } } };
    });
    await expect(page.getByRole('region', { name: 'Özellik kazanır' })).toBeVisible();
    await page.evaluate(() => {
      const script = document.querySelector('cookie-consent-banner script')!;
      script.textContent = JSON.stringify({ tr: { banner: { acceptAll: 'Evet, hepsi' } } });
    });
    await expect(page.getByRole('button', { name: 'Evet, hepsi' })).toBeVisible();
  });

  test('markup in site texts is shown as text, never run', async ({ page }) => {
    await mount(page);
    await page.evaluate(() => {
      document.querySelector('cookie-consent-banner')!.texts = {
        tr: { banner: { heading: '<img src=x onerror="window.__xss=1">', notice1: '<script>window.__xss=2</script>' } },
      };
    });
    await expect(page.getByRole('region', { name: '<img src=x onerror="window.__xss=1">' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(
      await page.evaluate(
        () => document.querySelector('cookie-consent-banner')!.shadowRoot!.querySelectorAll('img, script').length,
      ),
    ).toBe(0);
  });
});

test.describe('markup', () => {
  test('a Turkish banner on an English page carries lang="tr"; Turkish casing is right', async ({ page }) => {
    await mount(page, {
      htmlLang: 'en',
      attrs: 'lang="tr"',
      head: '<style>cookie-consent-banner::part(preferences-heading){text-transform:uppercase}</style>',
    });
    await expect(base(page)).toHaveAttribute('lang', 'tr');
    await expect(base(page)).toHaveAttribute('dir', 'ltr');
    await region(page, 'tr').getByRole('button', { name: tr.banner.preferences }).click();
    const heading = page.getByRole('dialog').locator('h2');
    expect(await heading.evaluate((h) => (h as HTMLElement).innerText)).toBe('ÇEREZ TERCİHLERİ');
  });

  for (const code of ['ar', 'fa', 'he']) {
    test(`${code} is laid out right to left, mirrored, without overflow at 320 px`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await mount(page, { attrs: `lang="${code}"` });
      const l = locale(code);
      await expect(region(page, code)).toBeVisible();
      await expect(base(page)).toHaveAttribute('dir', 'rtl');
      expect(await base(page).evaluate((b) => getComputedStyle(b).direction)).toBe('rtl');
      const reject = await region(page, code).getByRole('button', { name: l.banner.rejectAll }).boundingBox();
      const accept = await region(page, code).getByRole('button', { name: l.banner.acceptAll }).boundingBox();
      // Buttons wrap at 320 px; on one line the first in DOM order sits to the right.
      if (reject!.y === accept!.y) expect(reject!.x).toBeGreaterThan(accept!.x);
      else expect(reject!.x + reject!.width).toBeGreaterThanOrEqual(accept!.x + accept!.width - 1);
      const close = await region(page, code).getByRole('button', { name: l.banner.close }).boundingBox();
      expect(close!.x).toBeLessThan(160);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await base(page).evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);

      await page.setViewportSize({ width: 1280, height: 720 });
      // Read once the layout has settled at the new width: one line, the first in DOM order to the right.
      await expect
        .poll(async () => {
          const wideReject = await region(page, code).getByRole('button', { name: l.banner.rejectAll }).boundingBox();
          const wideAccept = await region(page, code).getByRole('button', { name: l.banner.acceptAll }).boundingBox();
          return wideReject!.y === wideAccept!.y && wideReject!.x > wideAccept!.x;
        })
        .toBe(true);

      await region(page, code).getByRole('button', { name: l.banner.preferences }).click();
      const dialog = page.getByRole('dialog', { name: l.preferences.heading });
      const label = await dialog.getByText(l.categories.analytics!.name).boundingBox();
      const sw = await dialog.getByRole('switch', { name: l.categories.analytics!.name }).boundingBox();
      expect(sw!.x).toBeLessThan(label!.x);
    });
  }
});
