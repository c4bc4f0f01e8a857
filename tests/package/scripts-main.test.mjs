// The repository's scripts run when started from a checkout whose path has a space and a non-ASCII letter, reached
// through a symlink (`node "…/Çerez kopyası/scripts/size.mjs"`): their "am I the script Node started?" check once
// compared URLs with raw paths, and there `npm run size` printed nothing and exited 0. Runs after `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('size.mjs prints the sizes when started through a path with a space and "Ç"', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cerez-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const checkout = join(dir, 'Çerez kopyası');
  symlinkSync(root, checkout, 'dir');
  const out = execFileSync(process.execPath, [join(checkout, 'scripts', 'size.mjs')], { encoding: 'utf8' });
  assert.match(out, /^returning .* B brotli \(budget \d+ B\)/m);
  assert.match(out, /^first .* B brotli \(budget \d+ B\)/m);
});

test('importing size.mjs runs nothing: only the script Node was started with prints', () => {
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `import '${join(root, 'scripts', 'size.mjs')}';`],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(out, '');
});
