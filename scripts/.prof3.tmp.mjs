import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const self = new Map(); const incl = new Map(); let total = 0;
const N = 6;
for (let i = 0; i < N; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('http://localhost:4390/lt.html', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="tr"><head><meta charset="utf-8"><script type="module" src="/dist/cookie-consent-banner.js"></script></head><body><cookie-consent-banner></cookie-consent-banner><main><h1>Haber</h1><p>Metin.</p></main></body></html>' }));
  await page.goto('http://localhost:4390/lt.html');
  await page.locator('cookie-consent-banner >> [part="accept-button"]').waitFor();
  await page.waitForTimeout(300);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const t = await page.evaluate(() => new Promise((res) => { const t0 = performance.now(); document.querySelector('cookie-consent-banner').shadowRoot.querySelector('[part="accept-button"]').click(); const t1 = performance.now(); requestAnimationFrame(() => res([t1 - t0, performance.now() - t0])); }));
  const { profile } = await cdp.send('Profiler.stop');
  console.log('click sync ms, first rAF ms', t.map((x) => x.toFixed(1)).join(' '));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, k) => {
    const f = byId.get(id).callFrame; const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0) / 1000);
    const seen = new Set(); let cur = id;
    while (cur !== undefined) { const g = byId.get(cur).callFrame; const kk = `${g.functionName || '(anon)'} ${g.url.split('/').pop()}:${g.columnNumber}`; if (!seen.has(kk)) { seen.add(kk); incl.set(kk, (incl.get(kk) ?? 0) + (dt[k] ?? 0) / 1000); } cur = parent.get(cur); }
  });
  await context.close();
}
console.log('--- self');
[...self].filter(([k]) => !/idle|program/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 18).forEach(([k, v]) => console.log((v / N).toFixed(2).padStart(7), k));
console.log('--- inclusive');
[...incl].filter(([k]) => /cookie-consent|banner-view/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log((v / N).toFixed(2).padStart(7), k));
await browser.close();
