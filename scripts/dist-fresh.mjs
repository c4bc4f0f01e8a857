// Whether dist/ was built after the last change to what it is built from: the browser tests load dist/, so a run
// on an older build would test code that is no longer the source (`npm test` builds first; `npm run test:browser`
// alone, or a test file run from an editor, does not).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What dist/ is built from, relative to the repository. */
const INPUTS = ['src', 'locales', 'scripts/build.mjs', 'package.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { path, time: stat.mtimeMs };
  let best = { path, time: 0 };
  for (const name of readdirSync(path)) {
    const found = newest(join(path, name));
    if (found.time > best.time) best = found;
  }
  return best;
}

/** `null` when `root`'s dist/ is newer than every input; else what to do, naming the newer file. */
export function staleDist(root) {
  const built = join(root, 'dist', 'cookie-consent-banner.js');
  if (!existsSync(built))
    return 'dist/ is missing: run `npm run build` first (or `npm run dev`, which rebuilds on change).';
  const time = statSync(built).mtimeMs;
  for (const input of INPUTS) {
    const path = join(root, input);
    if (!existsSync(path)) continue;
    const found = newest(path);
    if (found.time > time) {
      const name = found.path.slice(root.length).replace(/^[\\/]/, '');
      return `dist/ is older than ${name}: run \`npm run build\` first (or \`npm run dev\`, which rebuilds on change).`;
    }
  }
  return null;
}
