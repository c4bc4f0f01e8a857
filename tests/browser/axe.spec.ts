/**
 * COMPLIANCE.md A-20: zero axe-core violations (WCAG 2.0–2.2 A and AA) on the banner and on the open preferences
 * dialog, in Turkish, English and Arabic, light and dark, in every position; and after a choice (launcher and
 * status message).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import trJson from '../../locales/tr.json' with { type: 'json' };
import enJson from '../../locales/en.json' with { type: 'json' };
import arJson from '../../locales/ar.json' with { type: 'json' };
import { test as base, expect, mount } from './fixtures.js';

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
const LOCALES = {
  tr: trJson,
  en: enJson as unknown as Strings,
  ar: arJson as unknown as Strings,
} as const;
const LANGUAGES = ['tr', 'en', 'ar'] as const;
const THEMES = ['light', 'dark'] as const;
const POSITIONS = ['bottom', 'top', 'bottom-start', 'bottom-end', 'center'] as const;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Language = (typeof LANGUAGES)[number];

/** A small English page with the element first in <body>, as a site would have it. */
async function open(page: Page, lang: Language, attrs: string): Promise<void> {
  await mount(page, {
    htmlLang: 'en',
    attrs: `lang="${lang}" policy-url="/cerez-politikasi" ${attrs}`,
    after: `<a href="#main">Skip to content</a><main id="main"><h1>Page</h1><p>Content with <a href="#a">a link</a>.</p></main>
      <footer><a href="#cookies" data-consent-open>Cookie settings</a></footer>`,
  });
  const strings = LOCALES[lang];
  await expect(
    page.getByRole('region', { name: strings.banner.heading, exact: true }).and(page.locator(`[lang="${lang}"]`)),
  ).toBeVisible();
  // Let the entrance animation end: a half-transparent banner would skew colour contrast.
  await page
    .locator('cookie-consent-banner')
    .evaluate((host) =>
      Promise.all(host.shadowRoot!.getAnimations().map((a) => a.finished.catch(() => undefined))).then(() => undefined),
    );
}

/** The violations, one readable line per failing node: rule, impact, target and axe's own explanation. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('cookie-consent-banner').withTags(TAGS).analyze();
  // Not a vacuous pass: axe saw the controls inside the shadow root.
  expect(results.passes.map((p) => p.id)).toContain('button-name');
  return results.violations.flatMap((v) =>
    v.nodes.map((node) => {
      const why = [...node.any, ...node.all, ...node.none].map((check) => check.message).join(' / ');
      return `${v.id} (${v.impact ?? 'no impact'}) on ${JSON.stringify(node.target)}: ${why}`;
    }),
  );
}

for (const lang of LANGUAGES) {
  const strings = LOCALES[lang];
  for (const theme of THEMES) {
    for (const position of POSITIONS) {
      // One page load for both layers: the banner, then the preferences opened from it.
      test(`A-20: axe, ${lang}, ${theme}, ${position}, banner and preferences`, async ({ page }) => {
        await open(page, lang, `theme="${theme}" position="${position}"`);
        expect.soft(await violations(page), 'the banner').toEqual([]);
        // By keyboard, so that no control in the dialog is left hovered by the mouse.
        await page.getByRole('button', { name: strings.banner.preferences, exact: true }).focus();
        await page.keyboard.press('Enter');
        await expect(page.getByRole('dialog', { name: strings.preferences.heading, exact: true })).toBeVisible();
        expect(await violations(page), 'the preferences').toEqual([]);
      });
    }

    test(`A-20: axe, ${lang}, ${theme}, after a choice (launcher and status message)`, async ({ page }) => {
      await open(page, lang, `theme="${theme}" launcher`);
      await page.getByRole('button', { name: strings.banner.rejectAll, exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status')).toHaveText(strings.status.saved);
      await expect(page.getByRole('button', { name: strings.launcher.label, exact: true })).toBeFocused();
      expect(await violations(page)).toEqual([]);
    });
  }
}
