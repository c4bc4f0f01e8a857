import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOURCE_LANGUAGE, directionOf } from '../../src/i18n/languages.js';
import { LANGUAGE_NAMES } from '../../src/i18n/names.js';

type Tree = { [key: string]: string | Tree };

const dir = new URL('../../locales/', import.meta.url);
const read = (code: string): Tree => JSON.parse(readFileSync(new URL(`${code}.json`, dir), 'utf8')) as Tree;
const codes = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
const source = read(SOURCE_LANGUAGE);

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf as [dotted key, value]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

/** Placeholder names; `{{count}}` and `{{count, number}}` both give `count` (numbers are formatted either way). */
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([^},\s]+)\s*(?:,\s*number\s*)?\}\}/g)].map((m) => m[1]!).sort();

/** Keys with plural suffixes grouped under their base key. */
function pluralGroups(tree: Tree): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [key] of leaves(tree)) {
    const match = PLURAL.exec(key);
    if (!match) continue;
    const base = key.slice(0, -match[0].length);
    groups.set(base, [...(groups.get(base) ?? []), match[1]!]);
  }
  return groups;
}

const baseKeys = (tree: Tree): string[] => [...new Set(leaves(tree).map(([key]) => key.replace(PLURAL, '')))].sort();

/** The 35 languages; Serbian ships in both scripts (sr is Cyrillic, sr-Latn Latin), so 36 files. */
const REQUIRED = [
  ...['tr', 'en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'ru', 'uk', 'ar', 'fa', 'az', 'el'],
  ...['bg', 'hr', 'cs', 'da', 'et', 'fi', 'ga', 'hu', 'lv', 'lt', 'mt', 'pt', 'ro', 'sk', 'sl', 'sv'],
  ...['he', 'ka', 'sq', 'sr', 'sr-Latn', 'mk'],
];

/** Letters of a string in a script (ISO 15924 code, as Intl.Locale gives it), against all its letters. */
function scriptShare(text: string, script: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  const inScript = text.match(new RegExp(`\\p{Script=${script}}`, 'gu')) ?? [];
  return letters.length === 0 ? 0 : inScript.length / letters.length;
}

/**
 * Wording no locale may use, in the 22 files the 14 older ones' checks (KV-6, EU-6, EU-10, US-4) have no
 * words for: consent implied by going on, "legitimate interest", and "later" on the decline or close button.
 */
const CONTINUING =
  /продължавайки|с продължаване|nastavkom|pokračováním|pokračovaním|ved at fortsætte|jätkates|jatkamalla|má leanann tú|folytatásával|további használat|turpinot|tęsdami|billi tkompli|ao continuar|continuando a|continuând|z nadaljevanjem|genom att fortsätta|בהמשך הגלישה|בהמשך השימוש|המשך השימוש|გაგრძელებით|duke vazhduar|наставком|со продолжување/i;
const LEGITIMATE_INTEREST =
  /легитимен интерес|legitimn\S* interes|oprávněn\S* zájem|oprávnen\S* záujem|legitim\S* interesse|õigustatud huvi|oikeutettu etu|leas dlisteanach|jogos érdek|leģitīm\S* interes|teisėt\S* interes|interess leġittimu|interesse legítimo|interes legitim|zakonit\S* interes|berättigat intresse|אינטרס לגיטימי|კანონიერი ინტერესი|interes\S* legjitim|легитимн\S* интерес/i;
const LATER =
  /по-късно|kasnije|později|senere|hiljem|myöhemmin|níos déanaí|ar ball|később|vēlāk|vėliau|aktar tard|iktar tard|mais tarde|depois|mai târziu|neskôr|pozneje|kasneje|senare|מאוחר יותר|אחר כך|მოგვიანებით|më vonë|касније|подоцна/i;

describe('locale files', () => {
  it('ship every EU language and Turkey’s neighbours, three right to left', () => {
    expect([...codes].sort()).toEqual([...REQUIRED].sort());
    expect(new Set(codes.map((c) => c.split('-')[0])).size).toBe(35);
    expect(codes.filter((c) => directionOf(c) === 'rtl').sort()).toEqual(['ar', 'fa', 'he']);
  });

  for (const code of codes) {
    describe(code, () => {
      const locale = read(code);

      it("has exactly tr.json's keys", () => {
        expect(baseKeys(locale)).toEqual(baseKeys(source));
      });

      it('has no empty strings and no markup', () => {
        for (const [key, value] of leaves(locale)) {
          expect(value.trim(), key).not.toBe('');
          expect(value, key).not.toMatch(/<[a-z!/]/i);
        }
      });

      it("has tr.json's placeholders in every string", () => {
        const expected = new Map(leaves(source).map(([key, value]) => [key.replace(PLURAL, ''), placeholders(value)]));
        for (const [key, value] of leaves(locale)) {
          expect(placeholders(value), key).toEqual(expected.get(key.replace(PLURAL, '')));
        }
      });

      it('has exactly the plural forms its language needs', () => {
        const needed = [...new Intl.PluralRules(code).resolvedOptions().pluralCategories].sort();
        const groups = pluralGroups(locale);
        expect([...groups.keys()].sort()).toEqual([...pluralGroups(source).keys()].sort());
        for (const [base, forms] of groups) expect(forms.sort(), base).toEqual(needed);
      });

      it('names itself as the language picker does', () => {
        const language = locale['language'] as Tree;
        expect(language['name']).toBe(LANGUAGE_NAMES[code]);
      });

      it('uses no other braces than its placeholders', () => {
        for (const [key, value] of leaves(locale)) {
          expect(value.replace(/\{\{\s*[^},\s]+\s*(?:,\s*number\s*)?\}\}/g, ''), key).not.toMatch(/[{}]/);
        }
      });

      it('is written in its own script', () => {
        const script = new Intl.Locale(code).maximize().script!;
        const text = leaves(locale)
          .map(([, value]) => value.replace(/\{\{[^}]*\}\}|\b(GPC|Global Privacy Control|cookies?|opt-out)\b/gi, ''))
          .join(' ');
        expect(scriptShare(text, script), script).toBeGreaterThan(0.9);
      });

      it('never merges consent with "I have read", never says "later" to decline, never walls the site', () => {
        for (const [key, value] of leaves(locale)) {
          expect(value, key).not.toMatch(
            /okudum ve kabul|read and (accept|agree)|by (continuing|using)|to continue.*accept|kullanmaya devam ederek|devam etmek için kabul/i,
          );
        }
        const banner = locale['banner'] as Tree;
        expect(banner['rejectAll']).not.toMatch(/later|daha sonra|sonra hatırlat|plus tard|später|más tarde/i);
      });

      it('says in no language that going on is consent, never cites legitimate interest, never says "later"', () => {
        for (const [key, value] of leaves(locale)) {
          expect(value, key).not.toMatch(CONTINUING);
          expect(value, key).not.toMatch(LEGITIMATE_INTEREST);
        }
        const banner = locale['banner'] as Tree;
        for (const key of ['rejectAll', 'close']) expect(banner[key], key).not.toMatch(LATER);
      });
    });
  }

  it('the picker tells every language apart, the two Serbian scripts included', () => {
    const names = codes.map((code) => ((read(code)['language'] as Tree)['name'] as string).toLocaleLowerCase());
    expect(new Set(names).size).toBe(codes.length);
    expect(scriptShare(LANGUAGE_NAMES['sr']!, 'Cyrl')).toBe(1);
    expect(scriptShare(LANGUAGE_NAMES['sr-Latn']!, 'Latn')).toBe(1);
  });

  it('Turkish keeps proper Turkish letters', () => {
    const text = leaves(source)
      .map(([, value]) => value)
      .join(' ');
    expect(text).toMatch(/[ğışİ]/);
  });
});
