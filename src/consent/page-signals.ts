import { NECESSARY } from './categories.js';
import {
  checkGpcMap,
  gtag,
  gtagConsent,
  pushDataLayerEvent,
  signalState,
  type ConsentModeMap,
  type GtagWindow,
  type SignalState,
} from './consent-mode.js';
import { VendorSignals, type SignalSource, type VendorMaps, type VendorWindow } from './signals.js';
import { report } from '../internal/warn.js';

/** Consent Mode's options (`no-ads-data-redaction`, `url-passthrough`, `wait-for-update`). */
export interface GoogleOptions {
  /** `gtag('set', 'ads_data_redaction', …)`: true while `ad_storage` is denied. */
  readonly adsDataRedaction: boolean;
  /** `gtag('set', 'url_passthrough', true)` with the default. */
  readonly urlPassthrough: boolean;
  /** The default's `wait_for_update`, in ms. */
  readonly waitForUpdate: number;
}

/** The site's settings the signals follow, read when they are sent (see `SessionSettings`). */
export interface SignalSettings {
  /** The offered categories, `necessary` first. */
  offered(): readonly string[];
  /** The offered categories that mean sale or sharing (`gpc-categories`). */
  saleOrShare(): readonly string[];
  /** Whether Google Consent Mode is on (`consent-mode`). */
  consentMode(): boolean;
  /** Which category grants each Consent Mode signal (`consent-mode-map`, merged over the default). */
  consentModeMap(): ConsentModeMap;
  /** Consent Mode's options: `ads_data_redaction`, `url_passthrough` and `wait_for_update`. */
  google(): GoogleOptions;
  /** The other vendors' signals turned on (`consent-signals`). */
  vendors(): ReadonlySet<SignalSource>;
  /** Which category grants each vendor signal (`consent-signals-map`, merged over the defaults). */
  vendorMaps(): VendorMaps;
}

/** The signals whose default each window got: once per page, before any gated tag runs, whichever banner sent it. */
const defaultPushed = new WeakMap<object, Set<SignalSource>>();

/**
 * What the page's vendors hear of the choice in effect: Google Consent Mode (`default` once per page, `update` and
 * the dataLayer event after each change) and the other vendors' signals (Microsoft UET, Clarity, Meta). A consent
 * session sends through one of these; the one object keeps the calls that wait for a vendor's function (`flush`
 * delivers them: after a gated tag ran, at the page's load).
 */
export class PageSignals extends VendorSignals {
  constructor(
    protected override readonly window: GtagWindow & VendorWindow,
    private readonly settings: SignalSettings,
  ) {
    super(window);
  }

  /**
   * Sends each enabled signal's default, once per page (`late`: after gated tags could run, with a warning):
   * Consent Mode's `default` with its options, UET's `default`, Clarity's and Meta's state.
   */
  pushDefault(allowed: (category: string) => boolean, late: boolean): void {
    const { window, settings } = this;
    let pushed = defaultPushed.get(window);
    if (!pushed) defaultPushed.set(window, (pushed = new Set()));
    if (settings.consentMode() && !pushed.has('google')) {
      pushed.add('google');
      if (late) report('lateConsentMode');
      const google = settings.google();
      const signals = this.signals(allowed);
      gtagConsent(window, 'default', { ...signals, wait_for_update: google.waitForUpdate });
      this.redact(signals);
      if (google.urlPassthrough) gtag(window, 'set', 'url_passthrough', true);
    }
    const fresh = new Set([...settings.vendors()].filter((vendor) => !pushed.has(vendor)));
    if (fresh.size === 0) return;
    for (const vendor of fresh) pushed.add(vendor);
    if (late) report('lateSignals', [...fresh].join(' '));
    this.send(fresh, settings.vendorMaps(), allowed, 'default');
  }

  /**
   * After the choice in effect changed: Consent Mode's `update`, redaction and dataLayer event (`categories`, the
   * choice's, or none), then the vendors' updates (`withdrawn`: the categories allowed before and no longer).
   */
  update(
    allowed: (category: string) => boolean,
    categories: Readonly<Record<string, boolean>> | undefined,
    withdrawn: readonly string[],
  ): void {
    const { window, settings } = this;
    if (settings.consentMode()) {
      const signals = this.signals(allowed);
      gtagConsent(window, 'update', signals);
      this.redact(signals);
      pushDataLayerEvent(window, categories ?? { [NECESSARY]: true }, signals);
    }
    this.send(settings.vendors(), settings.vendorMaps(), allowed, 'update', (c) => withdrawn.includes(c));
  }

  /** `ads_data_redaction` follows `ad_storage`: on while it is denied (unless `no-ads-data-redaction`). */
  private redact(signals: SignalState): void {
    if (this.settings.google().adsDataRedaction) {
      gtag(this.window, 'set', 'ads_data_redaction', signals.ad_storage === 'denied');
    }
  }

  private signals(allowed: (category: string) => boolean): SignalState {
    const map = this.settings.consentModeMap();
    checkGpcMap(map, this.settings.offered(), this.settings.saleOrShare());
    return signalState(map, allowed);
  }
}
