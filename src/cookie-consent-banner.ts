import { NECESSARY, allowedFrom } from './consent/categories.js';
import type { Consent, ConsentMethod } from './consent/record.js';
import type { ConsentModeMap } from './consent/consent-mode.js';
import { Gate } from './consent/gate.js';
import { PageSignals } from './consent/page-signals.js';
import { ConsentSession } from './consent/session.js';
import type { CookieTable } from './consent/cookie-table.js';
import { report, warn } from './internal/warn.js';
import { ReactiveHost, property, type Changes } from './internal/reactive-host.js';
import { consentEvent, type ConsentSource } from './events.js';
// The event map: `addEventListener('consent-change', e => e.detail…)` is typed wherever the element's type is.
export type { CookieConsentBannerEventMap } from './events.js';
import { directionOf } from './i18n/languages.js';
import { loadStrings } from './i18n/locale-chunks.js';
import type { Texts } from './i18n/texts.js';
import { whenIdle } from './internal/dom.js';
import { FocusMemory } from './controllers/focus-memory.js';
import { LookAgain } from './controllers/look-again.js';
import { PageLinks } from './controllers/page-links.js';
import { PageOwnership } from './controllers/page-owner.js';
import { browserEnvironment, offeredFor, sessionSettings } from './controllers/session-settings.js';
import { SiteInput } from './controllers/site-input.js';
import { UiLoader } from './controllers/ui-loader.js';
import type { BannerPosition, RequestedStrings, UiHost } from './ui/banner-ui.js';
import type { HostServices } from './view/banner-view.js';

export type { BannerPosition } from './ui/banner-ui.js';

/** What the UI chunk takes from this entry at run time: it is built on its own and imports nothing of it. */
const viewServices: HostServices = { warn, report, directionOf, necessary: NECESSARY, loadStrings };

/** The banner's colour scheme. */
export type BannerTheme = 'auto' | 'light' | 'dark';

/** The connected banners: the first owns the page (see `PageOwnership`). */
const page = new PageOwnership<CookieConsentBanner>();

/** The element's own styles: the UI adopts them with its own (a subclass may add to them). */
function hostStyles(): CSSStyleSheet | undefined {
  if (typeof CSSStyleSheet !== 'function' || !('replaceSync' in CSSStyleSheet.prototype)) return undefined;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(':host{display:block}:host([hidden]){display:none}');
  return sheet;
}

/**
 * A cookie-consent banner: shows the site's cookie notice (Turkish by default), lets the visitor accept
 * all, reject all or choose per category, stores the choice in a first-party cookie and tells the page.
 * The X and Escape never count as consent: they store a refusal, like "Reject all".
 *
 * @summary The Çerez cookie-consent banner.
 * @tag cookie-consent-banner
 *
 * @attr nonce - The page's CSP nonce (the native `nonce` attribute): when set, only gated scripts carrying this same nonce are run; it is never given to a script.
 * @attr lang - The language to show, e.g. `tr`, `en`, `ar`; wins over `<html lang>` and the browser's languages. Setting `el.lang` switches at once.
 *
 * @event {CustomEvent<ConsentReadyDetail>} consent-ready - Once per connection, at its first update (when settings set right after connecting have landed), when the stored choice is known; `detail.consent` is the stored choice or `null`.
 * @event {CustomEvent<ConsentChangeDetail>} consent-change - Whenever the stored choice changes, after the cookie is written and read back; for a choice clicked in the banner or preferences that withdraws nothing, just after the next paint (after `consent-hide`), else in the same task. `detail` has `consent`, `previous`, `changed` and `source`.
 * @event {CustomEvent<null>} consent-show - When the banner becomes visible.
 * @event {CustomEvent<null>} consent-hide - When the banner is hidden.
 * @event {CustomEvent<ConsentErrorDetail>} consent-error - When the banner cannot do its job fully: the cookie was not stored (`cookie-not-stored`: the choice holds for this page only, and no `consent-change` fires), or the view did not load (`view-not-loaded`). `detail` has `code` and `message`; the same text is logged as a console error.
 * @event {CustomEvent<ConsentLanguageChangeDetail>} consent-language-change - Whenever the language of the banner's UI switches (picker, `lang`, `<html lang>`), once the UI has loaded (something shows, or a choice is stored); `detail` has `language` and `previous`.
 *
 * @slot logo - Before the banner's heading: the site's logo or name.
 * @slot extra - Between the notice and the buttons: more of the site's own content.
 *
 * @csspart base - The first layer: the banner region.
 * @csspart purposes - The first layer's list of purposes.
 * @csspart heading - The banner's heading.
 * @csspart language-picker - The language picker (a labelled select), in the banner and in preferences.
 * @csspart notice - The notice text.
 * @csspart more - The disclosure holding the rest of the notice.
 * @csspart policy-link - The link to the site's cookie policy.
 * @csspart close-button - The X: closes the banner as a refusal.
 * @csspart actions - The row of the three first-layer buttons.
 * @csspart reject-button - "Reject all" on the banner.
 * @csspart accept-button - "Accept all" on the banner.
 * @csspart preferences-button - "Preferences" on the banner.
 * @csspart preferences - The preferences dialog.
 * @csspart preferences-heading - The dialog's heading.
 * @csspart preferences-close-button - The dialog's X: closes it without changing the choice.
 * @csspart categories - The list of categories.
 * @csspart category - One category row.
 * @csspart category-name - A category's name (the label of its switch).
 * @csspart category-description - A category's description.
 * @csspart switch - A category's switch.
 * @csspart summary - How many categories are allowed.
 * @csspart gpc-notice - The notice that the browser's Global Privacy Control signal was honoured.
 * @csspart launcher - The floating button that reopens preferences (`launcher`).
 * @csspart cookie-table - A category's list of cookies in preferences.
 * @csspart preferences-actions - The dialog's buttons.
 * @csspart preferences-reject-button - "Reject all" in the dialog.
 * @csspart preferences-accept-button - "Accept all" in the dialog.
 * @csspart save-button - "Save my choices".
 *
 * @cssprop [--cc-background=#ffffff] - Background of the banner and dialog.
 * @cssprop [--cc-text=#1d2129] - Text colour.
 * @cssprop [--cc-muted-text=#4a5260] - Colour of secondary text (descriptions).
 * @cssprop [--cc-accent=#1f4fbf] - Links.
 * @cssprop [--cc-button-background=#1d2129] - Background of the buttons (all equal).
 * @cssprop [--cc-button-text=#ffffff] - Text of the buttons.
 * @cssprop [--cc-button-hover-background=#3a4252] - Background of a hovered button.
 * @cssprop [--cc-switch-off=#6b7280] - Switch track and thumb when off.
 * @cssprop [--cc-switch-on=#1f4fbf] - Switch track when on.
 * @cssprop [--cc-focus-ring=#1f4fbf] - The focus outline.
 * @cssprop [--cc-border=#767f8f] - Borders and separators.
 * @cssprop [--cc-font-family=inherit] - Font; the page's by default.
 * @cssprop [--cc-font-size=max(1rem, 1em)] - Base font size: the page's where the element sits, never below the visitor's default (`1rem`), so a site whose root font size is 62.5 % keeps readable text.
 * @cssprop [--cc-radius=0.5rem] - Corner radius of buttons and dialog.
 * @cssprop [--cc-spacing=1rem] - Inner spacing.
 * @cssprop [--cc-max-width=70rem] - Widest line of the banner's content.
 * @cssprop [--cc-shadow=0 0.25rem 1.5rem rgb(0 0 0 / 0.18)] - Shadow of banner, dialog and launcher.
 * @cssprop [--cc-z-index=2147483000] - Stacking order of the banner.
 * @cssprop [--cc-box-width=26rem] - Width of the corner boxes and the centred dialog.
 * @cssprop [--cc-offset=1rem] - Distance of the corner boxes and the launcher from the viewport's edges.
 */
export class CookieConsentBanner extends ReactiveHost {
  /** The element's own styles, adopted with the view's when it loads; a subclass may extend them. */
  static styles: unknown = hostStyles();

  /** Link to the site's cookie policy: http(s) or relative; anything else is dropped with a warning. */
  @property({ attribute: 'policy-url' }) policyUrl: string | null = null;

  /** Optional categories offered besides `necessary`, space-separated ids. Default: `functional analytics marketing`. */
  @property() categories: string | null = null;

  /** Name of the consent cookie. Default `cookie_consent`. */
  @property({ attribute: 'cookie-name' }) cookieName: string | null = null;

  /** `Path` of the consent cookie. Default `/`. */
  @property({ attribute: 'cookie-path' }) cookiePath: string | null = null;

  /** `Domain` of the consent cookie: this host or a parent domain. Default: host-only. */
  @property({ attribute: 'cookie-domain' }) cookieDomain: string | null = null;

  /** `SameSite` of the consent cookie: `Lax` (default), `Strict` or `None` (https only). */
  @property({ attribute: 'cookie-samesite' }) cookieSameSite: string | null = null;

  /** Lifetime of the stored choice in days, clamped to 1–395. Default 182. */
  @property({ attribute: 'cookie-expires' }) cookieExpires: string | null = null;

  /**
   * Lifetime of a refusal (every optional category off) in days, clamped to 1–395. Default 182, whatever
   * `cookie-expires` says. Until it runs out the visitor is not asked again, even under a new `revision`.
   */
  @property({ attribute: 'refusal-expires' }) refusalExpires: string | null = null;

  /**
   * Version of the site's cookie policy; a choice that allowed something under another revision is asked again
   * (a refusal of every optional category is not, until `refusal-expires`). Default `1`.
   */
  @property() revision = '1';

  /**
   * Languages the banner may use and its picker offers, space-separated codes (e.g. `tr en de`).
   * Default: every shipped language and any the site added through texts.
   */
  @property() languages: string | null = null;

  /**
   * Turns on Google Consent Mode v2: `gtag('consent', 'default', …)` for all seven signals on load (from the
   * stored choice, else denied, with `wait_for_update`), before any gated tag; `update` after each change.
   * The same as `google` in `consent-signals`.
   */
  @property({ type: Boolean, attribute: 'consent-mode' }) consentMode = false;

  /**
   * Which category grants each Consent Mode signal, merged over the default (JSON in the attribute):
   * ad_storage, ad_user_data, ad_personalization → marketing; analytics_storage → analytics;
   * functionality_storage, personalization_storage → functional; security_storage → necessary.
   */
  @property({ attribute: 'consent-mode-map', object: true }) consentModeMap: string | Partial<ConsentModeMap> | null =
    null;

  /**
   * The vendors whose consent switches the banner drives, space-separated: `google` (Consent Mode, as
   * `consent-mode`), `microsoft` (UET consent mode, `uetq`), `clarity` (Microsoft Clarity's `consentv2`) and
   * `meta` (`fbq('consent', …)`). Each gets its default before any gated tag and an update after each change.
   */
  @property({ attribute: 'consent-signals' }) consentSignals: string | null = null;

  /**
   * Which category grants each vendor's signals, merged over the defaults (JSON in the attribute), e.g.
   * `{"microsoft": {"ad_storage": "ads"}, "clarity": {"analytics_Storage": "stats"}, "meta": {"consent": "ads"}}`.
   * Defaults: UET's `ad_storage`, Meta's `consent` and Clarity's `ad_Storage` → marketing; Clarity's
   * `analytics_Storage` → analytics. No vendor signal may follow `necessary`. Google's map is `consent-mode-map`.
   */
  @property({ attribute: 'consent-signals-map', object: true }) consentSignalsMap: string | object | null = null;

  /** Consent Mode: leave `ads_data_redaction` off (by default it is on while `ad_storage` is denied). */
  @property({ type: Boolean, attribute: 'no-ads-data-redaction' }) noAdsDataRedaction = false;

  /** Consent Mode: `url_passthrough` on (ad click ids passed in links while cookies are denied). */
  @property({ type: Boolean, attribute: 'url-passthrough' }) urlPassthrough = false;

  /** Consent Mode: the default's `wait_for_update`, in milliseconds (0–10000). Default 500. */
  @property({ attribute: 'wait-for-update' }) waitForUpdate: string | null = null;

  /** Ignore the browser's Global Privacy Control signal (it is honoured by default). */
  @property({ type: Boolean, attribute: 'no-gpc' }) noGpc = false;

  /** Categories that mean sale or sharing of personal data, kept off under Global Privacy Control. Default `marketing`. */
  @property({ attribute: 'gpc-categories' }) gpcCategories: string | null = null;

  /** Show a small floating button that reopens preferences on every page. */
  @property({ type: Boolean }) launcher = false;

  /** Reload the page after the visitor withdraws a category, so that tags already running stop. */
  @property({ type: Boolean, attribute: 'reload-on-withdraw' }) reloadOnWithdraw = false;

  /**
   * Where to send a receipt of each choice (proof of consent) with `navigator.sendBeacon`, as JSON:
   * `{ id, timestamp, revision, language, method, categories, url }`. No request when unset.
   */
  @property({ attribute: 'receipt-url' }) receiptUrl: string | null = null;

  /**
   * The site's cookies per category: names (a trailing `*` matches a prefix) with optional provider, purpose,
   * duration and country, shown in preferences. When a category is withdrawn, its cookies are deleted.
   * Also accepted as a `<script type="application/json" data-cookies>` child of the element.
   */
  @property({ attribute: false }) cookies: CookieTable = {};

  /**
   * Where the banner sits: `bottom` (a full-width bar, default), `top`, `bottom-start` and `bottom-end` (a box in
   * a corner, following the text direction), or `center` (a box in the middle that still leaves the page usable).
   */
  @property({ reflect: true }) position: BannerPosition = 'bottom';

  /**
   * `auto` (default: follows the visitor's colour scheme, live), `light` or `dark`; anything else is `auto`.
   * Reflected: the colours follow the attribute.
   */
  @property({ reflect: true }) theme: BannerTheme = 'auto';

  /** The level of the banner's and the dialog's headings, 2–6 (default 2), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Do not reserve room at the page's end for a bottom banner (by default focus never hides behind it). */
  @property({ type: Boolean, attribute: 'no-scroll-padding' }) noScrollPadding = false;

  /** Whether the banner (first layer) shows. Reflected, so page CSS can see it. */
  @property({ type: Boolean, reflect: true }) open = false;

  /**
   * Site texts per language, merged key by key over the built-in ones: replace any string, add a language,
   * or name and describe your own categories (`{ tr: { categories: { video: { name, description } } } }`).
   * The same object can be given in the page as a `<script type="application/json">` child of the element;
   * this property wins over it key by key.
   */
  @property({ attribute: false }) texts: Texts = {};

  /** The site's texts and cookie table, cleaned once per change. */
  private readonly _input = new SiteInput(
    this,
    () => this._offered(),
    (texts) => this._ui.ui?.applyTexts(texts),
    () => this._cookiesArrived(),
  );
  /** The offered categories, parsed again only when `categories` or the texts change. */
  private readonly _offeredNow = offeredFor(this, () => this._input.texts);
  private readonly _focusMemory = new FocusMemory();
  private readonly _links = new PageLinks((opener) => {
    // Focus returns to the opener on close, also when a mouse click did not focus it.
    this._focusMemory.openedBy(opener);
    this.showPreferences();
  });
  /** The screen and the writer: one chunk, loaded when something must show or a choice is stored. */
  private readonly _ui = new UiLoader({
    languages: () => [
      this._storedPick,
      this.getAttribute('lang'),
      document.documentElement.lang,
      ...(navigator.languages ?? []),
    ],
    limit: () => this.languages,
    host: (requested) => this._uiHost(requested),
    loaded: (ui) => {
      this._session.attach(ui.writer);
      this.requestUpdate();
    },
    failed: (message) => this.dispatchEvent(consentEvent('consent-error', { code: 'view-not-loaded', message })),
  });
  /** The language the visitor picked, stored with their choice. */
  private _storedPick: string | undefined;
  /** Connected and not yet decided: the decision waits for the first update, when late settings have landed. */
  private _pendingStart = false;
  /** The page's consent session: this banner's while it owns the page; a follower's only mirrors the owner's choice. */
  private readonly _session = this._createSession();
  /** Another window may have stored a choice: read it again (see `ConsentSession.reread`). */
  private readonly _lookAgain = new LookAgain(() => this._session.reread('sync'));

  /** The session reads this banner's settings when it needs them, and tells it what changed. */
  private _createSession(): ConsentSession {
    const settings = sessionSettings(
      this,
      () => this._input.cookies,
      () => this._offered(),
    );
    const environment = browserEnvironment();
    return new ConsentSession({
      settings,
      environment,
      signals: new PageSignals(environment.window, settings),
      gate: () => {
        const gate = new Gate(
          document,
          () => this.nonce ?? '',
          () => this._offered(),
        );
        // A blocked embed's placeholder comes with the UI: a page without one never loads it for this.
        gate.onBlocked = (embed) => void this._ui.with((ui) => ui.blocked(embed));
        return gate;
      },
      host: {
        changed: (change) => {
          this.requestUpdate();
          this.dispatchEvent(consentEvent('consent-change', change));
          for (const follower of page.followers()) {
            follower._consent = change.consent;
            follower.dispatchEvent(consentEvent('consent-change', change));
          }
        },
        error: (code, message) => this.dispatchEvent(consentEvent('consent-error', { code, message })),
        // The writer comes with the screen: both are there whenever a choice is stored.
        language: () => this._ui.ui?.language() ?? 'tr',
        picked: () => this._ui.ui?.picked() ?? this._storedPick,
        needsWriter: () => void this._ui.load(),
        ask: (needed) => {
          this.open = needed;
        },
      },
    });
  }

  /** The choice in effect here: the session's (a follower's mirrors the owner's). */
  private get _consent(): Consent | null {
    return this._session.consent;
  }

  private set _consent(consent: Consent | null) {
    this._session.mirror(consent);
    this.requestUpdate();
  }

  /** The visitor's current choice, or `null` when there is none. Same shape as in the events. */
  get consent(): Consent | null {
    this._ensureStarted();
    return page.acting(this)._consent;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) {
      this._ui.ui?.langChanged();
      this.requestUpdate();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    page.join(this);
    // The decision waits for the first update: a framework (React's @lit/react, Angular) or a page script sets
    // properties right after connecting, in the same task, and those must count as if they were in the markup.
    this._pendingStart = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._pendingStart = false;
    if (!page.leave(this)) return;
    this._stop();
    const next = page.owner();
    // A next banner that has not started yet starts as the owner when its own first update comes.
    if (next && !next._pendingStart) next._start(false);
  }

  /** The first update of a connection is where the stored choice is decided, with every setting in place. */
  protected override scheduleUpdate(): void {
    this._ensureStarted();
    super.scheduleUpdate();
  }

  /**
   * Decides now if this connection has not decided yet: at the first update, or earlier when the page
   * calls a method or reads `consent` before it.
   */
  private _ensureStarted(): void {
    if (!this._pendingStart) return;
    this.restoreSaved();
    this._pendingStart = false;
    const owner = page.owner();
    if (!owner) return;
    if (owner === this) {
      this._start(true);
      return;
    }
    report('secondBanner');
    owner._ensureStarted();
    this._consent = owner._consent;
    this.open = false;
    this.dispatchEvent(consentEvent('consent-ready', { consent: this._consent }));
  }

  /** Takes charge of the page: reads the choice, watches the page, runs gated tags, shows the banner if needed. */
  private _start(ready: boolean): void {
    // No cookie of the name at all: the banner will show, so its chunk is requested before the rest of the start.
    const seen = this._session.peek();
    if (!seen?.length) void this._ui.load();
    this._input.refresh();
    const stored = this._session.read(true, seen);
    this._storedPick = stored.consent ? stored.ui : undefined;
    this._ui.ui?.restore(this._storedPick);
    this._lookAgain.start();
    this._links.start();
    this._session.start();
    if (ready) this.dispatchEvent(consentEvent('consent-ready', { consent: this._consent }));
    if (this._consent === null || stored.consent === null || !stored.complete) this.open = true;
    else if (this.launcher) whenIdle(() => void this._ui.load());
  }

  private _stop(): void {
    this._lookAgain.stop();
    this._links.stop();
    this._session.stop();
    this._ui.ui?.stop();
    this.open = false;
  }

  private _uiHost(requested: RequestedStrings): UiHost {
    return {
      element: this,
      session: this._session,
      texts: () => this._input.texts,
      cookies: () => this._input.cookies,
      offered: () => this._offered(),
      focusMemory: this._focusMemory,
      owner: () => page.owner() === this,
      choose: (method, source, allowed) => void this._choose(method, source, () => allowed),
      showPreferences: () => this.showPreferences(),
      services: viewServices,
      requested,
      storedPick: this._storedPick,
      languageSwitched: (language, previous) =>
        this.dispatchEvent(consentEvent('consent-language-change', { language, previous })),
    };
  }

  /** Shows the banner (the first layer). */
  show(): void {
    const acting = page.acting(this);
    acting._ensureStarted();
    acting.open = true;
  }

  /** Opens the preferences dialog, showing the stored choice; focus returns to the opener when it closes. */
  showPreferences(): void {
    const acting = page.acting(this);
    acting._ensureStarted();
    acting._focusMemory.opening();
    void acting._ui.with((ui) => ui.showPreferences(acting._consent?.categories));
  }

  /** Hides the banner and the preferences without storing anything. */
  hide(): void {
    const acting = page.acting(this);
    acting._ensureStarted();
    acting.open = false;
    acting._ui.ui?.hidePreferences();
  }

  /**
   * Allows every offered category and stores the choice. Under Global Privacy Control, categories that mean
   * sale or sharing stay as they were (off unless the visitor switched them on in preferences). Resolves once
   * the choice is stored: at once when the banner's UI is loaded, else when its chunk has loaded.
   */
  acceptAll(): Promise<void> {
    const acting = page.acting(this);
    return acting._choose('accept-all', 'api', () => acting._session.acceptAllowed());
  }

  /** Refuses every optional category and stores the choice; resolves once it is stored (see `acceptAll`). */
  rejectAll(): Promise<void> {
    return this._choose('reject-all', 'api', () => () => false);
  }

  /**
   * Stores a choice made by the page: an object of category → allowed, or a list of allowed ids.
   * Offered categories left out are stored as refused; unknown ids are ignored with a warning. Resolves once
   * the choice is stored (see `acceptAll`).
   */
  setConsent(categories: Readonly<Record<string, boolean>> | readonly string[]): Promise<void> {
    const acting = page.acting(this);
    acting._ensureStarted();
    const session = acting._session;
    // Global Privacy Control is the visitor's opt-out: only the visitor, in preferences, can switch these on.
    const allowed = allowedFrom(categories, acting._offered(), session.gpc() ? session.saleOrShare() : []);
    if (!allowed) return Promise.resolve();
    return acting._choose('api', 'api', () => (id) => allowed.has(id));
  }

  /** Whether a category is allowed now. `necessary` always is; nothing else is before a choice. */
  hasConsent(category: string): boolean {
    this._ensureStarted();
    return page.acting(this)._session.has(category);
  }

  /** Forgets the stored choice (removes the cookie) and shows the banner again; resolves once it is removed. */
  reset(): Promise<void> {
    const acting = page.acting(this);
    acting._ensureStarted();
    acting.open = true;
    return acting._ui.with((ui) => {
      ui.hidePreferences();
      ui.writer.reset();
    });
  }

  private _offered(): readonly string[] {
    return this._offeredNow();
  }

  /** The site's cookie table arrived (its module is a chunk): its refused categories' cookies go now. */
  private _cookiesArrived(): void {
    if (page.owner() === this) this._session.sweep();
    this.requestUpdate();
  }

  /**
   * Stores a choice (through the owner, for a follower): the session's writer writes it and runs its effects.
   * `allowed` is asked for when the choice is made, after the writer has loaded if it had to.
   */
  private _choose(method: ConsentMethod, source: ConsentSource, allowed: () => (id: string) => boolean): Promise<void> {
    // A follower's own buttons (it may have been opened by hand) act through the owner: one state per page.
    const acting = page.acting(this);
    acting._ensureStarted();
    return acting._ui.with((ui) => {
      ui.choosing();
      acting.open = false;
      ui.writer.choose(method, source, allowed());
    });
  }

  protected override willUpdate(changed: Changes): void {
    if (changed.has('texts') || changed.has('cookies') || changed.has('categories')) this._input.invalidate();
    this._input.refresh();
    if (this.open && page.owner() !== this) {
      report('secondBannerOpens');
      this.open = false;
    }
    this._ui.ui?.willUpdate(changed);
  }

  /** Renders through the screen, once loaded: a page whose visitor has already chosen never loads it. */
  protected override update(_changed: Changes): void {
    if (this.open && !this._ui.started) void this._ui.load();
    this._ui.ui?.render();
  }

  protected override updated(_changed: Changes): void {
    // A setting that decides what a valid choice is, or `consent-mode`, changed after the choice was read.
    if (page.owner() === this) this._session.refresh();
    this._ui.ui?.updated();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-consent-banner': CookieConsentBanner;
  }
}
