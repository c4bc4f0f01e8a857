import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatList, type ListPatterns } from '../../src/i18n/list.js';
import { applyTexts, formatNumber, listPatterns } from '../../src/i18n/translator.js';

type Tree = { [key: string]: string | Tree };
const dir = new URL('../../locales/', import.meta.url);
const codes = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
const read = (code: string): Tree => JSON.parse(readFileSync(new URL(`${code}.json`, dir), 'utf8')) as Tree;

/** Lists of one to five items: the language's own category names, then words that start in other scripts. */
function lists(locale: Tree): string[][] {
  const categories = locale['categories'] as Record<string, Tree>;
  const names = Object.values(categories).map((c) => c['name'] as string);
  const words = [...names, 'Video', '3D', 'iframe', 'Hilo', 'hielo', 'Ídolo', 'אתר', 'ولد', 'Όνομα'];
  const out: string[][] = [];
  for (let n = 1; n <= 5; n++) {
    for (let start = 0; start + n <= words.length; start++) out.push(words.slice(start, start + n));
  }
  return out;
}

describe('list patterns (CLDR, in each locale file)', () => {
  for (const code of codes) {
    it(`${code}: joins every list exactly as Intl.ListFormat does`, () => {
      const patterns = read(code)['list'] as unknown as ListPatterns;
      const intl = new Intl.ListFormat(code, { type: 'conjunction' });
      for (const items of lists(read(code)))
        expect(formatList(items, code, patterns), items.join('|')).toBe(intl.format(items));
    });
  }

  it('keeps the contextual forms of Spanish and Hebrew, as ICU does', () => {
    const es = read('es')['list'] as unknown as ListPatterns;
    expect(formatList(['Agua', 'hilo'], 'es', es)).toBe('Agua e hilo');
    expect(formatList(['Agua', 'hierro'], 'es', es)).toBe('Agua y hierro');
    expect(formatList(['Agua', 'Sal', 'Imagen'], 'es', es)).toBe('Agua, Sal e Imagen');
    const he = read('he')['list'] as unknown as ListPatterns;
    expect(formatList(['אתר', 'Video'], 'he', he)).toBe('אתר ו-Video');
    expect(formatList(['אתר', 'ספר'], 'he', he)).toBe('אתר וספר');
  });

  it('a name holding "{{b}}" is written as it is', () => {
    const tr = read('tr')['list'] as unknown as ListPatterns;
    expect(formatList(['{{b}}', 'x', '{{a}}'], 'tr', tr)).toBe('{{b}}, x ve {{a}}');
  });

  it("a language's own patterns only: the site's over the built-in ones, none for a site-added language without them", () => {
    expect(listPatterns('tr')?.end).toBe('{{a}} ve {{b}}');
    expect(listPatterns('ja')).toBeUndefined();
    applyTexts({ tr: { list: { end: '{{a}} ile {{b}}' } }, ja: { banner: { heading: 'クッキー' } } });
    expect(listPatterns('tr')).toMatchObject({ end: '{{a}} ile {{b}}', pair: '{{a}} ve {{b}}' });
    expect(listPatterns('ja')).toBeUndefined();
    applyTexts({});
    expect(listPatterns('tr')?.end).toBe('{{a}} ve {{b}}');
  });
});

describe('numbers without Intl', () => {
  it('writes every whole number below 1000 in each shipped language as Intl.NumberFormat does (Persian digits for Persian, Latin for Arabic)', () => {
    for (const code of codes) {
      const intl = new Intl.NumberFormat(
        code,
        code === 'fa' ? { numberingSystem: 'arabext' } : code === 'ar' ? { numberingSystem: 'latn' } : {},
      );
      for (let n = 0; n < 1000; n++) expect(formatNumber(n, code), `${code} ${n}`).toBe(intl.format(n));
    }
  });

  it('leaves larger numbers, fractions and site-added languages to Intl', () => {
    expect(formatNumber(1234, 'de')).toBe(new Intl.NumberFormat('de').format(1234));
    expect(formatNumber(2.5, 'tr')).toBe(new Intl.NumberFormat('tr').format(2.5));
    expect(formatNumber(7, 'hi')).toBe(new Intl.NumberFormat('hi').format(7));
    expect(formatNumber(12, 'fa')).toBe('۱۲');
  });
});
