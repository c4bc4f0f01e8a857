import type { Report } from '../internal/warn.js';

/** One cookie (or, with a trailing `*`, a family of cookies) the site sets for a category. */
export interface CookieEntry {
  /** The cookie's name; a trailing `*` matches every name with that prefix (e.g. `_ga_*`). */
  readonly name: string;
  /** Who sets it, e.g. "Google". */
  readonly provider?: string;
  /** What it is for. */
  readonly purpose?: string;
  /** How long it lives, in words, e.g. "2 yıl". */
  readonly duration?: string;
  /** Where its data goes, e.g. "ABD" (for transfers abroad). */
  readonly country?: string;
  /** For `necessary` cookies: the exemption it falls under, `A` (only transmits a communication) or `B` (strictly necessary for a service the visitor asked for). */
  readonly criterion?: 'A' | 'B';
  /** For `necessary` cookies: why the site cannot work without it. */
  readonly justification?: string;
}

/** The site's cookies per category id. */
export type CookieTable = Record<string, readonly CookieEntry[]>;

const NAME = /^[!#$%&'+\-.^_`|~0-9A-Za-z]{1,128}\*?$/;
const CATEGORY = /^[a-z][a-z0-9_-]{0,31}$/;
const FIELDS = ['provider', 'purpose', 'duration', 'country', 'justification'] as const;
const MAX_ENTRIES = 200;
const MAX_TEXT = 300;
/** The `<script type="application/json" data-cookies>` children that give a cookie table in markup. */
const COOKIE_SCRIPTS = ':scope > script[type="application/json"][data-cookies]';

function entry(value: unknown, report: Report): CookieEntry | undefined {
  const raw: unknown = typeof value === 'string' ? { name: value } : value;
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  const name = record['name'];
  if (typeof name !== 'string' || !NAME.test(name)) {
    report('cookieBadName', String(name).slice(0, 40));
    return undefined;
  }
  const out: Record<string, string> = { name };
  for (const field of FIELDS) {
    const text = record[field];
    if (typeof text === 'string' && text.trim() !== '') out[field] = text.slice(0, MAX_TEXT);
  }
  if (record['criterion'] === 'A' || record['criterion'] === 'B') out['criterion'] = record['criterion'];
  if ('basis' in record && record['basis'] !== 'consent') {
    report('CEREZ_NO_LEGITIMATE_INTEREST', name, String(record['basis']).slice(0, 40));
  }
  return out as unknown as CookieEntry;
}

/** Validates a cookie table from the site: known shapes only, bounded, never throwing. */
export function cleanCookieTable(value: unknown, report: Report): CookieTable {
  const out: Record<string, CookieEntry[]> = {};
  if (value == null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    report('cookiesNotObject');
    return out;
  }
  let count = 0;
  for (const [category, list] of Object.entries(value as Record<string, unknown>)) {
    if (!CATEGORY.test(category)) {
      report('cookiesBadCategory', category.slice(0, 40));
      continue;
    }
    if (!Array.isArray(list)) {
      report('cookiesNotList', category);
      continue;
    }
    const entries: CookieEntry[] = [];
    for (const item of list) {
      if (count >= MAX_ENTRIES) {
        report('tooManyCookies', MAX_ENTRIES);
        break;
      }
      const cleaned = entry(item, report);
      if (cleaned) {
        entries.push(cleaned);
        count++;
      }
    }
    out[category] = entries;
  }
  return out;
}

/** Merges two cookie tables; `over` replaces a category's list. */
export function mergeCookieTables(base: CookieTable, over: CookieTable): CookieTable {
  return { ...base, ...over };
}

/**
 * The site's cookie table from an element: its `<script type="application/json" data-cookies>` children with the
 * `cookies` property over them, cleaned and checked (see `checkNecessary`), with no prototype (a polluted
 * `Object.prototype` is never a category's list).
 */
export function siteCookieTable(
  host: Element,
  property: unknown,
  offered: readonly string[],
  report: Report,
): CookieTable {
  return Object.assign(
    Object.create(null) as CookieTable,
    checkNecessary(
      mergeCookieTables(declarativeCookieTable(host, report), cleanCookieTable(property, report)),
      offered,
      report,
    ),
  );
}

/** Reads a cookie table given in the page as `<script type="application/json" data-cookies>` children. */
export function declarativeCookieTable(host: Element, report: Report): CookieTable {
  let table: CookieTable = {};
  for (const script of host.querySelectorAll(COOKIE_SCRIPTS)) {
    try {
      table = mergeCookieTables(table, cleanCookieTable(JSON.parse(script.textContent ?? ''), report));
    } catch {
      report('cookiesBadJson');
    }
  }
  return table;
}

/** Cookies of analytics and advertising tools, never "strictly necessary", and the category they belong to. */
const KNOWN_TRACKERS: readonly [RegExp, string][] = [
  [/^(_ga|_ga_.*|_gid|_gat.*|__utm.*|_hjid|_hjSession.*|_clck|_clsk|_pk_.*|mp_.*|ajs_.*)$/, 'analytics'],
  [
    /^(_gcl_.*|_fbp|_fbc|IDE|test_cookie|_ttp|_uetsid|_uetvid|NID|fr|_pin_unauth|li_sugr|bcookie|_rdt_uuid)$/,
    'marketing',
  ],
];

function trackerCategory(name: string): string | undefined {
  const plain = name.replace(/\*$/, '');
  return KNOWN_TRACKERS.find(([pattern]) => pattern.test(plain) || pattern.test(name))?.[1];
}

/**
 * Checks the `necessary` list: each cookie there must name its exemption (criterion `A` or `B`) and a
 * justification, and known analytics or advertising cookies are never necessary: they are reported as an
 * error and moved to the category they belong to (if offered), where they need consent like the rest.
 */
export function checkNecessary(table: CookieTable, offered: readonly string[], report: Report): CookieTable {
  const necessary = table['necessary'];
  if (!necessary) return table;
  const kept: CookieEntry[] = [];
  const out: Record<string, CookieEntry[]> = { ...table, necessary: kept } as Record<string, CookieEntry[]>;
  for (const entry of necessary) {
    const category = trackerCategory(entry.name);
    if (category) {
      const target = offered.includes(category) ? category : offered.find((id) => id !== 'necessary');
      report('CEREZ_TRACKER_AS_NECESSARY', entry.name, target ?? 'no category');
      if (target) out[target] = [...(out[target] ?? []), entry];
      continue;
    }
    if (!entry.criterion || !entry.justification) {
      report('necessaryUnjustified', entry.name);
    }
    kept.push(entry);
  }
  return out;
}
