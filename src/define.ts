import { CookieConsentBanner } from './cookie-consent-banner.js';

/**
 * Registers `<cookie-consent-banner>`, once: loading the script twice does no harm. On a server (no
 * `customElements`: Next.js, Vite SSR) it does nothing; the browser defines the element when the page loads.
 */
if (globalThis.customElements && !customElements.get('cookie-consent-banner')) {
  customElements.define('cookie-consent-banner', CookieConsentBanner);
}

export { CookieConsentBanner };
