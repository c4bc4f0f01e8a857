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
  const collator = new Intl.Collator('und');
  return codes
    .map((code) => ({ code, name: LANGUAGE_NAMES[code] ?? siteName(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.code, b.code));
}
