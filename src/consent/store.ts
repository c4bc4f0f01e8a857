import { decodeConsent, refuses, type DecodeResult, type Expectation } from './record.js';
import { report } from '../internal/warn.js';

export type SameSite = 'Lax' | 'Strict' | 'None';

/** Where and how long the consent cookie lives, after validation. */
export interface CookieSettings {
  readonly name: string;
  readonly path: string;
  /** Unset means host-only. */
  readonly domain: string | undefined;
  readonly sameSite: SameSite;
  readonly secure: boolean;
  /** Lifetime in days, 1–395. */
  readonly expires: number;
}

/** What the store needs to know about the page: `window.location` fits. */
export interface PageLocation {
  readonly hostname: string;
  readonly pathname: string;
  readonly protocol: string;
}

export const DEFAULT_COOKIE_NAME = 'cookie_consent';
export const DEFAULT_EXPIRES_DAYS = 182;
/** About 13 months, under the browsers' 400-day cap. */
export const MAX_EXPIRES_DAYS = 395;
export const MIN_EXPIRES_DAYS = 1;
/** The longest `cookie-name` accepted (the S-10 size budget counts on it). */
export const MAX_COOKIE_NAME_LENGTH = 64;

/**
 * RFC 6265 token, without `%`: js-cookie percent-encodes a `%` in a name, so the cookie written would not
 * be the one read back by its raw name.
 */
const TOKEN = /^[!#$&'*+\-.^_`|~0-9A-Za-z]{1,64}$/;
const PATH = /^\/[A-Za-z0-9._~!$&'()*+=:@%/-]{0,255}$/;
const HOST_LABELS = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;
/** A plain decimal number (`30`, `-1`, `1.5`, `1e9`); not hex, not `Infinity`. Linear: no nested or adjacent repeats. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const MAX_DECIMAL_LENGTH = 32;
const HOST_PREFIX = /^__host-/i;
const SECURE_PREFIX = /^__secure-/i;
const EPOCH = 'Thu, 01 Jan 1970 00:00:00 GMT';

/** The cookie attributes as written in the element's attributes, unvalidated. */
export interface CookieAttributes {
  name?: string | null;
  path?: string | null;
  domain?: string | null;
  sameSite?: string | null;
  expires?: string | null;
}

function cookieName(value: string | null | undefined): string {
  if (value == null || value === '') return DEFAULT_COOKIE_NAME;
  if (TOKEN.test(value)) return value;
  report('badCookieName', value.slice(0, 40), DEFAULT_COOKIE_NAME);
  return DEFAULT_COOKIE_NAME;
}

function cookiePath(value: string | null | undefined): string {
  if (value == null || value === '') return '/';
  if (PATH.test(value)) return value;
  report('badCookiePath', value.slice(0, 40));
  return '/';
}

function cookieDomain(value: string | null | undefined, hostname: string): string | undefined {
  if (value == null || value.trim() === '') return undefined;
  const domain = value.trim().toLowerCase().replace(/^\./, '');
  const host = hostname.toLowerCase();
  const fits = HOST_LABELS.test(domain) && (domain === host || (domain.includes('.') && host.endsWith(`.${domain}`)));
  if (fits) return domain;
  report('badCookieDomain', value.slice(0, 60));
  return undefined;
}

function cookieSameSite(value: string | null | undefined, secure: boolean): SameSite {
  if (value == null || value === '') return 'Lax';
  const v = value.trim().toLowerCase();
  if (v === 'lax') return 'Lax';
  if (v === 'strict') return 'Strict';
  if (v === 'none') {
    if (secure) return 'None';
    report('sameSiteNoneOnHttp');
    return 'Lax';
  }
  report('badSameSite', value.slice(0, 20));
  return 'Lax';
}

/**
 * Lifetime in days: a number, clamped to 1–395; anything else gives the default of 182. `attribute` names the
 * setting in warnings (`cookie-expires`, `refusal-expires`).
 */
export function cookieExpires(value: string | null | undefined, attribute = 'cookie-expires'): number {
  if (value == null || value.trim() === '') return DEFAULT_EXPIRES_DAYS;
  const text = value.trim();
  const days = text.length <= MAX_DECIMAL_LENGTH && DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(days)) {
    report('badDays', attribute, value.slice(0, 20), DEFAULT_EXPIRES_DAYS);
    return DEFAULT_EXPIRES_DAYS;
  }
  const clamped = Math.min(MAX_EXPIRES_DAYS, Math.max(MIN_EXPIRES_DAYS, days));
  if (clamped !== days) report('daysOutOfRange', attribute, days, MIN_EXPIRES_DAYS, MAX_EXPIRES_DAYS, clamped);
  return clamped;
}

/**
 * Validates the cookie attributes against the page's location; bad values fall back safely.
 * A `__Host-` name (recommended on https: no subdomain can set it) forces `Secure`, `Path=/` and no
 * `Domain`; a `__Secure-` name forces `Secure`. Browsers refuse both on http pages.
 */
export function cookieSettings(
  attrs: CookieAttributes,
  location: { hostname: string; protocol: string },
): CookieSettings {
  const https = location.protocol === 'https:';
  const name = cookieName(attrs.name);
  let path = cookiePath(attrs.path);
  let domain = cookieDomain(attrs.domain, location.hostname);
  const host = HOST_PREFIX.test(name);
  const prefixed = host || SECURE_PREFIX.test(name);
  if (host && path !== '/') {
    report('hostPrefixPath', path.slice(0, 40));
    path = '/';
  }
  if (host && domain !== undefined) {
    report('hostPrefixDomain', domain);
    domain = undefined;
  }
  if (prefixed && !https) {
    report('prefixNeedsHttps', name);
  }
  return {
    name,
    path,
    domain,
    sameSite: cookieSameSite(attrs.sameSite, https),
    secure: https || prefixed,
    expires: cookieExpires(attrs.expires),
  };
}

// Reading. Every access to `document.cookie` goes through `jar()` or `assign()`: both throw in a
// sandboxed frame without `allow-same-origin` (and on other opaque origins); there, reads give "no
// cookie", writes give `false`, and one console error says that a choice holds for this page only.

function unavailable(): void {
  report('CEREZ_NO_COOKIES');
}

/** The raw `name=value` pairs of `document.cookie`, in the browser's order; `null` when cookies are off limits. */
function jar(): [string, string][] | null {
  let text: string;
  try {
    text = document.cookie;
  } catch {
    unavailable();
    return null;
  }
  const pairs: [string, string][] = [];
  for (const part of text ? text.split(';') : []) {
    const at = part.indexOf('=');
    // A part without "=" is a cookie with an empty name (RFC 6265bis): never ours.
    if (at >= 0) pairs.push([part.slice(0, at).trim(), part.slice(at + 1).trim()]);
  }
  return pairs;
}

/** Sets a cookie string; `false` when the page may not use cookies. */
function assign(text: string): boolean {
  try {
    document.cookie = text;
    return true;
  } catch {
    unavailable();
    return false;
  }
}

function decodeValue(raw: string): string {
  const unquoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  try {
    return decodeURIComponent(unquoted);
  } catch {
    return '';
  }
}

/**
 * The raw values of the cookies whose raw name is exactly `name`, in the browser's order (`null` when
 * cookies are off limits). Names are never decoded: `cookie%5Fconsent` is another cookie, not ours,
 * although js-cookie's `get('cookie_consent')` would return it.
 */
export function rawValues(name: string): string[] | null {
  const pairs = jar();
  return pairs && pairs.filter(([n]) => n === name).map(([, value]) => value);
}

/**
 * Every value the browser holds for a cookie name, decoded, in the browser's order. Cookies of one name
 * can coexist on different paths or domains (a changed `cookie-domain`, say). An exact match on the raw name.
 */
export function readCookieValues(name: string): string[] {
  return (rawValues(name) ?? []).map(decodeValue);
}

/** The value of the first cookie of that exact raw name, decoded, or `undefined`. */
export function readCookie(name: string): string | undefined {
  return readCookieValues(name)[0];
}

// Writing.

/** Cookie domains the browser refused on this page (a public suffix such as `co.uk`): written host-only instead. */
const refusedDomains = new Set<string>();

export function hostOnly(settings: CookieSettings): CookieSettings {
  return { ...settings, domain: undefined };
}

/** The scope actually written on this page: the configured one, or host-only when the browser refused its domain. */
export function effective(settings: CookieSettings): CookieSettings {
  return settings.domain !== undefined && refusedDomains.has(settings.domain) ? hostOnly(settings) : settings;
}

/** Sets the consent cookie at a scope: js-cookie for a new value (src/consent/cookie-write.ts), or raw bytes read back. */
export type CookieSetter = (target: CookieSettings, value: string) => boolean;

/**
 * Writes a value read from the jar back as it was: its raw bytes, so it is the same cookie whatever encoding wrote
 * it. The reading path of a returning visit does this, and needs no cookie library for it.
 */
function rawSetter(raw: string): CookieSetter {
  return (target) => {
    const expires = new Date(Date.now() + target.expires * 864e5).toUTCString();
    const domain = target.domain === undefined ? '' : `; domain=${target.domain}`;
    return assign(
      `${target.name}=${raw}; path=${target.path}${domain}; expires=${expires}; samesite=${target.sameSite}${target.secure ? '; secure' : ''}`,
    );
  };
}

/**
 * Writes the consent cookie at the configured scope; returns whether the browser kept it (read back).
 * When the browser refuses the configured `cookie-domain` (a public suffix such as `co.uk` looks like a
 * parent domain but is not one), the cookie is written host-only, with a console error. When other cookies
 * of the name remain elsewhere afterwards, they are removed: exactly one is left.
 * (A copy with the same value elsewhere makes a refused write look kept; `readStored` removes the copies first.)
 */
export function putCookie(settings: CookieSettings, value: string, location: PageLocation, set: CookieSetter): boolean {
  return set(effective(settings), value) && keptCookie(settings, value, location, set);
}

/**
 * The rest of `putCookie`, after `set` wrote `value` at `effective(settings)`: reads the cookie back, falls back
 * to host-only when the browser refused the domain, and removes copies of the name elsewhere. Returns whether the
 * browser kept it. Apart, so that a write can be checked after the next paint (a read of `document.cookie` is a
 * round trip to the browser, a write is not).
 */
export function keptCookie(
  settings: CookieSettings,
  value: string,
  location: PageLocation,
  set: CookieSetter,
): boolean {
  let target = effective(settings);
  // One read of document.cookie serves both the check and the count (each read costs the page a round trip).
  let values = readCookieValues(settings.name);
  let kept = values.includes(value);
  if (!kept && target.domain !== undefined) {
    report('CEREZ_COOKIE_DOMAIN_REFUSED', target.domain);
    refusedDomains.add(target.domain);
    target = hostOnly(settings);
    if (!set(target, value)) return false;
    values = readCookieValues(settings.name);
    kept = values.includes(value);
  }
  if (!kept) {
    report('CEREZ_COOKIE_NOT_KEPT', settings.name);
  } else if (values.length > 1) removeElsewhere(target, location);
  return kept;
}

/** Whether a cookie name matches a listed pattern: the exact name, or a prefix ending in `*`. */
export function matchesCookie(name: string, pattern: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

interface Scope {
  /** Unset: host-only. */
  domain?: string;
  path: string;
}

/** The domains a page of this host can set: host-only, then the host and each parent from the most specific (never a TLD). */
function domains(hostname: string): (string | undefined)[] {
  const isAddress = /^[\d.]+$/.test(hostname) || hostname.includes(':');
  const labels = hostname.toLowerCase().split('.');
  const out: (string | undefined)[] = [undefined];
  if (!isAddress) for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/** The paths whose cookies this page can see: `/`, each folder with and without the trailing slash, the page itself. */
function paths(pathname: string, extra?: string): string[] {
  const out = new Set(['/']);
  let at = '';
  for (const part of pathname.split('/').filter(Boolean)) {
    at += `/${part}`;
    out.add(at);
    out.add(`${at}/`);
  }
  if (extra) out.add(extra);
  return [...out];
}

/** Every scope a cookie visible on this page can have, host-only first, then from the most specific domain. */
function scopes(location: PageLocation, extraPath?: string): Scope[] {
  return domains(location.hostname).flatMap((domain) =>
    paths(location.pathname, extraPath).map((path) => (domain === undefined ? { path } : { domain, path })),
  );
}

const sameScope = (a: Scope, b: { domain?: string | undefined; path: string }) =>
  a.domain === b.domain && a.path === b.path;

/** Expires a cookie by its raw name (js-cookie would escape `(` and `)`), at one scope. */
function expire(name: string, scope: Scope, secure: boolean, partitioned = false): boolean {
  const domain = scope.domain === undefined ? '' : `; domain=${scope.domain}`;
  const flags = `${secure ? '; secure' : ''}${partitioned ? '; partitioned' : ''}`;
  return assign(`${name}=; expires=${EPOCH}; path=${scope.path}${domain}${flags}`);
}

/** Removes the consent cookie at every scope of this page but `keep`. */
export function removeElsewhere(keep: CookieSettings, location: PageLocation): void {
  for (const scope of scopes(location, keep.path)) {
    if (!sameScope(scope, keep) && !expire(keep.name, scope, keep.secure)) return;
  }
}

/**
 * Deletes the first-party cookies whose names match the patterns, wherever a page of this site could
 * have set them: host-only or on any parent domain, on `/`, on any folder of the current path (with and
 * without a trailing slash) or on the page's own path. Names are matched and deleted raw, so `_x(1)` goes
 * too; on https, `Partitioned` copies are deleted as well. Returns the names found.
 *
 * Out of reach of any script: `HttpOnly` cookies, cookies of other paths than this page's (a `/shop`
 * cookie seen from `/blog`), of sibling hosts (`a.example.com`'s host-only cookies seen from
 * `b.example.com`), and partitioned cookies set in another top-level site's frames.
 */
export function removeCookies(patterns: readonly string[], location: PageLocation): string[] {
  if (patterns.length === 0) return [];
  const pairs = jar();
  if (!pairs) return [];
  const matches = (name: string) => {
    const decoded = decodeValue(name);
    return patterns.some((pattern) => matchesCookie(name, pattern) || matchesCookie(decoded, pattern));
  };
  const names = [...new Set(pairs.map(([name]) => name))].filter((name) => name !== '' && matches(name));
  const secure = location.protocol === 'https:';
  for (const name of names) {
    for (const scope of scopes(location)) {
      if (!expire(name, scope, secure)) return names;
      if (secure) expire(name, scope, true, true);
    }
  }
  return names;
}

/** Whether a cookie on `path` is sent to a page at `pathname` (RFC 6265 §5.1.4 path-match). */
function pathCovers(path: string, pathname: string): boolean {
  if (path === pathname) return true;
  if (!pathname.startsWith(path)) return false;
  return path.endsWith('/') || pathname[path.length] === '/';
}

interface Found {
  value: string;
  /** 0 for the configured scope; then host-only, then from the most specific domain to the least. */
  rank: number;
}

/**
 * Finds out at which scope each value of the name lives, by removing the name one scope at a time (the
 * configured scope first, then host-only, then each domain from the most specific) and seeing which value
 * disappears. Afterwards no cookie of the name is left at any of this page's scopes.
 */
function locate(settings: CookieSettings, location: PageLocation, values: string[]): Found[] {
  const keep = effective(settings);
  const order: Scope[] = [
    keep.domain === undefined ? { path: keep.path } : { domain: keep.domain, path: keep.path },
    ...scopes(location, keep.path).filter((scope) => !sameScope(scope, keep)),
  ];
  const rankOf = new Map(domains(location.hostname).map((domain, i) => [domain, i + 1]));
  const found: Found[] = [];
  let before = values;
  for (const [i, scope] of order.entries()) {
    if (before.length === 0) break;
    if (!expire(settings.name, scope, settings.secure)) break;
    const after = rawValues(settings.name) ?? [];
    const rest = [...after];
    for (const value of before) {
      const at = rest.indexOf(value);
      if (at >= 0) rest.splice(at, 1);
      else found.push({ value, rank: i === 0 ? 0 : (rankOf.get(scope.domain) ?? rankOf.size + 1) });
    }
    before = after;
  }
  return found;
}

/**
 * The visitor's stored choice, read from `document.cookie` by the exact raw name.
 *
 * A page cannot see a cookie's scope (domain and path) in `document.cookie`, so:
 * - One cookie of the name: if its record is valid it is written again at the configured scope. When it
 *   already lived there, that changes nothing; when it lived elsewhere (the site changed `cookie-domain`
 *   or `cookie-path`), it is now adopted: written at the configured scope, and the old one removed.
 * - Several: their scopes are found by removing the name one scope at a time, the configured scope first,
 *   and seeing which value disappears (`locate`). A valid record at the configured scope is the truth,
 *   even when another is newer; only when there is none is another scope's valid record adopted: the
 *   host-only one before a domain one, the most specific domain before its parents (a sibling subdomain
 *   can set a parent-domain cookie, never a host-only one), the newest at one domain. The chosen record
 *   is written back at the configured scope; the rest stay removed.
 *
 * Either way, exactly one cookie of the name is left (unless none is valid: then none, or the one bad
 * cookie, which the next choice overwrites). Limits: a partitioned or `HttpOnly` copy cannot be placed or
 * removed; a page outside `cookie-path` cannot see the configured scope and only reads.
 *
 * With `settle` false, one cookie is only read, not written again: for a look that the page's load has already
 * settled (another window's change, a read just before a write that settles by itself). Several are always settled.
 * `values`, the name's raw values as `rawValues` gave them a moment ago in the same task (each read of
 * `document.cookie` costs the page a round trip to the browser); by default they are read now.
 */
export function readStored(
  settings: CookieSettings,
  expectation: Expectation,
  location: PageLocation,
  settle = true,
  values = rawValues(settings.name),
): DecodeResult {
  if (values === null) return { consent: null, reason: 'cookies unavailable' };
  if (values.length === 0) return { consent: null, reason: 'empty' };
  const decoded = (value: string) => decodeConsent(decodeValue(value), expectation);
  // A refusal is kept for its own lifetime (`refusal-expires`), a choice that allows something for the cookie's.
  const lifetime = (result: DecodeResult): CookieSettings =>
    result.consent && expectation.refusalMaxAgeDays !== undefined && refuses(result.consent.categories)
      ? { ...settings, expires: expectation.refusalMaxAgeDays }
      : settings;
  if (values.length === 1 || !pathCovers(settings.path, location.pathname)) {
    const value = values.find((v) => decoded(v).consent) ?? values[0] ?? '';
    const result = decoded(value);
    if (settle && result.consent && pathCovers(settings.path, location.pathname)) {
      putCookie(lifetime(result), decodeValue(value), location, rawSetter(value));
    }
    return result;
  }
  report('duplicateCookies', values.length, settings.name);
  const found = locate(settings, location, values).map((f) => ({ ...f, result: decoded(f.value) }));
  const valid = found.filter((f) => f.result.consent !== null);
  const own = valid.find((f) => f.rank === 0);
  const best =
    own ??
    valid
      .filter((f) => f.rank > 0)
      .sort((a, b) => a.rank - b.rank || timestamp(b.result).localeCompare(timestamp(a.result)))[0];
  if (!best) return { consent: null, reason: 'duplicates, none valid' };
  putCookie(lifetime(best.result), decodeValue(best.value), location, rawSetter(best.value));
  return best.result;
}

function timestamp(result: DecodeResult): string {
  return result.consent?.timestamp ?? '';
}
