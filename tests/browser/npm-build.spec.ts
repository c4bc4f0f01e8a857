// The npm build on a lit site: a page built by Vite that renders with its own lit-html and imports `cerez/define`
// (the packed package's dist/npm/) gets one lit-html, so under `trusted-types lit-html` there is one policy of that
// name, and the banner works. A second, bundled lit-html would try to create a second policy: a violation, and no
// banner.
import tr from '../../locales/tr.json' with { type: 'json' };
import { buildSite, packed, serveSite, type BuiltSite } from '../frameworks/build.js';
import { test, expect, consentCookie } from './fixtures.js';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

// One build for the file: its tests run in one worker, in order.
test.describe.configure({ mode: 'default' });

let site: BuiltSite;
test.beforeAll(async () => {
  test.setTimeout(120_000); // a pack and a Vite build, on a busy machine
  site = await buildSite('tests/frameworks/lit-site', packed('npm-build-lit-site'));
});
test.afterAll(async () => {
  await site?.remove();
});

test.beforeEach(({ warnings }) => void warnings);

test('a lit site enforcing trusted-types lit-html shows the npm build’s banner with no violation, one lit-html', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: unknown[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push({ directive: e.violatedDirective, uri: e.blockedURI, sample: e.sample }),
    );
  });
  const requested = await serveSite(page, site, 'npm-site', { 'content-security-policy': CSP });
  await page.goto('/npm-site/');

  // The site's own template rendered through lit-html (under Trusted Types, through the lit-html policy).
  await expect(page.locator('#site-rendered')).toHaveText('Sitenin kendi şablonu');
  const region = page.getByRole('region', { name: tr.banner.heading });
  await expect(region).toBeVisible();
  await region.getByRole('button', { name: tr.banner.acceptAll }).click();
  await expect(region).toBeHidden();
  expect((await consentCookie(page))?.record).toMatchObject({ m: 'a', c: { marketing: 1 } });

  expect(await page.evaluate(() => (window as unknown as { __csp: unknown[] }).__csp)).toEqual([]);
  // lit-html pushes its version once per copy that runs: one copy on the page, the site's and the banner's.
  expect(await page.evaluate(() => (globalThis as { litHtmlVersions?: string[] }).litHtmlVersions)).toHaveLength(1);
  // The view chunk was loaded (the banner showed), and the page asked for every file once.
  expect(requested.filter((path) => path.endsWith('.js')).length).toBeGreaterThan(1);
  expect(new Set(requested).size).toBe(requested.length);
});
