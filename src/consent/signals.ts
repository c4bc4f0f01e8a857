import { guarded, mergeSignalMap, parseJson } from './consent-mode.js';
import { report } from '../internal/warn.js';

/**
 * Consent signals for vendors besides Google (`consent-signals`): Microsoft UET's consent mode, Microsoft
 * Clarity's consent API and Meta's pixel consent. Each is a few commands in the vendor's own queue, so they live in
 * the shell: a returning visit sends them before any gated tag runs, with no chunk to wait for.
 */

/** The signals the banner can send: `google` is Consent Mode (also turned on by `consent-mode`). */
export const SIGNAL_SOURCES = ['google', 'microsoft', 'clarity', 'meta'] as const;
export type SignalSource = (typeof SIGNAL_SOURCES)[number];
export type Vendor = Exclude<SignalSource, 'google'>;

/** Which category grants each of a vendor's signals. */
export type VendorMaps = { [V in Vendor]: Record<string, string> };

/**
 * The default maps: UET's and Meta's one advertising signal follow `marketing`; Clarity's ad storage follows
 * `marketing`, its analytics storage `analytics`. None may follow `necessary`: all are advertising or measurement.
 */
export function defaultVendorMaps(): VendorMaps {
  return {
    microsoft: { ad_storage: 'marketing' },
    clarity: { ad_Storage: 'marketing', analytics_Storage: 'analytics' },
    meta: { consent: 'marketing' },
  };
}

/** The enabled signal sources from `consent-signals` (space-separated); unknown names warn and are skipped. */
export function signalSources(value: string | null | undefined): Set<SignalSource> {
  const sources = new Set<SignalSource>();
  for (const name of (value ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    if ((SIGNAL_SOURCES as readonly string[]).includes(name)) sources.add(name as SignalSource);
    else report('unknownSignalSource', name.slice(0, 20), SIGNAL_SOURCES.join(', '));
  }
  return sources;
}

/**
 * The site's vendor maps (`consent-signals-map`), merged over the defaults: an object of vendor → (signal →
 * category), validated like `consent-mode-map`. Google's map stays `consent-mode-map`.
 */
export function vendorMaps(value: unknown): VendorMaps {
  const maps = defaultVendorMaps();
  const data = value == null || value === '' ? {} : parseJson(value, 'consent-signals-map');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    if (data !== undefined) report('vendorMapNotObject');
    return maps;
  }
  for (const [vendor, entry] of Object.entries(data)) {
    if (Object.hasOwn(maps, vendor))
      mergeSignalMap(maps[vendor as Vendor], entry, `consent-signals-map: ${vendor}`, vendor);
    else report('unknownVendor', vendor.slice(0, 20));
  }
  return maps;
}

/** The parts of `window` the vendors' snippets use: UET's queue array, Clarity's and Meta's functions. */
export interface VendorWindow {
  uetq?: unknown;
  clarity?: unknown;
  fbq?: unknown;
}

type State = 'granted' | 'denied';
type Phase = 'default' | 'update';

/**
 * Sends the vendors' consent commands. UET's queue is an array the page may not have yet: it is created, as
 * Microsoft's snippet does (`window.uetq = window.uetq || []`), and bat.js reads it when it loads. Clarity's and
 * Meta's queues are functions their snippets define; the banner never defines a global function (a stub of its own
 * would make Meta's snippet skip loading the pixel), so a call made before the vendor's function exists waits
 * here and is delivered, in order, as soon as it does: checked after each gated tag runs, at each change and
 * at the page's `load`.
 */
export class VendorSignals {
  private readonly waiting: Partial<Record<'clarity' | 'fbq', unknown[][] | undefined>> = {};

  constructor(protected readonly window: VendorWindow) {}

  /**
   * The commands for the choice in effect: `phase` `default` at the start (before any gated tag), `update` after a
   * change; `withdrawn` tells whether a category was allowed before and no longer is.
   */
  send(
    vendors: ReadonlySet<SignalSource>,
    maps: VendorMaps,
    allowed: (category: string) => boolean,
    phase: Phase,
    withdrawn: (category: string) => boolean = () => false,
  ): void {
    const state = (category: string | undefined): State =>
      category !== undefined && allowed(category) ? 'granted' : 'denied';
    if (vendors.has('microsoft')) {
      this.uet('consent', phase, { ad_storage: state(maps.microsoft['ad_storage']) });
    }
    if (vendors.has('clarity')) {
      const { ad_Storage: ad, analytics_Storage: analytics } = maps.clarity;
      // Clarity erases its cookies on `consent false`; the state that still holds is sent after it.
      if ([ad, analytics].some((category) => category !== undefined && withdrawn(category))) {
        this.call('clarity', ['consent', false]);
      }
      this.call('clarity', ['consentv2', { ad_Storage: state(ad), analytics_Storage: state(analytics) }]);
    }
    if (vendors.has('meta')) {
      this.call('fbq', ['consent', state(maps.meta['consent']) === 'granted' ? 'grant' : 'revoke']);
    }
  }

  /** Delivers the calls that waited for Clarity's or Meta's function, now that the page may have defined it. */
  flush(): void {
    for (const name of ['clarity', 'fbq'] as const) {
      const fn = this.window[name];
      const waiting = this.waiting[name];
      if (typeof fn !== 'function' || !waiting) continue;
      this.waiting[name] = undefined;
      for (const args of waiting) guarded(name, () => (fn as (...args: unknown[]) => void)(...args));
    }
  }

  private uet(...command: unknown[]): void {
    const queue = (this.window.uetq ??= []);
    if (typeof (queue as { push?: unknown }).push === 'function')
      guarded('uetq', () => (queue as unknown[]).push(...command));
    else report('uetqNotQueue');
  }

  private call(name: 'clarity' | 'fbq', args: unknown[]): void {
    (this.waiting[name] ??= []).push(args);
    this.flush();
  }
}
