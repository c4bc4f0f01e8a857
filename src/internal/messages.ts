/**
 * Every console message the shell can print about bad input, by key: the texts a page needs only when its
 * markup or settings are wrong. They are a chunk of their own (`chunks/messages-*.js`), loaded at the first
 * message (see `report` in warn.ts): a page with good input never loads them, and the entry every page view
 * loads holds only the keys. A key that starts with `CEREZ_` is an error, printed with its code.
 */
export const MESSAGES = {
  badCookieName: (a: string | number, b: string | number) =>
    `cookie-name: "${a}" is not a valid cookie name; "${b}" is used.`,
  badCookiePath: (a: string | number) => `cookie-path: "${a}" is not a valid path; "/" is used.`,
  badCookieDomain: (a: string | number) =>
    `cookie-domain: "${a}" is not this site's host or a parent domain of it; the cookie is host-only.`,
  sameSiteNoneOnHttp: () => `cookie-samesite: "None" needs https; "Lax" is used.`,
  badSameSite: (a: string | number) => `cookie-samesite: "${a}" is not Lax, Strict or None; "Lax" is used.`,
  badDays: (a: string | number, b: string | number, c: string | number) =>
    `${a}: "${b}" is not a number of days; ${c} is used.`,
  daysOutOfRange: (
    a: string | number,
    b: string | number,
    c: string | number,
    d: string | number,
    e: string | number,
  ) => `${a}: ${b} is outside ${c}–${d} days; ${e} is used.`,
  hostPrefixPath: (a: string | number) =>
    `cookie-path: a "__Host-" cookie name needs Path=/; "/" is used instead of "${a}".`,
  hostPrefixDomain: (a: string | number) =>
    `cookie-domain: a "__Host-" cookie name cannot have a Domain; the cookie is host-only, not on "${a}".`,
  prefixNeedsHttps: (a: string | number) =>
    `cookie-name: "${a}" needs https; on this http page the browser refuses it, so a choice holds for this page only.`,
  CEREZ_NO_COOKIES: () =>
    `this page may not use cookies (a sandboxed frame, an opaque origin?); the banner works, but a choice holds for this page only.`,
  CEREZ_COOKIE_DOMAIN_REFUSED: (a: string | number) =>
    `cookie-domain: the browser refused the consent cookie for "${a}" (a public suffix, such as co.uk or com.tr, cannot hold cookies); it is stored host-only instead. Set cookie-domain to this site's own domain, or remove it.`,
  CEREZ_COOKIE_NOT_KEPT: (a: string | number) =>
    `the browser did not keep the consent cookie "${a}" (cookies blocked or the jar full, a name it refuses such as __Host- on http, or a page outside cookie-path); the choice holds for this page only.`,
  duplicateCookies: (a: string | number, b: string | number) =>
    `${a} cookies named "${b}" on different paths or domains; the one at the configured scope is kept (else the most specific valid one), the rest removed.`,
  badCategoryId: (a: string | number, b: string | number) =>
    `categories: "${a}" is not a valid category id (a-z, 0-9, "-" or "_", at most ${b} characters); skipped.`,
  undescribedCategory: (a: string | number) =>
    `categories: "${a}" has no name and description in the texts property; skipped.`,
  tooManyCategories: (a: string | number) => `categories: more than ${a} categories; the rest are skipped.`,
  categoriesTooLarge: (a: string | number, b: string | number) =>
    `categories: from "${a}" on, the categories would make the consent cookie larger than 512 bytes; "${b}" and the rest are skipped (use fewer or shorter ids).`,
  badSetConsent: () => `setConsent: expected an object of category → boolean or an array of ids; nothing stored.`,
  setConsentUnknown: (a: string | number) => `setConsent: "${a}" is not an offered category; ignored.`,
  setConsentUnderGpc: (a: string | number) =>
    `setConsent: "${a}" means sale or sharing and the browser sends Global Privacy Control; it stays off.`,
  textsBadKey: (a: string | number, b: string | number) => `texts: the key "${a}${b}" is not allowed; skipped.`,
  textsTooDeep: (a: string | number, b: string | number) => `texts: "${a}${b}" is nested too deeply; skipped.`,
  textsNotObject: () => `texts: expected an object of languages, e.g. { "en": { "banner": { … } } }; ignored.`,
  textsBadLanguage: (a: string | number) => `texts: "${a}" is not a language code; skipped.`,
  textsBadJson: () => `texts: a <script type="application/json"> inside the element is not valid JSON; ignored.`,
  notText: (a: string | number, b: string | number) =>
    `${a} takes text, a number or a list of names, not a value of type ${b}; the default is used.`,
  noChannel: (a: string | number) =>
    `the browser refuses a BroadcastChannel here (${a}); the site's other windows read a new choice when they are shown or focused, not at once.`,
  secondBanner: () =>
    `a second <cookie-consent-banner> on the page defers to the first: it shows nothing and mirrors its choice.`,
  secondBannerOpens: () =>
    `a second <cookie-consent-banner> does not open: the first one on the page shows the banner.`,
  badRevision: (a: string | number) =>
    `revision: "${a}" is not a valid revision (letters, digits, ".", "-", "_"); "1" is used.`,
  badReceiptUrl: (a: string | number) => `receipt-url: "${a}" is not an https URL; no receipt is sent.`,
  receiptNotQueued: () => `receipt-url: the browser did not queue the receipt.`,
  receiptFailed: (a: string | number) => `receipt-url: the receipt could not be sent (${a}).`,
  badPolicyUrl: (a: string | number) => `policy-url: "${a}" is not a URL; the link is left out.`,
  policyUrlScheme: (a: string | number) =>
    `policy-url: only http(s) and relative URLs are allowed, not "${a}"; the link is left out.`,
  badWaitForUpdate: (a: string | number, b: string | number) =>
    `wait-for-update: "${a}" is not a whole number of milliseconds; ${b} is used.`,
  waitForUpdateTooLong: (a: string | number, b: string | number, c: string | number) =>
    `wait-for-update: ${a} is more than ${b} ms; ${c} is used.`,
  mapNotObject: (a: string | number) => `${a}: expected an object of signal → category; the default map is used.`,
  unknownSignal: (a: string | number, b: string | number, c: string | number) =>
    `${a}: "${b}" is not a ${c} signal; skipped.`,
  badSignalCategory: (a: string | number, b: string | number) =>
    `${a}: the category for "${b}" is not a category id; skipped.`,
  CEREZ_SIGNAL_AS_NECESSARY: (a: string | number, b: string | number, c: string | number) =>
    `${a}: "${b}" cannot be ${c} (granted before any choice); the default is kept.`,
  mapNotJson: (a: string | number) => `${a}: not valid JSON; the default map is used.`,
  gpcMapGap: (a: string | number, b: string | number) =>
    `consent-mode-map: "${a}" follows "${b}", which Global Privacy Control does not turn off; add it to gpc-categories or map the signal to one of them.`,
  unknownSignalSource: (a: string | number, b: string | number) =>
    `consent-signals: "${a}" is not one of ${b}; skipped.`,
  vendorMapNotObject: () => `consent-signals-map: expected an object of vendor → signal map; the defaults are used.`,
  unknownVendor: (a: string | number) => `consent-signals-map: "${a}" is not microsoft, clarity or meta; skipped.`,
  uetqNotQueue: () => `consent-signals: window.uetq is not UET's queue; the Microsoft signal is not sent.`,
  lateConsentMode: () =>
    `consent-mode was turned on after gated tags could run; its default is pushed now. Set it in the markup.`,
  lateSignals: (a: string | number) =>
    `consent-signals: "${a}" turned on after gated tags could run; sent now. Set it in the markup.`,
  gateBadSrc: (a: string | number, b: string | number) =>
    `a gated ${a}'s data-src "${b}" is not an http(s) URL; it stays empty.`,
  gateBadSrcset: (a: string | number) =>
    `a gated img's data-srcset "${a}" has a URL that is not http(s); it stays empty.`,
  gateComma: (a: string | number, b: string | number) => `${a}: "${b}" has a comma; separate categories with spaces.`,
  gateNotOffered: (a: string | number, b: string | number) => `${a}: "${b}" is not an offered category; it never runs.`,
  gateUngated: (a: string | number) => `${a} lacks type="text/plain": it runs without consent.`,
  gateNoNonce: (a: string | number) => `${a} lacks the page's nonce; it never runs.`,
  gateEarlySrc: (a: string | number) => `${a} has a src: it loads before consent; use data-src.`,
  cookieBadName: (a: string | number) => `cookies: "${a}" is not a cookie name; skipped.`,
  CEREZ_NO_LEGITIMATE_INTEREST: (a: string | number, b: string | number) =>
    `cookie "${a}": a cookie is placed on consent (or, if necessary, exempt), never on "${b}"; it is treated as needing consent.`,
  cookiesNotObject: () => `cookies: expected an object of category → list of cookies; ignored.`,
  cookiesBadCategory: (a: string | number) => `cookies: "${a}" is not a category id; skipped.`,
  cookiesNotList: (a: string | number) => `cookies: the cookies of "${a}" are not a list; skipped.`,
  tooManyCookies: (a: string | number) => `cookies: more than ${a} cookies; the rest are skipped.`,
  cookiesBadJson: () =>
    `cookies: a <script type="application/json" data-cookies> inside the element is not valid JSON; ignored.`,
  CEREZ_TRACKER_AS_NECESSARY: (a: string | number, b: string | number) =>
    `"${a}" is an analytics or advertising cookie, not strictly necessary; it is listed under ${b} and needs consent.`,
  necessaryUnjustified: (a: string | number) =>
    `cookies: the necessary cookie "${a}" needs a criterion ("A" or "B") and a justification.`,
  vendorThrew: (a: string | number, b: string | number) =>
    `the page's ${a} threw (${b}); the banner goes on, but that vendor may not have its consent signal.`,
} satisfies Record<string, (...args: (string | number)[]) => string>;

export type Messages = typeof MESSAGES;
