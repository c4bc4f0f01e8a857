import tr from '../../locales/tr.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import { test, expect, mount, SEED_NOTICE, TEST_ORIGIN } from './fixtures.js';

test.describe('the notice', () => {
  test('shows the seed notice word for word in Turkish, in an open shadow root', async ({ page }) => {
    await mount(page, { attrs: 'policy-url="/cerez-politikasi"' });
    const region = page.getByRole('region', { name: tr.banner.heading });
    await expect(region).toBeVisible();
    expect(await page.evaluate(() => document.querySelector('cookie-consent-banner')?.shadowRoot?.mode)).toBe('open');

    const paragraphs = region.locator('[part="notice"] p');
    const texts = await paragraphs.evaluateAll((ps) => ps.map((p) => p.textContent?.trim()));
    expect(texts.slice(0, 4)).toEqual([...SEED_NOTICE]);

    // The first paragraph is readable at once, without scrolling or expanding.
    await expect(region.getByText(SEED_NOTICE[0], { exact: true })).toBeInViewport();
    // The others are one activation away, inside the banner.
    await expect(region.getByText(SEED_NOTICE[1], { exact: true })).toBeHidden();
    await region.getByText(tr.banner.more).click();
    for (const paragraph of SEED_NOTICE) await expect(region.getByText(paragraph, { exact: true })).toBeVisible();
  });

  test('has a heading, the policy link, the X with a name and three buttons, all from tr.json', async ({ page }) => {
    await mount(page, { attrs: 'policy-url="/cerez-politikasi"' });
    const region = page.getByRole('region', { name: tr.banner.heading });
    await expect(region.getByRole('heading', { name: tr.banner.heading, level: 2 })).toBeVisible();
    const link = region.getByRole('link', { name: tr.banner.policyLink });
    await expect(link).toHaveAttribute('href', `${TEST_ORIGIN}/cerez-politikasi`);
    await expect(region.getByRole('button', { name: tr.banner.close })).toBeVisible();
    const names = await region
      .locator('[part="actions"] button')
      .evaluateAll((bs) => bs.map((b) => b.textContent?.trim()));
    expect(names).toEqual([tr.banner.rejectAll, tr.banner.acceptAll, tr.banner.preferences]);
    await expect(region.getByText(tr.banner.withdraw)).toBeVisible();
  });

  test('the three buttons have equal visual weight', async ({ page }) => {
    await mount(page);
    const region = page.getByRole('region', { name: tr.banner.heading });
    await expect(region).toBeVisible();
    const styles = await region.locator('[part="actions"] button').evaluateAll((buttons) =>
      buttons.map((b) => {
        const s = getComputedStyle(b);
        const r = b.getBoundingClientRect();
        return {
          width: Math.round(r.width),
          height: Math.round(r.height),
          font: `${s.fontFamily} ${s.fontSize} ${s.fontWeight}`,
          colors: `${s.color} ${s.backgroundColor} ${s.borderTopColor} ${s.borderTopWidth}`,
          padding: s.padding,
          radius: s.borderRadius,
        };
      }),
    );
    expect(styles).toHaveLength(3);
    for (const style of styles.slice(1)) {
      expect(Math.abs(style.width - styles[0]!.width)).toBeLessThanOrEqual(2);
      expect(style.height).toBe(styles[0]!.height);
      expect({ ...style, width: 0, height: 0 }).toEqual({ ...styles[0]!, width: 0, height: 0 });
    }
  });

  test('without policy-url there is no link; an unsafe one is dropped with a warning', async ({ page, warnings }) => {
    await mount(page);
    const region = page.getByRole('region', { name: tr.banner.heading });
    await expect(region.getByRole('button', { name: tr.banner.acceptAll })).toBeVisible();
    await expect(region.getByRole('link')).toHaveCount(0);

    await page.evaluate(() =>
      document.querySelector('cookie-consent-banner')?.setAttribute('policy-url', 'JaVaScRiPt:alert(1)'),
    );
    await expect.poll(() => warnings.some((w) => w.includes('policy-url'))).toBe(true);
    await expect(region.getByRole('link')).toHaveCount(0);

    await page.evaluate(() =>
      document.querySelector('cookie-consent-banner')?.setAttribute('policy-url', 'https://example.com/cerez'),
    );
    await expect(region.getByRole('link', { name: tr.banner.policyLink })).toHaveAttribute(
      'href',
      'https://example.com/cerez',
    );
  });

  test('English is complete from day one', async ({ page }) => {
    await mount(page, { attrs: 'lang="en" policy-url="/cookies"' });
    const region = page.getByRole('region', { name: en.banner.heading });
    await expect(region).toBeVisible();
    await expect(region).toContainText(en.banner.notice1);
    await expect(region.getByRole('button', { name: en.banner.close })).toBeVisible();
    for (const label of [en.banner.rejectAll, en.banner.acceptAll, en.banner.preferences]) {
      await expect(region.getByRole('button', { name: label })).toBeVisible();
    }
    await region.getByRole('button', { name: en.banner.preferences }).click();
    const dialog = page.getByRole('dialog', { name: en.preferences.heading });
    await expect(dialog).toBeVisible();
    for (const id of ['necessary', 'functional', 'analytics', 'marketing'] as const) {
      await expect(dialog.getByRole('switch', { name: en.categories[id].name })).toBeVisible();
      await expect(dialog).toContainText(en.categories[id].description);
    }
  });
});
