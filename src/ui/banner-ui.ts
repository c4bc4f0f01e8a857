import { adoptStyles, unsafeCSS, type CSSResultOrNative } from '@lit/reactive-element/css-tag.js';
import type { ConsentMethod } from '../consent/record.js';
import type { ChangeSource, ConsentSession } from '../consent/session.js';
import { ConsentWriter } from '../consent/writer.js';
import type { CookieTable } from '../consent/cookie-table.js';
import { safePolicyUrl } from '../consent/url.js';
import { LocalizeController } from '../controllers/localize.js';
import { FocusController } from '../controllers/focus.js';
import type { FocusMemory } from '../controllers/focus-memory.js';
import { ScrollPaddingController } from '../controllers/scroll-padding.js';
import type { Texts } from '../i18n/texts.js';
import type { HostController } from '../internal/reactive-host.js';
import { afterNextPaint, whenIdle } from '../internal/dom.js';
import { lastCall } from '../internal/memo.js';
import { relayWarnings, warn } from '../internal/warn.js';
import { consentEvent } from '../events.js';
import * as view from '../view/banner-view.js';
import type { HostServices, RenderedParts } from '../view/banner-view.js';
import type { Embed, Placeholders } from '../view/placeholders.js';

/** Where the banner can sit. */
export type BannerPosition = 'bottom' | 'top' | 'bottom-start' | 'bottom-end' | 'center';
const POSITIONS: readonly BannerPosition[] = ['bottom', 'top', 'bottom-start', 'bottom-end', 'center'];

/** The element's settings the screen reads (its public properties). */
export interface BannerElement extends HTMLElement {
  addController(controller: HostController): void;
  removeController(controller: HostController): void;
  requestUpdate(): void;
  readonly updateComplete: Promise<boolean>;
  readonly renderRoot: ShadowRoot;
  open: boolean;
  readonly position: string;
  readonly theme: string;
  readonly headingLevel: number;
  readonly noScrollPadding: boolean;
  readonly launcher: boolean;
  readonly policyUrl: string | null;
  readonly languages: string | null;
}

/** The language whose strings the element requested beside the UI chunk (none: Turkish, or a site-added one), and when. */
export interface RequestedStrings {
  readonly language: string | undefined;
  readonly at: number;
}

/** What the screen takes from the element beyond its properties: the engine, the site's input, and its memory. */
export interface UiHost {
  readonly element: BannerElement;
  readonly session: ConsentSession;
  /** The site's texts and cookie table, cleaned. */
  texts(): Texts;
  cookies(): CookieTable;
  offered(): readonly string[];
  readonly focusMemory: FocusMemory;
  /** Whether this banner owns the page (a follower shows nothing). */
  owner(): boolean;
  /** Stores a choice, through the page's owner. */
  choose(method: ConsentMethod, source: ChangeSource, allowed: (id: string) => boolean): void;
  showPreferences(): void;
  /** What the view takes from the entry: its warnings, language chunks and the like (see `HostServices`). */
  readonly services: HostServices;
  /** The language whose strings came with the UI chunk's request: its wait before Turkish counts from then. */
  readonly requested: RequestedStrings;
  /** The language the visitor picked, stored with their choice. */
  readonly storedPick: string | undefined;
  /** The language switched; `announce` when the visitor picked it. */
  languageSwitched(language: string, previous: string): void;
}

/** A copy of a category map with no prototype: a polluted `Object.prototype` can never read as a choice. */
function ownCopy(map: Readonly<Record<string, boolean>> | undefined): Readonly<Record<string, boolean>> {
  return Object.assign(Object.create(null) as Record<string, boolean>, map);
}

/** The view's stylesheet, made once for every banner on the page. */
let viewStyles: CSSResultOrNative | undefined;

const NO_PARTS: RenderedParts = { banner: null, launcher: null, dialog: null, dialogHeading: null };

/**
 * The banner's screen: the first layer, preferences and the launcher, their language, focus and scroll padding,
 * and the writer of the visitor's choices. The element loads it (one chunk, with lit-html, i18next and the view)
 * when the banner, preferences or the launcher must show, or when the page stores a choice; a returning visit whose
 * visitor has chosen never does.
 */
export class BannerUi {
  readonly writer: ConsentWriter;
  private preferencesOpen = false;
  private draft: Readonly<Record<string, boolean>> = ownCopy({});
  /** The `status.*` key the live region says: `saved`, `languageChanged`, or nothing. */
  private announcement = '';
  /** `consent-show` was the last visibility event fired. */
  private visible = false;
  /** The dialog is rendered: from the first idle moment after the first render, or when preferences open. */
  private dialog: 'later' | 'scheduled' | 'rendered' = 'later';
  /** The pickers hold every language: from the idle moment after the dialog's, or when the visitor reaches for one. */
  private allLanguages: 'later' | 'scheduled' | 'rendered' = 'later';
  private readonly localize: LocalizeController;
  private readonly focus: FocusController;
  private readonly scrollPadding: ScrollPaddingController;
  /** The placeholders of blocked embeds: their own chunk, loaded when the gate finds the first one. */
  private placeholders: Promise<Placeholders | undefined> | undefined;
  private shownPlaceholders: Placeholders | undefined;
  /** The banner was hidden ahead of the render that follows the next paint (see `render`). */
  private hiddenAhead = false;

  constructor(private readonly host: UiHost) {
    const { element } = host;
    view.connect(host.services);
    viewStyles ??= unsafeCSS(view.styles);
    // The element's styles as its class (or a subclass) declares them, then the view's.
    const own = [(element.constructor as { styles?: unknown }).styles].flat(Infinity) as CSSResultOrNative[];
    adoptStyles(element.renderRoot, [...own.filter(Boolean), viewStyles]);
    this.writer = new ConsentWriter(host.session);
    this.localize = new LocalizeController(
      element,
      view,
      host.services.loadStrings,
      host.requested,
      host.texts,
      (language, previous, announce) => {
        if (announce) this.announcement = 'languageChanged';
        if (previous) host.languageSwitched(language, previous);
      },
    );
    this.localize.restore(host.storedPick);
    this.scrollPadding = new ScrollPaddingController(element, () => {
      const parts = this.parts();
      const position = this.position();
      return {
        off: element.noScrollPadding,
        banner: this.visible ? parts.banner : null,
        launcher: !this.visible && !this.preferencesOpen ? parts.launcher : null,
        edge: position === 'top' ? 'start' : position === 'center' ? 'middle' : 'end',
      };
    });
    this.focus = new FocusController(element, host.focusMemory, () => ({
      preferencesOpen: this.preferencesOpen,
      parts: this.parts(),
    }));
  }

  /** The language a new choice is made in: the one the notice is shown in. */
  language(): string {
    return this.localize.language || this.localize.resolve();
  }

  /** The language the visitor picked, if any. */
  picked(): string | undefined {
    return this.localize.picked;
  }

  /** The element's `lang` changed. */
  langChanged(): void {
    this.localize.langChanged();
  }

  /** The stored choice was read again. */
  restore(picked: string | undefined): void {
    this.localize.restore(picked);
  }

  showPreferences(categories: Readonly<Record<string, boolean>> | undefined): void {
    this.draft = ownCopy(categories);
    this.preferencesOpen = true;
    this.host.element.requestUpdate();
  }

  hidePreferences(): void {
    this.preferencesOpen = false;
    this.host.element.requestUpdate();
  }

  /** A choice is being stored: the banner and preferences close, and the live region says so. */
  choosing(): void {
    this.host.focusMemory.choosing(this.host.element.renderRoot);
    this.preferencesOpen = false;
    this.announcement = 'saved';
  }

  /** The banner let go of the page. */
  stop(): void {
    this.scrollPadding.release();
    this.preferencesOpen = false;
    this.shownPlaceholders?.clear();
  }

  /** The gate found an embed blocked: its placeholder shows (the placeholders' chunk loads with the first). */
  blocked(embed: Embed): void {
    this.placeholders ??= import('../view/placeholders.js').then(
      (module) => (this.shownPlaceholders = new module.Placeholders(() => this.host.element.requestUpdate())),
      (error: unknown) => {
        warn(`could not load the placeholders of blocked embeds (${String(error)}); they stay empty.`);
        return undefined;
      },
    );
    void this.placeholders.then((placeholders) => placeholders?.blocked(embed));
  }

  private readonly actions: view.ViewActions = {
    acceptAll: (source) => this.host.choose('accept-all', source, this.host.session.acceptAllowed()),
    rejectAll: (source) => this.host.choose('reject-all', source, () => false),
    close: () => this.host.choose('close-as-reject', 'banner', () => false),
    openPreferences: () => this.host.showPreferences(),
    closePreferences: () => this.hidePreferences(),
    toggle: (id, on) => {
      this.draft = ownCopy({ ...this.draft, [id]: on });
      this.host.element.requestUpdate();
    },
    save: () =>
      this.host.choose('save', 'preferences', (id) => Object.hasOwn(this.draft, id) && this.draft[id] === true),
    preferencesClosed: () => {
      // The `close` event comes a task after `dialog.close()`: if preferences were opened again in between, it
      // is about the earlier closing and must not close them.
      if (this.host.element.renderRoot.querySelector('dialog')?.open) return;
      this.hidePreferences();
    },
    wantLanguages: () => {
      if (this.allLanguages === 'rendered') return;
      this.allLanguages = 'rendered';
      this.host.element.requestUpdate();
    },
    pickLanguage: (code) => {
      const language = this.localize.pick(code);
      if (language) this.writer.writeLanguage(language);
    },
  };

  /** The texts changed: the view takes them. */
  applyTexts(texts: Texts): void {
    view.applyTexts(texts);
  }

  willUpdate(changed: ReadonlyMap<string, unknown>): void {
    const { theme } = this.host.element;
    if (changed.has('theme') && !['auto', 'light', 'dark'].includes(theme)) {
      warn(`theme: "${String(theme).slice(0, 20)}" is not auto, light or dark; "auto" is used.`);
    }
  }

  /**
   * Renders, once the language's strings are in (never a flash of another language). When the banner closes (a
   * choice, Escape, `hide()`) with preferences not open, it is only hidden in this frame, and the whole view follows
   * after the paint: the click that closes it then costs the visitor's next frame as little as it can.
   */
  render(): void {
    if (!this.localize.view) return;
    const { element, session } = this.host;
    // The rendered parts are looked up only when the banner closes or was hidden ahead, not on every render.
    const parts = (this.visible && !element.open) || this.hiddenAhead ? this.parts() : NO_PARTS;
    const { banner, dialog } = parts;
    if (this.visible && !element.open && banner && !dialog?.open) {
      banner.hidden = true;
      this.hiddenAhead = true;
      afterNextPaint(() => {
        if (this.hiddenAhead) element.requestUpdate();
      });
      return;
    }
    // Back to what the last render left, so that the template's own `hidden` decides.
    if (this.hiddenAhead && banner) banner.hidden = false;
    this.hiddenAhead = false;
    view.renderInto(element.renderRoot, element, {
      position: this.position(),
      headingLevel: this.headingLevel(),
      language: this.localize.language,
      languages: this.pickerOptions(),
      allLanguages: this.allLanguages === 'rendered',
      open: element.open,
      offered: this.host.offered(),
      draft: this.draft,
      policyUrl: this.policyUrl(),
      status: this.announcement,
      gpc: session.gpc(),
      saleOrShare: session.saleOrShare(),
      launcher: element.launcher,
      launcherHidden: element.open || this.preferencesOpen,
      withPreferences: this.preferencesOpen || this.dialog === 'rendered',
      cookies: this.host.cookies(),
      actions: this.actions,
    });
    const { host } = this;
    this.shownPlaceholders?.render({
      language: this.localize.language,
      dir: host.services.directionOf(this.localize.language),
      theme: element.theme,
      policyUrl: this.policyUrl(),
      offered: host.offered(),
      allow: (categories) => {
        const stored = session.consent?.categories ?? {};
        host.choose(
          'save',
          'placeholder',
          (id) => categories.includes(id) || (Object.hasOwn(stored, id) && stored[id] === true),
        );
      },
    });
  }

  updated(): void {
    const { element } = this.host;
    const visible = element.open && this.localize.view !== undefined;
    if (visible !== this.visible) {
      this.visible = visible;
      element.dispatchEvent(consentEvent(visible ? 'consent-show' : 'consent-hide', null));
    }
    if (this.localize.view) {
      this.scrollPadding.sync();
      // Where focus goes after a choice (the launcher, once shown) is decided with the whole view, after the paint.
      if (!this.hiddenAhead) this.focus.sync();
      if (this.preferencesOpen) this.dialog = 'rendered';
      if (this.dialog === 'later') {
        // The first render leaves the dialog out, so that the banner shows sooner; it comes when the page is idle,
        // so that opening preferences later does not have to build it in the click.
        this.dialog = 'scheduled';
        whenIdle(() => {
          this.dialog = 'rendered';
          element.requestUpdate();
        });
      } else if (this.dialog === 'rendered' && this.allLanguages === 'later') {
        // The pickers' other languages, in an idle moment of their own: neither idle task holds the thread long.
        this.allLanguages = 'scheduled';
        whenIdle(() => this.actions.wantLanguages());
      }
    }
    // A new language shows only once its text is ready.
    this.localize.sync(
      element.open || this.preferencesOpen || element.launcher || (this.shownPlaceholders?.size ?? 0) > 0,
    );
  }

  private position(): BannerPosition {
    const { position } = this.host.element;
    if ((POSITIONS as readonly string[]).includes(position)) return position as BannerPosition;
    warn(`position: "${String(position).slice(0, 20)}" is not one of ${POSITIONS.join(', ')}; "bottom" is used.`);
    return 'bottom';
  }

  private headingLevel(): number {
    const level = Number(this.host.element.headingLevel);
    if (Number.isInteger(level) && level >= 2 && level <= 6) return level;
    warn(`heading-level: "${String(this.host.element.headingLevel).slice(0, 10)}" is not 2–6; 2 is used.`);
    return 2;
  }

  /** The name a site gave a language in its texts, if any (shipped languages have their own in the view). */
  /** The policy link, checked again only when `policy-url` or the page's base URL changes (URL parsing is costly). */
  private readonly policyUrlFor = lastCall(safePolicyUrl);

  private policyUrl(): string | null {
    return this.policyUrlFor(this.host.element.policyUrl, document.baseURI);
  }

  /** The picker's options: the same list while the languages and the site's names for them stay the same. */
  private readonly optionsFor = lastCall((codes: readonly string[], _texts: Texts) =>
    view.pickerOptions(codes, (code) => this.languageName(code)),
  );

  private pickerOptions(): view.LanguageOption[] {
    return this.optionsFor(this.localize.available(), this.host.texts());
  }

  private languageName(code: string): string | undefined {
    const own = this.host.texts()[code]?.['language'];
    const name = typeof own === 'object' ? own['name'] : undefined;
    return typeof name === 'string' ? name : undefined;
  }

  /** The rendered parts focus and scroll padding work with (none before the view is loaded). */
  private parts(): RenderedParts {
    return this.localize.view ? view.renderedParts(this.host.element.renderRoot) : NO_PARTS;
  }
}

/** Makes the screen of a banner. */
export function createUi(host: UiHost): BannerUi {
  // First: from here on this chunk's warnings are the entry's, said once per page (see src/internal/warn-relay.ts).
  relayWarnings(host.services);
  return new BannerUi(host);
}
