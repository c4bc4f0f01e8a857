export { CookieConsentBanner } from './cookie-consent-banner.js';
export type { Consent, ConsentMethod } from './consent/record.js';
export type {
  ConsentChangeDetail,
  ConsentChangeEvent,
  ConsentLanguageChangeDetail,
  ConsentLanguageChangeEvent,
  ConsentReadyDetail,
  ConsentReadyEvent,
  ConsentSource,
  ConsentVisibilityEvent,
  CookieConsentBannerEventMap,
} from './events.js';
export type { TextTree, Texts } from './i18n/texts.js';

import type { CookieConsentBanner } from './cookie-consent-banner.js';

declare global {
  interface HTMLElementTagNameMap {
    'cookie-consent-banner': CookieConsentBanner;
  }
}
