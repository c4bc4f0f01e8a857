// A small static server on 127.0.0.1 (a free port) that records, per benchmark run, every response it
// sends: its path, the URL as requested (with any query), type, raw body size and the gzip (level 9) and
// brotli (quality 11) sizes of that body, and for files read beforehand, which file it was (`source`).
// A run is told apart by the `x-bench-run` request header its browser context sends with every request.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** gzip and brotli sizes of a body, cached by content (bodies are static). */
const compressedCache = new Map();
export function compressedSizes(body) {
  const key = body.toString('latin1');
  let sizes = compressedCache.get(key);
  if (!sizes) {
    sizes = {
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: {
          [zc.BROTLI_PARAM_QUALITY]: 11,
          [zc.BROTLI_PARAM_MODE]: zc.BROTLI_MODE_TEXT,
          [zc.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }).length,
    };
    compressedCache.set(key, sizes);
  }
  return sizes;
}

/**
 * @param {object} options
 * @param {Record<string, string>} options.mounts URL prefix (e.g. '/vendor/orejime/') → folder on disk
 * @param {Record<string, string>} options.pages URL path → generated HTML
 * @param {Record<string, { body: Buffer, source: string }>} [options.files] URL path (no query) → file contents
 *   read beforehand, and the file they came from (one file may be served under several URLs)
 */
export async function startServer({ mounts, pages, files = {} }) {
  /** run id → list of responses sent for it */
  const log = new Map();

  async function resolve(pathname) {
    if (Object.hasOwn(pages, pathname)) return { body: Buffer.from(pages[pathname]), type: TYPES['.html'] };
    if (Object.hasOwn(files, pathname)) {
      const { body, source } = files[pathname];
      return { body, source, type: TYPES[extname(pathname)] ?? 'application/octet-stream' };
    }
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (!pathname.startsWith(prefix)) continue;
      const relative = normalize(decodeURIComponent(pathname.slice(prefix.length)));
      if (relative.startsWith('..') || relative.includes(`${sep}..`)) return null;
      const file = join(folder, relative);
      try {
        if (!(await stat(file)).isFile()) return null;
      } catch {
        return null;
      }
      return { body: await readFile(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
    }
    return null;
  }

  const server = createServer(async (req, res) => {
    const { pathname, search } = new URL(req.url, 'http://127.0.0.1');
    const found = req.method === 'GET' || req.method === 'HEAD' ? await resolve(pathname) : null;
    const status = found ? 200 : 404;
    const body = found ? found.body : Buffer.from('Not found');
    res.writeHead(status, {
      'content-type': found ? found.type : 'text/plain; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    const run = req.headers['x-bench-run'];
    if (typeof run === 'string') {
      if (!log.has(run)) log.set(run, []);
      log.get(run).push({
        path: pathname,
        url: pathname + search,
        source: found?.source ?? null,
        status,
        type: found ? found.type.split(';')[0] : 'text/plain',
        bytes: body.length,
        ...compressedSizes(body),
      });
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    /** The responses sent so far for a run (a copy). */
    responses: (run) => [...(log.get(run) ?? [])],
    forget: (run) => log.delete(run),
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
