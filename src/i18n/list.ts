/**
 * A language's way of joining a list ("A, B ve C"): CLDR's standard conjunction patterns, with `{{a}}` and
 * `{{b}}`, as its locale file holds them under `list` (taken from CLDR 48; `tests/unit/intl-free.test.ts` checks them
 * against Intl.ListFormat).
 */
export interface ListPatterns {
  /** Two items. */
  readonly pair: string;
  /** The first item and the rest, in a list of three or more. */
  readonly start: string;
  /** An item in the middle and the rest. */
  readonly middle: string;
  /** The last two items. */
  readonly end: string;
}

export const LIST_FORMS = ['pair', 'start', 'middle', 'end'] as const;

/** ICU's rule: Spanish "y" is "e" before an /i/ sound (`i…`, `hi…` but not `hia…`, `hie…`). */
const SPANISH_E = /^(?:i|hi(?![ae]))/i;
/** ICU's rule: Hebrew "ו" takes a hyphen before a word that does not begin in Hebrew script. */
const HEBREW = /^\p{Script=Hebrew}/u;

function join(pattern: string, a: string, b: string, language: string, last: boolean): string {
  let used = pattern;
  if (last) {
    const primary = language.split('-')[0];
    if (primary === 'es' && SPANISH_E.test(b)) used = used.replace(' y ', ' e ');
    else if (primary === 'he' && b !== '' && !HEBREW.test(b)) used = used.replace('ו{{b}}', 'ו-{{b}}');
  }
  return used.replace(/\{\{([ab])\}\}/g, (_, name: string) => (name === 'a' ? a : b));
}

/**
 * The items joined as `language` joins them: the same text as `Intl.ListFormat` (conjunction) gives, without its
 * cost. The first Intl formatter a page makes loads ICU's data, about 70 ms at 4× CPU throttling, and the
 * first layer's list of purposes held the banner up for it.
 */
export function formatList(items: readonly string[], language: string, patterns: ListPatterns): string {
  const n = items.length;
  if (n < 2) return items[0] ?? '';
  const item = (i: number): string => items[i] ?? '';
  let text = join(n === 2 ? patterns.pair : patterns.end, item(n - 2), item(n - 1), language, true);
  for (let i = n - 3; i >= 0; i--)
    text = join(i === 0 ? patterns.start : patterns.middle, item(i), text, language, false);
  return text;
}
