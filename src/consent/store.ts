import Cookies from 'js-cookie';
import { warn } from './warn.js';

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

export const DEFAULT_COOKIE_NAME = 'cookie_consent';
export const DEFAULT_EXPIRES_DAYS = 182;
/** About 13 months, under the browsers' 400-day cap. */
export const MAX_EXPIRES_DAYS = 395;
export const MIN_EXPIRES_DAYS = 1;

/** RFC 6265 token: no separators, no spaces, no controls. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,64}$/;
const PATH = /^\/[A-Za-z0-9._~!$&'()*+=:@%/-]{0,255}$/;
const HOST_LABELS = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;
/** A plain decimal number (`30`, `-1`, `1.5`, `1e9`); not hex, not `Infinity`. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

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
  warn(`cookie-name: "${value.slice(0, 40)}" is not a valid cookie name; "${DEFAULT_COOKIE_NAME}" is used.`);
  return DEFAULT_COOKIE_NAME;
}

function cookiePath(value: string | null | undefined): string {
  if (value == null || value === '') return '/';
  if (PATH.test(value)) return value;
  warn(`cookie-path: "${value.slice(0, 40)}" is not a valid path; "/" is used.`);
  return '/';
}

function cookieDomain(value: string | null | undefined, hostname: string): string | undefined {
  if (value == null || value.trim() === '') return undefined;
  const domain = value.trim().toLowerCase().replace(/^\./, '');
  const host = hostname.toLowerCase();
  const fits = HOST_LABELS.test(domain) && (domain === host || (domain.includes('.') && host.endsWith(`.${domain}`)));
  if (fits) return domain;
  warn(
    `cookie-domain: "${value.slice(0, 60)}" is not this site's host or a parent domain of it; the cookie is host-only.`,
  );
  return undefined;
}

function cookieSameSite(value: string | null | undefined, secure: boolean): SameSite {
  if (value == null || value === '') return 'Lax';
  const v = value.trim().toLowerCase();
  if (v === 'lax') return 'Lax';
  if (v === 'strict') return 'Strict';
  if (v === 'none') {
    if (secure) return 'None';
    warn('cookie-samesite: "None" needs https; "Lax" is used.');
    return 'Lax';
  }
  warn(`cookie-samesite: "${value.slice(0, 20)}" is not Lax, Strict or None; "Lax" is used.`);
  return 'Lax';
}

/** Lifetime in days: a number, clamped to 1–395; anything else gives the default of 182. */
export function cookieExpires(value: string | null | undefined): number {
  if (value == null || value.trim() === '') return DEFAULT_EXPIRES_DAYS;
  const days = DECIMAL.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(days)) {
    warn(`cookie-expires: "${value.slice(0, 20)}" is not a number of days; ${DEFAULT_EXPIRES_DAYS} is used.`);
    return DEFAULT_EXPIRES_DAYS;
  }
  const clamped = Math.min(MAX_EXPIRES_DAYS, Math.max(MIN_EXPIRES_DAYS, days));
  if (clamped !== days)
    warn(`cookie-expires: ${days} is outside ${MIN_EXPIRES_DAYS}–${MAX_EXPIRES_DAYS} days; ${clamped} is used.`);
  return clamped;
}

/** Validates the cookie attributes against the page's location; bad values fall back safely. */
export function cookieSettings(
  attrs: CookieAttributes,
  location: { hostname: string; protocol: string },
): CookieSettings {
  const secure = location.protocol === 'https:';
  return {
    name: cookieName(attrs.name),
    path: cookiePath(attrs.path),
    domain: cookieDomain(attrs.domain, location.hostname),
    sameSite: cookieSameSite(attrs.sameSite, secure),
    secure,
    expires: cookieExpires(attrs.expires),
  };
}

/** The stored value of the consent cookie, decoded, or `undefined`. */
export function readCookie(name: string): string | undefined {
  const value: unknown = Cookies.get(name);
  return typeof value === 'string' ? value : undefined;
}

function attributes(settings: CookieSettings): Cookies.CookieAttributes {
  return {
    path: settings.path,
    domain: settings.domain,
    sameSite: settings.sameSite,
    secure: settings.secure,
  };
}

/** Writes the consent cookie; returns whether the browser kept it. */
export function writeCookie(settings: CookieSettings, value: string): boolean {
  Cookies.set(settings.name, value, { ...attributes(settings), expires: settings.expires });
  return readCookie(settings.name) === value;
}

/** Removes the consent cookie written with these settings. */
export function removeCookie(settings: CookieSettings): void {
  Cookies.remove(settings.name, attributes(settings));
}

/** Whether a cookie name matches a listed pattern: the exact name, or a prefix ending in `*`. */
export function matchesCookie(name: string, pattern: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** Every (domain, path) where a page of this site could have set a cookie: host-only or a parent domain; `/` or a folder of the path. */
function scopes(
  location: { hostname: string; pathname: string },
  extraPath?: string,
): { domain?: string; path: string }[] {
  const labels = location.hostname.split('.');
  const isAddress = /^[\d.]+$/.test(location.hostname) || location.hostname.includes(':');
  const domains: (string | undefined)[] = [undefined];
  if (!isAddress) for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  const paths = new Set(['/']);
  const folders = location.pathname.split('/').filter(Boolean);
  for (let i = 1; i <= folders.length; i++) paths.add(`/${folders.slice(0, i).join('/')}`);
  if (extraPath) paths.add(extraPath);
  return domains.flatMap((domain) => [...paths].map((path) => ({ domain, path })));
}

/**
 * Deletes the first-party cookies whose names match the patterns, wherever a page of this site could
 * have set them: host-only or on any parent domain, on `/` or any folder of the current path.
 * Returns the names found and deleted (cookies that are `HttpOnly` are out of reach of any script).
 */
export function removeCookies(patterns: readonly string[], location: { hostname: string; pathname: string }): string[] {
  if (patterns.length === 0) return [];
  const all: Record<string, string> = Cookies.get();
  const names = Object.keys(all).filter((name) => patterns.some((pattern) => matchesCookie(name, pattern)));
  for (const name of names) {
    for (const scope of scopes(location)) Cookies.remove(name, scope);
  }
  return names;
}

/**
 * Every value the browser holds for a cookie name, in the browser's order. Cookies of one name can
 * coexist on different paths or domains (a changed `cookie-domain`, say), and js-cookie returns only the
 * first; this reads `document.cookie` to see them all. It never writes: writing stays with js-cookie.
 */
export function readCookieValues(name: string): string[] {
  const values: string[] = [];
  for (const part of document.cookie ? document.cookie.split('; ') : []) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at) !== name) continue;
    try {
      values.push(decodeURIComponent(part.slice(at + 1)));
    } catch {
      values.push('');
    }
  }
  return values;
}

/**
 * Leaves exactly one consent cookie: removes copies of the name at every other scope the site could have
 * used, then writes `value` at the configured scope (or, with no value, removes that one too).
 */
export function settleCookie(
  settings: CookieSettings,
  value: string | undefined,
  location: { hostname: string; pathname: string },
): void {
  for (const scope of scopes(location, settings.path)) {
    if (scope.domain === settings.domain && scope.path === settings.path) continue;
    Cookies.remove(settings.name, scope);
  }
  if (value === undefined) removeCookie(settings);
  else writeCookie(settings, value);
}
