import { NECESSARY } from './categories.js';
import type { Consent } from './record.js';

/**
 * Global Privacy Control (`navigator.globalPrivacyControl`): the visitor's opt-out of the sale or sharing of
 * their personal data. These are the banner's rules for it, as pure functions.
 */

/** The part of `navigator` that carries the signal. */
export interface GpcNavigator {
  readonly globalPrivacyControl?: boolean;
}

/** The categories that mean sale or sharing when the site does not say (`gpc-categories`). */
export const DEFAULT_SALE_OR_SHARE = 'marketing';

/** Whether the signal is on and honoured (`honour`: the site did not set `no-gpc`). */
export function gpcHonoured(honour: boolean, navigator: GpcNavigator): boolean {
  return honour && navigator.globalPrivacyControl === true;
}

/**
 * The categories that mean sale or sharing (space-separated ids, as in `gpc-categories`; `null`: the default),
 * among those offered. `necessary` never counts.
 */
export function saleOrShareIds(listed: string | null | undefined, offered: readonly string[]): string[] {
  const ids = (listed ?? DEFAULT_SALE_OR_SHARE).toLowerCase().split(/\s+/).filter(Boolean);
  return offered.filter((id) => id !== NECESSARY && ids.includes(id));
}

/**
 * What "Accept all" allows: everything, except, under the signal, sale or sharing, unless the visitor already
 * switched it on themselves under the signal (the previous choice was made with GPC and allows it).
 */
export function acceptAllAllowed(
  gpc: boolean,
  saleOrShare: readonly string[],
  previous: Consent | null,
): (id: string) => boolean {
  if (!gpc) return () => true;
  const kept = new Set(saleOrShare);
  return (id) =>
    !kept.has(id) ||
    (previous?.gpc === true && Object.hasOwn(previous.categories, id) && previous.categories[id] === true);
}

/**
 * The sale-or-share categories a stored choice allows although it was made before the browser sent the
 * signal: the signal is an opt-out, so these are to be turned off. Empty when nothing is to change (no choice,
 * a choice made under the signal, or no signal).
 */
export function gpcDowngrade(stored: Consent | null, gpc: boolean, saleOrShare: readonly string[]): string[] {
  if (!stored || stored.gpc || !gpc) return [];
  return saleOrShare.filter((id) => stored.categories[id] === true);
}
