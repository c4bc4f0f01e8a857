// Interleaved A/B of two dist/ folders: first visits at 4x, banner visible minus the page's first paint, script time.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { instrument } from '../instrument.mjs';
import { LIBRARIES } from '../pages.mjs';
const dists = (process.env.DISTS ?? '').split(',');
const N = Number(process.env.N ?? 11);
const html = LIBRARIES.cerez.html.replace(/src="[^"]*index\.js[^"]*"/, 'src="/d/cookie-consent-banner.js"');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const res = Object.fromEntries(dists.map((d) => [d, { vis: [], script: [], tbt: [] }]));
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (let i = 0; i < N; i++) {
  for (const d of i % 2 ? [...dists].reverse() : dists) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route('http://b.test/**', (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path.startsWith('/d/')) return route.fulfill({ body: readFileSync(`${d}/${path.slice(3)}`), contentType: 'text/javascript' });
      if (path === '/') return route.fulfill({ body: html, contentType: 'text/html' });
      return route.fulfill({ status: 404, body: '' });
    });
    await context.addInitScript(instrument, { lib: 'cerez', cookieName: 'cookie_consent' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Performance.enable');
    await page.goto('http://b.test/');
    await page.evaluate(() => window.__bench.bannerShown());
    const end = await page.evaluate(() => window.__bench.quiet(500));
    const c = await page.evaluate((at) => window.__bench.collect(at), end);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    res[d].vis.push(c.visibleAt - c.firstPaint);
    res[d].script.push(m.ScriptDuration * 1000);
    res[d].tbt.push(c.tbt);
    await context.close();
  }
}
for (const d of dists) console.log(d, 'vis-FP', med(res[d].vis).toFixed(0), 'script', med(res[d].script).toFixed(1), 'tbt', med(res[d].tbt).toFixed(1), 'vis all', res[d].vis.map((x) => x.toFixed(0)).join(' '));
await browser.close();
