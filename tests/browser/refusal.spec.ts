// A refusal that is respected: `refusal-expires` (days, default 182) is how long a visitor who refused every
// optional category is left alone, across revisions; a choice that allowed something keeps `cookie-expires`
// and is asked again under a new revision.
import type { Page } from '@playwright/test';
import { TEST_ORIGIN, consentCookie, expect, expectBannerNotShown, localeJson, mount, test } from './fixtures.js';

const tr = localeJson('tr') as unknown as { banner: { heading: string; rejectAll: string; acceptAll: string } };
const DAY = 86_400;
const banner = (page: Page) => page.getByRole('region', { name: tr.banner.heading });
const element = (page: Page) => page.locator('cookie-consent-banner');

/** A stored choice (schema 2) made `age` days ago under revision `r`. */
async function seed(page: Page, allowed: boolean, ageDays: number, r: number | string = 1): Promise<void> {
  const on = allowed ? 1 : 0;
  const record = {
    t: Math.floor(Date.now() / 1000) - ageDays * DAY,
    r,
    l: 'tr',
    m: allowed ? 'a' : 'r',
    c: { functional: on, analytics: on, marketing: on },
  };
  await page
    .context()
    .addCookies([
      { name: 'cookie_consent', value: encodeURIComponent(JSON.stringify(record)), url: `${TEST_ORIGIN}/` },
    ]);
}

/** Days from now until the consent cookie expires, as the browser keeps it. */
async function cookieDays(page: Page): Promise<number> {
  const cookie = await consentCookie(page);
  if (!cookie) throw new Error('no consent cookie');
  return (cookie.expires - Date.now() / 1000) / DAY;
}

test.describe('refusal-expires', () => {
  test('nothing is written before a choice; a refusal is stored for refusal-expires days, an acceptance for cookie-expires', async ({
    page,
  }) => {
    await mount(page, { attrs: 'refusal-expires="30" cookie-expires="90"' });
    await expect(banner(page)).toBeVisible();
    const storage = () =>
      page.evaluate(() => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length }));
    expect(await storage()).toEqual({ cookie: '', local: 0, session: 0 });
    expect(await page.context().cookies()).toEqual([]);

    await banner(page).getByRole('button', { name: tr.banner.rejectAll }).click();
    await expect.poll(() => consentCookie(page)).toBeTruthy();
    expect(await cookieDays(page)).toBeCloseTo(30, 0);

    await page.evaluate(async () => {
      const el = document.querySelector('cookie-consent-banner') as unknown as { acceptAll(): Promise<void> };
      await el.acceptAll();
    });
    expect(await cookieDays(page)).toBeCloseTo(90, 0);
  });

  test('within refusal-expires, a refusal is not asked again, though older than cookie-expires; its cookie is renewed for refusal-expires', async ({
    page,
  }) => {
    await seed(page, false, 100);
    await mount(page, { attrs: 'refusal-expires="120" cookie-expires="30"' });
    await expectBannerNotShown(element(page));
    expect(await element(page).evaluate((el) => (el as unknown as { consent: unknown }).consent)).toMatchObject({
      method: 'reject-all',
      categories: { marketing: false },
    });
    expect(await cookieDays(page)).toBeCloseTo(120, 0);
  });

  test('after refusal-expires, the banner asks again', async ({ page }) => {
    await seed(page, false, 130);
    await mount(page, { attrs: 'refusal-expires="120"' });
    await expect(banner(page)).toBeVisible();
  });

  test('by default a refusal holds 182 days, whatever cookie-expires says', async ({ page }) => {
    await seed(page, false, 181);
    await mount(page, { attrs: 'cookie-expires="30"' });
    await expectBannerNotShown(element(page));
  });

  test('an acceptance keeps cookie-expires: older than it, the banner asks again', async ({ page }) => {
    await seed(page, true, 40);
    await mount(page, { attrs: 'refusal-expires="120" cookie-expires="30"' });
    await expect(banner(page)).toBeVisible();
  });

  test('a revision bump re-asks a visitor who allowed something', async ({ page }) => {
    await seed(page, true, 1, 1);
    await mount(page, { attrs: 'revision="2"' });
    await expect(banner(page)).toBeVisible();
  });

  test('a revision bump does not re-ask a visitor who refused everything; the refusal stays in effect', async ({
    page,
  }) => {
    await seed(page, false, 1, 1);
    await mount(page, { attrs: 'revision="2"' });
    await expectBannerNotShown(element(page));
    expect(await element(page).evaluate((el) => (el as unknown as { consent: unknown }).consent)).toMatchObject({
      revision: '1',
      method: 'reject-all',
    });
  });

  test('a bad refusal-expires warns and uses 182 days; one out of range is clamped', async ({ page, warnings }) => {
    await mount(page, { attrs: 'refusal-expires="soon"' });
    await banner(page).getByRole('button', { name: tr.banner.rejectAll }).click();
    await expect.poll(() => consentCookie(page)).toBeTruthy();
    expect(await cookieDays(page)).toBeCloseTo(182, 0);
    await expect
      .poll(() => warnings)
      .toContainEqual(expect.stringContaining('refusal-expires: "soon" is not a number of days; 182 is used.'));

    await element(page).evaluate(async (el) => {
      el.setAttribute('refusal-expires', '900');
      await (el as unknown as { rejectAll(): Promise<void> }).rejectAll();
    });
    expect(await cookieDays(page)).toBeCloseTo(395, 0);
    await expect
      .poll(() => warnings)
      .toContainEqual(expect.stringContaining('refusal-expires: 900 is outside 1–395 days; 395 is used.'));
  });
});
