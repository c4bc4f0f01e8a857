// A small static server for the demo and the browser tests: serves the project folder on localhost.
// Usage: node scripts/serve.mjs [--port 4173] [--demo]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 4173));
const demo = args.includes('--demo');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

async function resolveFile(pathname) {
  const decoded = decodeURIComponent(pathname);
  const file = normalize(join(root, decoded));
  // Never node_modules, and never a hidden file or folder (.git, .env): only what the demo and tests need.
  const parts = file.slice(root.length).split(sep);
  if (!file.startsWith(root) || parts.includes('node_modules') || parts.some((p) => p.startsWith('.')))
    return undefined;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return resolveFile(`${decoded.replace(/\/?$/, '/')}index.html`);
    return file;
  } catch {
    return undefined;
  }
}

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      response.writeHead(302, { location: '/demo/' });
      response.end();
      return;
    }
    const file = await resolveFile(url.pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    const body = await readFile(file);
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    response.end(body);
  } catch {
    response.writeHead(400);
    response.end();
  }
});

server.listen(port, '127.0.0.1', () => {
  const base = `http://localhost:${port}`;
  console.log(demo ? `Çerez demo: ${base}/demo/` : `Serving ${base}/`);
});
