import type { Consent } from './consent/record.js';
import type { ChangeSource, ConsentChange } from './consent/session.js';

/** What caused a change of the stored choice (the engine's `ChangeSource`). */
export type ConsentSource = ChangeSource;

/** `consent-ready`: fired once per connection, when the stored choice is known. */
export interface ConsentReadyDetail {
  /** The stored choice, or `null` when the visitor has not chosen (or the choice is no longer valid). */
  readonly consent: Consent | null;
}

/**
 * `consent-change`: fired after the cookie is written (or removed), whatever caused it; `consent`, `previous`,
 * `changed`, `withdrawn` and `source` (see the engine's `ConsentChange`).
 */
export type ConsentChangeDetail = ConsentChange;

/** `consent-language-change`: fired whenever the banner's language switches, whatever caused it. */
export interface ConsentLanguageChangeDetail {
  /** The language now shown. */
  readonly language: string;
  /** The language shown before. */
  readonly previous: string;
}

/** `consent-error`: the banner could not store the choice, or could not load its view. */
export interface ConsentErrorDetail {
  /** `cookie-not-stored`: the choice holds for this page only. `view-not-loaded`: the banner cannot show. */
  readonly code: 'cookie-not-stored' | 'view-not-loaded';
  /** What went wrong, for people: the same text as the console error. */
  readonly message: string;
}

/** `consent-show` and `consent-hide` carry no detail. */
export type ConsentVisibilityDetail = null;

export type ConsentReadyEvent = CustomEvent<ConsentReadyDetail>;
export type ConsentChangeEvent = CustomEvent<ConsentChangeDetail>;
export type ConsentVisibilityEvent = CustomEvent<ConsentVisibilityDetail>;
export type ConsentLanguageChangeEvent = CustomEvent<ConsentLanguageChangeDetail>;
export type ConsentErrorEvent = CustomEvent<ConsentErrorDetail>;

export interface CookieConsentBannerEventMap {
  'consent-ready': ConsentReadyEvent;
  'consent-change': ConsentChangeEvent;
  'consent-show': ConsentVisibilityEvent;
  'consent-hide': ConsentVisibilityEvent;
  'consent-language-change': ConsentLanguageChangeEvent;
  'consent-error': ConsentErrorEvent;
}

// The events bubble and are composed, so the element, `document` and `window` all hear them: typed on all three.
/* eslint-disable @typescript-eslint/no-empty-object-type -- these merge the banner's events into the DOM's maps */
declare global {
  interface HTMLElementEventMap extends CookieConsentBannerEventMap {}
  interface DocumentEventMap extends CookieConsentBannerEventMap {}
  interface WindowEventMap extends CookieConsentBannerEventMap {}
}
/* eslint-enable @typescript-eslint/no-empty-object-type */

/**
 * Creates one of the banner's events: bubbling and composed, so `document` and `window` hear it. Each event
 * gets its own frozen copy of the detail (and of its lists), so no listener can change what later ones see.
 */
export function consentEvent<K extends keyof CookieConsentBannerEventMap>(
  type: K,
  detail: CookieConsentBannerEventMap[K]['detail'],
): CookieConsentBannerEventMap[K] {
  const frozen =
    detail === null
      ? null
      : Object.freeze(
          Object.fromEntries(
            Object.entries(detail).map(([key, value]) => [
              key,
              Array.isArray(value) ? Object.freeze([...value]) : value,
            ]),
          ),
        );
  return new CustomEvent(type, { bubbles: true, composed: true, detail: frozen }) as CookieConsentBannerEventMap[K];
}
