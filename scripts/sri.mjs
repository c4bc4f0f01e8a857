// Subresource Integrity for the one-file build served from a CDN: prints the entry's `integrity` value and an
// import map that pins each lazy chunk the entry may import (browsers that read `integrity` in import maps check
// them; others ignore it). Run after `npm run build`: `npm run sri [-- https://cdn.jsdelivr.net/npm/cerez@0.1.0/dist/]`.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';

const base = process.argv[2] ?? `https://cdn.jsdelivr.net/npm/cerez@${readJson('../package.json').version}/dist/`;

function readJson(path) {
  return JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
}

/** The `sha384-…` integrity value of a file in dist/. */
export function integrity(path) {
  const hash = createHash('sha384').update(readFileSync(new URL(`../dist/${path}`, import.meta.url)));
  return `sha384-${hash.digest('base64')}`;
}

const chunks = readdirSync(new URL('../dist/chunks/', import.meta.url)).filter((name) => name.endsWith('.js'));
const entry = 'cookie-consent-banner.js';
console.log(
  `<script type="importmap">${JSON.stringify({
    integrity: Object.fromEntries(chunks.map((name) => [`${base}chunks/${name}`, integrity(`chunks/${name}`)])),
  })}</script>`,
);
console.log(
  `<script type="module" src="${base}${entry}" integrity="${integrity(entry)}" crossorigin="anonymous"></script>`,
);
