import Cookies from 'js-cookie';
import {
  effective,
  hostOnly,
  keptCookie,
  putCookie,
  removeElsewhere,
  type CookieSettings,
  type PageLocation,
} from './store.js';
import { report } from '../internal/warn.js';

function unavailable(): void {
  report('CEREZ_NO_COOKIES');
}

function attributes(settings: CookieSettings): Cookies.CookieAttributes {
  return {
    path: settings.path,
    domain: settings.domain,
    sameSite: settings.sameSite,
    secure: settings.secure,
  };
}

/** Sets a new value with js-cookie, which encodes what a cookie value may not hold. */
function set(settings: CookieSettings, value: string): boolean {
  try {
    Cookies.set(settings.name, value, { ...attributes(settings), expires: settings.expires });
    return true;
  } catch {
    unavailable();
    return false;
  }
}

/**
 * Writes a new consent cookie at the configured scope and leaves exactly one (see `putCookie`); returns whether
 * the browser kept it.
 */
export function writeCookie(
  settings: CookieSettings,
  value: string,
  location: PageLocation = globalThis.location,
): boolean {
  return putCookie(settings, value, location, set);
}

/**
 * Writes a new consent cookie now and returns the check that `writeCookie` makes at once (read back, host-only
 * fallback, copies elsewhere removed), to run later: after the next paint, for a click. The check returns whether
 * the browser kept it.
 */
export function startCookie(
  settings: CookieSettings,
  value: string,
  location: PageLocation = globalThis.location,
): () => boolean {
  const written = set(effective(settings), value);
  return () => written && keptCookie(settings, value, location, set);
}

/** Removes the consent cookie written with these settings (and its host-only fallback). */
export function removeCookie(settings: CookieSettings): void {
  try {
    Cookies.remove(settings.name, attributes(settings));
    if (settings.domain !== undefined) Cookies.remove(settings.name, attributes(hostOnly(settings)));
  } catch {
    unavailable();
  }
}

/**
 * Leaves exactly one consent cookie: writes `value` at the configured scope and removes copies of the
 * name at every other scope (or, with no value, removes them all).
 */
export function settleCookie(settings: CookieSettings, value: string | undefined, location: PageLocation): void {
  if (value !== undefined && writeCookie(settings, value, location)) return;
  removeElsewhere(effective(settings), location);
  if (value === undefined) removeCookie(settings);
}
