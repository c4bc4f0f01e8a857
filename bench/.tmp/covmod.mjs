// Per source module: bytes of the entry that ran on a returning visit (block coverage + source map).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
const dist = new URL('../../dist/', import.meta.url);
const code = readFileSync(new URL('cookie-consent-banner.js', dist), 'utf8');
const map = JSON.parse(readFileSync(new URL('cookie-consent-banner.js.map', dist), 'utf8'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext();
const page = await context.newPage();
const attrs = process.env.ATTRS ?? 'lang="tr" policy-url="/p"';
await page.route('http://cerez.test/dist/**', (route) => route.fulfill({ path: new URL('.' + new URL(route.request().url()).pathname.slice(5), dist).pathname, contentType: 'text/javascript' }));
await page.route(/^http:\/\/cerez\.test\/(other)?$/, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="tr"><head><script type="module" src="/dist/cookie-consent-banner.js"></script></head><body><h1>x</h1><cookie-consent-banner ${attrs}></cookie-consent-banner></body></html>` }));
await page.goto('http://cerez.test/');
await page.locator('cookie-consent-banner >> [part="accept-button"]').click();
await page.waitForFunction(() => document.cookie.includes('cookie_consent='));
await page.coverage.startJSCoverage({ resetOnNavigation: false });
await page.goto('http://cerez.test/other');
await page.waitForTimeout(1000);
const entry = (await page.coverage.stopJSCoverage()).filter((e) => e.url.endsWith('cookie-consent-banner.js')).at(-1);
const count = new Int32Array(entry.source.length).fill(1);
for (const r of entry.functions.flatMap((f) => f.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset)) count.fill(r.count, r.startOffset, r.endOffset);
// source map: offset -> source
const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const dec = (s) => { const out = []; let v = 0, sh = 0; for (const c of s) { let d = chars.indexOf(c); const cont = d & 32; d &= 31; v += d << sh; if (cont) sh += 5; else { out.push(v & 1 ? -(v >> 1) : v >> 1); v = 0; sh = 0; } } return out; };
const lines = code.split('\n'); let lineStart = 0; let src = 0; const owner = new Int32Array(code.length).fill(-1);
map.mappings.split(';').forEach((line, li) => { let col = 0; const segs = line.split(',').filter(Boolean).map(dec); const L = lines[li] ?? '';
  segs.forEach((sg, i) => { col += sg[0]; if (sg.length > 1) src += sg[1]; const next = i + 1 < segs.length ? col + segs[i + 1][0] : L.length; owner.fill(src, lineStart + col, lineStart + next); });
  lineStart += L.length + 1; });
const per = {};
for (let i = 0; i < code.length; i++) { const n = (map.sources[owner[i]] ?? '?').replace(/^.*?src\//, 'src/'); per[n] ??= { all: '', ran: '' }; per[n].all += code[i]; if (count[i] > 0) per[n].ran += code[i]; }
const rows = Object.entries(per).sort((a, b) => b[1].ran.length - a[1].ran.length);
let ranAll = '';
for (const [n, { all, ran }] of rows) { ranAll += ran; console.log(String(all.length).padStart(6), String(ran.length).padStart(6), String(brotliCompressSync(ran).length).padStart(6), n); }
console.log('total ran', ranAll.length, 'brotli', brotliCompressSync(ranAll).length);
await browser.close();
