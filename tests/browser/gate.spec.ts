import type { Page } from '@playwright/test';
import tr from '../../locales/tr.json' with { type: 'json' };
import {
  test,
  expect,
  mount,
  pageHtml,
  tracker,
  gateSettled,
  recordViolations,
  violations,
  dataLayer,
  type DataLayerEntry,
  type PageOptions,
} from './fixtures.js';

const runs = (page: Page) => page.evaluate(() => (window as unknown as { __runs?: string[] }).__runs ?? []);
const banner = (page: Page) => page.getByRole('region', { name: tr.banner.heading });
const run = (name: string) => `(window.__runs ??= []).push(${JSON.stringify(name)});`;

const NONCE = 'R4nd';

/** Like `mount`, but the module itself carries the page's nonce, as `'strict-dynamic'` requires. */
async function mountNonced(page: Page, csp: string, options: PageOptions): Promise<void> {
  const body = pageHtml(options).replace('<script type="module" src=', `<script type="module" nonce="${NONCE}" src=`);
  await page.route('**/test/nonced.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body,
      headers: { 'content-security-policy': csp },
    }),
  );
  await page.goto('/test/nonced.html');
}

/** A route on the fake tracker whose response waits until `release()` is called. */
async function slowScript(page: Page, name: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.context().route(`https://tracker.test/${name}`, async (route) => {
    await released;
    await route.fulfill({ contentType: 'application/javascript', body: run(name) });
  });
  return release;
}

test.beforeEach(({ warnings }) => void warnings);

test.describe('H2: the gate never grants a nonce', () => {
  const STRICT_DYNAMIC = `script-src 'nonce-${NONCE}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`;

  test('H2: under a nonce CSP with strict-dynamic, injected gated markup never runs; the page’s own does', async ({
    page,
    warnings,
  }) => {
    const hits = await tracker(page);
    await recordViolations(page);
    await mountNonced(page, STRICT_DYNAMIC, {
      attrs: `nonce="${NONCE}"`,
      after: `
        <p>Results for: <script type="text/plain" data-consent-category="necessary">${run('injected-inline')}</script></p>
        <p><script type="text/plain" data-consent-category="necessary" src="https://tracker.test/injected.js"></script></p>
        <p><script type="text/plain" data-consent-category="analytics" src="https://tracker.test/injected-later.js"></script></p>
        <p><script type="text/plain" data-consent-category="necessary" nonce="forged">${run('forged')}</script></p>
        <script type="text/plain" data-consent-category="necessary" nonce="${NONCE}">${run('own-inline')}</script>
        <script type="text/plain" data-consent-category="analytics" nonce="${NONCE}" src="https://tracker.test/own.js"></script>`,
    });
    await expect(banner(page)).toBeVisible();
    // The page's own necessary script comes after the injected ones: when it has run, they would have.
    await expect.poll(() => runs(page)).toContain('own-inline');
    expect(await runs(page)).toEqual(['own-inline']);

    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect.poll(() => runs(page)).toContain('own.js');
    expect(await runs(page)).toEqual(['own-inline', 'own.js']);
    expect(hits).toEqual(['own.js']);

    // No nonce was given away, and the injected scripts stay inert.
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll<HTMLScriptElement>('script[data-consent-category]')].map((s) => [
          s.type,
          s.nonce,
        ]),
      ),
    ).toEqual([
      ['text/plain', ''],
      ['text/plain', ''],
      ['text/plain', ''],
      ['text/plain', 'forged'],
      ['', NONCE],
      ['', NONCE],
    ]);
    // One warning for each script that never runs, naming it; none for the page's own.
    for (const name of ['injected-inline', 'injected.js', 'injected-later.js', 'forged']) {
      await expect
        .poll(() => warnings.filter((w) => w.includes(name) && w.includes('nonce')).length, { message: name })
        .toBe(1);
    }
    // The texts print in the order they were found: with those there, one about the page's own would be too.
    expect(warnings.filter((w) => w.includes('own'))).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });

  test('H2: gated markup added later without the nonce never runs either', async ({ page, warnings }) => {
    const hits = await tracker(page);
    await mountNonced(page, STRICT_DYNAMIC, { attrs: `nonce="${NONCE}"` });
    await expect(banner(page)).toBeVisible();
    await page.evaluate(
      ([nonce, inline]) => {
        const add = (src: string, withNonce: boolean) => {
          const s = document.createElement('script');
          s.type = 'text/plain';
          s.dataset['consentCategory'] = 'necessary';
          s.src = src;
          if (withNonce) s.nonce = nonce!;
          document.body.append(s);
        };
        // Parser-made markup, as a widget would insert it (unlike innerHTML, its scripts can still run).
        document.body.append(document.createRange().createContextualFragment(inline!));
        add('https://tracker.test/late-injected.js', false);
        add('https://tracker.test/late-own.js', true);
      },
      [NONCE, `<script type="text/plain" data-consent-category="necessary">${run('late-inline')}</script>`],
    );
    await expect.poll(() => runs(page)).toContain('late-own.js');
    expect(await runs(page)).toEqual(['late-own.js']);
    expect(hits).toEqual(['late-own.js']);
    await expect.poll(() => warnings.filter((w) => w.includes('late-injected.js')).length).toBe(1);
    await expect.poll(() => warnings.filter((w) => w.includes('late-inline')).length).toBe(1);
  });

  test('S-3, L16: gated inline scripts run under Trusted Types with their own nonce, with no violation', async ({
    page,
  }) => {
    await recordViolations(page);
    await mount(page, {
      headers: {
        'content-security-policy':
          `default-src 'self'; script-src 'self' 'nonce-T3st'; style-src 'self'; object-src 'none'; base-uri 'none'; ` +
          `require-trusted-types-for 'script'; trusted-types lit-html`,
      },
      attrs: 'nonce="T3st" consent-mode',
      after: `<script type="text/plain" data-consent-category="necessary" nonce="T3st">${run('necessary')}</script>
        <script type="text/plain" data-consent-category="analytics" nonce="T3st">${run('analytics')}</script>
        <script type="text/plain" data-consent-category="analytics" data-type="module" nonce="T3st">${run('module')}</script>`,
    });
    await expect(banner(page)).toBeVisible();
    await expect.poll(() => runs(page)).toEqual(['necessary']);
    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect.poll(() => runs(page)).toEqual(['necessary', 'analytics', 'module']);
    expect(await violations(page)).toEqual([]);
  });
});

test.describe('M1: each queued script checks consent at its turn', () => {
  test('M1: "Reject all" while a slow tag loads stops the tags behind it; a later grant runs them', async ({
    page,
  }) => {
    const hits = await tracker(page);
    const release = await slowScript(page, 'slow.js');
    await mount(page, {
      after: `<script type="text/plain" data-consent-category="analytics" src="https://tracker.test/slow.js"></script>
        <script type="text/plain" data-consent-category="analytics" src="https://tracker.test/behind.js"></script>
        <script type="text/plain" data-consent-category="marketing">${run('behind-inline')}</script>`,
    });
    const requested = page.waitForRequest('https://tracker.test/slow.js');
    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    await requested;

    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.showPreferences());
    const dialog = page.getByRole('dialog', { name: tr.preferences.heading });
    await dialog.getByRole('button', { name: tr.banner.rejectAll }).click();
    await expect(dialog).toBeHidden();

    release();
    await expect.poll(() => runs(page)).toContain('slow.js');
    // A necessary tag queued now runs after everything queued before it: once it has run, they would have.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.type = 'text/plain';
      s.dataset['consentCategory'] = 'necessary';
      s.src = 'https://tracker.test/after.js';
      document.body.append(s);
    });
    await expect.poll(() => runs(page)).toContain('after.js');
    expect(await runs(page)).toEqual(['slow.js', 'after.js']);
    expect(hits).toEqual(['after.js']);

    // Dropped, not lost: a later grant queues them again.
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.acceptAll());
    await expect.poll(() => runs(page)).toEqual(['slow.js', 'after.js', 'behind.js', 'behind-inline']);
  });

  test('M1: a script removed from the page before its turn never runs', async ({ page }) => {
    const hits = await tracker(page);
    const release = await slowScript(page, 'slow.js');
    await mount(page, {
      after: `<script type="text/plain" data-consent-category="analytics" src="https://tracker.test/slow.js"></script>
        <script type="text/plain" data-consent-category="analytics" id="gone">${run('gone')}</script>
        <script type="text/plain" data-consent-category="analytics" src="https://tracker.test/kept.js"></script>`,
    });
    const requested = page.waitForRequest('https://tracker.test/slow.js');
    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    await requested;
    await page.evaluate(() => document.getElementById('gone')!.remove());
    release();
    await expect.poll(() => runs(page)).toContain('kept.js');
    expect(await runs(page)).toEqual(['slow.js', 'kept.js']);
    expect(hits).toEqual(['kept.js']);
  });
});

test.describe('M1: nothing stalls the scripts behind it', () => {
  for (const [label, attrs] of [
    ['a nomodule classic script', 'nomodule src="https://tracker.test/legacy.js"'],
    ['a non-JavaScript data-type', 'data-type="text/x-template" src="https://tracker.test/template.js"'],
    ['a data-type typo', 'data-type="text/javscript" src="https://tracker.test/typo.js"'],
  ]) {
    test(`M1: ${label} with src does not hold up the next gated script`, async ({ page }) => {
      const hits = await tracker(page);
      await mount(page, {
        after: `<script type="text/plain" data-consent-category="analytics" ${attrs}></script>
          <script type="text/plain" data-consent-category="analytics" src="https://tracker.test/next.js"></script>`,
      });
      await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
      await expect.poll(() => runs(page)).toEqual(['next.js']);
      expect(hits).toEqual(['next.js']);
    });
  }

  test('M1: a src that never answers holds up the next gated script for at most BLOCKING_TIMEOUT (10 s)', async ({
    page,
  }) => {
    await page.clock.install();
    const hits = await tracker(page);
    await page.context().route('https://tracker.test/hang.js', () => {
      // Never answers.
    });
    await mount(page, {
      after: `<script type="text/plain" data-consent-category="analytics" src="https://tracker.test/hang.js"></script>
        <script type="text/plain" data-consent-category="analytics" src="https://tracker.test/next.js"></script>`,
    });
    const requested = page.waitForRequest('https://tracker.test/hang.js');
    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    await requested;
    await page.clock.fastForward(10_000);
    await expect.poll(() => runs(page)).toEqual(['next.js']);
    expect(hits).toEqual(['next.js']);
  });
});

test.describe('L14: markup mistakes are reported', () => {
  test('L14: an iframe with src, an ungated script, a comma and an unknown category each get one warning', async ({
    page,
    warnings,
  }) => {
    await tracker(page);
    await mount(page, {
      after: `<iframe title="Video" data-consent-category="marketing" src="https://tracker.test/early.html"></iframe>
        <script data-consent-category="analytics" src="https://tracker.test/ungated.js"></script>
        <script type="text/plain" data-consent-category="analytics,marketing" id="comma">${run('comma')}</script>
        <script type="text/plain" data-consent-category="video" id="video">${run('video')}</script>
        <script type="text/plain" data-consent-category="analytics" id="fine">${run('fine')}</script>
        <script type="application/json" data-consent-category="analytics" id="data">{}</script>`,
    });
    await expect(banner(page)).toBeVisible();
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.acceptAll());
    await expect.poll(() => runs(page)).toContain('fine');
    const about = (part: string) => warnings.filter((w) => w.includes(part));
    // The texts print a moment after the checks, in order: the last one found is there, so are the others.
    await expect.poll(() => about('"video"').length).toBe(1);
    expect(about('early.html')).toEqual([expect.stringMatching(/loads before consent.*data-src/)]);
    expect(about('ungated.js')).toEqual([expect.stringMatching(/type="text\/plain".*without consent/)]);
    expect(about('analytics,marketing')).toEqual([expect.stringMatching(/comma/)]);
    expect(about('"video"')).toEqual([expect.stringMatching(/not an offered category/)]);
    expect(about('fine')).toEqual([]);
    expect(about('#data')).toEqual([]);
  });
});

test.describe('M4: Consent Mode signals', () => {
  test.use({ allowErrors: [/CEREZ_SIGNAL_AS_NECESSARY/] });

  test('M4: consent-mode-map cannot make an advertising or analytics signal necessary; the default stays denied', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await mount(page, {
      attrs: `consent-mode consent-mode-map='{"ad_storage":"necessary","analytics_storage":"necessary","ad_user_data":"necessary","functionality_storage":"necessary"}'`,
    });
    await expect(banner(page)).toBeVisible();
    const defaults = await page.evaluate(() => {
      const entry = (window as unknown as { dataLayer: ArrayLike<unknown>[] }).dataLayer
        .map((e) => Array.from(e))
        .find((args) => args[0] === 'consent' && args[1] === 'default');
      return entry?.[2];
    });
    expect(defaults).toMatchObject({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      analytics_storage: 'denied',
      functionality_storage: 'granted',
      security_storage: 'granted',
    });
    // The texts print a moment after the defaults (they are a chunk of their own): all three, then each once.
    await expect.poll(() => errors.filter((e) => e.includes('CEREZ_SIGNAL_AS_NECESSARY')).length).toBe(3);
    for (const signal of ['ad_storage', 'analytics_storage', 'ad_user_data']) {
      expect(errors.filter((e) => e.includes('CEREZ_SIGNAL_AS_NECESSARY') && e.includes(`"${signal}"`))).toHaveLength(
        1,
      );
    }
    expect(errors.filter((e) => e.includes('"functionality_storage"'))).toEqual([]);
  });
});

test.describe('M4: the README’s Google Tag Manager recipe', () => {
  /** GTM's own snippet, unchanged (README "Google Tag Manager recipe"). */
  const GTM = `(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','GTM-XXXX');`;

  type Entry = DataLayerEntry;
  const index = (entries: Entry[], test: (e: Entry) => boolean) => entries.findIndex(test);
  const isDefault = (e: Entry) => e.args?.[0] === 'consent' && e.args[1] === 'default';
  const isUpdate = (e: Entry) => e.args?.[0] === 'consent' && e.args[1] === 'update';
  const isGtm = (e: Entry) => e.event === 'gtm.js';

  async function stubGtm(page: Page): Promise<string[]> {
    const requests: string[] = [];
    await page.context().route('https://www.googletagmanager.com/**', (route) => {
      requests.push(new URL(route.request().url()).pathname);
      return route.fulfill({ contentType: 'application/javascript', body: run('gtm') });
    });
    return requests;
  }

  test('M4: basic mode (the default recipe) requests GTM only after a choice that allows analytics', async ({
    page,
  }) => {
    const requests = await stubGtm(page);
    await mount(page, {
      attrs: 'consent-mode',
      after: `<script type="text/plain" data-consent-category="analytics">${GTM}</script>
        <script type="text/plain" data-consent-category="necessary">${run('marker')}</script>`,
    });
    await expect(banner(page)).toBeVisible();
    // The necessary marker runs after the snippet would have: GTM was not loaded before a choice.
    await expect.poll(() => runs(page)).toEqual(['marker']);
    expect(await page.locator('script[src*="googletagmanager.com"]').count()).toBe(0);
    expect(requests).toEqual([]);

    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect.poll(() => runs(page)).toEqual(['marker', 'gtm']);
    expect(requests).toEqual(['/gtm.js']);
    const entries = await dataLayer(page);
    expect(index(entries, isDefault)).toBeLessThan(index(entries, isUpdate));
    expect(index(entries, isUpdate)).toBeLessThan(index(entries, isGtm));
  });

  test('M4: advanced mode (opt-in) loads GTM before a choice only after the denied default', async ({ page }) => {
    const requests = await stubGtm(page);
    await mount(page, {
      attrs: 'consent-mode',
      after: `<script type="text/plain" data-consent-category="necessary">${GTM}</script>`,
    });
    await expect(banner(page)).toBeVisible();
    await expect.poll(() => runs(page)).toEqual(['gtm']);
    expect(requests).toEqual(['/gtm.js']);
    const entries = await dataLayer(page);
    expect(index(entries, isDefault)).toBe(0);
    expect(entries[0]!.args![2]).toMatchObject({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
    });
    expect(index(entries, isGtm)).toBeGreaterThan(0);
  });
});

test.describe('pixels: gated images', () => {
  const PIXELS = `<img alt="" data-consent-category="marketing" data-src="https://tracker.test/pixel.gif" width="1" height="1">
    <img alt="" data-consent-category="analytics" data-srcset="https://tracker.test/p1.gif 1x, https://tracker.test/p2.gif 2x">`;
  const sources = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('img[data-consent-category]')].map((img) => [
        img.getAttribute('src'),
        img.getAttribute('srcset'),
      ]),
    );

  test('an img gets its src and srcset only when allowed, and loses them on withdrawal', async ({ page }) => {
    const hits = await tracker(page);
    await mount(page, { after: PIXELS });
    await expect(banner(page)).toBeVisible();
    await gateSettled(page);
    expect(hits).toEqual([]);
    expect(await sources(page)).toEqual([
      [null, null],
      [null, null],
    ]);

    await banner(page).getByRole('button', { name: tr.banner.acceptAll }).click();
    await expect.poll(() => hits.sort()).toEqual(['p1.gif', 'pixel.gif']);
    expect(await sources(page)).toEqual([
      ['https://tracker.test/pixel.gif', null],
      [null, 'https://tracker.test/p1.gif 1x, https://tracker.test/p2.gif 2x'],
    ]);

    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.setConsent(['analytics']));
    expect(await sources(page)).toEqual([
      [null, null],
      [null, 'https://tracker.test/p1.gif 1x, https://tracker.test/p2.gif 2x'],
    ]);
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.rejectAll());
    expect(await sources(page)).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  test('an img added later is gated too; one with src, or a data-src that is not http(s), gets a warning', async ({
    page,
    warnings,
  }) => {
    const hits = await tracker(page);
    await mount(page, {
      after: `<img alt="" data-consent-category="marketing" src="https://tracker.test/early.gif">
        <img alt="" data-consent-category="necessary" data-src="javascript:alert(1)" id="bad">`,
    });
    await expect(banner(page)).toBeVisible();
    await page.evaluate(() => document.querySelector('cookie-consent-banner')!.acceptAll());
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.alt = '';
      img.dataset['consentCategory'] = 'marketing';
      img.dataset['src'] = 'https://tracker.test/late.gif';
      document.body.append(img);
    });
    await expect.poll(() => hits).toContain('late.gif');
    expect(await page.locator('#bad').getAttribute('src')).toBeNull();
    await expect
      .poll(() => warnings.filter((w) => w.includes('early.gif') && w.includes('loads before consent')).length)
      .toBe(1);
    await expect
      .poll(() => warnings.some((w) => w.includes('javascript:alert(1)') && w.includes('http(s)')))
      .toBe(true);
  });
});
