// What a page loads from dist/, compressed as a server would send it: for a returning visitor (the module
// and its static imports) and for a first visit (plus the view, with Turkish and English, and its imports).
// `node scripts/size.mjs` prints the sizes and checks them against size-budget.json (exit 1 when over).
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { isMain } from './is-main.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const STATIC_IMPORT = /(?:^|[;\s}])import\s*(?:[\w*${}\s,]+from\s*)?["'`](\.[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.[^"'`]+)["'`]\s*\)/g;

/** The file and everything it imports statically, relative to dist/. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(STATIC_IMPORT)) closure(join(dirname(file), spec), seen);
  return seen;
}

function sizes(files) {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const body = readFileSync(file);
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
    brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gzip, brotli, files: [...files].map((f) => relative(root, f)) };
}

/** Sizes of a returning and a first visit for the build in `dist`. */
export function measure(dist = join(root, 'dist')) {
  const entry = join(dist, 'cookie-consent-banner.js');
  const returning = closure(entry);
  const view = [...readFileSync(entry, 'utf8').matchAll(DYNAMIC_IMPORT)]
    .map(([, spec]) => join(dist, spec))
    .find((file) => /banner-ui-[^/]+\.js$/.test(file));
  if (!view) throw new Error('the module does not load the UI chunk');
  const first = closure(view, new Set(returning));
  return { returning: sizes(returning), first: sizes(first) };
}

/** The measures over their budget, as messages; empty when within budget. */
export function overBudget(measured, budget) {
  const over = [];
  for (const visit of ['returning', 'first']) {
    const limit = budget[visit]?.brotli;
    if (typeof limit === 'number' && measured[visit].brotli > limit) {
      over.push(`${visit} visit: ${measured[visit].brotli} B brotli is over the budget of ${limit} B`);
    }
  }
  return over;
}

if (isMain(import.meta.url)) {
  const measured = measure();
  const budget = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8'));
  for (const visit of ['returning', 'first']) {
    const m = measured[visit];
    console.log(
      `${visit.padEnd(9)} ${m.raw} B raw, ${m.gzip} B gzip, ${m.brotli} B brotli (budget ${budget[visit].brotli} B): ${m.files.join(', ')}`,
    );
  }
  const over = overBudget(measured, budget);
  for (const message of over) console.error(`Over budget: ${message}`);
  process.exitCode = over.length > 0 ? 1 : 0;
}
