import { NECESSARY } from './categories.js';
import { report } from '../internal/warn.js';

/** The seven Google Consent Mode v2 signals. */
export const SIGNALS = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const;

export type Signal = (typeof SIGNALS)[number];

/** Which category grants each signal. */
export type ConsentModeMap = Record<Signal, string>;

/**
 * The default map: advertising signals follow `marketing`, measurement follows `analytics`,
 * remembering preferences and personalising the site follow `functional`, and security is necessary.
 */
export const DEFAULT_CONSENT_MODE_MAP: Readonly<ConsentModeMap> = {
  ad_storage: 'marketing',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing',
  analytics_storage: 'analytics',
  functionality_storage: 'functional',
  personalization_storage: 'functional',
  security_storage: NECESSARY,
};

/** How long Google's tags wait for an update after the default, in ms (`wait-for-update`). */
export const WAIT_FOR_UPDATE = 500;
/** The longest `wait-for-update` taken, in ms: a longer wait only holds back the page's tags. */
export const MAX_WAIT_FOR_UPDATE = 10_000;

/** `wait-for-update`: whole milliseconds, clamped to 0–10000; anything else warns and is 500. */
export function waitForUpdate(value: string | null | undefined): number {
  if (value == null || value.trim() === '') return WAIT_FOR_UPDATE;
  const ms = /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (Number.isNaN(ms)) {
    report('badWaitForUpdate', value.slice(0, 20), WAIT_FOR_UPDATE);
    return WAIT_FOR_UPDATE;
  }
  if (ms > MAX_WAIT_FOR_UPDATE) {
    report('waitForUpdateTooLong', ms, MAX_WAIT_FOR_UPDATE, MAX_WAIT_FOR_UPDATE);
    return MAX_WAIT_FOR_UPDATE;
  }
  return ms;
}

/** The dataLayer event pushed after each change, for Google Tag Manager triggers. */
export const DATA_LAYER_EVENT = 'cookie_consent_update';

/**
 * The signals a site may grant without consent (`necessary`): security (authentication, fraud prevention) and
 * functionality (the site's own settings, such as the language). Advertising, measurement and personalisation
 * are never strictly necessary.
 */
export const NECESSARY_SIGNALS: readonly Signal[] = ['security_storage', 'functionality_storage'];

/**
 * A site's map of signal → category merged over `defaults`, in place; unknown signals and bad values are skipped
 * with a warning naming `where` (the attribute). A signal not in `necessaryOk` mapped to `necessary` (granted
 * before any choice) is refused with `CEREZ_SIGNAL_AS_NECESSARY` and keeps its default.
 */
export function mergeSignalMap<T extends Record<string, string>>(
  defaults: T,
  data: unknown,
  where: string,
  kind: string,
  necessaryOk: readonly string[] = [],
): T {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    report('mapNotObject', where);
    return defaults;
  }
  for (const [signal, category] of Object.entries(data)) {
    if (!Object.hasOwn(defaults, signal)) {
      report('unknownSignal', where, signal.slice(0, 40), kind);
    } else if (typeof category !== 'string' || !/^[a-z][a-z0-9_-]{0,31}$/.test(category)) {
      report('badSignalCategory', where, signal);
    } else if (category === NECESSARY && !necessaryOk.includes(signal)) {
      report('CEREZ_SIGNAL_AS_NECESSARY', where, signal, NECESSARY);
    } else {
      (defaults as Record<string, string>)[signal] = category;
    }
  }
  return defaults;
}

/** Parses a JSON attribute; `undefined` (with a warning naming `where`) when it is not JSON. */
export function parseJson(value: unknown, where: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    report('mapNotJson', where);
    return undefined;
  }
}

/**
 * The site's map (`consent-mode-map`), merged over the default; see `mergeSignalMap`. Only `security_storage` and
 * `functionality_storage` may follow `necessary`.
 */
export function consentModeMap(value: unknown): ConsentModeMap {
  const map: ConsentModeMap = { ...DEFAULT_CONSENT_MODE_MAP };
  if (value == null || value === '') return map;
  const data = parseJson(value, 'consent-mode-map');
  return data === undefined ? map : mergeSignalMap(map, data, 'consent-mode-map', 'Consent Mode v2', NECESSARY_SIGNALS);
}

/**
 * Warns about each advertising signal that follows an offered category Global Privacy Control does not keep
 * off (`saleOrShare`, from `gpc-categories`): under GPC, that signal could still be granted.
 */
export function checkGpcMap(map: ConsentModeMap, offered: readonly string[], saleOrShare: readonly string[]): void {
  for (const signal of SIGNALS) {
    const category = map[signal];
    if (signal.startsWith('ad_') && offered.includes(category) && !saleOrShare.includes(category)) {
      report('gpcMapGap', signal, category);
    }
  }
}

export type SignalState = Record<Signal, 'granted' | 'denied'>;

/** Each signal's state for a set of allowed categories. */
export function signalState(map: ConsentModeMap, allowed: (category: string) => boolean): SignalState {
  const state = {} as SignalState;
  for (const signal of SIGNALS) state[signal] = allowed(map[signal]) ? 'granted' : 'denied';
  return state;
}

/** The parts of `window` that Google's tags use. */
export interface GtagWindow {
  dataLayer?: unknown[];
  gtag?: (...args: unknown[]) => void;
}

/** gtag.js reads the `arguments` object of its calls from the dataLayer, not plain arrays. */
function argumentsOf(..._args: unknown[]): IArguments {
  // eslint-disable-next-line prefer-rest-params -- gtag.js expects a real Arguments object
  return arguments;
}

/**
 * Calls `gtag('consent', …)`: the page's own `gtag` if it defined one, else straight onto `dataLayer`
 * (created if missing), exactly as gtag would. Defines no global function.
 */
export function gtagConsent(target: GtagWindow, command: 'default' | 'update', state: Record<string, unknown>): void {
  gtag(target, 'consent', command, state);
}

/** Runs a call into the page's vendor code: if it throws, a warning, and the banner's own work goes on. */
export function guarded(name: string, call: () => unknown): void {
  try {
    call();
  } catch (error) {
    report('vendorThrew', name, String(error).slice(0, 120));
  }
}

/** Calls `gtag(...args)` as `gtagConsent` does: the page's own, else straight onto `dataLayer`. */
export function gtag(target: GtagWindow, ...args: unknown[]): void {
  const own = target.gtag;
  if (typeof own === 'function') {
    guarded('gtag', () => own(...args));
    return;
  }
  target.dataLayer = Array.isArray(target.dataLayer) ? target.dataLayer : [];
  target.dataLayer.push(argumentsOf(...args));
}

/** Pushes the change event for Google Tag Manager, with each category's state. */
export function pushDataLayerEvent(
  target: GtagWindow,
  categories: Readonly<Record<string, boolean>>,
  state: SignalState,
): void {
  target.dataLayer = Array.isArray(target.dataLayer) ? target.dataLayer : [];
  target.dataLayer.push({ event: DATA_LAYER_EVENT, cookieConsent: { ...categories }, consentMode: { ...state } });
}
