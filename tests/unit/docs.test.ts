import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { renderApi, START, END } from '../../scripts/api-docs.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/cem.js');
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const manifest = JSON.parse(read('custom-elements.json')) as unknown;
const readme = read('README.md');

describe('README', () => {
  it('has the API tables generated from custom-elements.json (run `npm run docs`)', () => {
    const block = readme.slice(readme.indexOf(START as string), readme.indexOf(END as string) + (END as string).length);
    expect(block).toBe((renderApi as (m: unknown) => string)(manifest));
  });

  it('shows the two set-up commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it('counts the shipped languages as locales/ has them, and lists each in the Languages table', () => {
    const codes = readdirSync(new URL('../../locales/', import.meta.url))
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length));
    // One language in two scripts (`sr`, `sr-Latn`) is one language.
    const languages = new Set(codes.map((code) => code.split('-')[0])).size;
    expect(readme.replace(/\s+/g, ' ')).toContain(`in Turkish by default (and in ${languages - 1} other languages)`);
    expect(readme).toMatch(new RegExp(`## Languages\\n\\n${languages} languages:`));
    expect(read('docs/compliance.md')).toContain(`Uses the page's language when shipped (${languages} languages)`);
    const table = readme.slice(
      readme.indexOf('## Languages'),
      readme.indexOf('\n## ', readme.indexOf('## Languages') + 1),
    );
    for (const code of codes) expect(table, code).toContain(`| \`${code}\` |`);
  });

  it('has a custom-elements.json that matches the source (run `npm run analyze`)', () => {
    // The analyzer resolves its outdir against the working directory: keep the check's copy in node_modules.
    const out = join('node_modules', '.cache', 'cem-check');
    execFileSync(process.execPath, [cli, 'analyze', '--quiet'], {
      cwd: root,
      env: { ...process.env, CEM_OUTDIR: out },
    });
    expect(JSON.parse(readFileSync(join(root, out, 'custom-elements.json'), 'utf8'))).toEqual(manifest);
  }, 30_000);
});
