// `npm run dev`: one build, the demo served, and a new build when a source file changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { utimes } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const port = 4390 + Math.floor(Math.random() * 50);

test('npm run dev builds, serves the demo, and builds again when src/ changes', { timeout: 180_000 }, async (t) => {
  const child = spawn(process.execPath, ['scripts/dev.mjs', '--port', String(port)], { cwd: root });
  t.after(() => child.kill());
  let output = '';
  const seen = (pattern, count = 1) =>
    new Promise((resolve, reject) => {
      const check = () => {
        if ((output.match(pattern) ?? []).length >= count) resolve();
      };
      child.stdout.on('data', (chunk) => {
        output += chunk;
        check();
      });
      child.on('exit', (code) => reject(new Error(`dev exited (${code}):\n${output}`)));
      check();
    });
  await seen(/dev: watching src\//);
  await seen(/Çerez demo: http:\/\/localhost:\d+\/demo\//);
  for (const path of ['/demo/', '/dist/cookie-consent-banner.js']) {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    assert.equal(response.status, 200, path);
  }
  const now = new Date();
  await utimes(new URL('../../src/define.ts', import.meta.url), now, now);
  await seen(/dev: built in \d+ ms/g, 2);
  assert.equal((await fetch(`http://127.0.0.1:${port}/dist/cookie-consent-banner.js`)).status, 200);
});
