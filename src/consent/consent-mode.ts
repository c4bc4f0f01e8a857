import { NECESSARY } from './categories.js';
import { fail, warn } from '../internal/warn.js';

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

/** How long Google's tags wait for an update after the default, in ms. */
export const WAIT_FOR_UPDATE = 500;

/** The dataLayer event pushed after each change, for Google Tag Manager triggers. */
export const DATA_LAYER_EVENT = 'cookie_consent_update';

/**
 * The signals a site may grant without consent (`necessary`): security (authentication, fraud prevention) and
 * functionality (the site's own settings, such as the language). Advertising, measurement and personalisation
 * are never strictly necessary.
 */
export const NECESSARY_SIGNALS: readonly Signal[] = ['security_storage', 'functionality_storage'];

/**
 * The site's map, merged over the default; unknown signals and bad values are skipped with a warning.
 * A signal that is not in `NECESSARY_SIGNALS` mapped to `necessary` (granted before any choice) is refused
 * with `CEREZ_SIGNAL_AS_NECESSARY` and keeps its default.
 */
export function consentModeMap(value: unknown): ConsentModeMap {
  const map: ConsentModeMap = { ...DEFAULT_CONSENT_MODE_MAP };
  if (value == null || value === '') return map;
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      warn('consent-mode-map: not valid JSON; the default map is used.');
      return map;
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    warn('consent-mode-map: expected an object of signal → category; the default map is used.');
    return map;
  }
  for (const [signal, category] of Object.entries(data)) {
    if (!(SIGNALS as readonly string[]).includes(signal)) {
      warn(`consent-mode-map: "${signal.slice(0, 40)}" is not a Consent Mode v2 signal; skipped.`);
    } else if (typeof category !== 'string' || !/^[a-z][a-z0-9_-]{0,31}$/.test(category)) {
      warn(`consent-mode-map: the category for "${signal}" is not a category id; skipped.`);
    } else if (category === NECESSARY && !NECESSARY_SIGNALS.includes(signal as Signal)) {
      fail(
        'CEREZ_SIGNAL_AS_NECESSARY',
        `consent-mode-map: "${signal}" cannot be ${NECESSARY} (granted before any choice); the default is kept.`,
      );
    } else {
      map[signal as Signal] = category;
    }
  }
  return map;
}

/**
 * Warns about each advertising signal that follows an offered category Global Privacy Control does not keep
 * off (`saleOrShare`, from `gpc-categories`): under GPC, that signal could still be granted.
 */
export function checkGpcMap(map: ConsentModeMap, offered: readonly string[], saleOrShare: readonly string[]): void {
  for (const signal of SIGNALS) {
    const category = map[signal];
    if (signal.startsWith('ad_') && offered.includes(category) && !saleOrShare.includes(category)) {
      warn(
        `consent-mode-map: "${signal}" follows "${category}", which Global Privacy Control does not turn off; ` +
          'add it to gpc-categories or map the signal to one of them.',
      );
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
  if (typeof target.gtag === 'function') {
    target.gtag('consent', command, state);
    return;
  }
  target.dataLayer = Array.isArray(target.dataLayer) ? target.dataLayer : [];
  target.dataLayer.push(argumentsOf('consent', command, state));
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
