// The README's API tables, generated from custom-elements.json (never kept by hand).
// `node scripts/api-docs.mjs` rewrites the block between the api markers in README.md;
// tests/unit/docs.test.ts fails when the README and the manifest disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { isMain } from './is-main.mjs';

export const START = '<!-- api:start (generated from custom-elements.json by scripts/api-docs.mjs) -->';
export const END = '<!-- api:end -->';

const cell = (text = '') =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
const code = (text) => (text ? `\`${cell(text)}\`` : '');

function table(head, rows) {
  if (rows.length === 0) return '';
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Renders the API reference of the element as Markdown. */
export function renderApi(manifest) {
  const element = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.tagName === 'cookie-consent-banner');
  if (!element) throw new Error('custom-elements.json has no <cookie-consent-banner>');
  const fields = (element.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && m.privacy !== 'private' && m.privacy !== 'protected',
  );
  const methods = (element.members ?? []).filter(
    (m) => m.kind === 'method' && !m.static && m.privacy !== 'private' && m.privacy !== 'protected',
  );
  const attributeOf = new Map((element.attributes ?? []).map((a) => [a.fieldName, a.name]));
  const sections = [
    '### Attributes',
    table(
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      (element.attributes ?? []).map((a) => [
        code(a.name),
        code(a.fieldName ?? a.name),
        code(a.type?.text ?? 'string'),
        code(a.default),
        cell(a.description),
      ]),
    ),
    '### Properties',
    table(
      ['Property', 'Attribute', 'Type', 'Description'],
      fields.map((f) => [
        code(f.name) + (f.readonly ? ' (read-only)' : ''),
        attributeOf.has(f.name) ? code(attributeOf.get(f.name)) : '—',
        code(f.type?.text),
        cell(f.description),
      ]),
    ),
    '### Methods',
    table(
      ['Method', 'Description'],
      methods.map((m) => [
        code(`${m.name}(${(m.parameters ?? []).map((p) => `${p.name}: ${p.type?.text ?? 'unknown'}`).join(', ')})`),
        cell(m.description),
      ]),
    ),
    '### Events',
    table(
      ['Event', 'Type', 'Description'],
      (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
    ),
    '### CSS parts',
    table(
      ['Part', 'Description'],
      (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
    '### CSS custom properties',
    table(
      ['Property', 'Default', 'Description'],
      (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]),
    ),
  ];
  if (element.slots?.length) {
    sections.push(
      '### Slots',
      table(
        ['Slot', 'Description'],
        element.slots.map((s) => [code(s.name || '(default)'), cell(s.description)]),
      ),
    );
  }
  return `${START}\n\n${sections.join('\n\n')}\n\n${END}`;
}

/** README.md with its API block replaced by the one generated from the manifest. */
export function updateReadme(readme, manifest) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md has no api block');
  return readme.slice(0, start) + renderApi(manifest) + readme.slice(end + END.length);
}

if (isMain(import.meta.url)) {
  const root = new URL('..', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const readmeUrl = new URL('README.md', root);
  writeFileSync(readmeUrl, updateReadme(readFileSync(readmeUrl, 'utf8'), manifest));
}
