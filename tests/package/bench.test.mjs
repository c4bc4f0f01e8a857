// The benchmark's own rules, checked without a browser: a module loaded twice stops it, and the README's table
// marks each target met or missed by the figure it shows. (`npm run bench` itself needs a quiet machine and the
// peers installed in bench/, so CI runs only this.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LoadedTwice, checkLoadedOnce } from '../../bench/once.mjs';
import { floorRows, floorTable, readmeBlock, targetRows } from '../../bench/report.mjs';

const entry = { url: '/npm/cerez@0.1.0/dist/x/index.js?v=3', source: 'dist/cookie-consent-banner.js' };
const view = { url: '/npm/cerez@0.1.0/dist/x/chunks/banner-ui-a.js', source: 'dist/chunks/banner-ui-a.js' };

test('a run that loads every module once passes; a page and peers without a source are not counted', () => {
  checkLoadedOnce('run', [entry, view, { url: '/page.html' }, { url: '/page.html' }]);
});

test('a module requested twice, or one file served under two URLs, stops the benchmark', () => {
  assert.throws(() => checkLoadedOnce('run', [entry, view, view]), LoadedTwice);
  assert.throws(
    () =>
      checkLoadedOnce('run', [
        entry,
        view,
        { url: '/npm/cerez@0.1.0/dist/x/cookie-consent-banner.js', source: entry.source },
      ]),
    /served under 2 URLs/,
  );
  assert.throws(() => checkLoadedOnce('run', [entry], ['compiled twice']), /compiled twice/);
});

/** Made-up medians for one state: what `summarize` gives for each library. */
function stats(state, values) {
  const out = {};
  for (const [lib, figures] of Object.entries(values)) {
    out[lib] = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, { median: v, q1: v, q3: v }]));
  }
  return { [state]: out };
}

test('each row is met or missed by the figure as shown, and the block lists what Çerez misses and by how much', () => {
  const s = {
    ...stats('first', {
      none: { firstPaint: 100, bytesBrotli: 1000 },
      cerez: { bannerAfterBareFP: 150.4, addedBrotli: 26_001, cookieBytes: 155 },
      vanilla: { bannerAfterBareFP: 151, addedBrotli: 14_000, cookieBytes: 546 },
    }),
    ...stats('returning', {
      none: { firstPaint: 100, bytesBrotli: 1000 },
      cerez: { addedBrotli: 5_999 },
      vanilla: { addedBrotli: 14_000 },
    }),
  };
  const libs = ['none', 'cerez', 'vanilla'];
  const rows = targetRows(s, libs);
  const row = (label) => rows.find((r) => r.label.startsWith(label));
  assert.equal(row("Banner visible after the bare page's first paint").cells.cerez.met, true); // 150.4 shows as 150
  assert.equal(row("Banner visible after the bare page's first paint").cells.vanilla.met, false);
  assert.equal(row('First visit, bytes added').cells.cerez.met, false);
  assert.equal(row('Returning visit, bytes added').cells.cerez.met, true);
  assert.equal(row('Consent cookie').cells.cerez.met, true);
  const meta = {
    date: '2026-12-01T12:00:00.000Z',
    chromium: '1',
    runs: 7,
    cpuThrottlingRate: 4,
    loadAverage: { start: 0.5, end: 0.6 },
    cores: 2,
    libraries: { none: 'none', cerez: 'Çerez', vanilla: 'vanilla-cookieconsent' },
  };
  const block = readmeBlock(meta, rows, libs);
  assert.match(block, /\| Measure \| none \| Çerez \| vanilla-cookieconsent \| Target \|/);
  assert.match(block, /- First visit, bytes added \(brotli\): 26,001 B against ≤ 26 KB, 1 B over\./);
  assert.doesNotMatch(block, /- Consent cookie/);
});

test("a floor that renders the notice is timed after the bare page's first paint; one that does not shows a dash", () => {
  const bare = [200, 220, 240].map((firstPaint) => ({ lib: 'none', state: 'first', firstPaint, bytesBrotli: 1000 }));
  const floor = (name, bannerVisible) => ({
    lib: `floor-${name}`,
    state: 'first',
    firstPaint: 230,
    bytesBrotli: 5000,
    heapUsed: 0,
    scriptMs: 0,
    tbt: 0,
    bannerVisible,
  });
  const samples = [...bare, floor('stack', 300), floor('stack', 340), floor('stack', 380), floor('element', null)];
  const rows = floorRows(samples, { element: 'a custom element', stack: 'the three' });
  // Medians of each run's visible time minus the median of the bare page's first paint (220 ms).
  assert.equal(rows.find((r) => r.name === 'stack').visibleMs, 120);
  assert.equal(rows.find((r) => r.name === 'element').visibleMs, null);
  const table = floorTable(rows);
  assert.match(table, /Notice visible after the bare page's first paint \|$/m);
  assert.match(table, /^\| the three \| 4,000 B \|.*\| 120 ms \|$/m);
  assert.match(table, /^\| a custom element \|.*\| — \|$/m);
});
