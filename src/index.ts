export { CookieConsentBanner, type BannerPosition, type BannerTheme } from './cookie-consent-banner.js';
export type { Consent, ConsentMethod } from './consent/record.js';
export type { CookieEntry, CookieTable } from './consent/cookie-table.js';
export type { ConsentModeMap, Signal } from './consent/consent-mode.js';
export { DEFAULT_CONSENT_MODE_MAP, SIGNALS } from './consent/consent-mode.js';
export type {
  ConsentChangeDetail,
  ConsentChangeEvent,
  ConsentErrorDetail,
  ConsentErrorEvent,
  ConsentLanguageChangeDetail,
  ConsentLanguageChangeEvent,
  ConsentReadyDetail,
  ConsentReadyEvent,
  ConsentSource,
  ConsentVisibilityEvent,
  CookieConsentBannerEventMap,
} from './events.js';
export type { TextTree, Texts } from './i18n/texts.js';
