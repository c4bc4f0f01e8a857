import type { Consent } from './consent/record.js';

/** What caused a change of the stored choice. */
export type ConsentSource = 'banner' | 'preferences' | 'api';

/** `consent-ready`: fired once per connection, when the stored choice is known. */
export interface ConsentReadyDetail {
  /** The stored choice, or `null` when the visitor has not chosen (or the choice is no longer valid). */
  readonly consent: Consent | null;
}

/** `consent-change`: fired after the cookie is written (or removed), whatever caused it. */
export interface ConsentChangeDetail {
  /** The choice now stored, or `null` after `reset()`. */
  readonly consent: Consent | null;
  /** The choice stored before, or `null`. */
  readonly previous: Consent | null;
  /** The category ids whose state changed. */
  readonly changed: readonly string[];
  /** What caused the change. */
  readonly source: ConsentSource;
}

/** `consent-show` and `consent-hide` carry no detail. */
export type ConsentVisibilityDetail = null;

export type ConsentReadyEvent = CustomEvent<ConsentReadyDetail>;
export type ConsentChangeEvent = CustomEvent<ConsentChangeDetail>;
export type ConsentVisibilityEvent = CustomEvent<ConsentVisibilityDetail>;

export interface CookieConsentBannerEventMap {
  'consent-ready': ConsentReadyEvent;
  'consent-change': ConsentChangeEvent;
  'consent-show': ConsentVisibilityEvent;
  'consent-hide': ConsentVisibilityEvent;
}

declare global {
  interface HTMLElementEventMap {
    'consent-ready': ConsentReadyEvent;
    'consent-change': ConsentChangeEvent;
    'consent-show': ConsentVisibilityEvent;
    'consent-hide': ConsentVisibilityEvent;
  }
}

/** Creates one of the banner's events: bubbling and composed, so `document` and `window` hear it. */
export function consentEvent<K extends keyof CookieConsentBannerEventMap>(
  type: K,
  detail: CookieConsentBannerEventMap[K]['detail'],
): CookieConsentBannerEventMap[K] {
  return new CustomEvent(type, { bubbles: true, composed: true, detail }) as CookieConsentBannerEventMap[K];
}
