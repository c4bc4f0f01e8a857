import { report } from '../internal/warn.js';

/** The category that is always on: cookies the site cannot work without. */
export const NECESSARY = 'necessary';

/** Categories with built-in names and descriptions in every shipped language. */
export const BUILT_IN_CATEGORIES = ['functional', 'analytics', 'marketing'] as const;

/** The default optional categories: the purposes the seed notice itself names. */
export const DEFAULT_CATEGORIES = 'functional analytics marketing';

/** Most optional categories a banner offers; keeps the cookie small and the dialog usable. */
export const MAX_CATEGORIES = 16;

/** The longest category id. */
export const MAX_CATEGORY_ID_LENGTH = 32;

/**
 * Most bytes the optional categories may take in the cookie, so that the whole cookie stays within 512
 * bytes (COMPLIANCE S-10) even at its largest: a 64-character `cookie-name`, a 32-character revision, an id,
 * 16-character `l` and `ui`, and `gpc`. `tests/unit/categories.test.ts` computes that worst case with the
 * real encoder: 465 bytes with the schema-2 record (schema 1 took 506). The budget was kept when the record
 * shrank, so a site's categories are accepted as before. About 9 ids of 10 characters, or 16 of 1.
 */
export const MAX_CATEGORY_BYTES = 198;

/** What one optional category adds to the cookie: `,"id":1` as js-cookie writes it (`%2C%22id%22:1`). */
export function categoryBytes(id: string): number {
  return id.length + 11;
}

const ID = new RegExp(`^[a-z][a-z0-9_-]{0,${MAX_CATEGORY_ID_LENGTH - 1}}$`);

/**
 * Turns the `categories` attribute into the ordered list of category ids the banner offers,
 * always starting with `necessary`. Ids are kept in order while they fit: at most `MAX_CATEGORIES`, and
 * at most `MAX_CATEGORY_BYTES` of cookie together; the rest are skipped with a warning.
 *
 * @param value - space-separated ids, as written in the attribute; `null` means the default set
 * @param isDescribed - whether the site supplied a name and a description for an id we do not know
 */
export function parseCategories(value: string | null | undefined, isDescribed: (id: string) => boolean): string[] {
  const source = typeof value === 'string' ? value : DEFAULT_CATEGORIES;
  const ids: string[] = [NECESSARY];
  let bytes = 0;
  for (const raw of source.split(/\s+/)) {
    if (!raw) continue;
    const id = raw.toLowerCase();
    if (!ID.test(id)) {
      report('badCategoryId', raw.slice(0, 40), MAX_CATEGORY_ID_LENGTH);
      continue;
    }
    if (ids.includes(id)) continue;
    if (!(BUILT_IN_CATEGORIES as readonly string[]).includes(id) && !isDescribed(id)) {
      report('undescribedCategory', id);
      continue;
    }
    if (ids.length > MAX_CATEGORIES) {
      report('tooManyCategories', MAX_CATEGORIES);
      break;
    }
    if (bytes + categoryBytes(id) > MAX_CATEGORY_BYTES) {
      report('categoriesTooLarge', id, id);
      break;
    }
    bytes += categoryBytes(id);
    ids.push(id);
  }
  return ids;
}

/**
 * The categories a page's `setConsent` call allows: from an object of category → allowed (only `true` counts)
 * or a list of allowed ids. Ids that are not offered are ignored with a warning, and so are `keptOff` ids
 * (sale or sharing under Global Privacy Control: only the visitor, in preferences, can switch those on).
 * `null`, with a warning, when the input is neither: nothing is to be stored.
 */
export function allowedFrom(
  categories: unknown,
  offered: readonly string[],
  keptOff: readonly string[] = [],
): Set<string> | null {
  let list: readonly string[];
  if (Array.isArray(categories)) {
    list = categories.filter((id): id is string => typeof id === 'string');
  } else if (typeof categories === 'object' && categories !== null) {
    list = Object.keys(categories).filter((id) => (categories as Record<string, unknown>)[id] === true);
  } else {
    report('badSetConsent');
    return null;
  }
  const allowed = new Set<string>();
  for (const id of list) {
    if (!offered.includes(id)) report('setConsentUnknown', String(id).slice(0, 40));
    else if (keptOff.includes(id)) {
      report('setConsentUnderGpc', id);
    } else allowed.add(id);
  }
  return allowed;
}
