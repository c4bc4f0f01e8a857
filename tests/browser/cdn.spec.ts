// One tag from a public CDN, as the README gives it: the `npm run sri` output (an import map pinning each chunk,
// and the entry with its `integrity`) on a page of another origin, the files served from a jsDelivr-like URL with
// CORS. The banner shows and stores a choice; a chunk whose bytes do not match its pin is refused, and the banner
// says so with consent-error instead of showing tampered code.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import tr from '../../locales/tr.json' with { type: 'json' };
import { TEST_ORIGIN, consentCookie, expect, test } from './fixtures.js';

const CDN = 'https://cdn.jsdelivr.test/npm/cerez@0.1.0/dist/';

/** What `npm run sri -- <base>` prints for the built dist/. */
const snippet = (): string => execFileSync(process.execPath, ['scripts/sri.mjs', CDN], { encoding: 'utf8' });

async function serve(page: Page, head: string): Promise<string[]> {
  const requested: string[] = [];
  await page.context().route(`${CDN}**`, async (route) => {
    const path = route.request().url().slice(CDN.length);
    requested.push(path.replace(/-[\w-]{8}\.js$/, '.js'));
    const response = await route.fetch({ url: `${TEST_ORIGIN}/dist/${path}` });
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
  });
  await page.route('**/cdn.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>Çerez from a CDN</title>${head}</head>
<body><cookie-consent-banner></cookie-consent-banner></body></html>`,
    }),
  );
  await page.goto('/test/cdn.html');
  return requested;
}

test('the entry and its chunks from a CDN URL, pinned by npm run sri: the banner shows and stores a choice', async ({
  page,
}) => {
  const sri = snippet();
  expect(sri).toMatch(/<script type="module" src="https:\/\/cdn\.jsdelivr\.test\/.+" integrity="sha384-[\w+/=]{64}"/);
  const requested = await serve(page, sri);
  const banner = page.getByRole('region', { name: tr.banner.heading });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: tr.banner.acceptAll }).click();
  await expect(banner).toBeHidden();
  expect((await consentCookie(page))?.record).toMatchObject({ m: 'a' });
  expect(requested).toEqual(['cookie-consent-banner.js', 'chunks/banner-ui.js']);
});

test('a chunk that does not match its pin is not run: consent-error, no banner', async ({ page, allowErrors }) => {
  allowErrors.push(/integrity|CEREZ_VIEW_NOT_LOADED|Failed to (load|fetch)/i);
  // The UI chunk's pin, made wrong: what a compromised CDN serving other bytes would meet.
  const sri = snippet().replace(/("[^"]+\/chunks\/banner-ui-[^"]+":"sha384-)[^"]+"/, '$1AAAA"');
  expect(sri).toContain('sha384-AAAA');
  await page.addInitScript(() => {
    document.addEventListener('consent-error', (event) => {
      (window as unknown as { __errors: unknown[] }).__errors ??= [];
      (window as unknown as { __errors: unknown[] }).__errors.push(
        (event as CustomEvent<{ code: string }>).detail.code,
      );
    });
  });
  await serve(page, sri);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __errors?: string[] }).__errors))
    .toEqual(['view-not-loaded']);
  await expect(page.getByRole('region', { name: tr.banner.heading })).toHaveCount(0);
});
