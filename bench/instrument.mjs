// What runs inside each benchmark page, before any of its own scripts (Playwright's addInitScript).
// It must be self-contained: Playwright sends the function's source to the page.

/** What the page prints (console.debug) when a measured run is over, followed by performance.now(). */
export const END_MESSAGE = '__bench:end ';

/**
 * @param {{ lib: string, cookieName: string | null, endAfter?: { quietMs: number, banner: boolean, message: string } }} options
 *   `endAfter`: a measured run, which the page ends on its own and announces with `message` (END_MESSAGE; see the
 *   end of this function).
 */
export function instrument({ lib, cookieName, endAfter = undefined }) {
  if (window.__bench) return;

  /** The banner's root element: what the visitor sees as "the banner". */
  const root = () => {
    switch (lib) {
      case 'cerez':
        return document.querySelector('cookie-consent-banner')?.shadowRoot?.querySelector('[part="base"]') ?? null;
      case 'vanilla':
        return document.querySelector('#cc-main .cm');
      case 'orejime':
        return document.querySelector('.orejime-Banner');
      default:
        // A floor that renders the notice (bench/floors/lit-html.js, stack.js): timed as a banner is.
        return document.querySelector('[data-floor-banner]')?.shadowRoot?.querySelector('section') ?? null;
    }
  };
  /** The banner's own "accept all" button. */
  const acceptButton = () => {
    switch (lib) {
      case 'cerez':
        return (
          document.querySelector('cookie-consent-banner')?.shadowRoot?.querySelector('[part="accept-button"]') ?? null
        );
      case 'vanilla':
        return document.querySelector('#cc-main .cm [data-role="all"]');
      case 'orejime':
        return document.querySelector('.orejime-Banner-saveButton');
      default:
        return null;
    }
  };
  /** Present, laid out with a non-zero box, and not display:none / visibility:hidden (itself or an ancestor). */
  const isVisible = (el) => {
    if (!el || !el.isConnected) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true });
  };
  /** The library's own "closed" state, before any fade-out animation ends. */
  const stateHidden = () => {
    const el = root();
    switch (lib) {
      case 'cerez':
        return !el || el.hidden;
      case 'vanilla':
        return !document.documentElement.classList.contains('show--consent');
      default:
        return !el || !el.isConnected;
    }
  };
  const hasCookie = () =>
    cookieName !== null && document.cookie.split('; ').some((c) => c.startsWith(`${cookieName}=`));
  const cookieBytes = () => {
    const found = document.cookie.split('; ').find((c) => c.startsWith(`${cookieName}=`));
    return found ? found.length : 0; // name + '=' + value, as the browser sends it
  };

  const B = (window.__bench = {
    visibleAt: null, // performance.now() when the root was first seen visible (checked once per frame, in rAF)
    showEventAt: null, // Çerez only: when `consent-show` reached document
    loadAt: null,
    lastActivity: 0,
    longtasks: [],
    shifts: [],
  });

  let resolveVisible;
  const visible = new Promise((resolve) => (resolveVisible = resolve));
  let resolveShow;
  const shown = new Promise((resolve) => (resolveShow = resolve));

  const observed = { childList: true, subtree: true, attributes: true, characterData: true };
  // A DOM change only notes the time: measuring the banner's box there would force a layout inside the
  // library's own task, adding the banner's layout to that task (and to its blocking time) where a page
  // without this script lays it out in the next frame. The box is measured once per frame, in
  // requestAnimationFrame, just before the frame's own style and layout: the banner is visible in the first
  // frame that shows it.
  const observer = new MutationObserver(() => {
    B.lastActivity = performance.now();
    watchShadow();
  });
  let shadow = null; // Çerez renders in an open shadow root: observe it too, as soon as it exists
  const watchShadow = () => {
    if (lib !== 'cerez') return;
    const sr = document.querySelector('cookie-consent-banner')?.shadowRoot ?? null;
    if (sr && sr !== shadow) observer.observe((shadow = sr), observed);
  };
  const check = () => {
    watchShadow();
    if (B.visibleAt === null && isVisible(root())) {
      B.visibleAt = performance.now();
      resolveVisible(B.visibleAt);
    }
  };
  observer.observe(document, observed);
  const frame = () => {
    check();
    if (B.visibleAt === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  document.addEventListener('consent-show', () => {
    if (B.showEventAt === null) B.showEventAt = performance.now();
    resolveShow(B.showEventAt);
  });
  addEventListener('load', () => (B.loadAt = performance.now()), { once: true });

  const longtasks = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      B.longtasks.push({ start: e.startTime, duration: e.duration });
      B.lastActivity = Math.max(B.lastActivity, e.startTime + e.duration);
    }
  });
  longtasks.observe({ type: 'longtask', buffered: true });
  const shifts = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      B.shifts.push({ at: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput });
  });
  shifts.observe({ type: 'layout-shift', buffered: true });
  const resources = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) B.lastActivity = Math.max(B.lastActivity, e.responseEnd);
  });
  resources.observe({ type: 'resource', buffered: true });

  /** Resolves when the banner is visible: Çerez's `consent-show` event, the peers' root seen visible. */
  B.bannerShown = () => (lib === 'cerez' ? shown : visible);

  /** Resolves once the page has loaded and `ms` have passed with no DOM change, long task or resource. */
  B.quiet = (ms) =>
    new Promise((resolve) => {
      const tick = () => {
        const now = performance.now();
        if (B.loadAt !== null && now - Math.max(B.lastActivity, B.loadAt) >= ms) resolve(now);
        else setTimeout(tick, 25);
      };
      tick();
    });

  // A measured run ends in the page, and the page says so on the console (the runner waits for that message),
  // so that nothing is evaluated in the page before the run is over: Playwright's first evaluation in a document
  // compiles and runs its utility script on the page's main thread, which in a page's first second is time taken
  // from what is being measured (a banner that shows after `load` paid for it before its first frame).
  // `B.quiet` counts from `load` at the earliest, so the banner may be waited for first.
  if (endAfter) {
    void Promise.resolve(endAfter.banner ? B.bannerShown() : undefined)
      .then(() => B.quiet(endAfter.quietMs))
      .then((at) => console.debug(`${endAfter.message}${at}`));
  }

  /** Everything measured so far, up to `end` (performance.now() when the run ended). */
  B.collect = (end) => {
    for (const e of longtasks.takeRecords()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    for (const e of shifts.takeRecords())
      B.shifts.push({ at: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput });
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
    const fcp = paint['first-contentful-paint'] ?? null;
    // Total blocking time, Lighthouse's way: each long task clipped to [FCP, end], minus 50 ms.
    let tbt = 0;
    if (fcp !== null) {
      for (const t of B.longtasks) {
        const from = Math.max(t.start, fcp);
        const to = Math.min(t.start + t.duration, end);
        if (to - from > 50) tbt += to - from - 50;
      }
    }
    const cls = B.shifts.filter((s) => !s.hadRecentInput && s.at <= end).reduce((sum, s) => sum + s.value, 0);
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      end,
      firstPaint: paint['first-paint'] ?? null,
      fcp,
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
      load: nav ? nav.loadEventEnd : null,
      visibleAt: B.visibleAt,
      showEventAt: B.showEventAt,
      longtasks: B.longtasks.length,
      longtaskMs: B.longtasks.reduce((sum, t) => sum + t.duration, 0),
      tbt,
      cls,
      hasCookie: hasCookie(),
    };
  };

  /**
   * Clicks "accept all" with element.click() and polls on every animation frame until the consent cookie
   * is in document.cookie and the banner is no longer visible. Times are from just before the click.
   */
  B.acceptAndWait = (timeoutMs) =>
    new Promise((resolve, reject) => {
      const button = acceptButton();
      if (!button) return reject(new Error(`${lib}: no accept-all button`));
      let storedAt = null;
      let stateHiddenAt = null;
      let hiddenAt = null;
      const t0 = performance.now();
      button.click();
      const poll = () => {
        const now = performance.now();
        if (storedAt === null && hasCookie()) storedAt = now - t0;
        if (stateHiddenAt === null && stateHidden()) stateHiddenAt = now - t0;
        if (hiddenAt === null && !isVisible(root())) hiddenAt = now - t0;
        if (storedAt !== null && hiddenAt !== null && stateHiddenAt !== null) {
          resolve({
            storedAt,
            stateHiddenAt,
            hiddenAt,
            clickToStateHidden: Math.max(storedAt, stateHiddenAt),
            clickToHidden: Math.max(storedAt, hiddenAt),
            cookieBytes: cookieBytes(),
          });
        } else if (now - t0 > timeoutMs) {
          reject(new Error(`${lib}: not hidden and stored ${timeoutMs} ms after the click`));
        } else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
}
