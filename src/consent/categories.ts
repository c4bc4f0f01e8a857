import { warn } from './warn.js';

/** The category that is always on: cookies the site cannot work without. */
export const NECESSARY = 'necessary';

/** Categories with built-in names and descriptions in every shipped language. */
export const BUILT_IN_CATEGORIES = ['functional', 'analytics', 'marketing'] as const;

/** The default optional categories: the purposes the seed notice itself names. */
export const DEFAULT_CATEGORIES = 'functional analytics marketing';

/** Most optional categories a banner offers; keeps the cookie small and the dialog usable. */
export const MAX_CATEGORIES = 24;

const ID = /^[a-z][a-z0-9_-]{0,31}$/;

/**
 * Turns the `categories` attribute into the ordered list of category ids the banner offers,
 * always starting with `necessary`.
 *
 * @param value - space-separated ids, as written in the attribute; `null` means the default set
 * @param isDescribed - whether the site supplied a name and a description for an id we do not know
 */
export function parseCategories(value: string | null | undefined, isDescribed: (id: string) => boolean): string[] {
  const source = typeof value === 'string' ? value : DEFAULT_CATEGORIES;
  const ids: string[] = [NECESSARY];
  for (const raw of source.split(/\s+/)) {
    if (!raw) continue;
    const id = raw.toLowerCase();
    if (!ID.test(id)) {
      warn(
        `categories: "${raw.slice(0, 40)}" is not a valid category id (a-z, 0-9, "-" or "_", at most 32 characters); skipped.`,
      );
      continue;
    }
    if (ids.includes(id)) continue;
    if (!(BUILT_IN_CATEGORIES as readonly string[]).includes(id) && !isDescribed(id)) {
      warn(`categories: "${id}" has no name and description in the texts property; skipped.`);
      continue;
    }
    if (ids.length > MAX_CATEGORIES) {
      warn(`categories: more than ${MAX_CATEGORIES} categories; the rest are skipped.`);
      break;
    }
    ids.push(id);
  }
  return ids;
}
