import { parseCategories } from '../consent/categories.js';
import { consentModeMap, waitForUpdate, type ConsentModeMap, type GtagWindow } from '../consent/consent-mode.js';
import type { CookieTable } from '../consent/cookie-table.js';
import { saleOrShareIds, type GpcNavigator } from '../consent/gpc.js';
import { receiptUrl } from '../consent/receipt.js';
import { isValidRevision } from '../consent/record.js';
import type { SessionEnvironment, SessionSettings } from '../consent/session.js';
import { signalSources, vendorMaps, type VendorWindow } from '../consent/signals.js';
import { cookieExpires, cookieSettings } from '../consent/store.js';
import { describesCategory, type Texts } from '../i18n/texts.js';
import { afterNextPaint } from '../internal/dom.js';
import { lastCall } from '../internal/memo.js';
import { report } from '../internal/warn.js';

/** The element's settings as its attributes and properties hold them, unvalidated. */
export interface BannerSettings {
  readonly categories: string | null;
  readonly cookieName: string | null;
  readonly cookiePath: string | null;
  readonly cookieDomain: string | null;
  readonly cookieSameSite: string | null;
  readonly cookieExpires: string | null;
  readonly revision: string;
  readonly consentMode: boolean;
  readonly consentModeMap: string | Partial<ConsentModeMap> | null;
  readonly consentSignals: string | null;
  readonly consentSignalsMap: string | object | null;
  readonly noAdsDataRedaction: boolean;
  readonly urlPassthrough: boolean;
  readonly waitForUpdate: string | null;
  readonly refusalExpires: string | null;
  readonly noGpc: boolean;
  readonly gpcCategories: string | null;
  readonly reloadOnWithdraw: boolean;
  readonly receiptUrl: string | null;
}

/** The offered categories, `necessary` first: the site may add its own, when its texts describe them. */
export function offeredCategories(settings: BannerSettings, texts: Texts): string[] {
  return parseCategories(settings.categories, (id) => describesCategory(texts, id));
}

/** The policy revision, validated: a bad one warns and is `1`. */
export function policyRevision(settings: BannerSettings): string {
  const revision = String(settings.revision ?? '').trim();
  if (isValidRevision(revision)) return revision;
  report('badRevision', revision.slice(0, 40));
  return '1';
}

/** The offered categories of a banner, made again only when `categories` or the site's texts change. */
export function offeredFor(settings: BannerSettings, texts: () => Texts): () => readonly string[] {
  const offered = lastCall((_categories: string | null, current: Texts) => offeredCategories(settings, current));
  return () => offered(settings.categories, texts());
}

/**
 * The session's settings, read from the element when they are needed (a setting may change at any time, and a bad
 * value warns when it is first used); the costliest to parse are kept while their attributes stay the same.
 * `cookies` is the site's cookie table, cleaned; `offered` the banner's offered categories (`offeredFor`).
 */
export function sessionSettings(
  settings: BannerSettings,
  cookies: () => CookieTable,
  offered: () => readonly string[],
): SessionSettings {
  // The page's host and scheme never change: only the attributes are inputs.
  const cookie = lastCall(
    (
      name: string | null,
      path: string | null,
      domain: string | null,
      sameSite: string | null,
      expires: string | null,
    ) => cookieSettings({ name, path, domain, sameSite, expires }, location),
  );
  const saleOrShare = lastCall(saleOrShareIds);
  return {
    cookie: () =>
      cookie(
        settings.cookieName,
        settings.cookiePath,
        settings.cookieDomain,
        settings.cookieSameSite,
        settings.cookieExpires,
      ),
    revision: () => policyRevision(settings),
    offered,
    honourGpc: () => !settings.noGpc,
    saleOrShare: () => saleOrShare(settings.gpcCategories, offered()),
    consentMode: () => settings.consentMode || signalSources(settings.consentSignals).has('google'),
    // null or empty is the default map (see consentModeMap).
    consentModeMap: () => consentModeMap(settings.consentModeMap),
    google: () => ({
      adsDataRedaction: !settings.noAdsDataRedaction,
      urlPassthrough: settings.urlPassthrough,
      waitForUpdate: waitForUpdate(settings.waitForUpdate),
    }),
    vendors: () => {
      const sources = signalSources(settings.consentSignals);
      sources.delete('google');
      return sources;
    },
    vendorMaps: () => vendorMaps(settings.consentSignalsMap),
    // 182 days unless set, whatever cookie-expires says.
    refusalExpires: () => cookieExpires(settings.refusalExpires, 'refusal-expires'),
    // document.baseURI is worked out on each read: only when there is a URL to resolve.
    receiptUrl: () => (settings.receiptUrl ? receiptUrl(settings.receiptUrl, document.baseURI) : null),
    cookieTable: cookies,
    reloadOnWithdraw: () => settings.reloadOnWithdraw,
  };
}

/** The page the session runs in: this window. */
export function browserEnvironment(): SessionEnvironment {
  return {
    location,
    navigator: navigator as Navigator & GpcNavigator,
    window: window as GtagWindow & VendorWindow,
    now: () => Date.now(),
    afterNextPaint,
    onLoad: (task) => {
      if (document.readyState !== 'complete') addEventListener('load', task, { once: true });
    },
    BroadcastChannel: typeof BroadcastChannel === 'function' ? BroadcastChannel : undefined,
    reload: () => location.reload(),
  };
}
