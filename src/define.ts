import { CookieConsentBanner } from './cookie-consent-banner.js';

/** Registers `<cookie-consent-banner>`, once: loading the script twice does no harm. */
if (!customElements.get('cookie-consent-banner')) {
  customElements.define('cookie-consent-banner', CookieConsentBanner);
}

export { CookieConsentBanner };
