/**
 * The name of each shipped language in its own language (what the language picker shows), in the order
 * of `SHIPPED_LANGUAGES`. Only the view needs them, so they stay out of the element's entry. A unit test
 * checks them against the locale files.
 */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  tr: 'Türkçe',
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  nl: 'Nederlands',
  pl: 'Polski',
  ru: 'Русский',
  uk: 'Українська',
  ar: 'العربية',
  fa: 'فارسی',
  az: 'Azərbaycan dili',
  el: 'Ελληνικά',
  bg: 'Български',
  hr: 'Hrvatski',
  cs: 'Čeština',
  da: 'Dansk',
  et: 'Eesti',
  fi: 'Suomi',
  ga: 'Gaeilge',
  hu: 'Magyar',
  lv: 'Latviešu',
  lt: 'Lietuvių',
  mt: 'Malti',
  pt: 'Português',
  ro: 'Română',
  sk: 'Slovenčina',
  sl: 'Slovenščina',
  sv: 'Svenska',
  he: 'עברית',
  ka: 'ქართული',
  sq: 'Shqip',
  sr: 'Српски (ћирилица)',
  'sr-Latn': 'Srpski (latinica)',
  mk: 'Македонски',
};

/** A language in the picker: its code and its name in its own language. */
export interface LanguageOption {
  code: string;
  name: string;
}

/**
 * The picker's options: every language under its own name (ours for shipped languages, else the one the
 * site gave in its texts, else the code), in one order that never depends on the
 * language shown (Unicode's root collation: Latin names A–Z, then Greek, Cyrillic, Georgian, Hebrew,
 * Arabic script). Not "current first": a closed select switches on each arrow key, and a list that
 * reordered itself on every switch would trap arrow-key users between two languages.
 */
export function pickerOptions(
  codes: readonly string[],
  siteName: (code: string) => string | undefined = () => undefined,
): LanguageOption[] {
  const options = codes.map((code) => ({ code, name: LANGUAGE_NAMES[code] ?? siteName(code) ?? code }));
  // The same list comes back on every render: sort it once.
  const key = JSON.stringify(options);
  let sorted = sortedOptions.get(key);
  if (!sorted) {
    const rank = (code: string): number => PICKER_ORDER.indexOf(code);
    if (options.every((option) => rank(option.code) >= 0)) {
      // Shipped languages only: their order is known, and making a collator (ICU data) would cost a long task.
      sorted = options.sort((a, b) => rank(a.code) - rank(b.code));
    } else {
      const compare = new Intl.Collator('und').compare;
      sorted = options.sort((a, b) => compare(a.name, b.name) || compare(a.code, b.code));
    }
    sortedOptions.set(key, sorted);
  }
  return sorted;
}

const sortedOptions = new Map<string, LanguageOption[]>();

/**
 * The shipped languages in Unicode's root collation of their names (`new Intl.Collator('und')`), as
 * `pickerOptions` sorts site-added ones; a unit test checks it against the collator.
 */
export const PICKER_ORDER: readonly string[] = [
  'az',
  'cs',
  'da',
  'de',
  'et',
  'en',
  'es',
  'fr',
  'ga',
  'hr',
  'it',
  'lv',
  'lt',
  'hu',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sq',
  'sk',
  'sl',
  'sr-Latn',
  'fi',
  'sv',
  'tr',
  'el',
  'bg',
  'mk',
  'ru',
  'sr',
  'uk',
  'ka',
  'he',
  'ar',
  'fa',
];
