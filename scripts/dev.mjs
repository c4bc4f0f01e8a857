// Development: builds once, serves the demo, and builds again whenever src/ or locales/ change.
// Usage: node scripts/dev.mjs [--port 4173]
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

/** Runs the build; resolves with whether it succeeded. */
function build() {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => {
      console.log(code === 0 ? `dev: built in ${Date.now() - started} ms` : 'dev: the build failed; watching on');
      resolve(code === 0);
    });
  });
}

let running = false;
let again = false;
/** One build at a time; changes that arrive during a build start one more after it. */
async function rebuild() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  do {
    again = false;
    await build();
  } while (again);
  running = false;
}

await build();
const server = spawn(process.execPath, ['scripts/serve.mjs', '--demo', ...args], { cwd: root, stdio: 'inherit' });

let timer;
for (const folder of ['src', 'locales']) {
  watch(new URL(`../${folder}/`, import.meta.url), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 100);
  });
}
console.log('dev: watching src/ and locales/ (Ctrl+C stops)');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.kill();
    process.exit(0);
  });
}
